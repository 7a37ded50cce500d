/* listing.c: the session rows every listing shares (see listing.h). */
#include <string.h>

#include "model/listing.h"

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
		const char *us1 = memchr(p, '\x1f', n), *us2 = NULL;

		if (us1)
			us2 = memchr(us1 + 1, '\x1f', n - (size_t)(us1 + 1 - p));
		if (us2) {
			struct speaker *s;

			it->speakers = req_grow(req, it->speakers, it->n_speakers, &cap, sizeof(*s));
			s = &it->speakers[it->n_speakers++];
			memset(s, 0, sizeof(*s));
			s->slug = req_strndup(req, p, (size_t)(us1 - p));
			s->name = req_strndup(req, us1 + 1, (size_t)(us2 - us1 - 1));
			if (us2 + 1 < p + n)
				s->org = req_strndup(req, us2 + 1, (size_t)(p + n - us2 - 1));
		}
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
