/* role_rows.c: the roles export's query (see role_rows.h). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/mem.h"
#include "model/current_org.h"
#include "model/db.h"
#include "model/role_rows.h"

/* Every filter a named parameter, NULL when not given: one statement for every combination. */
static const char roles_sql[] =
	"SELECT p.name, p.github, b.name, r.role, r.seat_type, o.name, r.starts_on, r.ends_on, "
	CURRENT_ORG("p.id")
	" FROM roles r JOIN people p ON p.id = r.person_id JOIN bodies b ON b.id = r.body_id"
	" LEFT JOIN organizations o ON o.id = r.org_id"
	" WHERE (:body IS NULL OR b.slug = :body)"
	" AND (:role IS NULL OR r.role = :role)"
	" AND (:seat_type IS NULL OR r.seat_type = :seat_type)"
	" AND (:on IS NULL OR (r.starts_on <= :on AND (r.ends_on IS NULL OR r.ends_on >= :on)))"
	" AND (NOT :current OR (r.starts_on <= date('now') AND (r.ends_on IS NULL OR r.ends_on >= date('now'))))"
	" ORDER BY b.name, b.id, r.starts_on, p.name, r.id";

struct role_rows {
	sqlite3_stmt	*st;
};

struct role_rows *
role_rows_open(struct db_conn *c, const struct role_query *q)
{
	sqlite3 *db = conn_db(c);
	struct role_rows *r = xcalloc(1, sizeof(*r));

	/* The stream's own statement, not the db_stmt cache: see conn.h. */
	if (sqlite3_prepare_v2(db, roles_sql, -1, &r->st, NULL)) {
		log_err("export: %s", sqlite3_errmsg(db));
		role_rows_close(r);
		return NULL;
	}
	db_bind_text(r->st, sqlite3_bind_parameter_index(r->st, ":body"), q->body);
	db_bind_text(r->st, sqlite3_bind_parameter_index(r->st, ":role"), q->role);
	db_bind_text(r->st, sqlite3_bind_parameter_index(r->st, ":seat_type"), q->seat_type);
	db_bind_text(r->st, sqlite3_bind_parameter_index(r->st, ":on"), q->on);
	sqlite3_bind_int(r->st, sqlite3_bind_parameter_index(r->st, ":current"), q->current != 0);
	return r;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
role_rows_next(struct role_rows *r, struct role_row *row)
{
	int rc = sqlite3_step(r->st);

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return log_err("export: %s", sqlite3_errmsg(sqlite3_db_handle(r->st)));
	row->person = col(r->st, 0);
	row->github = col(r->st, 1);
	row->body = col(r->st, 2);
	row->role = col(r->st, 3);
	row->seat_type = col(r->st, 4);
	row->organization = col(r->st, 5);
	row->starts_on = col(r->st, 6);
	row->ends_on = col(r->st, 7);
	row->current_organization = col(r->st, 8);
	return 1;
}

void
role_rows_close(struct role_rows *r)
{
	if (r == NULL)
		return;
	sqlite3_finalize(r->st);
	free(r);
}
