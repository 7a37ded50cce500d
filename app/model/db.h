/*
 * db.h: the one file in front of SQLite.
 *
 * Every connection is in WAL mode with foreign keys on and a busy timeout.
 * A server worker thread owns one connection (db_thread) with its prepared
 * statements cached on it: db_stmt() returns a reset statement keyed by the
 * address of its SQL literal, so only string constants may be passed.
 * Connections, statements and budgets are db.c's; statuses and typed rows rows.c's.
 *
 * This header is the model's own (and the importer's storage stage's): nothing above the
 * model includes it; they call the model's functions instead (model.h, layers.py).
 */
#ifndef LECTERN_DB_H
#define LECTERN_DB_H
#include <sqlite3.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/request.h"
#include "model/handle.h"
#include "model/model.h"

#define DB_BUSY_MS	5000
/* Descriptors one connection may hold at once: the database, its -wal and -shm files, and
 * a temporary file (a large sort spills to one). */
#define DB_FILES	4

/* Opens (creating it, and the directories above it, if asked) and configures a connection;
 * NULL with a message on error. */
sqlite3		*db_open(const char *path, int create);
/* Closes this thread's connection (the main thread of a command-line run). */
void		 db_thread_close(void);
/* Makes path (created if asked, then migrated) this thread's connection; 0 or -1 (logged).
 * (migrate.c, like db_open_migrated: db.c opens connections, migrate.c brings them up to date.) */
int		 db_thread_open(const char *path, int create);
/* Makes db this thread's connection, closed when the thread ends (the one before, now). */
void		 db_thread_adopt(sqlite3 *db);
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

/* A connection handle (conn.h) for db, which stays open when the handle is closed (tests);
 * and the connection behind a handle. */
struct db_conn;
struct db_conn	*conn_of(sqlite3 *);
sqlite3		*conn_db(const struct db_conn *);

/* The status a failed SQLite call means (rc, or db's last error when rc is 0), logged with
 * what was being done: BUSY, LOCKED, FULL, READONLY, IOERR, CANTOPEN and NOMEM are
 * MODEL_UNAVAILABLE, CONSTRAINT is MODEL_CONFLICT, anything else MODEL_ERROR. */
enum model_status db_failed(sqlite3 *, int rc, const char *what);
/* Column i of the current row as text in req's arena; NULL for SQL NULL. */
const char	*db_col(struct request *, sqlite3_stmt *, int i);
/* Column i's integer (0 for NULL), and whether it is NULL. */
long long	 db_col_int(sqlite3_stmt *, int i);
int		 db_col_null(sqlite3_stmt *, int i);
/*
 * Typed rows: a row type says which field of its struct each column fills, in the
 * statement's order, so the model reads every query the same way and nothing above it
 * sees a column number.
 */
enum col_type {
	COL_TEXT,	/* const char *, in the request's arena; NULL for SQL NULL */
	COL_LONG,	/* long long; 0 for NULL */
	COL_INT,	/* int */
	COL_SIZE,	/* size_t: a rank, a window's row_number() - 1 (see db_ranked) */
	COL_SKIP,	/* read by the row type's more() */
};

struct column {
	enum col_type	 type;
	size_t		 offset;
};

struct row_type {
	size_t			 size;		/* of the struct */
	const struct column	*cols;
	size_t			 ncols;
	/* What the columns cannot say (packed lists), after they are read; may be NULL. */
	void			(*more)(struct request *, sqlite3_stmt *, void *row);
	const char		*what;		/* for messages */
};

#define COL(type, st, field)	{ COL_##type, offsetof(st, field) }
#define COL_PASS		{ COL_SKIP, 0 }
#define ROW_TYPE(st, cols, more, what) { sizeof(st), cols, sizeof(cols) / sizeof(cols[0]), more, what }

/* Reads st's current row into row. */
void		 db_read(struct request *, sqlite3_stmt *, const struct row_type *, void *row);
/* Steps st to its end, each row a new element of the array returned (in req's arena; *n
 * of them); *ms gets MODEL_OK or the failure. */
void		*db_rows(struct request *, sqlite3_stmt *, const struct row_type *, size_t *n,
		    enum model_status *ms);
/* The rows of sql with ?1 bound to id (and, when limit is not 0, ?2 = limit, ?3 = offset). */
void		*db_rows_of(struct request *, const char *sql, long long id, int limit, long long offset,
		    const struct row_type *, size_t *n, enum model_status *ms);
/* A page of a list: the rows of list_sql (?2 = limit, ?3 = offset) and in *total what count_sql counts. */
void		*db_page_rows(struct request *, const char *count_sql, const char *list_sql, int limit,
		    long long offset, const struct row_type *, size_t *n, long long *total, enum model_status *ms);
/* The rows (n of size bytes) in the order of their rank, the size_t at rank_offset in each:
 * the second order of a list whose query gives both (a window's row_number()). */
void		*db_ranked(struct request *, void *rows, size_t n, size_t size, size_t rank_offset);
/* The single number sql counts into *n. */
enum model_status db_count(const char *sql, long long *n);
/* The one row of sql with ?1 bound to key (text) into row: MODEL_NOT_FOUND when there is none. */
enum model_status db_row_of(struct request *, const char *sql, const char *key, const struct row_type *,
		    void *row);

/* A cached statement for sql on this thread's connection in *st: MODEL_OK, MODEL_UNAVAILABLE
 * when the thread has no connection, or the failure to prepare it (logged). */
enum model_status db_query(const char *sql, sqlite3_stmt **st);
/* Steps st to its one row: MODEL_OK with the row ready (the caller resets st once it has read
 * it), MODEL_NOT_FOUND when there is none, or the failure (st reset). */
enum model_status db_row(sqlite3_stmt *, const char *what);
/* After stepping st to rc (its end, or a row the caller stops at): MODEL_OK, or the failure;
 * st is reset either way. */
enum model_status db_done(sqlite3_stmt *, int rc, const char *what);

/* Runs fn(db, arg) in one transaction (BEGIN IMMEDIATE ... COMMIT), rolled back unless fn
 * returns MODEL_OK; MODEL_UNAVAILABLE when it cannot begin or commit. Returns fn's status. */
enum model_status db_transaction(sqlite3 *, enum model_status (*fn)(sqlite3 *, void *), void *arg);

/* Appends a slug for name that table (a constant table name) does not hold yet: -2, -3...
 * Returns 0, or -1 (logged). */
int		 slug_unique(sqlite3 *, const char *table, const char *name, struct buf *out);

/* A page of a list for page_import.c, until the importer's split moves its queries: sql takes
 * ?1 limit (one more than PAGE_SIZE, to know whether there is a next page) and ?2 the offset
 * of req's page. NULL on error. */
sqlite3_stmt	*list_stmt(struct request *, sqlite3 *, const char *sql);
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

/* For tests: fn is called with the name of every table a statement on a connection opened
 * from now on reads, when the statement is prepared (cached statements are not prepared
 * again). NULL stops it. */
void		 db_trace_reads(void (*fn)(const char *table));
/* For tests: fn is called with every statement run on a connection opened from now on, as
 * it starts (a trigger's own statements are not). NULL stops it. */
void		 db_trace_statements(void (*fn)(sqlite3_stmt *));

/* Migrations (migrate.c): brings the schema to the newest compiled-in version.
 * Refuses a database newer than the binary. Returns 0 or -1. */
int		 db_migrate(sqlite3 *, int verbose);
int		 db_schema_version(void);
/* Loads the demo data (demo.c) into db in one transaction; -1 if it holds records. */
int		 db_demo_load(sqlite3 *);

#endif
