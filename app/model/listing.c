/* listing.c: the session rows every listing shares (see listing.h). */
#include <stdlib.h>
#include <string.h>

#include "model/listing.h"

/* One packed speaker ("id US slug US name US org", its own copy, NUL-terminated) into s, split
 * in place; 0, or -1 when it is not one. */
static int
unpack_one(char *p, struct speaker *s)
{
	char *f[4];
	size_t k = 0;

	f[k++] = p;
	for (char *q = p; *q && k < 4; q++)
		if (*q == '\x1f') {
			*q = '\0';
			f[k++] = q + 1;
		}
	if (k < 4)
		return -1;
	memset(s, 0, sizeof(*s));
	s->person = strtoll(f[0], NULL, 10);
	s->slug = f[1];
	s->name = f[2];
	s->org = *f[3] ? f[3] : NULL;
	return 0;
}

/* The packed speakers of column col as an array, pointing into one copy of the column; an
 * empty organization is none. */
void
session_item_speakers(struct request *req, sqlite3_stmt *st, int col, struct session_item *it)
{
	char *p = (char *)db_col(req, st, col);
	size_t cap = 0;

	it->speakers = NULL;
	it->n_speakers = 0;
	while (p && *p) {
		size_t n = strcspn(p, "\x1e");
		int last = p[n] == '\0';

		p[n] = '\0';
		it->speakers = req_grow(req, it->speakers, it->n_speakers, &cap, sizeof(struct speaker));
		if (unpack_one(p, &it->speakers[it->n_speakers]) == 0)
			it->n_speakers++;
		p += n + !last;
	}
}

static void
speakers(struct request *req, sqlite3_stmt *st, void *row)
{
	session_item_speakers(req, st, SESSION_ITEM_NCOLS - 1, row);
}

static const struct column session_item_cols[] = { SESSION_ITEM_COLUMNS(struct session_item, ) };
const struct row_type session_item_row = ROW_TYPE(struct session_item, session_item_cols, speakers, "sessions");
