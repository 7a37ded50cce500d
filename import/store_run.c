/* store_run.c: one import run's transaction and record (store.h). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "core/mem.h"
#include "import/parse.h"
#include "import/store.h"
#include "model/db.h"

/* Full-text indexing of the rows a run adds waits for its end (schema/0005_import_speed.sql). */
static const char fts_defer_sql[] =
	"DELETE FROM fts_deferred;"
	"INSERT INTO fts_deferred SELECT (SELECT coalesce(max(id), 0) + 1 FROM sessions),"
	" (SELECT coalesce(max(id), 0) + 1 FROM people), (SELECT coalesce(max(id), 0) + 1 FROM organizations);";
static const char *const fts_catch_up_sql[] = {
	"INSERT INTO sessions_fts(rowid, title, abstract) SELECT id, title, abstract FROM sessions"
	" WHERE id >= ?1 AND id < ?2",
	"INSERT INTO people_fts(rowid, name, bio) SELECT id, name, bio FROM people WHERE id >= ?1 AND id < ?2",
	"INSERT INTO organizations_fts(rowid, name) SELECT id, name FROM organizations WHERE id >= ?1 AND id < ?2",
};
static const char *const fts_added_sql[] = {	/* the first and last id the run added */
	"SELECT sessions_from, (SELECT coalesce(max(id), 0) FROM sessions) FROM fts_deferred",
	"SELECT people_from, (SELECT coalesce(max(id), 0) FROM people) FROM fts_deferred",
	"SELECT orgs_from, (SELECT coalesce(max(id), 0) FROM organizations) FROM fts_deferred",
};
#define FTS_BATCH	4096	/* rows a statement: one statement for them all grows with the file */

/* Indexes the rows the run added, a batch of ids at a time, and ends the deferral. */
static int
fts_catch_up(struct store *s)
{
	for (size_t t = 0; t < sizeof(fts_catch_up_sql) / sizeof(fts_catch_up_sql[0]); t++) {
		sqlite3_stmt *st = store_prep(s, fts_added_sql[t]);
		long long first = 1, last = 0;

		if (st == NULL)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW) {
			first = sqlite3_column_int64(st, 0);
			last = sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
		for (long long from = first; from <= last; from += FTS_BATCH) {
			if ((st = store_prep(s, fts_catch_up_sql[t])) == NULL)
				return -1;
			sqlite3_bind_int64(st, 1, from);
			sqlite3_bind_int64(st, 2, from + FTS_BATCH);
			if (store_done(s, st) == -1)
				return -1;
		}
	}
	return db_exec(s->db, "DELETE FROM fts_deferred") == -1 ?
	    report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db)) : 0;
}

/* SQL function org_key(name): the key organizations are matched by (parse.c). */
static void
sql_org_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf b = BUF_INIT;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	org_match_key((const char *)sqlite3_value_text(argv[0]), &b);
	sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

/*
 * The organizations' match keys live in a temp table of the connection and outlive a run:
 * they are rebuilt only when organizations may have changed since the last committed run
 * on this connection, by another connection (data_version) or by this one (total_changes).
 * A run that rolls back rolls the temp table back with it and leaves the mark stale. Temp
 * tables are the connection's own: writing one takes no lock on the database.
 */
static _Thread_local struct {
	sqlite3		*db;
	long long	 changes, version;
} org_keys_mark;

static const char data_version_sql[] = "PRAGMA data_version";

static void
org_keys_note(sqlite3 *db, long long *changes, long long *version)
{
	*changes = sqlite3_total_changes64(db);
	*version = db_one_int(db_stmt(db, data_version_sql), -1);
}

static const char installation_sql[] = "SELECT id FROM installation";
static const char people_from_sql[] = "SELECT coalesce(max(id), 0) + 1 FROM people";

static int
prepare_run(struct store *s)
{
	long long changes, version;
	struct buf inst = BUF_INIT;
	sqlite3_stmt *st;

	sqlite3_create_function(s->db, "org_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	    sql_org_key, NULL, NULL);
	org_keys_note(s->db, &changes, &version);
	if ((org_keys_mark.db != s->db || org_keys_mark.changes != changes ||
	    org_keys_mark.version != version) &&
	    db_exec(s->db, "CREATE TEMP TABLE IF NOT EXISTS org_keys(key TEXT PRIMARY KEY, id INTEGER);"
	    "DELETE FROM temp.org_keys;"
	    /* An alias ("International Business Machines" for IBM) wins over the names (0009). */
	    "INSERT OR IGNORE INTO temp.org_keys SELECT org_key(alias), org_id FROM org_aliases ORDER BY id;"
	    "INSERT OR IGNORE INTO temp.org_keys SELECT org_key(name), id FROM organizations ORDER BY id;") == -1)
		return report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	if (!s->dry && db_exec(s->db, fts_defer_sql) == -1)
		return report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	if ((st = store_prep(s, installation_sql)) == NULL || db_one_text(st, &inst) == -1)
		return report_fail(s->r, 0, "database: no installation id (migrate the database)");
	snprintf(s->installation, sizeof(s->installation), "%s", inst.data);
	buf_release(&inst);
	if ((st = store_prep(s, people_from_sql)) == NULL)
		return -1;
	s->people_from = db_one_int(st, 1);
	return 0;
}

static const char run_start_sql[] =
	"INSERT INTO import_runs(user_login, file_name, sha256, counts) VALUES (?1, ?2, ?3, '{}')";

struct store *
store_open(struct sqlite3 *db, int dry_run, struct report *r, const char *sha)
{
	struct store *s = xcalloc(1, sizeof(*s));
	sqlite3_stmt *st;

	s->db = db, s->r = r, s->dry = dry_run;
	s->virtual_id = -1;	/* a dry run's ids are -2, -3 ...: -1 stays an error */
	/* One transaction holds the whole import: a bounded 16 MiB page cache keeps SQLite from
	 * spilling it to the WAL page by page; only the organizations' match keys are held in
	 * memory. A dry run only reads: other writers go on while it parses. */
	sqlite3_exec(db, "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	if (db_exec(db, dry_run ? "BEGIN" : "BEGIN IMMEDIATE") == -1) {
		report_fail(r, 0, "the database is busy");
		free(s);
		return NULL;
	}
	if (prepare_run(s) == -1)
		goto fail;
	if (!dry_run) {
		if ((st = store_prep(s, run_start_sql)) == NULL)
			goto fail;
		db_bind_text(st, 1, r->opt->user_login);
		db_bind_text(st, 2, r->opt->file_name);
		sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
		if (store_done(s, st) == -1)
			goto fail;
		s->run = sqlite3_last_insert_rowid(db);
	}
	return s;
fail:
	db_rollback(db);
	free(s);
	return NULL;
}

/* The kept warnings as a JSON array for the run record. */
static void
warnings_json(const struct import_summary *sum, struct buf *out)
{
	buf_putc(out, '[');
	for (int i = 0; i < sum->nwarning; i++) {
		const struct import_warning *w = &sum->warning[i];

		buf_appendf(out, "%s{\"line\":%d,\"category\":", i ? "," : "", w->line);
		json_string(out, w->category);
		buf_puts(out, ",\"event\":");
		if (w->event)
			json_string(out, w->event);
		else
			buf_puts(out, "null");
		buf_puts(out, ",\"text\":");
		json_string(out, w->text);
		buf_putc(out, '}');
	}
	buf_putc(out, ']');
}

static const char run_sql[] =
	"UPDATE import_runs SET event_id = ?1, counts = json_object('new', ?2, 'changed', ?3,"
	" 'unchanged', ?4, 'cancelled', ?5, 'people_new', ?6, 'orgs_new', ?7, 'review', ?8,"
	" 'conflicts', ?9, 'warnings', ?10, 'format', ?11, 'zone', ?12), warnings = ?13 WHERE id = ?14";
/* A governance run: its counts by kind of record, and in the schedules' columns the terms and
 * affiliations opened (new), changed (changed), kept (unchanged) and closed (cancelled). */
static const char gov_run_sql[] =
	"UPDATE import_runs SET scope = ?15, as_of = ?16, counts = json_object('new', ?1 + ?3 + ?7, 'changed',"
	" ?2 + ?5 + ?8 + ?10, 'unchanged', ?4 + ?9, 'cancelled', ?6, 'people_new', ?11, 'orgs_new', ?12,"
	" 'review', ?13, 'conflicts', ?14, 'warnings', ?17, 'format', ?18, 'bodies_new', ?1, 'bodies_changed', ?2,"
	" 'terms_opened', ?3, 'terms_continued', ?4, 'terms_changed', ?5, 'terms_closed', ?6,"
	" 'affiliations_new', ?7, 'affiliations_replaced', ?8, 'affiliations_unchanged', ?9,"
	" 'appearances_credited', ?10, 'left_out', ?19), warnings = ?20 WHERE id = ?21";

static int
gov_record(struct store *s, const struct import_summary *sum, sqlite3_stmt *st, const char *warnings)
{
	const struct import_gov_counts *g = &sum->gov;
	const int n[14] = { g->bodies_new, g->bodies_changed, g->terms_opened, g->terms_continued,
	    g->terms_changed, g->terms_closed, g->affiliations_new, g->affiliations_replaced,
	    g->affiliations_unchanged, g->appearances_credited, sum->people_new, sum->orgs_new, sum->review,
	    sum->conflicts };

	for (int i = 0; i < 14; i++)
		sqlite3_bind_int(st, i + 1, n[i]);
	sqlite3_bind_text(st, 15, sum->scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, sum->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 17, sum->warnings);
	sqlite3_bind_text(st, 18, sum->format, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 19, g->left_out);
	sqlite3_bind_text(st, 20, warnings, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 21, s->run);
	return store_done(s, st);
}

static int
run_record(struct store *s)
{
	const struct import_summary *sum = s->r->sum;
	const int n[9] = { sum->sessions_new, sum->sessions_changed, sum->sessions_unchanged,
	    sum->sessions_cancelled, sum->people_new, sum->orgs_new, sum->review, sum->conflicts,
	    sum->warnings };
	sqlite3_stmt *st = store_prep(s, sum->governance ? gov_run_sql : run_sql);
	struct buf w = BUF_INIT;
	int rc;

	if (st == NULL)
		return -1;
	warnings_json(sum, &w);
	if (sum->governance) {
		rc = gov_record(s, sum, st, w.data);
		buf_release(&w);
		return rc;
	}
	sqlite3_bind_int64(st, 1, sum->event_id);
	for (int i = 0; i < 9; i++)
		sqlite3_bind_int(st, i + 2, n[i]);
	sqlite3_bind_text(st, 11, sum->format, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, sum->zone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, w.data, (int)w.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, s->run);
	rc = store_done(s, st);
	buf_release(&w);
	return rc;
}

int
store_close(struct store *s, int commit)
{
	sqlite3 *db = s->db;
	int rc = 0;

	if (!commit || s->dry) {
		db_rollback(db);
		free(s);
		return commit ? 0 : -1;
	}
	if (fts_catch_up(s) == -1 || run_record(s) == -1)
		rc = -1;
	else if (db_commit(db) == -1)
		rc = report_fail(s->r, 0, "the import could not be committed");
	else {
		org_keys_mark.db = db;
		org_keys_note(db, &org_keys_mark.changes, &org_keys_mark.version);
	}
	if (rc == -1)
		db_rollback(db);
	free(s);
	return rc;
}

/* --- sessions the file no longer has ----------------------------------------------------- */

static const char vanished_sql[] =
	"SELECT k.local_id, k.key FROM source_keys k JOIN sessions s ON s.id = k.local_id"
	" WHERE k.source = ?1 AND +k.kind = 'session' AND s.status = 'scheduled'";
static const char cancel_sql[] =
	"UPDATE sessions SET status = 'cancelled', version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";
static const char key_imported_sql[] =
	"SELECT key, imported FROM source_keys WHERE kind = 'session' AND local_id = ?1 AND source = ?2";

static int
cancel(struct store *s, long long id, const char *source)
{
	sqlite3_stmt *st = store_prep(s, cancel_sql);
	int rc = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (store_done(s, st) == 0 && (st = store_prep(s, key_imported_sql)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			rc = store_change(s, "session", id, "cancel", NULL, (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1), NULL);
		sqlite3_reset(st);
	}
	return rc;
}

int
store_vanished(struct store *s, const char *source, int (*seen)(void *, const char *), void *arg)
{
	sqlite3_stmt *st = store_prep(s, vanished_sql);
	long long *gone = NULL;
	int n = 0, rc;

	if (st == NULL)
		return -1;
	/* Read them all first: the cursor must not meet its own writes. */
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (!seen(arg, (const char *)sqlite3_column_text(st, 1))) {
			if (n % 256 == 0)
				gone = xrealloc(gone, (size_t)(n + 256) * sizeof(*gone));
			gone[n++] = sqlite3_column_int64(st, 0);
		}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		n = report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	for (int i = 0; i < n && !s->dry; i++)
		if (cancel(s, gone[i], source) == -1)
			n = -1;
	free(gone);
	return n;
}

long long
store_run_id(const struct store *s)
{
	return s->run;
}

int
store_dry(const struct store *s)
{
	return s->dry;
}

const char *
store_installation(const struct store *s)
{
	return s->installation;
}
