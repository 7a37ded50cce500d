/* body.c: the bodies' queries (see body.h). */
#include <string.h>

#include "model/body.h"
#include "model/db.h"

static const char list_sql[] =
	"SELECT b.name, b.slug, b.kind, p.name, p.slug, (SELECT count(*) FROM roles r WHERE r.body_id = b.id),"
	" (SELECT count(*) FROM roles r WHERE r.body_id = b.id AND (r.ends_on IS NULL OR r.ends_on >= date('now')))"
	" FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id"
	" ORDER BY CASE b.kind WHEN 'toc' THEN 0 WHEN 'board' THEN 1 ELSE 2 END, b.name COLLATE NOCASE, b.id";

enum model_status
body_list(struct request *req, struct body_item **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct body_item *b;

		*out = req_grow(req, *out, *n, &cap, sizeof(*b));
		b = &(*out)[(*n)++];
		b->name = db_col(req, st, 0);
		b->slug = db_col(req, st, 1);
		b->kind = db_col(req, st, 2);
		b->parent = db_col(req, st, 3);
		b->parent_slug = db_col(req, st, 4);
		b->roles = db_col_int(st, 5);
		b->current_roles = db_col_int(st, 6);
	}
	return db_done(st, rc, "bodies");
}

static const char body_sql[] =
	"SELECT b.id, b.name, b.slug, b.kind, b.url, b.description, p.name, p.slug"
	" FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id WHERE b.slug = ?1";

/* Latest first; the window gives each role's place with the current terms first. */
static const char roles_sql[] =
	"SELECT r.id, p.name, p.slug, r.role, r.seat_type, r.starts_on, r.ends_on, o.name, o.slug, c,"
	" row_number() OVER (ORDER BY c DESC, r.starts_on DESC, r.id DESC) - 1"
	" FROM (SELECT *, ends_on IS NULL OR ends_on >= date('now') AS c FROM roles WHERE body_id = ?1) r"
	" JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = r.org_id"
	" ORDER BY r.starts_on DESC, r.id DESC";

static void
read_role(struct request *req, sqlite3_stmt *st, struct role_item *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_col_int(st, 0);
	r->person = db_col(req, st, 1);
	r->person_slug = db_col(req, st, 2);
	r->role = db_col(req, st, 3);
	r->seat_type = db_col(req, st, 4);
	r->starts_on = db_col(req, st, 5);
	r->ends_on = db_col(req, st, 6);
	r->org = db_col(req, st, 7);
	r->org_slug = db_col(req, st, 8);
	r->current = (int)db_col_int(st, 9);
}

static enum model_status
roles(struct request *req, struct body_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0, rank_cap = 0, *rank = NULL;
	int rc;

	if ((ms = db_query(roles_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->roles = req_grow(req, p->roles, p->n_roles, &cap, sizeof(*p->roles));
		rank = req_grow(req, rank, p->n_roles, &rank_cap, sizeof(*rank));
		rank[p->n_roles] = (size_t)db_col_int(st, 10);
		read_role(req, st, &p->roles[p->n_roles++]);
	}
	if ((ms = db_done(st, rc, "the body's roles")) != MODEL_OK)
		return ms;
	p->by_term = req_alloc(req, (p->n_roles + 1) * sizeof(*p->by_term));
	for (size_t i = 0; i < p->n_roles; i++)
		if (rank[i] < p->n_roles)
			p->by_term[rank[i]] = &p->roles[i];
	return MODEL_OK;
}

enum model_status
body_page(struct request *req, const char *slug, struct body_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	if ((ms = db_query(body_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, slug);
	if ((ms = db_row(st, "body")) != MODEL_OK)
		return ms;
	p->id = db_col_int(st, 0);
	p->name = db_col(req, st, 1);
	p->slug = db_col(req, st, 2);
	p->kind = db_col(req, st, 3);
	p->url = db_col(req, st, 4);
	p->description = db_col(req, st, 5);
	p->parent = db_col(req, st, 6);
	p->parent_slug = db_col(req, st, 7);
	sqlite3_reset(st);
	return roles(req, p);
}
