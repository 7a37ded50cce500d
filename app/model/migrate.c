/* migrate.c: applies the numbered SQL files of schema/, each in its own transaction. */
#include <stdlib.h>
#include <sys/stat.h>

#include "model/db.h"
#include "core/embed.h"
#include "core/log.h"

int
db_schema_version(void)
{
	/* Files are sorted by name and numbered from 0001: the last is the newest. */
	if (schema_files_count == 0)
		return 0;
	return atoi(schema_files[schema_files_count - 1].name);
}

static int
user_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static int
apply(sqlite3 *db, const struct embedded *f, int version)
{
	char *bump;
	int rc;

	if (db_begin(db) == -1)
		return -1;
	bump = sqlite3_mprintf("PRAGMA user_version = %d", version);
	rc = db_exec(db, (const char *)f->data) == 0 && db_exec(db, bump) == 0;
	sqlite3_free(bump);
	if (!rc) {
		db_rollback(db);
		return log_err("migration %s failed; the database is unchanged", f->name);
	}
	return db_commit(db);
}

int
db_migrate(sqlite3 *db, int verbose)
{
	int have = user_version(db), want = db_schema_version();

	if (have < 0)
		return log_err("cannot read the schema version: %s", sqlite3_errmsg(db));
	if (have > want)
		return log_err("the database has schema version %d, newer than this "
		    "lectern (%d): use a newer lectern", have, want);
	if (have == want)
		return 0;
	for (unsigned long i = 0; i < schema_files_count; i++) {
		int v = atoi(schema_files[i].name);

		if (v <= have)
			continue;
		if (apply(db, &schema_files[i], v) == -1)
			return -1;
		if (verbose)
			log_info("applied migration %s", schema_files[i].name);
	}
	return 0;
}

int
db_open_migrated(const char *path, int create, sqlite3 **out)
{
	struct stat st;
	sqlite3 *db;

	if ((db = db_open(path, create)) == NULL)
		return -1;
	/* Created 0600 since main's umask; one made before may still let others read the
	 * password hashes, emails and notes. */
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		log_info("%s can be read by others (mode %03o): chmod 600 it, and its -wal and -shm files",
		    path, (unsigned)(st.st_mode & 0777));
	if (db_migrate(db, 0) == -1) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

int
db_thread_open(const char *path, int create)
{
	sqlite3 *db;

	if (db_open_migrated(path, create, &db) == -1)
		return -1;
	db_thread_adopt(db);
	return 0;
}
