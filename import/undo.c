/* undo.c: undoing an import run, in reverse, from the changes it recorded (import_changes). */
#include <string.h>

#include "model/db.h"
#include "import/schedule.h"

static const char check_sql[] =
	"SELECT r.undone_at IS NOT NULL, (SELECT count(*) FROM import_runs l WHERE l.event_id = r.event_id"
	" AND l.id > r.id AND l.undone_at IS NULL) FROM import_runs r WHERE r.id = ?1";
static const char changes_sql[] =
	"SELECT kind, local_id, action, before, source_key, key_before FROM import_changes"
	" WHERE run_id = ?1 ORDER BY seq DESC";
static const char session_delete_sql[] = "DELETE FROM sessions WHERE id = ?1";
static const char key_delete_sql[] = "DELETE FROM source_keys WHERE kind = ?2 AND local_id = ?1";
static const char key_restore_sql[] =
	"UPDATE source_keys SET imported = ?3 WHERE kind = 'session' AND local_id = ?1 AND key = ?2";
static const char session_restore_sql[] =
	"UPDATE sessions SET title = json_extract(?2, '$.state.title'), subtitle = json_extract(?2, '$.state.subtitle'),"
	" kind = json_extract(?2, '$.state.kind'), track = json_extract(?2, '$.state.track'),"
	" room = json_extract(?2, '$.state.room'), starts_at = json_extract(?2, '$.state.starts_at'),"
	" duration_min = json_extract(?2, '$.state.duration_min'), abstract = json_extract(?2, '$.state.abstract'),"
	" url = json_extract(?2, '$.state.url'), status = json_extract(?2, '$.status'), version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";
static const char speakers_clear_sql[] = "DELETE FROM appearances WHERE session_id = ?1";
static const char speakers_restore_sql[] =
	"INSERT INTO appearances(session_id, person_id, org_id, position)"
	" SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), key + 1"
	" FROM json_each(?2, '$.state.speakers')";
static const char uncancel_sql[] =
	"UPDATE sessions SET status = 'scheduled', version = version + 1 WHERE id = ?1";
static const char person_delete_sql[] =
	"DELETE FROM people WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM appearances WHERE person_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM roles WHERE person_id = ?1)";
static const char org_delete_sql[] =
	"DELETE FROM organizations WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM appearances WHERE org_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM affiliations WHERE org_id = ?1) AND NOT EXISTS"
	" (SELECT 1 FROM roles WHERE org_id = ?1) AND NOT EXISTS (SELECT 1 FROM projects WHERE org_id = ?1)";
static const char event_delete_sql[] =
	"DELETE FROM events WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM sessions WHERE event_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM events WHERE parent_id = ?1)";
static const char event_key_delete_sql[] = "DELETE FROM source_keys WHERE kind = 'event' AND local_id = ?1";
static const char mark_sql[] =
	"UPDATE import_runs SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";

/* Runs one statement bound to (id, a, b); 0 or -1. */
static int
step3(sqlite3 *db, const char *sql, long long id, const char *a, const char *b)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2)
		db_bind_text(st, 2, a);
	if (sqlite3_bind_parameter_count(st) >= 3)
		db_bind_text(st, 3, b);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
undo_one(sqlite3 *db, const char *kind, long long id, const char *action, const char *before,
    const char *key, const char *key_before)
{
	if (strcmp(kind, "session") == 0) {
		if (strcmp(action, "create") == 0)
			return step3(db, session_delete_sql, id, NULL, NULL) ||
			    step3(db, key_delete_sql, id, "session", NULL) ? -1 : 0;
		if (strcmp(action, "cancel") == 0)
			return step3(db, uncancel_sql, id, NULL, NULL) ||
			    step3(db, key_restore_sql, id, key, key_before) ? -1 : 0;
		return step3(db, session_restore_sql, id, before, NULL) ||
		    step3(db, speakers_clear_sql, id, NULL, NULL) ||
		    step3(db, speakers_restore_sql, id, before, NULL) ||
		    step3(db, key_restore_sql, id, key, key_before) ? -1 : 0;
	}
	if (strcmp(kind, "person") == 0)
		return step3(db, person_delete_sql, id, NULL, NULL) ||
		    step3(db, key_delete_sql, id, "person", NULL) ? -1 : 0;
	if (strcmp(kind, "organization") == 0)
		return step3(db, org_delete_sql, id, NULL, NULL);
	return step3(db, event_delete_sql, id, NULL, NULL) || step3(db, event_key_delete_sql, id, NULL, NULL) ? -1 : 0;
}

int
import_undo(sqlite3 *db, long long run, struct buf *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if ((st = db_stmt(db, check_sql)) == NULL || db_begin(db) == -1) {
		buf_puts(err, "the database is not available");
		return -1;
	}
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		db_rollback(db);
		buf_appendf(err, "there is no import run %lld", run);
		return -1;
	}
	if (sqlite3_column_int(st, 0) || sqlite3_column_int(st, 1)) {
		buf_appendf(err, sqlite3_column_int(st, 0) ? "import run %lld was already undone" :
		    "import run %lld has later imports of the same event: undo those first", run);
		sqlite3_reset(st);
		db_rollback(db);
		return -1;
	}
	sqlite3_reset(st);
	/* The changes are read whole before undoing any: the cursor must not see its own writes. */
	{
		sqlite3_stmt *c = NULL;

		if (sqlite3_prepare_v2(db, changes_sql, -1, &c, NULL) != SQLITE_OK) {
			db_rollback(db);
			buf_appendf(err, "%s", sqlite3_errmsg(db));
			return -1;
		}
		sqlite3_bind_int64(c, 1, run);
		while (rc == 0 && sqlite3_step(c) == SQLITE_ROW)
			rc = undo_one(db, (const char *)sqlite3_column_text(c, 0), sqlite3_column_int64(c, 1),
			    (const char *)sqlite3_column_text(c, 2), (const char *)sqlite3_column_text(c, 3),
			    (const char *)sqlite3_column_text(c, 4), (const char *)sqlite3_column_text(c, 5));
		sqlite3_finalize(c);
	}
	if (rc == 0)
		rc = step3(db, mark_sql, run, NULL, NULL);
	if (rc == -1) {
		buf_appendf(err, "undo failed: %s", sqlite3_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
