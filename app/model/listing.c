/* listing.c: the session rows every listing shares (see listing.h). */
#include <string.h>

#include "model/listing.h"

/* The packed speakers of SESSION_ITEM_COLS as an array; an empty organization is none. */
static void
unpack_speakers(struct request *req, const char *p, struct session_item *it)
{
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

void
session_item_read(struct request *req, sqlite3_stmt *st, int c, struct session_item *it)
{
	it->id = db_col_int(st, c);
	it->title = db_col(req, st, c + 1);
	it->kind = db_col(req, st, c + 2);
	it->status = db_col(req, st, c + 3);
	it->date = db_col(req, st, c + 4);
	it->event_slug = db_col(req, st, c + 5);
	it->event_name = db_col(req, st, c + 6);
	unpack_speakers(req, (const char *)sqlite3_column_text(st, c + 7), it);
}
