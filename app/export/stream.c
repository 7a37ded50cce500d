/* stream.c: the export stream: pieces for the web (req->stream) and the whole for the CLI. */
#include <stdlib.h>

#include "core/log.h"
#include "core/mem.h"
#include "export/stream.h"
#include "model/conn.h"

struct export_stream *
export_stream_new(struct db_conn *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = xcalloc(1, sizeof(*s));

	s->db = db;
	s->own_db = own_db;
	s->f = *f;
	buf_init(&s->scratch, 0);
	return s;
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
export_list_step(struct export_stream *s, struct buf *out, void (*header)(struct export_stream *, struct buf *),
    int (*row)(struct export_stream *, struct buf *, int json))
{
	int rc, json = s->f.format == EXPORT_JSON;

	if (!s->started) {
		s->started = 1;
		if (json)
			buf_putc(out, '[');
		else {
			if (s->f.bom)
				buf_append(out, "\xEF\xBB\xBF", 3);
			header(s, out);
		}
		return 1;
	}
	/* A batch per call keeps the per-call overhead off the hot path. */
	for (int k = 0; k < 256; k++) {
		if ((rc = row(s, out, json)) <= 0) {
			if (rc == 0 && json)
				buf_putc(out, ']');
			return rc;
		}
		s->n_rows++;
	}
	return 1;
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
	if (s->own_db)
		conn_close(s->db);
	buf_release(&s->scratch);
	free(s);
}
