/* rows.c: the model calls' statements, statuses and typed rows (see db.h): a row type's
 * columns read into a struct, the lists and pages of them, the one-row lookups. */
#include <string.h>

#include "core/log.h"
#include "model/db.h"

static enum model_status
status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_FULL: case SQLITE_READONLY:
	case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_NOMEM:
		return MODEL_UNAVAILABLE;
	case SQLITE_CONSTRAINT:
		return MODEL_CONFLICT;
	case SQLITE_INTERRUPT:
		return MODEL_TOO_COSTLY;
	default:
		return MODEL_ERROR;
	}
}

enum model_status
db_failed(sqlite3 *db, int rc, const char *what)
{
	if (rc == 0 || rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = sqlite3_extended_errcode(db);
	/* Only a time budget interrupts a statement: a refusal, not a failure. */
	if ((rc & 0xff) != SQLITE_INTERRUPT)
		log_err("%s: %s", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	return status_of(rc);
}

enum model_status
db_query(const char *sql, sqlite3_stmt **st)
{
	sqlite3 *db = db_thread();

	*st = NULL;
	if (db == NULL)
		return MODEL_UNAVAILABLE;
	/* db_stmt logged why it could not prepare. */
	if ((*st = db_stmt(db, sql)) == NULL)
		return status_of(sqlite3_extended_errcode(db));
	return MODEL_OK;
}

enum model_status
db_done(sqlite3_stmt *st, int rc, const char *what)
{
	enum model_status status = MODEL_OK;

	/* The message first: a reset may move on from it. */
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		status = db_failed(sqlite3_db_handle(st), rc, what);
	sqlite3_reset(st);
	return status;
}

enum model_status
db_row(sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return MODEL_OK;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return MODEL_NOT_FOUND;
	}
	return db_done(st, rc, what);
}

void
db_read(struct request *req, sqlite3_stmt *st, const struct row_type *t, void *row)
{
	for (size_t i = 0; i < t->ncols; i++) {
		char *field = (char *)row + t->cols[i].offset;
		int c = (int)i;

		switch (t->cols[i].type) {
		case COL_TEXT: *(const char **)(void *)field = db_col(req, st, c); break;
		case COL_LONG: *(long long *)(void *)field = sqlite3_column_int64(st, c); break;
		case COL_INT: *(int *)(void *)field = sqlite3_column_int(st, c); break;
		case COL_SIZE: *(size_t *)(void *)field = (size_t)sqlite3_column_int64(st, c); break;
		case COL_SKIP: break;
		}
	}
	if (t->more)
		t->more(req, st, row);
}

void *
db_rows(struct request *req, sqlite3_stmt *st, const struct row_type *t, size_t *n, enum model_status *ms)
{
	char *rows = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = req_grow(req, rows, *n, &cap, t->size);
		memset(rows + *n * t->size, 0, t->size);
		db_read(req, st, t, rows + (*n)++ * t->size);
	}
	*ms = db_done(st, rc, t->what);
	return rows;
}

void *
db_rows_of(struct request *req, const char *sql, long long id, int limit, long long offset,
    const struct row_type *t, size_t *n, enum model_status *ms)
{
	sqlite3_stmt *st;

	*n = 0;
	if ((*ms = db_query(sql, &st)) != MODEL_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (limit) {
		sqlite3_bind_int(st, 2, limit);
		sqlite3_bind_int64(st, 3, offset);
	}
	return db_rows(req, st, t, n, ms);
}

void *
db_page_rows(struct request *req, const char *count_sql, const char *list_sql, int limit, long long offset,
    const struct row_type *t, size_t *n, long long *total, enum model_status *ms)
{
	*n = 0;
	if ((*ms = db_count(count_sql, total)) != MODEL_OK)
		return NULL;
	return db_rows_of(req, list_sql, 0, limit, offset, t, n, ms);
}

void *
db_ranked(struct request *req, void *rows, size_t n, size_t size, size_t rank_offset)
{
	void **out = req_alloc(req, (n + 1) * sizeof(*out));

	for (size_t i = 0; i < n; i++) {
		char *row = (char *)rows + i * size;
		size_t rank = *(size_t *)(void *)(row + rank_offset);

		out[rank < n ? rank : i] = row;
	}
	return out;
}

enum model_status
db_count(const char *sql, long long *n)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*n = 0;
	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	*n = db_one_int(st, 0);
	return MODEL_OK;
}

enum model_status
db_row_of(struct request *req, const char *sql, const char *key, const struct row_type *t, void *row)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(row, 0, t->size);
	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, key);
	if ((ms = db_row(st, t->what)) != MODEL_OK)
		return ms;
	db_read(req, st, t, row);
	sqlite3_reset(st);
	return MODEL_OK;
}

const char *
db_col(struct request *req, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? req_strndup(req, (const char *)s, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

long long
db_col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int
db_col_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

enum model_status
db_transaction(sqlite3 *db, enum model_status (*fn)(sqlite3 *, void *), void *arg)
{
	enum model_status ms;

	if (db == NULL || db_begin(db) == -1)
		return MODEL_UNAVAILABLE;
	if ((ms = fn(db, arg)) != MODEL_OK) {
		db_rollback(db);
		return ms;
	}
	return db_commit(db) == 0 ? MODEL_OK : MODEL_UNAVAILABLE;
}

sqlite3_stmt *
list_stmt(struct request *req, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, PAGE_SIZE + 1);
	sqlite3_bind_int64(st, 2, (req_arg_int(req, "page", 1) - 1) * PAGE_SIZE);
	return st;
}

const char *
model_status_name(enum model_status s)
{
	static const char *const names[MODEL_STATUS__MAX] = { "ok", "not found", "conflict", "stale",
	    "invalid", "too costly", "unavailable", "database error" };

	return s < MODEL_STATUS__MAX ? names[s] : "?";
}
