/* restore.c: restore from history and merge/unmerge, each recorded in the audit trail. */
#include <string.h>

#include "core/log.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/record.h"
#include "model/restore.h"
#include "model/slugs.h"

/* One restore or merge: its request (the arena and who), what it works on, and where a
 * failure is put in words. */
struct work {
	sqlite3			*db;
	struct request		*req;
	const char		**why;
	long long		 audit_id;	/* restore: the entry */
	const char		*kind;
	long long		 from, into;	/* the record (restore: from alone) */
	const struct merge_plan	*plan;		/* a merge's choices */
};

/* The database's message, copied at once: a rollback would take it away. */
static enum model_status
failed(struct work *w, int rc, const char *what)
{
	if (*w->why == NULL)
		*w->why = req_strdup(w->req, sqlite3_errmsg(w->db));
	return db_failed(w->db, rc, what);
}

static enum model_status
refused(struct work *w, enum model_status ms, const char *why)
{
	*w->why = why;
	return ms;
}

/* Runs sql (built by sqlite3_mprintf, freed here) with ?1 = json and ?2 = id. */
static enum model_status
exec_sql(struct work *w, char *sql, const char *json, long long id)
{
	sqlite3_stmt *st = NULL;
	enum model_status ms;
	int rc = SQLITE_NOMEM;

	if (sql && (rc = sqlite3_prepare_v2(w->db, sql, -1, &st, NULL)) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st);
	}
	ms = rc == SQLITE_DONE ? MODEL_OK : failed(w, rc, "restore");
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return ms;
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

/* Whether row id of kind k is there: 0 no, 1 yes and the record of the snapshot json, 2 yes but
 * another record: SQLite gives a deleted row's id to the next one, so a row created at another
 * time, or created (by a form) after the entry being restored, is not the one restored. */
static int
row_exists(struct work *w, const struct record_kind *k, long long id, const char *json)
{
	char *sql = sqlite3_mprintf("SELECT CASE WHEN (json_extract(?1, '$.created_at') IS NULL"
	    " OR created_at = json_extract(?1, '$.created_at')) AND NOT EXISTS (SELECT 1 FROM audit"
	    " WHERE kind = %Q AND record_id = %lld AND action = 'create' AND id > %lld) THEN 1 ELSE 2 END"
	    " FROM %w WHERE id = %lld", k->kind, id, w->audit_id, k->table, id);
	sqlite3_stmt *st = NULL;
	int exists = 0;

	if (sql && sqlite3_prepare_v2(w->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			exists = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return exists;
}

/* A session's speakers are part of its state. */
static enum model_status
put_back_speakers(struct work *w, long long id, const char *json)
{
	enum model_status ms;

	ms = exec_sql(w, sqlite3_mprintf("DELETE FROM appearances WHERE session_id = ?2 AND ?1 IS NOT NULL"),
	    json, id);
	if (ms != MODEL_OK)
		return ms;
	return exec_sql(w, sqlite3_mprintf("INSERT INTO appearances(session_id, person_id, org_id, role,"
	    " position) SELECT ?2, json_extract(value, '$.person_id'), json_extract(value, '$.org_id'),"
	    " json_extract(value, '$.role'), json_extract(value, '$.position')"
	    " FROM json_each(?1, '$.speakers')"), json, id);
}

/* Writes the snapshot json back as record id of kind k: an update, or an insert if it is gone. */
static enum model_status
put_back(struct work *w, const struct record_kind *k, long long id, const char *json)
{
	struct buf set = BUF_INIT, cols = BUF_INIT, vals = BUF_INIT;
	enum model_status ms = MODEL_ERROR;
	char *sql = NULL;
	int exists;

	if ((exists = row_exists(w, k, id, json)) == 2)
		return refused(w, MODEL_CONFLICT, "its id belongs to a newer record now");
	if (columns(w->db, k->table, json, &set, &cols, &vals) > 0) {
		if (exists)
			sql = sqlite3_mprintf("UPDATE %w SET %s, version = version + 1, updated_at ="
			    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') WHERE id = ?2", k->table, set.data);
		else
			sql = sqlite3_mprintf("INSERT INTO %w(id, created_at%s) VALUES (?2,"
			    " coalesce(json_extract(?1, '$.created_at'), strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'))%s)",
			    k->table, cols.data, vals.data);
		ms = exec_sql(w, sql, json, id);
	}
	buf_release(&set), buf_release(&cols), buf_release(&vals);
	if (ms == MODEL_OK && (k->flags & RECORD_SPEAKERS))
		ms = put_back_speakers(w, id, json);
	return ms;
}

/* The moves a merge makes, per kind: table, column. */
static const struct { const char *kind, *table, *column; } moves[] = {
	{ "person", "appearances", "person_id" }, { "person", "roles", "person_id" },
	{ "person", "affiliations", "person_id" }, { "person", "users", "person_id" },
	{ "organization", "appearances", "org_id" }, { "organization", "roles", "org_id" },
	{ "organization", "affiliations", "org_id" }, { "organization", "projects", "org_id" },
	{ "organization", "users", "org_id" },
};
#define N_MOVES	(sizeof(moves) / sizeof(moves[0]))

/* Moves the rows a merge moved (by id, from the merge's "before") back to the merged record. */
static enum model_status
move_back(struct work *w, const char *before)
{
	enum model_status ms = MODEL_OK;

	for (size_t i = 0; ms == MODEL_OK && i < N_MOVES; i++)
		if (strcmp(moves[i].kind, w->kind) == 0)
			ms = exec_sql(w, sqlite3_mprintf("UPDATE %w SET %w = ?2 WHERE id IN"
			    " (SELECT value FROM json_each(?1, '$.moved.%q'))", moves[i].table, moves[i].column,
			    moves[i].table), before, w->from);
	if (ms == MODEL_OK && (record_kind_by_name(w->kind)->flags & RECORD_APPEARS))
		ms = exec_sql(w, sqlite3_mprintf("INSERT INTO appearances(id, session_id, person_id, org_id,"
		    " role, position) SELECT json_extract(value, '$.id'), json_extract(value, '$.session_id'), ?2,"
		    " json_extract(value, '$.org_id'), json_extract(value, '$.role'),"
		    " json_extract(value, '$.position') FROM json_each(?1, '$.dropped')"), before, w->from);
	return ms;
}

/* The survivor as it was before the merge (merges before 0010 kept none), and the addresses and
 * source keys that led to the merged record, which lead to it again. */
static enum model_status
unmerge_survivor(struct work *w, const struct record_kind *k, const char *before, const char *slug)
{
	static const char parts_sql[] = "SELECT json_extract(?1, '$.into'), json_extract(?1, '$.into_record'),"
	    " json_extract(?1, '$.redirects')";
	sqlite3_stmt *st = db_stmt(w->db, parts_sql);
	const char *into_record, *redirects;
	enum model_status ms = MODEL_OK;
	long long into;

	if (st == NULL)
		return failed(w, 0, "unmerge");
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	if ((ms = db_row(st, "unmerge")) != MODEL_OK)
		return ms;
	into = db_col_int(st, 0);
	into_record = db_col(w->req, st, 1);
	redirects = db_col(w->req, st, 2);
	sqlite3_reset(st);
	if (into_record)
		ms = put_back(w, k, into, into_record);
	if (ms == MODEL_OK && *slug)
		ms = slug_forget(w->db, w->kind, slug);
	if (ms == MODEL_OK)
		ms = slug_repoint_back(w->db, w->kind, redirects, w->from);
	if (ms == MODEL_OK && (k->flags & RECORD_APPEARS))
		ms = exec_sql(w, sqlite3_mprintf("UPDATE source_keys SET local_id = ?2 WHERE kind = 'person'"
		    " AND EXISTS (SELECT 1 FROM json_each(?1, '$.source_keys') j"
		    " WHERE json_extract(j.value, '$[0]') = source AND json_extract(j.value, '$[1]') = key)"),
		    before, w->from);
	return ms;
}

/* Undoes the merge of w->audit_id, whose "before" holds the merged record and what moved. */
static enum model_status
unmerge(struct work *w, const char *before)
{
	static const char rec_sql[] = "SELECT json_extract(?1, '$.record')";
	const struct record_kind *k = record_kind_by_name(w->kind);
	sqlite3_stmt *st = db_stmt(w->db, rec_sql);
	struct buf rec = BUF_INIT;
	enum model_status ms;
	long long undo;

	if (k == NULL)
		return refused(w, MODEL_ERROR, "unknown kind of record");
	if (st == NULL)
		return failed(w, 0, "unmerge");
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	if (db_one_text(st, &rec) == -1)
		ms = failed(w, 0, "unmerge");
	else if ((ms = put_back(w, k, w->from, rec.data)) == MODEL_OK &&
	    (ms = move_back(w, before)) == MODEL_OK &&
	    (ms = unmerge_survivor(w, k, before, record_key(w->req, k, w->from))) == MODEL_OK &&
	    (ms = audit_write(w->db, w->req, w->kind, w->from, "unmerge", NULL, &undo)) == MODEL_OK)
		ms = exec_sql(w, sqlite3_mprintf("UPDATE audit SET undone_by = %lld WHERE id = %lld", undo,
		    w->audit_id), NULL, 0);
	buf_release(&rec);
	return ms;
}

/* Undoes a creation by deleting the record as it is now, with a "delete" entry of its own (which
 * can bring it back); refused while other records refer to it. */
static enum model_status
uncreate(struct work *w, const struct record_kind *k)
{
	enum model_status ms;
	const char *now;
	long long undo;

	if ((ms = audit_capture(w->db, w->req, w->kind, w->from, &now)) != MODEL_OK)
		return ms;
	if (now == NULL)
		return refused(w, MODEL_CONFLICT, "the record is gone already");
	if ((ms = exec_sql(w, sqlite3_mprintf("DELETE FROM %w WHERE id = ?2 AND ?1 IS NULL", k->table), NULL,
	    w->from)) != MODEL_OK) {
		if (ms == MODEL_CONFLICT)
			*w->why = "other records still refer to it";
		return ms;
	}
	if ((ms = audit_write(w->db, w->req, w->kind, w->from, "delete", now, &undo)) != MODEL_OK)
		return ms;
	return exec_sql(w, sqlite3_mprintf("UPDATE audit SET undone_by = %lld WHERE id = %lld", undo,
	    w->audit_id), NULL, 0);
}

static const char entry_sql[] =
	"SELECT kind, record_id, action, before, undone_by FROM audit WHERE id = ?1";

static enum model_status
restore_in(sqlite3 *db, void *arg)
{
	struct work *w = arg;
	sqlite3_stmt *st = db_stmt(db, entry_sql);
	const struct record_kind *k;
	const char *action, *before, *now;
	enum model_status ms;
	int undone;

	if (st == NULL)
		return failed(w, 0, "restore");
	sqlite3_bind_int64(st, 1, w->audit_id);
	if ((ms = db_row(st, "restore")) != MODEL_OK)
		return ms == MODEL_NOT_FOUND ? refused(w, ms, "no such history entry") : ms;
	w->kind = db_col(w->req, st, 0);
	w->from = db_col_int(st, 1);
	action = db_col(w->req, st, 2);
	before = db_col(w->req, st, 3);
	undone = !db_col_null(st, 4);
	sqlite3_reset(st);
	if (undone)
		return refused(w, MODEL_CONFLICT, "this change was already undone");
	if ((k = record_kind_by_name(w->kind)) == NULL)
		return refused(w, MODEL_ERROR, "unknown kind of record");
	if (before == NULL && strcmp(action, "create") == 0)
		return uncreate(w, k);
	if (before == NULL)
		return refused(w, MODEL_CONFLICT, "there is no earlier state to restore");
	if (strcmp(action, "merge") == 0)
		return unmerge(w, before);
	if ((ms = audit_capture(db, w->req, w->kind, w->from, &now)) != MODEL_OK ||
	    (ms = put_back(w, k, w->from, before)) != MODEL_OK ||
	    (ms = slug_follow(db, w->req, k, w->from, now)) != MODEL_OK)
		return ms;
	return audit_write(db, w->req, w->kind, w->from, "restore", now, NULL);
}

enum model_status
restore_entry(struct request *req, long long audit_id, const char **why)
{
	struct work w = { db_thread(), req, why, audit_id, NULL, 0, 0, NULL };

	*why = NULL;
	return db_transaction(w.db, restore_in, &w);
}

/* The merge's "before": the record and the survivor as they were, the target, the ids of every row
 * that moves or is dropped (the merged person's appearances in sessions where the target
 * speaks too), the old addresses that led to the record, and a person's source keys. */
static enum model_status
merge_state(struct work *w, const char *record, const char *into_record, struct buf *before)
{
	struct buf moved = BUF_INIT, slugs = BUF_INIT;
	sqlite3_stmt *st = NULL;
	enum model_status ms;
	char *sql;
	int rc;

	if ((ms = slug_list(w->db, w->kind, w->from, &slugs)) != MODEL_OK)
		return ms;
	buf_puts(&moved, "json_object(");
	for (size_t i = 0, n = 0; i < N_MOVES; i++) {
		char *part;

		if (strcmp(moves[i].kind, w->kind) != 0)
			continue;
		part = sqlite3_mprintf("%s'%q', (SELECT json_group_array(id) FROM %w WHERE %w = ?2)",
		    n++ ? ", " : "", moves[i].table, moves[i].table, moves[i].column);
		buf_puts(&moved, part);
		sqlite3_free(part);
	}
	buf_puts(&moved, ")");
	sql = sqlite3_mprintf("SELECT json_object('record', json(?1), 'into', %lld, 'into_record', json(?3),"
	    " 'moved', %s, 'redirects', json(?4), 'source_keys', (SELECT json_group_array(json_array(source, key))"
	    " FROM source_keys WHERE kind = 'person' AND local_id = ?2 AND %d),"
	    " 'dropped', (SELECT json_group_array(json_object('id', a.id, 'session_id', a.session_id,"
	    " 'org_id', a.org_id, 'role', a.role, 'position', a.position)) FROM appearances a"
	    " WHERE a.person_id = ?2 AND %d AND EXISTS (SELECT 1 FROM appearances b"
	    " WHERE b.session_id = a.session_id AND b.person_id = %lld)))",
	    w->into, moved.data, (record_kind_by_name(w->kind)->flags & RECORD_APPEARS) != 0,
	    (record_kind_by_name(w->kind)->flags & RECORD_APPEARS) != 0, w->into);
	buf_release(&moved);
	rc = sql ? sqlite3_prepare_v2(w->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, record, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, w->from);
		sqlite3_bind_text(st, 3, into_record, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, slugs.data, (int)slugs.len, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			buf_puts(before, (const char *)sqlite3_column_text(st, 0));
	}
	ms = rc == SQLITE_ROW ? MODEL_OK : failed(w, rc, "merge");
	sqlite3_finalize(st);
	sqlite3_free(sql);
	buf_release(&slugs);
	return ms;
}

/* The survivor's fields: the dropped record's value where staff took it, else its own, or the
 * dropped one's where it had none (a gap filled, not a value replaced); a person's links both
 * sets. Its slug stays. MODEL_STALE when the survivor changed since the preview. */
static enum model_status
survivor_update(struct work *w, const struct record_kind *k)
{
	struct buf set = BUF_INIT;
	sqlite3_stmt *st = NULL;
	char tmp[64], *sql;
	size_t i = 0;
	int rc;

	for (const struct field *f = k->fields; f->name; f++, i++) {
		const char *c = field_column(f, tmp, sizeof(tmp));
		char *part;

		if (f->flags & FIELD_SLUG)
			continue;
		part = w->plan->take && w->plan->take[i] ?
		    sqlite3_mprintf("%s%w = (SELECT %w FROM %w WHERE id = ?2)", set.len ? ", " : "", c, c, k->table) :
		    sqlite3_mprintf("%s%w = coalesce(nullif(%w, ''), (SELECT %w FROM %w WHERE id = ?2))",
			set.len ? ", " : "", c, c, c, k->table);
		buf_puts(&set, part);
		sqlite3_free(part);
	}
	if (k->flags & RECORD_APPEARS)
		buf_puts(&set, ", links = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(people.links)"
		    " UNION SELECT value FROM json_each((SELECT links FROM people WHERE id = ?2))))");
	sql = sqlite3_mprintf("UPDATE %w SET %s, version = version + 1, updated_at ="
	    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') WHERE id = ?1 AND version = ?3", k->table, set.data);
	buf_release(&set);
	rc = sql ? sqlite3_prepare_v2(w->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, w->into);
		sqlite3_bind_int64(st, 2, w->from);
		sqlite3_bind_int64(st, 3, w->plan->keep_version);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	if (rc != SQLITE_DONE)
		return failed(w, rc, "merge");
	return sqlite3_changes(w->db) ? MODEL_OK : refused(w, MODEL_STALE, "the record to keep changed meanwhile");
}

/* Moves everything of w->from to w->into, drops the doubled appearances, gives the survivor its
 * fields, deletes w->from and leaves its address leading to w->into. */
static enum model_status
merge_apply(struct work *w, const char *from_slug, const char *before)
{
	const struct record_kind *k = record_kind_by_name(w->kind);
	enum model_status ms = MODEL_OK;

	if (k->flags & RECORD_APPEARS)
		ms = exec_sql(w, sqlite3_mprintf("DELETE FROM appearances WHERE id IN (SELECT"
		    " json_extract(value, '$.id') FROM json_each(?1, '$.dropped')) AND ?2"), before, 1);
	for (size_t i = 0; ms == MODEL_OK && i < N_MOVES; i++)
		if (strcmp(moves[i].kind, w->kind) == 0)
			ms = exec_sql(w, sqlite3_mprintf("UPDATE %w SET %w = %lld WHERE %w = ?2 AND ?1 IS NOT NULL",
			    moves[i].table, moves[i].column, w->into, moves[i].column), before, w->from);
	if (ms == MODEL_OK && (k->flags & RECORD_APPEARS))
		ms = exec_sql(w, sqlite3_mprintf("UPDATE source_keys SET local_id = %lld WHERE kind = 'person'"
		    " AND local_id = ?2 AND ?1 IS NOT NULL", w->into), before, w->from);
	if (ms == MODEL_OK)
		ms = survivor_update(w, k);
	if (ms == MODEL_OK)
		ms = exec_sql(w, sqlite3_mprintf("DELETE FROM %w WHERE id = ?2 AND ?1 IS NOT NULL", k->table),
		    before, w->from);
	if (ms == MODEL_OK && (ms = slug_repoint(w->db, w->kind, w->from, w->into)) == MODEL_OK)
		ms = slug_moved(w->db, w->kind, from_slug, w->into);
	if (ms == MODEL_OK)
		ms = audit_insert(w->db, w->req, w->kind, w->from, "merge", before,
		    req_printf(w->req, "{\"into\":%lld}", w->into));
	return ms;
}

/* The version of snapshot json: whether it is still the one the preview showed. */
static int
same_version(struct work *w, const char *json, long long version)
{
	static const char sql[] = "SELECT json_extract(?1, '$.version') = ?2";
	sqlite3_stmt *st = db_stmt(w->db, sql);

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, version);
	return db_one_int(st, 0) == 1;
}

static enum model_status
merge_in(sqlite3 *db, void *arg)
{
	struct work *w = arg;
	struct buf before = BUF_INIT;
	const char *record, *into_record;
	enum model_status ms;

	if (w->from == w->into)
		return refused(w, MODEL_INVALID, "a record cannot be merged into itself");
	if ((ms = audit_capture(db, w->req, w->kind, w->from, &record)) != MODEL_OK ||
	    (ms = audit_capture(db, w->req, w->kind, w->into, &into_record)) != MODEL_OK)
		return ms;
	if (record == NULL || into_record == NULL)
		return refused(w, MODEL_NOT_FOUND, "one of the two records is gone");
	if (!same_version(w, record, w->plan->drop_version))
		return refused(w, MODEL_STALE, "the record to merge away changed meanwhile");
	if ((ms = merge_state(w, record, into_record, &before)) == MODEL_OK)
		ms = merge_apply(w, record_key(w->req, record_kind_by_name(w->kind), w->from), before.data);
	buf_release(&before);
	return ms;
}

enum model_status
merge_records(struct request *req, const char *kind, const struct merge_plan *plan, const char **why)
{
	struct work w = { db_thread(), req, why, 0, kind, plan->drop, plan->keep, plan };

	*why = NULL;
	if (record_kind_by_name(kind) == NULL || !(record_kind_by_name(kind)->flags & RECORD_MERGES))
		return refused(&w, MODEL_INVALID, "records of this kind are not merged");
	return db_transaction(w.db, merge_in, &w);
}
