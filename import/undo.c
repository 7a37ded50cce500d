/*
 * undo.c: undoing an import run, in reverse, from the changes it recorded (import_changes).
 *
 * A session edited since the import (its fields or speakers are no longer those the run left,
 * or a session the run cancelled is scheduled again) is kept as it is and listed: undo never
 * destroys later work silently. Everything undo deletes or puts back is written to the history like
 * any other change, so /history can restore it.
 */
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "import/undo.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/record.h"

/* The latest of its event's runs, or of its scope's (a governance file's snapshots). */
static const char check_sql[] =
	"SELECT r.undone_at IS NOT NULL, (SELECT count(*) FROM import_runs l WHERE (l.event_id = r.event_id"
	" OR l.scope = r.scope) AND l.id > r.id AND l.undone_at IS NULL) FROM import_runs r WHERE r.id = ?1";
static const char changes_sql[] =
	"SELECT kind, local_id, action, before, source_key, key_before, after FROM import_changes"
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
	"UPDATE sessions SET status = 'scheduled', version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";
static const char person_unused_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM appearances WHERE person_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM roles WHERE person_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM affiliations WHERE person_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM users WHERE person_id = ?1)";
static const char person_delete_sql[] = "DELETE FROM people WHERE id = ?1";
static const char org_unused_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM appearances WHERE org_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM affiliations WHERE org_id = ?1) AND NOT EXISTS"
	" (SELECT 1 FROM roles WHERE org_id = ?1) AND NOT EXISTS (SELECT 1 FROM projects WHERE org_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM users WHERE org_id = ?1)";
static const char org_delete_sql[] = "DELETE FROM organizations WHERE id = ?1";
static const char event_unused_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM sessions WHERE event_id = ?1)"
	" AND NOT EXISTS (SELECT 1 FROM events WHERE parent_id = ?1)";
static const char event_delete_sql[] = "DELETE FROM events WHERE id = ?1";
static const char event_key_delete_sql[] = "DELETE FROM source_keys WHERE kind = 'event' AND local_id = ?1";
static const char mark_sql[] =
	"UPDATE import_runs SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";
/* Edited since the run: a field or the speakers differ from the state the run left (?2; for a
 * session it made, the values it imported, still under its key ?4 as this is the latest run of
 * the event), or, for a cancellation, the session is scheduled again. */
static const char edited_sql[] =
	"WITH left_as(state) AS (SELECT coalesce(?2, (SELECT imported FROM source_keys WHERE kind = 'session'"
	"  AND local_id = ?1 AND key = ?4)))"
	" SELECT s.title, CASE WHEN ?3 = 'cancel' THEN s.status <> 'cancelled' WHEN (SELECT state FROM left_as)"
	"  IS NULL THEN 0"
	" ELSE EXISTS (SELECT 1 FROM left_as, json_each('[\"title\",\"subtitle\",\"kind\",\"track\",\"room\","
	"\"starts_at\",\"duration_min\",\"abstract\",\"url\",\"speakers\"]') f WHERE"
	" json_extract(state, '$.' || f.value) IS NOT json_extract(json_object('title', s.title, 'subtitle',"
	" s.subtitle, 'kind', s.kind, 'track', s.track, 'room', s.room, 'starts_at', s.starts_at,"
	" 'duration_min', s.duration_min, 'abstract', s.abstract, 'url', s.url, 'speakers',"
	" (SELECT json_group_array(json_array(person_id, org_id)) FROM (SELECT person_id, org_id"
	" FROM appearances WHERE session_id = s.id ORDER BY position, id))), '$.' || f.value)) END"
	" FROM sessions s WHERE s.id = ?1";

/* The integer answer of a one-row query about id; -1 on error. */
static long long
ask(sqlite3 *db, const char *sql, long long id)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_one_int(st, -1);
}

/* 1 when the session was edited since the run (and is listed in kept), 0, -1. */
static int
edited(struct undo *u, long long id, const char *action, const char *after, const char *key)
{
	sqlite3_stmt *st = db_stmt(u->db, edited_sql);
	int rc = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, after);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	db_bind_text(st, 4, key);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1)) {
		buf_appendf(u->kept, "kept: \"%s\" (/sessions/%lld) was edited after the import\n",
		    sqlite3_column_text(st, 0), id);
		rc = 1;
	}
	sqlite3_reset(st);
	return rc;
}

/* A session back to the state before the run (before), written to the history. */
static int
session_put_back(struct undo *u, long long id, const char *action, const char *before,
    const char *key, const char *key_before)
{
	struct buf was = BUF_INIT;
	int rc = undo_snapshot(u->db, "session", id, &was);

	if (rc == 0 && strcmp(action, "cancel") == 0)
		rc = undo_step(u->db, uncancel_sql, id, NULL, NULL);
	else if (rc == 0)
		rc = undo_step(u->db, session_restore_sql, id, before, NULL) ||
		    undo_step(u->db, speakers_clear_sql, id, NULL, NULL) ||
		    undo_step(u->db, speakers_restore_sql, id, before, NULL) ? -1 : 0;
	if (rc == 0)
		rc = undo_step(u->db, key_restore_sql, id, key, key_before);
	if (rc == 0 && was.len && audit_write(u->db, u->req, "session", id, "update", was.data, NULL) != MODEL_OK)
		rc = -1;
	buf_release(&was);
	return rc;
}

static int
undo_session(struct undo *u, long long id, const char *action, const char *before, const char *key,
    const char *key_before, const char *after)
{
	int e = edited(u, id, action, after, key);

	if (e != 0)
		return e < 0 ? -1 : 0;
	if (strcmp(action, "create") == 0)
		return undo_delete_recorded(u, "session", id, session_delete_sql) ||
		    undo_step(u->db, key_delete_sql, id, "session", NULL) ? -1 : 0;
	return session_put_back(u, id, action, before, key, key_before);
}

static int
undo_one(struct undo *u, sqlite3_stmt *c)
{
	const char *kind = (const char *)sqlite3_column_text(c, 0);
	const char *action = (const char *)sqlite3_column_text(c, 2);
	long long id = sqlite3_column_int64(c, 1);

	if (gov_undoes(kind, action))
		return gov_undo_one(u, kind, id, action, (const char *)sqlite3_column_text(c, 3),
		    (const char *)sqlite3_column_text(c, 6));
	if (strcmp(kind, "session") == 0)
		return undo_session(u, id, action, (const char *)sqlite3_column_text(c, 3),
		    (const char *)sqlite3_column_text(c, 4), (const char *)sqlite3_column_text(c, 5),
		    (const char *)sqlite3_column_text(c, 6));
	if (strcmp(kind, "person") == 0)
		return ask(u->db, person_unused_sql, id) != 1 ? 0 :
		    undo_delete_recorded(u, "person", id, person_delete_sql) ||
		    undo_step(u->db, key_delete_sql, id, "person", NULL) ? -1 : 0;
	if (strcmp(kind, "organization") == 0)
		return ask(u->db, org_unused_sql, id) != 1 ? 0 :
		    undo_delete_recorded(u, "organization", id, org_delete_sql);
	return ask(u->db, event_unused_sql, id) != 1 ? 0 :
	    undo_delete_recorded(u, "event", id, event_delete_sql) ||
	    undo_step(u->db, event_key_delete_sql, id, NULL, NULL) ? -1 : 0;
}

/* The run may be undone: it exists, was not undone, and is its event's latest. 0 or -1. */
static int
check(struct undo *u, long long run)
{
	sqlite3_stmt *st = db_stmt(u->db, check_sql);
	int rc = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) != SQLITE_ROW)
		buf_appendf(u->err, "there is no import run %lld", run);
	else if (sqlite3_column_int(st, 0))
		buf_appendf(u->err, "import run %lld was already undone", run);
	else if (sqlite3_column_int(st, 1))
		buf_appendf(u->err, "import run %lld has later imports of the same event or file: undo those first",
		    run);
	else
		rc = 0;
	sqlite3_reset(st);
	return rc;
}

int
import_undo(sqlite3 *db, long long run, struct request *req, struct buf *kept, struct buf *err)
{
	struct undo u = { db, req, kept, err };
	sqlite3_stmt *c = NULL;
	int rc = -1;

	if (db_begin(db) == -1) {
		buf_puts(err, "the database is busy");
		return -1;
	}
	if (check(&u, run) == -1)
		goto out;
	/* The changes are read whole before undoing any: the cursor must not see its own writes. */
	if (sqlite3_prepare_v2(db, changes_sql, -1, &c, NULL) != SQLITE_OK) {
		buf_appendf(err, "%s", sqlite3_errmsg(db));
		goto out;
	}
	sqlite3_bind_int64(c, 1, run);
	rc = 0;
	while (rc == 0 && sqlite3_step(c) == SQLITE_ROW)
		rc = undo_one(&u, c);
	if (rc == 0)
		rc = undo_step(db, mark_sql, run, NULL, NULL);
	if (rc == -1 && err->len == 0)
		buf_appendf(err, "undo failed: %s", sqlite3_errmsg(db));
out:
	sqlite3_finalize(c);
	if (rc == -1) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
