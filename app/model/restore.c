/* restore.c: restore from history and merge/unmerge, each recorded in the audit trail. */
#include <string.h>

#include "model/audit.h"
#include "model/db.h"
#include "core/log.h"
#include "model/record.h"
#include "model/restore.h"

static int
exec_bound(sqlite3 *db, const char *sql, const char *json, long long id, const char **why)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		*why = sqlite3_errmsg(db);
		return log_err("restore: %s", *why);
	}
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		*why = sqlite3_errmsg(db);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The columns of a snapshot to write back: keys that are columns of the table, minus bookkeeping. */
static int
columns(sqlite3 *db, const char *table, const char *json, struct buf *set, struct buf *cols,
    struct buf *vals)
{
	static const char sql[] =
	    "SELECT key FROM json_each(?1) WHERE key IN (SELECT name FROM pragma_table_info(?2))"
	    " AND key NOT IN ('id', 'version', 'created_at', 'updated_at')";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		char *a = sqlite3_mprintf("%s%w = json_extract(?1, '$.%q')", n ? ", " : "", k, k);
		char *b = sqlite3_mprintf(", %w", k), *c = sqlite3_mprintf(", json_extract(?1, '$.%q')", k);

		buf_puts(set, a), buf_puts(cols, b), buf_puts(vals, c);
		sqlite3_free(a), sqlite3_free(b), sqlite3_free(c);
		n++;
	}
	sqlite3_reset(st);
	return n;
}

static int
put_back(sqlite3 *db, const struct record_kind *k, long long id, const char *json, const char **why)
{
	struct buf set = BUF_INIT, cols = BUF_INIT, vals = BUF_INIT;
	char *sql = NULL, *probe;
	sqlite3_stmt *st = NULL;
	int rc = -1, exists = 0;

	probe = sqlite3_mprintf("SELECT count(*) FROM %w WHERE id = %lld", k->table, id);
	if (probe && sqlite3_prepare_v2(db, probe, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		exists = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	sqlite3_free(probe);
	if (columns(db, k->table, json, &set, &cols, &vals) > 0) {
		if (exists)
			sql = sqlite3_mprintf("UPDATE %w SET %s, version = version + 1, updated_at ="
			    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') WHERE id = ?2", k->table, set.data);
		else
			sql = sqlite3_mprintf("INSERT INTO %w(id, created_at%s) VALUES (?2,"
			    " coalesce(json_extract(?1, '$.created_at'), strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'))%s)",
			    k->table, cols.data, vals.data);
		rc = sql ? exec_bound(db, sql, json, id, why) : -1;
	}
	sqlite3_free(sql);
	buf_release(&set), buf_release(&cols), buf_release(&vals);
	if (rc == 0 && strcmp(k->kind, "session") == 0) {
		/* A session's speakers are part of its state. */
		rc = exec_bound(db, "DELETE FROM appearances WHERE session_id = ?2 AND ?1 IS NOT NULL", json, id, why);
		if (rc == 0)
			rc = exec_bound(db, "INSERT INTO appearances(session_id, person_id, org_id, role, position)"
			    " SELECT ?2, json_extract(value, '$.person_id'), json_extract(value, '$.org_id'),"
			    " json_extract(value, '$.role'), json_extract(value, '$.position')"
			    " FROM json_each(?1, '$.speakers')", json, id, why);
	}
	return rc;
}

/* The moves a merge makes, per kind: table, column. */
static const struct { const char *kind, *table, *column; } moves[] = {
	{ "person", "appearances", "person_id" }, { "person", "roles", "person_id" },
	{ "person", "affiliations", "person_id" }, { "person", "users", "person_id" },
	{ "organization", "appearances", "org_id" }, { "organization", "roles", "org_id" },
	{ "organization", "affiliations", "org_id" }, { "organization", "projects", "org_id" },
	{ "organization", "users", "org_id" },
};

static int
unmerge(sqlite3 *db, struct request *req, long long audit_id, const char *kind, long long from,
    const char *before, const char **why)
{
	const struct record_kind *k = record_kind_by_name(kind);
	long long undo;
	char *sql;
	int rc = 0;

	if (k == NULL)
		return -1;
	{
		/* The merged record's own fields sit under "record". */
		static const char rec_sql[] = "SELECT json_extract(?1, '$.record')";
		sqlite3_stmt *st = db_stmt(db, rec_sql);
		struct buf rec = BUF_INIT;

		if (st == NULL)
			return -1;
		sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
		if (db_one_text(st, &rec) == -1 || put_back(db, k, from, rec.data, why) == -1) {
			buf_release(&rec);
			return -1;
		}
		buf_release(&rec);
	}
	for (size_t i = 0; rc == 0 && i < sizeof(moves) / sizeof(moves[0]); i++) {
		if (strcmp(moves[i].kind, kind) != 0)
			continue;
		sql = sqlite3_mprintf("UPDATE %w SET %w = ?2 WHERE id IN (SELECT value FROM json_each(?1, '$.moved.%q'))",
		    moves[i].table, moves[i].column, moves[i].table);
		rc = sql ? exec_bound(db, sql, before, from, why) : -1;
		sqlite3_free(sql);
	}
	if (rc == 0 && strcmp(kind, "person") == 0)
		rc = exec_bound(db, "INSERT INTO appearances(id, session_id, person_id, org_id, role, position)"
		    " SELECT json_extract(value, '$.id'), json_extract(value, '$.session_id'), ?2,"
		    " json_extract(value, '$.org_id'), json_extract(value, '$.role'), json_extract(value, '$.position')"
		    " FROM json_each(?1, '$.dropped')", before, from, why);
	if (rc == -1)
		return -1;
	if ((undo = audit_write(db, req, kind, from, "unmerge", NULL)) == -1)
		return -1;
	sql = sqlite3_mprintf("UPDATE audit SET undone_by = %lld WHERE id = %lld", undo, audit_id);
	rc = sql ? db_exec(db, sql) : -1;
	sqlite3_free(sql);
	return rc;
}

static const char entry_sql[] =
	"SELECT kind, record_id, action, before, undone_by FROM audit WHERE id = ?1";

int
restore_entry(sqlite3 *db, struct request *req, long long audit_id, const char **why)
{
	sqlite3_stmt *st = db_stmt(db, entry_sql);
	const struct record_kind *k;
	const char *kind, *action, *before, *now;
	long long id;
	int err = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, audit_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		*why = "no such history entry";
		return -1;
	}
	kind = req_strdup(req, (const char *)sqlite3_column_text(st, 0));
	id = sqlite3_column_int64(st, 1);
	action = req_strdup(req, (const char *)sqlite3_column_text(st, 2));
	before = req_strdup(req, (const char *)sqlite3_column_text(st, 3));
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		sqlite3_reset(st);
		*why = "this change was already undone";
		return -1;
	}
	sqlite3_reset(st);
	if (before == NULL) {
		*why = "there is no earlier state to restore";
		return -1;
	}
	if (strcmp(action, "merge") == 0)
		return unmerge(db, req, audit_id, kind, id, before, why);
	if ((k = record_kind_by_name(kind)) == NULL) {
		*why = "unknown kind of record";
		return -1;
	}
	now = audit_capture(db, req, kind, id, &err);
	if (err || put_back(db, k, id, before, why) == -1)
		return -1;
	return audit_write(db, req, kind, id, "restore", now) == -1 ? -1 : 0;
}

int
merge_records(sqlite3 *db, struct request *req, const char *kind, long long from, long long into,
    const char **why)
{
	const char *record;
	struct buf before = BUF_INIT, moved = BUF_INIT;
	char *sql;
	int err = 0, rc = 0;

	if (from == into) {
		*why = "a record cannot be merged into itself";
		return -1;
	}
	if ((record = audit_capture(db, req, kind, from, &err)) == NULL) {
		*why = "no such record";
		return -1;
	}
	/* Which rows move, by id, so the merge can be undone exactly. */
	buf_puts(&moved, "json_object(");
	for (size_t i = 0, n = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		char *part;

		if (strcmp(moves[i].kind, kind) != 0)
			continue;
		part = sqlite3_mprintf("%s'%q', (SELECT json_group_array(id) FROM %w WHERE %w = ?2)",
		    n++ ? ", " : "", moves[i].table, moves[i].table, moves[i].column);
		buf_puts(&moved, part);
		sqlite3_free(part);
	}
	buf_puts(&moved, ")");
	sql = sqlite3_mprintf("SELECT json_object('record', json(?1), 'into', %lld, 'moved', %s,"
	    " 'dropped', (SELECT json_group_array(json_object('id', a.id, 'session_id', a.session_id,"
	    " 'org_id', a.org_id, 'role', a.role, 'position', a.position)) FROM appearances a"
	    " WHERE a.person_id = ?2 AND %d AND EXISTS (SELECT 1 FROM appearances b"
	    " WHERE b.session_id = a.session_id AND b.person_id = %lld)))",
	    into, moved.data, strcmp(kind, "person") == 0, into);
	buf_release(&moved);
	{
		sqlite3_stmt *st = NULL;

		if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, record, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, from);
			if (sqlite3_step(st) == SQLITE_ROW)
				buf_puts(&before, (const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	if (before.len == 0) {
		*why = sqlite3_errmsg(db);
		return -1;
	}
	if (strcmp(kind, "person") == 0)
		rc = exec_bound(db, "DELETE FROM appearances WHERE id IN"
		    " (SELECT json_extract(value, '$.id') FROM json_each(?1, '$.dropped')) AND ?2", before.data, 1, why);
	for (size_t i = 0; rc == 0 && i < sizeof(moves) / sizeof(moves[0]); i++) {
		if (strcmp(moves[i].kind, kind) != 0)
			continue;
		sql = sqlite3_mprintf("UPDATE %w SET %w = %lld WHERE %w = ?2 AND ?1 IS NOT NULL",
		    moves[i].table, moves[i].column, into, moves[i].column);
		rc = sql ? exec_bound(db, sql, before.data, from, why) : -1;
		sqlite3_free(sql);
	}
	if (rc == 0) {
		sql = sqlite3_mprintf("DELETE FROM %w WHERE id = ?2 AND ?1 IS NOT NULL",
		    record_kind_by_name(kind)->table);
		rc = sql ? exec_bound(db, sql, before.data, from, why) : -1;
		sqlite3_free(sql);
	}
	if (rc == 0 && audit_insert(db, req, kind, from, "merge", before.data,
	    req_printf(req, "{\"into\":%lld}", into)) == -1)
		rc = -1;
	buf_release(&before);
	return rc;
}
