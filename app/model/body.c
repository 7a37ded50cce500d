/* body.c: the bodies' queries (see body.h). */
#include <string.h>

#include "model/body.h"
#include "model/db.h"

static const char list_sql[] =
	"SELECT b.name, b.slug, b.kind, p.name, p.slug, (SELECT count(*) FROM roles r WHERE r.body_id = b.id),"
	" (SELECT count(*) FROM roles r WHERE r.body_id = b.id AND (r.ends_on IS NULL OR r.ends_on >= date('now')))"
	" FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id"
	" ORDER BY CASE b.kind WHEN 'toc' THEN 0 WHEN 'board' THEN 1 ELSE 2 END, b.name COLLATE NOCASE, b.id";

#define I(type, field)	COL(type, struct body_item, field)
static const struct column item_cols[] = {
	I(TEXT, name), I(TEXT, slug), I(TEXT, kind), I(TEXT, parent), I(TEXT, parent_slug), I(LONG, roles),
	I(LONG, current_roles),
};
static const struct row_type item_row = ROW_TYPE(struct body_item, item_cols, NULL, "bodies");

enum model_status
body_list(struct request *req, struct body_item **out, size_t *n)
{
	enum model_status ms;

	*out = db_rows_of(req, list_sql, 0, 0, 0, &item_row, n, &ms);
	return ms;
}

static const char body_sql[] =
	"SELECT b.id, b.name, b.slug, b.kind, b.url, b.description, p.name, p.slug"
	" FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id WHERE b.slug = ?1";

#define P(type, field)	COL(type, struct body_page, field)
static const struct column body_cols[] = {
	P(LONG, id), P(TEXT, name), P(TEXT, slug), P(TEXT, kind), P(TEXT, url), P(TEXT, description),
	P(TEXT, parent), P(TEXT, parent_slug),
};
static const struct row_type body_row = ROW_TYPE(struct body_page, body_cols, NULL, "body");

/* Latest first; the window gives each role's place with the current terms first. */
static const char roles_sql[] =
	"SELECT r.id, p.name, p.slug, r.role, r.seat_type, r.starts_on, r.ends_on, o.name, o.slug, c,"
	" row_number() OVER (ORDER BY c DESC, r.starts_on DESC, r.id DESC) - 1"
	" FROM (SELECT *, ends_on IS NULL OR ends_on >= date('now') AS c FROM roles WHERE body_id = ?1) r"
	" JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = r.org_id"
	" ORDER BY r.starts_on DESC, r.id DESC";

#define R(type, field)	COL(type, struct role_item, field)
static const struct column role_cols[] = {
	R(LONG, id), R(TEXT, person), R(TEXT, person_slug), R(TEXT, role), R(TEXT, seat_type),
	R(TEXT, starts_on), R(TEXT, ends_on), R(TEXT, org), R(TEXT, org_slug), R(INT, current),
	R(SIZE, term_rank),
};
static const struct row_type role_row = ROW_TYPE(struct role_item, role_cols, NULL, "the body's roles");

enum model_status
body_page(struct request *req, const char *slug, struct body_page *p)
{
	enum model_status ms;

	if ((ms = db_row_of(req, body_sql, slug, &body_row, p)) != MODEL_OK)
		return ms;
	p->roles = db_rows_of(req, roles_sql, p->id, 0, 0, &role_row, &p->n_roles, &ms);
	p->by_term = db_ranked(req, p->roles, p->n_roles, sizeof(*p->roles), offsetof(struct role_item, term_rank));
	return ms;
}
