/* alias.c: the organizations' aliases (alias.h), table org_aliases (0009). */
#include <string.h>

#include "model/alias.h"
#include "model/db.h"

static const char list_sql[] =
	"SELECT a.id, a.alias, o.name, o.slug, a.created_by, a.created_at FROM org_aliases a"
	" JOIN organizations o ON o.id = a.org_id ORDER BY o.name COLLATE NOCASE, a.alias COLLATE NOCASE";

#define A(type, field)	COL(type, struct alias_item, field)
static const struct column alias_cols[] = {
	A(LONG, id), A(TEXT, alias), A(TEXT, org), A(TEXT, org_slug), A(TEXT, created_by), A(TEXT, created_at),
};
static const struct row_type alias_row = ROW_TYPE(struct alias_item, alias_cols, NULL, "aliases");

enum model_status
alias_list(struct request *req, struct alias_item **out, size_t *n)
{
	enum model_status ms;

	*out = db_rows_of(req, list_sql, 0, 0, 0, &alias_row, n, &ms);
	return ms;
}

static const char add_sql[] =
	"INSERT INTO org_aliases(alias, org_id, created_by) SELECT trim(?1), id, ?3 FROM organizations WHERE slug = ?2";

enum model_status
alias_add(struct request *req, const char *alias, const char *org_slug)
{
	sqlite3_stmt *st;
	enum model_status ms;
	int rc;

	if ((ms = db_query(add_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, alias);
	db_bind_text(st, 2, org_slug);
	db_bind_text(st, 3, req->user ? req->user->login : NULL);
	rc = sqlite3_step(st);
	if ((ms = db_done(st, rc, "alias")) == MODEL_OK && sqlite3_changes(db_thread()) == 0)
		ms = MODEL_NOT_FOUND;
	return ms;
}

static const char delete_sql[] = "DELETE FROM org_aliases WHERE id = ?1";

enum model_status
alias_delete(struct request *req, long long id)
{
	sqlite3_stmt *st;
	enum model_status ms;
	int rc;

	(void)req;
	if ((ms = db_query(delete_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if ((ms = db_done(st, rc, "alias")) == MODEL_OK && sqlite3_changes(db_thread()) == 0)
		ms = MODEL_NOT_FOUND;
	return ms;
}
