/* db.c: SQLite connections, per-thread ownership and the prepared-statement cache. */
#include <errno.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/config.h"
#include "model/db.h"
#include "core/log.h"
#include "core/mem.h"

#define CACHE_SLOTS	512	/* power of two, above the number of distinct queries */
#define BUDGET_OPS	1000	/* virtual machine steps between two looks at the clock (~50 us) */

struct cached {
	const char	*sql;
	sqlite3_stmt	*stmt;
};

struct conn_cache {
	sqlite3		*db;
	struct cached	 slot[CACHE_SLOTS];
};

static pthread_key_t	conn_key;
static pthread_once_t	conn_once = PTHREAD_ONCE_INIT;
static _Thread_local sqlite3 *thread_db;
static _Thread_local unsigned thread_db_opens;	/* so that a reopened connection is a change */
static void (*read_tracer)(const char *table);
static void (*statement_tracer)(sqlite3_stmt *);

static void	key_create(void);

/* The export pool: idle connections on a stack, and how many are handed out. */
static struct {
	pthread_mutex_t	 lock;
	sqlite3		**idle;
	int		 nidle, busy, cap;
} pool = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* A database on read-only media: WAL needs its -shm file, so open it immutable and serve reads. */
static sqlite3 *
open_readonly(const char *path)
{
	sqlite3 *db = NULL;
	char *uri = sqlite3_mprintf("file:%s?immutable=1", path);

	if (uri == NULL || sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		db = NULL;
	}
	sqlite3_free(uri);
	return db;
}

/* The authorizer, while a tracer is set: every table a statement reads, as it is prepared. */
static int
trace_read(void *arg, int action, const char *table, const char *column, const char *db,
    const char *via)
{
	(void)arg, (void)column, (void)db, (void)via;
	if (action == SQLITE_READ && table && read_tracer)
		read_tracer(table);
	return SQLITE_OK;
}

void
db_trace_reads(void (*fn)(const char *table))
{
	read_tracer = fn;
}

/* Every statement as it starts, but the lines SQLite traces for a trigger's ("-- TRIGGER x"). */
static int
trace_statement(unsigned what, void *arg, void *stmt, void *x)
{
	const char *sql = sqlite3_sql(stmt);

	(void)what, (void)arg, (void)x;
	if (statement_tracer && sql && strncmp(sql, "--", 2) != 0)
		statement_tracer(stmt);
	return 0;
}

void
db_trace_statements(void (*fn)(sqlite3_stmt *))
{
	statement_tracer = fn;
}

/* Creates the directories above path that do not exist yet (data/ of data/lectern.db),
 * private to the user under the umask of main(). -1 with a message when one cannot be made. */
static int
make_parents(const char *path)
{
	char dir[4096];
	size_t n = strlen(path);

	if (n >= sizeof(dir))
		return 0;	/* SQLite will say what is wrong with it */
	memcpy(dir, path, n + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (access(dir, F_OK) == -1) {
			if (mkdir(dir, 0777) == -1 && errno != EEXIST)
				return log_err("cannot create the directory %s: %s", dir, strerror(errno));
			log_info("created the directory %s", dir);
		}
		*p = '/';
	}
	return 0;
}

sqlite3 *
db_open(const char *path, int create)
{
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	    (create ? SQLITE_OPEN_CREATE : 0);

	if (create && strcmp(path, ":memory:") != 0 && make_parents(path) == -1)
		return NULL;

	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		const char *msg = db ? sqlite3_errmsg(db) : "cannot open";

		if (!create || access(path, F_OK) == 0) {
			sqlite3 *ro = open_readonly(path);

			if (ro) {
				sqlite3_close(db);
				log_info("%s is read-only: serving reads, refusing writes", path);
				sqlite3_busy_timeout(ro, DB_BUSY_MS);
				return ro;
			}
		}
		log_err("%s: %s", path, msg);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, DB_BUSY_MS);
	if (read_tracer)
		sqlite3_set_authorizer(db, trace_read, NULL);
	if (statement_tracer)
		sqlite3_trace_v2(db, SQLITE_TRACE_STMT, trace_statement, NULL);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
	    " PRAGMA synchronous = NORMAL;", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3 *ro = sqlite3_db_readonly(db, "main") == 1 ? open_readonly(path) : NULL;

		if (ro)
			log_info("%s is read-only: serving reads, refusing writes", path);
		else
			log_err("%s: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return ro;
	}
	return db;
}

static void
cache_clear(struct conn_cache *c)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		sqlite3_finalize(c->slot[i].stmt);
	memset(c, 0, sizeof(*c));
}

/* This thread's statement cache, bound to db (rebinding drops the old statements). */
static struct conn_cache *
cache_of(sqlite3 *db)
{
	struct conn_cache *c;

	pthread_once(&conn_once, key_create);
	if ((c = pthread_getspecific(conn_key)) == NULL) {
		c = xcalloc(1, sizeof(*c));
		pthread_setspecific(conn_key, c);
	}
	if (c->db != db) {
		cache_clear(c);
		c->db = db;
	}
	return c;
}

void
db_close(sqlite3 *db)
{
	struct conn_cache *c;

	if (db == NULL)
		return;
	pthread_once(&conn_once, key_create);
	if ((c = pthread_getspecific(conn_key)) != NULL && c->db == db)
		cache_clear(c);
	if (db == thread_db)
		thread_db = NULL;
	sqlite3_close_v2(db);
}

/* Runs when a worker thread exits: its statements and connection go with it. */
static void
thread_exit(void *arg)
{
	struct conn_cache *c = arg;

	cache_clear(c);
	free(c);
	if (thread_db) {
		sqlite3_close_v2(thread_db);
		thread_db = NULL;
	}
}

void
db_thread_close(void)
{
	struct conn_cache *c;

	pthread_once(&conn_once, key_create);
	if ((c = pthread_getspecific(conn_key)) != NULL) {
		pthread_setspecific(conn_key, NULL);
		thread_exit(c);
	}
}

static void
key_create(void)
{
	pthread_key_create(&conn_key, thread_exit);
}

sqlite3 *
db_thread(void)
{
	pthread_once(&conn_once, key_create);
	if (thread_db)
		return thread_db;
	/* Binding the statement cache registers the thread-exit destructor
	 * that closes this connection, even if no statement is ever cached. */
	if ((thread_db = db_open(config.db_path, 0)) != NULL)
		cache_of(thread_db);
	thread_db_opens++;
	return thread_db;
}

void
db_thread_adopt(sqlite3 *db)
{
	db_thread_close();
	/* As db_thread does: the cache's destructor closes it when the thread ends. */
	thread_db = db;
	cache_of(db);
}

int
db_pool_size(void)
{
	return 2 * config.threads;
}

sqlite3 *
db_pool_take(void)
{
	sqlite3 *db = NULL;

	pthread_mutex_lock(&pool.lock);
	if (pool.idle == NULL) {
		pool.cap = db_pool_size();
		pool.idle = xcalloc((size_t)pool.cap, sizeof(*pool.idle));
	}
	if (pool.nidle > 0)
		db = pool.idle[--pool.nidle];
	else if (pool.busy >= pool.cap) {
		pthread_mutex_unlock(&pool.lock);
		return NULL;
	}
	pool.busy++;
	pthread_mutex_unlock(&pool.lock);
	/* Opened outside the lock: the place is already counted. */
	if (db == NULL && (db = db_open(config.db_path, 0)) == NULL) {
		pthread_mutex_lock(&pool.lock);
		pool.busy--;
		pthread_mutex_unlock(&pool.lock);
	}
	return db;
}

void
db_pool_give(sqlite3 *db)
{
	if (db == NULL)
		return;
	db_rollback(db);	/* a stream only reads, but never hand on a transaction */
	pthread_mutex_lock(&pool.lock);
	pool.busy--;
	if (pool.idle && pool.nidle < pool.cap)
		pool.idle[pool.nidle++] = db;
	else
		sqlite3_close_v2(db);	/* after db_pool_close */
	pthread_mutex_unlock(&pool.lock);
}

void
db_pool_close(void)
{
	pthread_mutex_lock(&pool.lock);
	while (pool.nidle > 0)
		sqlite3_close_v2(pool.idle[--pool.nidle]);
	free(pool.idle);
	pool.idle = NULL;
	pthread_mutex_unlock(&pool.lock);
}

sqlite3_stmt *
db_stmt(sqlite3 *db, const char *sql)
{
	struct conn_cache *c = cache_of(db);
	sqlite3_stmt *st = NULL;
	size_t h = ((uintptr_t)sql >> 3) & (CACHE_SLOTS - 1), probes;

	/* Open addressing, never eviction: a caller may still be stepping
	 * any statement it got earlier. */
	for (probes = 0; probes < CACHE_SLOTS; probes++, h = (h + 1) & (CACHE_SLOTS - 1)) {
		if (c->slot[h].sql == sql) {
			st = c->slot[h].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
		if (c->slot[h].sql == NULL)
			break;
	}
	if (probes == CACHE_SLOTS) {
		log_err("statement cache full: raise CACHE_SLOTS");
		return NULL;
	}
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL)) {
		log_err("prepare: %s (%.60s)", sqlite3_errmsg(db), sql);
		return NULL;
	}
	c->slot[h].sql = sql;
	c->slot[h].stmt = st;
	return st;
}

int
db_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		log_err("%s", err ? err : sqlite3_errmsg(db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

int
db_begin(sqlite3 *db)
{
	return db_exec(db, "BEGIN IMMEDIATE");
}

int
db_commit(sqlite3 *db)
{
	if (db_exec(db, "COMMIT") == -1) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
db_one_text(sqlite3_stmt *st, struct buf *out)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			log_err("query: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
		sqlite3_reset(st);
		return -1;
	}
	buf_append(out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
	sqlite3_reset(st);
	return 0;
}

long long
db_one_int(sqlite3_stmt *st, long long def)
{
	long long v = def;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

/* The budget of this thread's statements (db_budget_begin): its deadlines on the thread's
 * CPU clock and on the wall clock, and whether one was reached. */
struct budget {
	struct timespec	 cpu_deadline, wall_deadline;
	int		 spent;
};
static _Thread_local struct budget budget;

#define BUDGET_WALL	5	/* the wall-clock ceiling, in budgets: a starved thread stops too */

static int
passed(clockid_t clock, const struct timespec *deadline)
{
	struct timespec now;

	clock_gettime(clock, &now);
	return now.tv_sec > deadline->tv_sec ||
	    (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec);
}

static void
deadline_in(clockid_t clock, long long ms, struct timespec *out)
{
	clock_gettime(clock, out);
	out->tv_sec += ms / 1000;
	out->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (out->tv_nsec >= 1000000000L) {
		out->tv_sec++;
		out->tv_nsec -= 1000000000L;
	}
}

/* SQLite's progress handler: a non-zero return interrupts the statement. */
static int
budget_check(void *arg)
{
	struct budget *bu = arg;

	if (passed(CLOCK_THREAD_CPUTIME_ID, &bu->cpu_deadline) ||
	    passed(CLOCK_MONOTONIC, &bu->wall_deadline))
		bu->spent = 1;
	return bu->spent;
}

void
db_budget_begin(sqlite3 *db, int ms)
{
	deadline_in(CLOCK_THREAD_CPUTIME_ID, ms, &budget.cpu_deadline);
	deadline_in(CLOCK_MONOTONIC, (long long)ms * BUDGET_WALL, &budget.wall_deadline);
	budget.spent = 0;
	sqlite3_progress_handler(db, BUDGET_OPS, budget_check, &budget);
}

int
db_budget_end(sqlite3 *db)
{
	sqlite3_progress_handler(db, 0, NULL, NULL);
	return budget.spent;
}

long long
db_generation(void)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3 *db = db_thread();
	sqlite3_stmt *st = db ? db_stmt(db, sql) : NULL;
	long long v = st ? db_one_int(st, -1) : -1;

	return v < 0 ? -1 : ((v << 32) ^ sqlite3_total_changes64(db) ^
	    ((long long)(thread_db_opens & 0x7f) << 56));
}
