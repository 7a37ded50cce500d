/* audit.c: audit rows written in the same transaction as the change they describe. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/record.h"

/* The snapshot statement of record id of kind, on its row in *st (NULL when there is none). */
static enum model_status
snapshot(sqlite3 *db, const char *kind, long long id, sqlite3_stmt **st)
{
	const struct record_kind *k = record_kind_by_name(kind);
	enum model_status ms;

	*st = NULL;
	if (k == NULL) {
		log_err("audit: unknown kind %s", kind);
		return MODEL_ERROR;
	}
	if ((*st = db_stmt(db, k->snapshot_sql)) == NULL)
		return db_failed(db, 0, "audit");
	sqlite3_bind_int64(*st, 1, id);
	if ((ms = db_row(*st, "audit")) != MODEL_OK)
		*st = NULL;	/* db_row reset it */
	return ms == MODEL_NOT_FOUND ? MODEL_OK : ms;
}

enum model_status
audit_capture(sqlite3 *db, struct request *req, const char *kind, long long id, const char **out)
{
	sqlite3_stmt *st;
	enum model_status ms = snapshot(db, kind, id, &st);

	*out = NULL;
	if (st) {
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
	sqlite3_stmt *st;
	enum model_status ms = snapshot(db, kind, id, &st);

	/* The state after is read from the snapshot's row (audit_insert copies it): no arena
	 * needed, so a command-line run may pass no request. */
	if (ms == MODEL_OK)
		ms = audit_insert(db, req, kind, id, action, before,
		    st ? (const char *)sqlite3_column_text(st, 0) : NULL);
	if (st)
		sqlite3_reset(st);
	if (ms == MODEL_OK && audit_id)
		*audit_id = sqlite3_last_insert_rowid(db);
	return ms;
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
