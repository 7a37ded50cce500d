/* fixture.h: a migrated database in a temporary file that config points at, with a staff
 * user logged in under a known token, for tests and fuzz harnesses that run whole requests. */
#ifndef LECTERN_FIXTURE_H
#define LECTERN_FIXTURE_H
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/config.h"
#include "model/db.h"
#include "core/mem.h"

/* The staff user's login cookie value (lectern_login) and CSRF token. */
#define FIXTURE_TOKEN	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define FIXTURE_CSRF	"fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
#define FIXTURE_NAME	"Fixture Staff"

/* Adds the staff user logged in with FIXTURE_TOKEN, or restores that login (after a
 * logout, say). Returns 0 or -1. */
static inline int
fixture_login(sqlite3 *db)
{
	unsigned char h[crypto_generichash_BYTES];
	sqlite3_stmt *st;
	int rc;

	/* The database keeps the token's hash, as auth.c does. */
	crypto_generichash(h, sizeof(h), (const unsigned char *)FIXTURE_TOKEN,
	    strlen(FIXTURE_TOKEN), NULL, 0);
	if (db_exec(db, "INSERT OR IGNORE INTO users(id, login, display_name, role, password_hash)"
	    " VALUES (900, 'fixture', '" FIXTURE_NAME "', 'staff', 'not a hash')") == -1 ||
	    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO logins(token_hash, user_id, csrf_token, created_at,"
	    " last_used) VALUES (?1, 900, '" FIXTURE_CSRF "', ?2, ?2)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (long long)time(NULL));
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

/*
 * Creates the database at path (a mkstemp template, filled in), migrates it,
 * lets fill (may be NULL) add records, adds the staff login and points config
 * (the defaults, without the access log) at it. Returns 0 or -1.
 */
static inline int
fixture_db_create(char *path, int (*fill)(sqlite3 *))
{
	int fd = mkstemp(path), rc;
	sqlite3 *db;

	if (fd == -1 || sodium_init() == -1)
		return -1;
	close(fd);
	config_defaults(&config);
	config.access_log = 0;
	free(config.db_path);
	config.db_path = xstrdup(path);
	if ((db = db_open(path, 1)) == NULL)
		return -1;
	rc = db_migrate(db, 0) == 0 && (fill == NULL || fill(db) == 0) && fixture_login(db) == 0 ? 0 : -1;
	db_close(db);
	return rc;
}

/* Closes this thread's connection and removes the database with its WAL files. */
static inline void
fixture_db_remove(const char *path)
{
	char side[4096];

	db_thread_close();
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	config_release(&config);
}

#endif
