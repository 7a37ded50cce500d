/* listing.c: the session rows every listing shares (see listing.h). */
#include <stdlib.h>
#include <string.h>

#include "model/listing.h"

/* One packed speaker (n bytes at p: "id US slug US name US org") into s; 0, or -1 when it is not one. */
static int
unpack_one(struct request *req, const char *p, size_t n, struct speaker *s)
{
	const char *f[4], *end = p + n;
	size_t k = 0;

	f[k++] = p;
	for (const char *q = p; q < end && k < 4; q++)
		if (*q == '\x1f')
			f[k++] = q + 1;
	if (k < 4)
		return -1;
	memset(s, 0, sizeof(*s));
	s->person = strtoll(f[0], NULL, 10);
	s->slug = req_strndup(req, f[1], (size_t)(f[2] - 1 - f[1]));
	s->name = req_strndup(req, f[2], (size_t)(f[3] - 1 - f[2]));
	if (f[3] < end)
		s->org = req_strndup(req, f[3], (size_t)(end - f[3]));
	return 0;
}

/* The packed speakers of column col as an array; an empty organization is none. */
void
session_item_speakers(struct request *req, sqlite3_stmt *st, int col, struct session_item *it)
{
	const char *p = (const char *)sqlite3_column_text(st, col);
	size_t cap = 0;

	it->speakers = NULL;
	it->n_speakers = 0;
	while (p && *p) {
		size_t n = strcspn(p, "\x1e");

		it->speakers = req_grow(req, it->speakers, it->n_speakers, &cap, sizeof(struct speaker));
		if (unpack_one(req, p, n, &it->speakers[it->n_speakers]) == 0)
			it->n_speakers++;
		p += n;
		if (*p)
			p++;
	}
}

static void
speakers(struct request *req, sqlite3_stmt *st, void *row)
{
	session_item_speakers(req, st, SESSION_ITEM_NCOLS - 1, row);
}

static const struct column session_item_cols[] = { SESSION_ITEM_COLUMNS(struct session_item, ) };
const struct row_type session_item_row = ROW_TYPE(struct session_item, session_item_cols, speakers, "sessions");
