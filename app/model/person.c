/* person.c: the people's queries (see person.h). */
#include <string.h>

#include "core/sort.h"
#include "model/db.h"
#include "model/listing.h"
#include "model/person.h"

static const char list_sql[] =
	"SELECT p.name, p.slug, p.github, (SELECT count(*) FROM appearances a WHERE a.person_id = p.id),"
	" (SELECT o.name FROM affiliations f JOIN organizations o ON o.id = f.org_id"
	"  WHERE f.person_id = p.id AND (f.until IS NULL OR f.until >= date('now'))"
	"  ORDER BY f.since DESC LIMIT 1)"
	" FROM people p ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2 OFFSET ?3";
static const char count_sql[] = "SELECT count(*) FROM people";

#define I(type, field)	COL(type, struct person_item, field)
static const struct column item_cols[] = {
	I(TEXT, name), I(TEXT, slug), I(TEXT, github), I(LONG, sessions), I(TEXT, org_now),
};
static const struct row_type item_row = ROW_TYPE(struct person_item, item_cols, NULL, "people");

enum model_status
person_list(struct request *req, long long offset, int limit, struct person_list *l)
{
	enum model_status ms;

	l->items = db_page_rows(req, count_sql, list_sql, limit, offset, &item_row, &l->n, &l->total, &ms);
	return ms;
}

#define HISTORY_SQL(cols) \
	"SELECT " cols ", a.role, o.name, o.slug, a.person_id" \
	" FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id" \
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.person_id = ?1" \
	" ORDER BY coalesce(s.starts_utc, e.starts_on) DESC, s.id DESC"
static const char history_sql[] = HISTORY_SQL(SESSION_ITEM_COLS);
/* The co-speakers' organizations are most of the history's cost; only the page shows them. */
static const char history_brief_sql[] = HISTORY_SQL(SESSION_ITEM_COLS_BRIEF);

static int
by_person(const void *a, const void *b)
{
	long long x = ((const struct speaker *)a)->person, y = ((const struct speaker *)b)->person;

	return x < y ? -1 : x > y;
}

/* The speakers (packed), and the others among them by person id: the order the JSON form has
 * always had. */
static void
history_lists(struct request *req, sqlite3_stmt *st, void *row)
{
	struct appearance_item *a = row;
	long long self = sqlite3_column_int64(st, SESSION_ITEM_NCOLS + 3);
	const struct speaker **others;
	void **tmp;
	size_t n = 0;

	session_item_speakers(req, st, SESSION_ITEM_NCOLS - 1, &a->session);
	others = req_alloc(req, (a->session.n_speakers + 1) * sizeof(*others));
	for (size_t i = 0; i < a->session.n_speakers; i++)
		if (a->session.speakers[i].person != self)
			others[n++] = &a->session.speakers[i];
	tmp = req_alloc(req, (n + 1) * sizeof(*tmp));
	ptr_sort((void **)others, n, tmp, by_person);
	a->co_speakers = req_alloc(req, (n + 1) * sizeof(*a->co_speakers));
	for (size_t i = 0; i < n; i++)
		a->co_speakers[i] = others[i]->slug;
	a->n_co_speakers = n;
}

#define H(type, field)	COL(type, struct appearance_item, field)
static const struct column history_cols[] = {
	SESSION_ITEM_COLUMNS(struct appearance_item, session.),
	H(TEXT, role), H(TEXT, org), H(TEXT, org_slug),
};
static const struct row_type history_row = ROW_TYPE(struct appearance_item, history_cols, history_lists,
    "speaking history");

static enum model_status
history(struct request *req, long long person, int speaker_orgs, struct appearance_item **out, size_t *n)
{
	enum model_status ms;

	*out = db_rows_of(req, speaker_orgs ? history_sql : history_brief_sql, person, 0, 0, &history_row,
	    n, &ms);
	return ms;
}

enum model_status
person_history(struct request *req, long long person, struct appearance_item **out, size_t *n)
{
	return history(req, person, 1, out, n);
}

static const char roles_sql[] =
	"SELECT r.id, b.name, b.slug, r.role, r.seat_type, r.starts_on, r.ends_on, o.name, o.slug"
	" FROM roles r JOIN bodies b ON b.id = r.body_id LEFT JOIN organizations o ON o.id = r.org_id"
	" WHERE r.person_id = ?1 ORDER BY r.starts_on DESC, r.id DESC";

#define R(type, field)	COL(type, struct role_item, field)
static const struct column role_cols[] = {
	R(LONG, id), R(TEXT, body), R(TEXT, body_slug), R(TEXT, role), R(TEXT, seat_type), R(TEXT, starts_on),
	R(TEXT, ends_on), R(TEXT, org), R(TEXT, org_slug),
};
static const struct row_type role_row = ROW_TYPE(struct role_item, role_cols, NULL, "roles");

enum model_status
person_roles(struct request *req, long long person, struct role_item **out, size_t *n)
{
	enum model_status ms;

	*out = db_rows_of(req, roles_sql, person, 0, 0, &role_row, n, &ms);
	return ms;
}

static const char affiliations_sql[] =
	"SELECT f.id, o.name, o.slug, f.title, f.since, f.until FROM affiliations f"
	" JOIN organizations o ON o.id = f.org_id WHERE f.person_id = ?1 ORDER BY f.since DESC, f.id DESC";

#define A(type, field)	COL(type, struct affiliation_item, field)
static const struct column affiliation_cols[] = {
	A(LONG, id), A(TEXT, org), A(TEXT, org_slug), A(TEXT, title), A(TEXT, since), A(TEXT, until),
};
static const struct row_type affiliation_row = ROW_TYPE(struct affiliation_item, affiliation_cols, NULL,
    "affiliations");

static const char person_sql[] =
	"SELECT id, name, slug, email, github, bio, json(links), notes FROM people WHERE slug = ?1";

#define P(type, field)	COL(type, struct person_page, field)
static const struct column person_cols[] = {
	P(LONG, id), P(TEXT, name), P(TEXT, slug), P(TEXT, email), P(TEXT, github), P(TEXT, bio),
	P(TEXT, links), P(TEXT, notes),
};
static const struct row_type person_row = ROW_TYPE(struct person_page, person_cols, NULL, "person");

enum model_status
person_page(struct request *req, const char *slug, int speaker_orgs, struct person_page *p)
{
	enum model_status ms;

	if ((ms = db_row_of(req, person_sql, slug, &person_row, p)) != MODEL_OK)
		return ms;
	p->affiliations = db_rows_of(req, affiliations_sql, p->id, 0, 0, &affiliation_row,
	    &p->n_affiliations, &ms);
	if (ms == MODEL_OK)
		ms = history(req, p->id, speaker_orgs, &p->history, &p->n_history);
	if (ms == MODEL_OK)
		ms = person_roles(req, p->id, &p->roles, &p->n_roles);
	return ms;
}
