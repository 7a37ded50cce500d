/* merge.c: the side-by-side preview of two duplicates (the merge itself is restore.c's, with its undo). */
#include <string.h>

#include "model/db.h"
#include "model/merge.h"
#include "model/record.h"

/* What refers to a record, per kind: each list's title and query (?1 the record, ?2 how many). */
static const struct { const char *kind, *title, *sql; } lists[] = {
	{ "person", "Sessions",
	  "SELECT s.title, '/sessions/' || s.id, e.name || ' \xc2\xb7 ' || coalesce(substr(s.starts_at, 1, 10),"
	  " e.starts_on), NULL, NULL, NULL, NULL, count(*) OVER () FROM appearances a"
	  " JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id"
	  " WHERE a.person_id = ?1 ORDER BY s.starts_utc DESC, s.id LIMIT ?2" },
	{ "person", "Roles and seats",
	  "SELECT b.name, '/bodies/' || b.slug, o.name, r.role, r.seat_type, r.starts_on, r.ends_on, count(*) OVER ()"
	  " FROM roles r JOIN bodies b ON b.id = r.body_id LEFT JOIN organizations o ON o.id = r.org_id"
	  " WHERE r.person_id = ?1 ORDER BY r.starts_on DESC, r.id LIMIT ?2" },
	{ "person", "Affiliations",
	  "SELECT o.name, '/orgs/' || o.slug, a.title, NULL, NULL, a.since, a.until, count(*) OVER ()"
	  " FROM affiliations a JOIN organizations o ON o.id = a.org_id WHERE a.person_id = ?1"
	  " ORDER BY a.since DESC, a.id LIMIT ?2" },
	{ "person", "Logins",
	  "SELECT login, NULL, role || CASE WHEN disabled THEN ', disabled' ELSE '' END, NULL, NULL, NULL, NULL,"
	  " count(*) OVER () FROM users WHERE person_id = ?1 ORDER BY login LIMIT ?2" },
	{ "organization", "Sessions credited to it",
	  "SELECT s.title, '/sessions/' || s.id, p.name || ' \xc2\xb7 ' || e.name, NULL, NULL, NULL, NULL, count(*) OVER ()"
	  " FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id"
	  " JOIN people p ON p.id = a.person_id WHERE a.org_id = ?1 ORDER BY s.starts_utc DESC, a.id LIMIT ?2" },
	{ "organization", "People affiliated",
	  "SELECT p.name, '/people/' || p.slug, a.title, NULL, NULL, a.since, a.until, count(*) OVER ()"
	  " FROM affiliations a JOIN people p ON p.id = a.person_id WHERE a.org_id = ?1"
	  " ORDER BY a.since DESC, a.id LIMIT ?2" },
	{ "organization", "Roles and seats held for it",
	  "SELECT p.name || ', ' || b.name, '/bodies/' || b.slug, NULL, r.role, r.seat_type, r.starts_on, r.ends_on,"
	  " count(*) OVER () FROM roles r JOIN bodies b ON b.id = r.body_id JOIN people p ON p.id = r.person_id"
	  " WHERE r.org_id = ?1 ORDER BY r.starts_on DESC, r.id LIMIT ?2" },
	{ "organization", "Projects contributed",
	  "SELECT name, NULL, maturity, NULL, NULL, NULL, NULL, count(*) OVER () FROM projects WHERE org_id = ?1"
	  " ORDER BY name LIMIT ?2" },
	{ "organization", "Logins",
	  "SELECT login, NULL, role || CASE WHEN disabled THEN ', disabled' ELSE '' END, NULL, NULL, NULL, NULL,"
	  " count(*) OVER () FROM users WHERE org_id = ?1 ORDER BY login LIMIT ?2" },
};

#define M(type, field)	COL(type, struct merge_item, field)
static const struct column item_cols[] = {
	M(TEXT, text), M(TEXT, href), M(TEXT, detail), M(TEXT, role), M(TEXT, seat_type), M(TEXT, since),
	M(TEXT, until), M(LONG, total),
};
static const struct row_type item_row = ROW_TYPE(struct merge_item, item_cols, NULL, "merge preview");

static enum model_status
side_lists(struct request *req, const char *kind, struct merge_side *s)
{
	enum model_status ms = MODEL_OK;

	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]) && ms == MODEL_OK; i++) {
		struct merge_list *l;

		if (strcmp(lists[i].kind, kind) != 0 || s->n_lists == MERGE_LISTS)
			continue;
		l = &s->lists[s->n_lists++];
		l->title = lists[i].title;
		l->items = db_rows_of(req, lists[i].sql, s->id, MERGE_SHOWN, 0, &item_row, &l->n, &ms);
		l->total = l->n ? l->items[0].total : 0;
	}
	return ms;
}

static enum model_status
side(struct request *req, const struct record_kind *k, long long id, struct merge_side *s)
{
	enum model_status ms;
	size_t name = 0;

	memset(s, 0, sizeof(*s));
	s->id = id;
	if ((ms = editor_load(req, k, id, &s->form)) != MODEL_OK)
		return ms;
	s->version = s->form.version;
	s->slug = record_key(req, k, id);
	for (const struct field *f = k->fields; f->name && strcmp(f->name, "name") != 0; f++)
		name++;
	s->name = s->form.values[name];
	return side_lists(req, k->kind, s);
}

static const char shared_sql[] =
	"SELECT count(*) FROM appearances a WHERE a.person_id = ?1 AND EXISTS (SELECT 1 FROM appearances b"
	" WHERE b.session_id = a.session_id AND b.person_id = ?2)";

enum model_status
merge_preview(struct request *req, const struct record_kind *k, long long a, long long b, struct merge_preview *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	p->k = k;
	if (a == b)
		return MODEL_INVALID;
	if ((ms = side(req, k, a, &p->a)) != MODEL_OK || (ms = side(req, k, b, &p->b)) != MODEL_OK)
		return ms;
	if (!(k->flags & RECORD_APPEARS))
		return MODEL_OK;
	if ((ms = db_query(shared_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	p->shared = db_one_int(st, 0);
	return MODEL_OK;
}

enum merge_field
merge_field_state(const struct merge_preview *p, size_t i)
{
	const char *a = p->a.form.values[i], *b = p->b.form.values[i];

	if (a == NULL && b == NULL)
		return MERGE_SAME;
	if (b == NULL)
		return MERGE_ONLY_A;
	if (a == NULL)
		return MERGE_ONLY_B;
	return strcmp(a, b) == 0 ? MERGE_SAME : MERGE_BOTH;
}
