/* stream.c: the export stream: pieces for the web (req->stream) and the whole for the CLI. */
#include <stdlib.h>

#include "model/db.h"
#include "export/stream.h"
#include "core/log.h"
#include "core/mem.h"

struct export_stream *
export_stream_new(sqlite3 *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = xcalloc(1, sizeof(*s));

	s->db = db;
	s->own_db = own_db;
	s->f = *f;
	buf_init(&s->scratch, 0);
	return s;
}

sqlite3_stmt *
export_prepare(struct export_stream *s, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		log_err("export: %s", sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

void
export_bind(sqlite3_stmt *st, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0)
		return;
	if (value == NULL || *value == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
}

void
export_bind_int(sqlite3_stmt *st, const char *name, long long value)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i)
		sqlite3_bind_int64(st, i, value);
}

const char *
export_col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
export_next(void *ctx, struct buf *out)
{
	struct export_stream *s = ctx;
	size_t start = out->len;
	int rc;

	while (!s->done && out->len - start < EXPORT_PIECE) {
		if ((rc = s->step(s, out)) == -1)
			return -1;
		if (rc == 0)
			s->done = 1;
	}
	return 0;
}

int
export_write(struct export_stream *s, FILE *f)
{
	struct buf b = BUF_INIT;
	int rc = 0;

	do {
		buf_reset(&b);
		if (export_next(s, &b) == -1) {
			rc = -1;
			break;
		}
		if (b.len && fwrite(b.data, 1, b.len, f) != b.len) {
			rc = log_err("export: write error");
			break;
		}
	} while (b.len);
	buf_release(&b);
	if (rc == 0 && fflush(f) != 0)
		rc = log_err("export: write error");
	return rc;
}

void
export_free(void *ctx)
{
	struct export_stream *s = ctx;

	if (s == NULL)
		return;
	if (s->release)
		s->release(s);
	sqlite3_finalize(s->st);
	sqlite3_finalize(s->st2);
	if (s->own_db)
		db_close(s->db);
	buf_release(&s->scratch);
	free(s);
}
