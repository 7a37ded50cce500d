/* person.c: the people's queries (see person.h). */
#include <string.h>

#include "model/db.h"
#include "model/listing.h"
#include "model/person.h"

static const char list_sql[] =
	"SELECT p.name, p.slug, p.github, (SELECT count(*) FROM appearances a WHERE a.person_id = p.id),"
	" (SELECT o.name FROM affiliations f JOIN organizations o ON o.id = f.org_id"
	"  WHERE f.person_id = p.id AND (f.until IS NULL OR f.until >= date('now'))"
	"  ORDER BY f.since DESC LIMIT 1)"
	" FROM people p ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?1 OFFSET ?2";
static const char count_sql[] = "SELECT count(*) FROM people";

enum model_status
person_list(struct request *req, long long offset, int limit, struct person_list *l)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((ms = db_query(count_sql, &st)) != MODEL_OK)
		return ms;
	l->total = db_one_int(st, 0);
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct person_item *p;

		l->items = req_grow(req, l->items, l->n, &cap, sizeof(*p));
		p = &l->items[l->n++];
		p->name = db_col(req, st, 0);
		p->slug = db_col(req, st, 1);
		p->github = db_col(req, st, 2);
		p->sessions = db_col_int(st, 3);
		p->org_now = db_col(req, st, 4);
	}
	return db_done(st, rc, "people");
}

/* The co-speakers come by person id: the order the JSON form has always had. */
static const char history_sql[] =
	"SELECT " SESSION_ITEM_COLS ", a.role, o.name, o.slug,"
	" (SELECT group_concat(slug, ' ') FROM (SELECT q.slug FROM appearances b"
	"  JOIN people q ON q.id = b.person_id WHERE b.session_id = s.id AND b.person_id <> a.person_id"
	"  ORDER BY b.person_id))"
	" FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.person_id = ?1"
	" ORDER BY coalesce(s.starts_utc, e.starts_on) DESC, s.id DESC";

/* Slugs separated by spaces (slugs hold none) as an array. */
static void
split_slugs(struct request *req, const char *s, struct appearance_item *a)
{
	size_t cap = 0;

	a->co_speakers = NULL;
	a->n_co_speakers = 0;
	while (s && *s) {
		size_t n = strcspn(s, " ");

		a->co_speakers = req_grow(req, a->co_speakers, a->n_co_speakers, &cap, sizeof(char *));
		a->co_speakers[a->n_co_speakers++] = req_strndup(req, s, n);
		s += n;
		s += *s == ' ';
	}
}

enum model_status
person_history(struct request *req, long long person, struct appearance_item **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(history_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, person);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct appearance_item *a;

		*out = req_grow(req, *out, *n, &cap, sizeof(*a));
		a = &(*out)[(*n)++];
		session_item_read(req, st, 0, &a->session);
		a->role = db_col(req, st, SESSION_ITEM_NCOLS);
		a->org = db_col(req, st, SESSION_ITEM_NCOLS + 1);
		a->org_slug = db_col(req, st, SESSION_ITEM_NCOLS + 2);
		split_slugs(req, (const char *)sqlite3_column_text(st, SESSION_ITEM_NCOLS + 3), a);
	}
	return db_done(st, rc, "speaking history");
}

static const char roles_sql[] =
	"SELECT r.id, b.name, b.slug, r.role, r.seat_type, r.starts_on, r.ends_on, o.name, o.slug"
	" FROM roles r JOIN bodies b ON b.id = r.body_id LEFT JOIN organizations o ON o.id = r.org_id"
	" WHERE r.person_id = ?1 ORDER BY r.starts_on DESC, r.id DESC";

enum model_status
person_roles(struct request *req, long long person, struct role_item **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(roles_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, person);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct role_item *r;

		*out = req_grow(req, *out, *n, &cap, sizeof(*r));
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof(*r));
		r->id = db_col_int(st, 0);
		r->body = db_col(req, st, 1);
		r->body_slug = db_col(req, st, 2);
		r->role = db_col(req, st, 3);
		r->seat_type = db_col(req, st, 4);
		r->starts_on = db_col(req, st, 5);
		r->ends_on = db_col(req, st, 6);
		r->org = db_col(req, st, 7);
		r->org_slug = db_col(req, st, 8);
	}
	return db_done(st, rc, "roles");
}

static const char affiliations_sql[] =
	"SELECT f.id, o.name, o.slug, f.title, f.since, f.until FROM affiliations f"
	" JOIN organizations o ON o.id = f.org_id WHERE f.person_id = ?1 ORDER BY f.since DESC, f.id DESC";

static enum model_status
affiliations(struct request *req, struct person_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	if ((ms = db_query(affiliations_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct affiliation_item *f;

		p->affiliations = req_grow(req, p->affiliations, p->n_affiliations, &cap, sizeof(*f));
		f = &p->affiliations[p->n_affiliations++];
		f->id = db_col_int(st, 0);
		f->org = db_col(req, st, 1);
		f->org_slug = db_col(req, st, 2);
		f->title = db_col(req, st, 3);
		f->since = db_col(req, st, 4);
		f->until = db_col(req, st, 5);
	}
	return db_done(st, rc, "affiliations");
}

static const char person_sql[] =
	"SELECT id, name, slug, email, github, bio, json(links), notes FROM people WHERE slug = ?1";

enum model_status
person_page(struct request *req, const char *slug, struct person_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	if ((ms = db_query(person_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, slug);
	if ((ms = db_row(st, "person")) != MODEL_OK)
		return ms;
	p->id = db_col_int(st, 0);
	p->name = db_col(req, st, 1);
	p->slug = db_col(req, st, 2);
	p->email = db_col(req, st, 3);
	p->github = db_col(req, st, 4);
	p->bio = db_col(req, st, 5);
	p->links = db_col(req, st, 6);
	p->notes = db_col(req, st, 7);
	sqlite3_reset(st);
	if ((ms = affiliations(req, p)) != MODEL_OK ||
	    (ms = person_history(req, p->id, &p->history, &p->n_history)) != MODEL_OK)
		return ms;
	return person_roles(req, p->id, &p->roles, &p->n_roles);
}
