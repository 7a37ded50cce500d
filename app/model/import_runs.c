/* import_runs.c: the import runs and the waiting uploads (import_runs.h). */
#include <string.h>
#include <time.h>

#include "model/db.h"
#include "model/import_runs.h"

static const char runs_sql[] =
	"SELECT r.id, r.at, coalesce(r.user_login, '(command line)'), r.file_name, r.sha256, e.slug, e.name,"
	" r.counts, r.warnings, coalesce(json_extract(r.counts, '$.new'), 0),"
	" coalesce(json_extract(r.counts, '$.changed'), 0), coalesce(json_extract(r.counts, '$.unchanged'), 0),"
	" coalesce(json_extract(r.counts, '$.cancelled'), 0), coalesce(json_extract(r.counts, '$.conflicts'), 0),"
	" coalesce(json_extract(r.counts, '$.warnings'), 0), r.undone_at IS NOT NULL"
	" FROM import_runs r LEFT JOIN events e ON e.id = r.event_id"
	" ORDER BY CASE WHEN ?3 THEN r.id ELSE -r.id END LIMIT ?1 OFFSET ?2";

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
import_runs_each(sqlite3 *db, int oldest_first, int limit, int offset,
    int (*each)(void *, const struct import_run_row *), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, runs_sql);
	int rc, n = 0, stop = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, limit > 0 ? limit : -1);
	sqlite3_bind_int(st, 2, offset);
	sqlite3_bind_int(st, 3, oldest_first);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct import_run_row r = { sqlite3_column_int64(st, 0), col(st, 1), col(st, 2), col(st, 3),
		    col(st, 4), col(st, 5), col(st, 6), col(st, 7), col(st, 8), sqlite3_column_int(st, 9),
		    sqlite3_column_int(st, 10), sqlite3_column_int(st, 11), sqlite3_column_int(st, 12),
		    sqlite3_column_int(st, 13), sqlite3_column_int(st, 14), sqlite3_column_int(st, 15) };

		n++;
		stop = each(arg, &r);
	}
	sqlite3_reset(st);
	return stop || rc == SQLITE_DONE ? n : -1;
}

static const char warnings_sql[] =
	"SELECT json_extract(w.value, '$.line'), json_extract(w.value, '$.category'),"
	" json_extract(w.value, '$.event'), json_extract(w.value, '$.text')"
	" FROM import_runs r, json_each(coalesce(r.warnings, '[]')) w WHERE r.id = ?1 ORDER BY w.key";

int
import_run_warnings(sqlite3 *db, long long run, int (*each)(void *, const struct import_run_warning *),
    void *arg)
{
	sqlite3_stmt *st = db_stmt(db, warnings_sql);
	int rc, n = 0, stop = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, run);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct import_run_warning w = { sqlite3_column_int(st, 0), col(st, 1), col(st, 2), col(st, 3) };

		n++;
		stop = each(arg, &w);
	}
	sqlite3_reset(st);
	return stop || rc == SQLITE_DONE ? n : -1;
}

static const char expire_sql[] = "DELETE FROM import_uploads WHERE created_at < ?1";
static const char cap_sql[] =
	"DELETE FROM import_uploads WHERE user_id = ?1 AND token_hash NOT IN (SELECT token_hash FROM"
	" import_uploads WHERE user_id = ?1 ORDER BY created_at DESC, token_hash LIMIT ?2)";
static const char keep_sql[] =
	"INSERT INTO import_uploads(token_hash, user_id, file_name, event_slug, tz, data, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static int
step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
import_upload_keep(sqlite3 *db, const unsigned char *hash, size_t hash_len, long long user,
    const char *file_name, const char *event_slug, const char *tz, const void *data, size_t len)
{
	sqlite3_stmt *a = db_stmt(db, expire_sql), *b = db_stmt(db, cap_sql), *c = db_stmt(db, keep_sql);
	long long now = (long long)time(NULL);
	int rc = -1;

	if (a == NULL || b == NULL || c == NULL || db_begin(db) == -1)
		return -1;
	sqlite3_bind_int64(a, 1, now - UPLOAD_TTL);
	sqlite3_bind_int64(b, 1, user);
	sqlite3_bind_int(b, 2, UPLOADS_PER_USER - 1);
	sqlite3_bind_blob(c, 1, hash, (int)hash_len, SQLITE_STATIC);
	sqlite3_bind_int64(c, 2, user);
	sqlite3_bind_text(c, 3, file_name, -1, SQLITE_STATIC);
	db_bind_text(c, 4, event_slug);
	db_bind_text(c, 5, tz);
	sqlite3_bind_blob64(c, 6, data, len, SQLITE_STATIC);
	sqlite3_bind_int64(c, 7, now);
	if (step_done(a) == 0 && step_done(b) == 0 && step_done(c) == 0)
		rc = db_commit(db);
	else
		db_rollback(db);
	return rc;
}

static const char take_sql[] =
	"SELECT file_name, coalesce(event_slug, ''), coalesce(tz, ''), data FROM import_uploads"
	" WHERE token_hash = ?1 AND user_id = ?2 AND created_at >= ?3";

int
import_upload_take(sqlite3 *db, const unsigned char *hash, size_t hash_len, long long user,
    struct import_upload *out)
{
	sqlite3_stmt *st = db_stmt(db, take_sql);
	int rc;

	memset(out, 0, sizeof(*out));
	buf_init(&out->file_name, 0), buf_init(&out->event_slug, 0), buf_init(&out->tz, 0);
	buf_init(&out->data, 0);
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, (int)hash_len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user);
	sqlite3_bind_int64(st, 3, (long long)time(NULL) - UPLOAD_TTL);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_puts(&out->file_name, col(st, 0));
		buf_puts(&out->event_slug, col(st, 1));
		buf_puts(&out->tz, col(st, 2));
		buf_append(&out->data, sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static const char drop_sql[] = "DELETE FROM import_uploads WHERE token_hash = ?1";

int
import_upload_drop(sqlite3 *db, const unsigned char *hash, size_t hash_len)
{
	sqlite3_stmt *st = db_stmt(db, drop_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, (int)hash_len, SQLITE_STATIC);
	return step_done(st);
}

void
import_upload_release(struct import_upload *u)
{
	buf_release(&u->file_name), buf_release(&u->event_slug), buf_release(&u->tz);
	buf_release(&u->data);
}
