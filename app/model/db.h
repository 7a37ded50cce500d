/*
 * db.h: the one file in front of SQLite.
 *
 * Every connection is in WAL mode with foreign keys on and a busy timeout.
 * A server worker thread owns one connection (db_thread) with its prepared
 * statements cached on it: db_stmt() returns a reset statement keyed by the
 * address of its SQL literal, so only string constants may be passed.
 */
#ifndef LECTERN_DB_H
#define LECTERN_DB_H
#include <sqlite3.h>

#include "core/buf.h"

#define DB_BUSY_MS	5000
/* Descriptors one connection may hold at once: the database, its -wal and -shm files, and
 * a temporary file (a large sort spills to one). */
#define DB_FILES	4

/* Opens (creating it, and the directories above it, if asked) and configures a connection;
 * NULL with a message on error. */
sqlite3		*db_open(const char *path, int create);
void		 db_close(sqlite3 *);
/* This thread's connection to config.db_path, opened on first use; NULL if unusable. */
sqlite3		*db_thread(void);
/* Closes this thread's connection (the main thread of a command-line run). */
void		 db_thread_close(void);
/*
 * The connections of streamed exports: a pool of db_pool_size() (twice the worker
 * threads), opened on first use and kept, so that a stream costs no descriptors and no
 * page cache of its own. db_pool_take hands one out, or NULL when all are in use (or the
 * database cannot be opened): the caller answers 503. db_pool_give takes it back, with
 * its statements finalized; db_pool_close closes the idle ones.
 */
int		 db_pool_size(void);
sqlite3		*db_pool_take(void);
void		 db_pool_give(sqlite3 *);
void		 db_pool_close(void);
/* A cached, reset statement for a constant SQL string; NULL (logged) on error. */
sqlite3_stmt	*db_stmt(sqlite3 *, const char *sql);
/* Runs literal SQL (our own text, no input); -1 with a message on error. */
int		 db_exec(sqlite3 *, const char *sql);
int		 db_begin(sqlite3 *);		/* BEGIN IMMEDIATE */
int		 db_commit(sqlite3 *);
void		 db_rollback(sqlite3 *);
/* Binds text, or NULL for a NULL or empty string. */
int		 db_bind_text(sqlite3_stmt *, int, const char *);
/* Steps a statement expected to return one row and one text column (JSON, a count).
 * Appends the column to out; returns 0, or -1 when there is no row or on error. */
int		 db_one_text(sqlite3_stmt *, struct buf *out);
/* Returns the single integer result of stmt, or def. */
long long	 db_one_int(sqlite3_stmt *, long long def);

/*
 * A time budget for the statements this thread steps on db between begin and end:
 * once they have used ms milliseconds of this thread's CPU time (or five times that
 * on the wall clock, should the thread be starved), SQLite interrupts the one running
 * (its step returns SQLITE_INTERRUPT), so a query too costly to answer stops instead
 * of holding the thread. CPU time, so that the same query gets the same answer on a
 * busy machine as on a quiet one. end says whether the budget ran out (1) or not (0).
 */
void		 db_budget_begin(sqlite3 *, int ms);
int		 db_budget_end(sqlite3 *);

/* The database's state as this thread's connection sees it (changes by others and by
 * itself): equal values mean nothing changed in between. -1 when it cannot be read. */
long long	 db_generation(void);

/* Migrations (migrate.c): brings the schema to the newest compiled-in version.
 * Refuses a database newer than the binary. Returns 0 or -1. */
int		 db_migrate(sqlite3 *, int verbose);
int		 db_schema_version(void);

#endif
