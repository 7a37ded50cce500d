/* audit.c: audit rows written in the same transaction as the change they describe. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/record.h"

enum model_status
audit_capture(sqlite3 *db, struct request *req, const char *kind, long long id, const char **out)
{
	const struct record_kind *k = record_kind_by_name(kind);
	sqlite3_stmt *st;
	enum model_status ms;

	*out = NULL;
	if (k == NULL) {
		log_err("audit: unknown kind %s", kind);
		return MODEL_ERROR;
	}
	if ((st = db_stmt(db, k->snapshot_sql)) == NULL)
		return db_failed(db, 0, "audit");
	sqlite3_bind_int64(st, 1, id);
	if ((ms = db_row(st, "audit")) == MODEL_NOT_FOUND)
		return MODEL_OK;
	if (ms == MODEL_OK) {
		*out = db_col(req, st, 0);
		sqlite3_reset(st);
	}
	return ms;
}

static const char insert_sql[] =
	"INSERT INTO audit(user_id, user_login, kind, record_id, action, before, after)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

enum model_status
audit_write(sqlite3 *db, struct request *req, const char *kind, long long id, const char *action,
    const char *before, long long *audit_id)
{
	const char *after;
	enum model_status ms;

	if ((ms = audit_capture(db, req, kind, id, &after)) != MODEL_OK ||
	    (ms = audit_insert(db, req, kind, id, action, before, after)) != MODEL_OK)
		return ms;
	if (audit_id)
		*audit_id = sqlite3_last_insert_rowid(db);
	return MODEL_OK;
}

enum model_status
audit_insert(sqlite3 *db, struct request *req, const char *kind, long long id, const char *action,
    const char *before, const char *after)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, insert_sql)) == NULL)
		return db_failed(db, 0, "audit");
	if (req && req->user) {
		sqlite3_bind_int64(st, 1, req->user->id);
		sqlite3_bind_text(st, 2, req->user->login, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	sqlite3_bind_text(st, 5, action, -1, SQLITE_STATIC);
	if (before)
		sqlite3_bind_text(st, 6, before, -1, SQLITE_TRANSIENT);
	if (after)
		sqlite3_bind_text(st, 7, after, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	return db_done(st, rc, "audit");
}
