/* audit.c: audit rows written in the same transaction as the change they describe. */
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "core/buf.h"
#include "model/db.h"
#include "core/log.h"
#include "model/record.h"

static int
snapshot(sqlite3 *db, const char *kind, long long id, struct buf *out)
{
	const struct record_kind *k = record_kind_by_name(kind);
	sqlite3_stmt *st;

	if (k == NULL)
		return log_err("audit: unknown kind %s", kind);
	if ((st = db_stmt(db, k->snapshot_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_one_text(st, out) == 0 ? 1 : 0;	/* 0: no such row */
}

const char *
audit_capture(sqlite3 *db, struct request *req, const char *kind, long long id, int *err)
{
	struct buf b = BUF_INIT;
	const char *s = NULL;
	int rc = snapshot(db, kind, id, &b);

	if (rc < 0)
		*err = 1;
	else if (rc == 1)
		s = req_strndup(req, b.data, b.len);
	buf_release(&b);
	return s;
}

static const char insert_sql[] =
	"INSERT INTO audit(user_id, user_login, kind, record_id, action, before, after)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

long long
audit_write(sqlite3 *db, struct request *req, const char *kind, long long id, const char *action,
    const char *before)
{
	struct buf after = BUF_INIT;
	long long rc;
	int have;

	if ((have = snapshot(db, kind, id, &after)) < 0) {
		buf_release(&after);
		return -1;
	}
	rc = audit_insert(db, req, kind, id, action, before, have ? after.data : NULL);
	buf_release(&after);
	return rc;
}

long long
audit_insert(sqlite3 *db, struct request *req, const char *kind, long long id, const char *action,
    const char *before, const char *after)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, insert_sql)) == NULL)
		return -1;
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
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return log_err("audit: %s", sqlite3_errmsg(db));
	return sqlite3_last_insert_rowid(db);
}
