/* database.c: a command's connection, migrations, backup and the checks (see database.h). */
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "model/database.h"
#include "model/db.h"

enum model_status
database_open(const char *path, int create)
{
	return db_thread_open(path, create) == 0 ? MODEL_OK : MODEL_UNAVAILABLE;
}

void
database_close(void)
{
	db_thread_close();
}

enum model_status
database_migrate(const char *path)
{
	sqlite3 *db;
	int rc;

	if ((db = db_open(path, 1)) == NULL)
		return MODEL_UNAVAILABLE;
	rc = db_migrate(db, 1);
	db_close(db);
	return rc == 0 ? MODEL_OK : MODEL_ERROR;
}

int
database_schema_version(void)
{
	return db_schema_version();
}

const char *
database_engine_version(void)
{
	return sqlite3_libversion();
}

/* Copies in steps so a busy server is never locked out for long. */
static int
copy(sqlite3 *src, sqlite3 *dst)
{
	sqlite3_backup *bk;
	int rc;

	if ((bk = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		log_err("backup: %s", sqlite3_errmsg(dst));
		return SQLITE_ERROR;
	}
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE)
		log_err("backup: %s", sqlite3_errstr(rc));
	return rc;
}

enum model_status
database_backup(const char *path, const char *out)
{
	sqlite3 *src, *dst = NULL;
	int rc;

	if (access(out, F_OK) == 0) {
		log_err("%s exists; refusing to overwrite it", out);
		return MODEL_CONFLICT;
	}
	if ((src = db_open(path, 0)) == NULL)
		return MODEL_UNAVAILABLE;
	if (sqlite3_open_v2(out, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		log_err("%s: %s", out, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		db_close(src);
		return MODEL_UNAVAILABLE;
	}
	rc = copy(src, dst);
	sqlite3_close(dst);
	db_close(src);
	if (rc != SQLITE_DONE) {
		unlink(out);
		return MODEL_ERROR;
	}
	return MODEL_OK;
}

struct report {
	void	(*fn)(void *, const char *);
	void	*arg;
	int	 problems;
};

static void
problem(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
problem(struct report *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vappendf(&b, fmt, ap);
	va_end(ap);
	r->fn(r->arg, b.data);
	buf_release(&b);
	r->problems++;
}

/* The two checks of table t's index t_fts (schema/0011_search_more.sql on): its structure, and
 * every row indexed exactly once. */
#define INDEX_CHECKS(t) \
	{ t ": the index's structure", "INSERT INTO " t "_fts(" t "_fts) VALUES ('integrity-check')", 1 }, \
	{ t " not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM " t " WHERE id NOT IN" \
	  " (SELECT id FROM " t "_fts_docsize)) + (SELECT count(*) FROM " t "_fts_docsize WHERE id NOT IN" \
	  " (SELECT id FROM " t "))", 0 }

/* The full-text indexes: FTS5's own structure check, every record indexed exactly once (an
 * index of external content cannot say so itself), and no import's deferral left behind
 * (schema/0005_import_speed.sql). */
static void
check_search(sqlite3 *db, struct report *r)
{
	/* FTS5 takes its structure check as an INSERT: a read-only database cannot run it. */
	static const struct { const char *what, *sql; int writes; } checks[] = {
		{ "sessions: the index's structure", "INSERT INTO sessions_fts(sessions_fts) VALUES ('integrity-check')", 1 },
		{ "people: the index's structure", "INSERT INTO people_fts(people_fts) VALUES ('integrity-check')", 1 },
		{ "organizations: the index's structure",
		  "INSERT INTO organizations_fts(organizations_fts) VALUES ('integrity-check')", 1 },
		{ "sessions not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM sessions WHERE id NOT IN"
		  " (SELECT id FROM sessions_fts_docsize)) + (SELECT count(*) FROM sessions_fts_docsize WHERE id NOT IN"
		  " (SELECT id FROM sessions))", 0 },
		{ "people not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM people WHERE id NOT IN"
		  " (SELECT id FROM people_fts_docsize)) + (SELECT count(*) FROM people_fts_docsize WHERE id NOT IN"
		  " (SELECT id FROM people))", 0 },
		{ "organizations not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM organizations WHERE id"
		  " NOT IN (SELECT id FROM organizations_fts_docsize)) + (SELECT count(*) FROM organizations_fts_docsize"
		  " WHERE id NOT IN (SELECT id FROM organizations))", 0 },
		INDEX_CHECKS("events"), INDEX_CHECKS("bodies"), INDEX_CHECKS("projects"),
		{ "an import's deferred indexing left behind", "SELECT count(*) FROM fts_deferred", 0 },
	};
	int readonly = sqlite3_db_readonly(db, "main") == 1;

	if (readonly)
		r->fn(r->arg, "search: the indexes' structure is not checked on a read-only database");
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		sqlite3_stmt *st = NULL;
		long long n = 0;
		int rc;

		if (readonly && checks[i].writes)
			continue;
		rc = sqlite3_prepare_v2(db, checks[i].sql, -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			problem(r, "search: %s: %s", checks[i].what, sqlite3_errmsg(db));
		else if (n > 0)
			problem(r, "search: %s: %lld", checks[i].what, n);
		sqlite3_finalize(st);
	}
}

/* The tables triggers keep from the records (schema/0013, 0015): each the same as its full recount. */
static void
check_tallies(sqlite3 *db, struct report *r)
{
	static const char *const tables[] = { "session_credits", "org_speakers", "session_speakers" };

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		char *sql = sqlite3_mprintf("SELECT (SELECT count(*) FROM (SELECT * FROM %s EXCEPT"
		    " SELECT * FROM %s_recount)), (SELECT count(*) FROM (SELECT * FROM %s_recount EXCEPT"
		    " SELECT * FROM %s))", tables[i], tables[i], tables[i], tables[i]);
		sqlite3_stmt *st = NULL;

		if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
			if (sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 1) > 0)
				problem(r, "tallies: %s: %lld rows not in its recount, %lld of its recount missing",
				    tables[i], sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
		} else
			problem(r, "tallies: %s: %s", tables[i], sql ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
}

/* PRAGMA integrity_check and foreign_key_check. */
static void
check_integrity(sqlite3 *db, struct report *r)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *s = (const char *)sqlite3_column_text(st, 0);

			if (s && strcmp(s, "ok") != 0)
				problem(r, "integrity: %s", s);
		}
		sqlite3_finalize(st);
	} else
		r->problems++;
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			problem(r, "foreign key: %s row %lld refers to a missing %s", sqlite3_column_text(st, 0),
			    sqlite3_column_int64(st, 1), sqlite3_column_text(st, 2));
		sqlite3_finalize(st);
	} else
		r->problems++;
}

enum model_status
database_check(const char *path, void (*report)(void *, const char *), void *arg, int *problems)
{
	struct report r = { report, arg, 0 };
	sqlite3 *db;

	*problems = 0;
	if ((db = db_open(path, 0)) == NULL)
		return MODEL_UNAVAILABLE;
	check_integrity(db, &r);
	check_search(db, &r);
	check_tallies(db, &r);
	db_close(db);
	*problems = r.problems;
	return MODEL_OK;
}
