/* zone.c: the evidence of a file's zone and the choice made from it (zone.h). */
#include <stdio.h>
#include <string.h>

#include "import/parse.h"
#include "import/tz.h"
#include "import/zone.h"

int
zone_wall_offset(long long utc, int written, const char *start, int *offset)
{
	int h, m, s = 0, local, wall;

	if (start == NULL || sscanf(start, "%2d:%2d:%2d", &h, &m, &s) < 2 || h > 47 || m > 59)
		return 0;
	local = (h % 24) * 3600 + m * 60 + s;
	wall = local - (int)(((utc % 86400) + 86400) % 86400);
	/* The difference of two times of day: bring it within (-12 h, +14 h]. */
	while (wall > 14 * 3600)
		wall -= 86400;
	while (wall <= -12 * 3600)
		wall += 86400;
	if (wall == written || wall % 900 != 0)
		return 0;
	*offset = wall;
	return 1;
}

/* Keeps (utc, offset) unless the same offset is already kept for the same day. */
static void
keep(long long *utc, int *offset, int *n, long long t, int off)
{
	for (int i = 0; i < *n; i++)
		if (offset[i] == off && (utc[i] + off) / 86400 == (t + off) / 86400)
			return;
	if (*n < ZONE_SEEN) {
		utc[*n] = t;
		offset[(*n)++] = off;
	}
}

void
zone_observe_session(struct zone_evidence *ev, const struct imp_session *s)
{
	time_t t;
	int off, wall;

	if (s->f[IMP_DATE].s == NULL || parse_timestamp(s->f[IMP_DATE].s, &t, &off) == -1)
		return;
	if (zone_wall_offset(t, off, s->f[IMP_START].s, &wall))
		off = wall;
	keep(ev->utc, ev->offset, &ev->n, t, off);
}

void
zone_observe_day(struct zone_evidence *ev, const struct imp_day *d)
{
	const char *bound[2] = { d->start.s, d->end.s };
	time_t t;
	int off;

	for (int i = 0; i < 2; i++)
		if (bound[i] && parse_timestamp(bound[i], &t, &off) == 0)
			keep(ev->day_utc, ev->day_offset, &ev->nday, t, off);
}

struct fitting {
	const long long		*utc;
	const int		*offset;
	int			 n;
	struct zone_choice	*c;
};

static void
try_zone(void *arg, const char *zone)
{
	struct fitting *f = arg;

	if (tz_fits(zone, f->utc, f->offset, f->n) == f->n) {
		if (f->c->nfits++ == 0)
			snprintf(f->c->name, sizeof(f->c->name), "%s", zone);
		buf_appendf(&f->c->fits, "%s\n", zone);
	}
}

/* The offset seen most often (the first of equals). */
static int
usual_offset(const int *offset, int n)
{
	int best = 0, best_n = 0;

	for (int i = 0; i < n; i++) {
		int k = 0;

		for (int j = 0; j < n; j++)
			k += offset[j] == offset[i];
		if (k > best_n)
			best = offset[i], best_n = k;
	}
	return best;
}

static void
from_evidence(struct zone_choice *c, const struct zone_evidence *ev)
{
	static const struct zone_evidence none;
	const long long *utc;
	const int *offset;
	struct fitting f;
	char fixed[16];

	if (ev == NULL)
		ev = &none;
	utc = ev->n ? ev->utc : ev->day_utc;
	offset = ev->n ? ev->offset : ev->day_offset;
	f = (struct fitting){ utc, offset, ev->n ? ev->n : ev->nday, c };
	if (f.n == 0) {
		c->from = ZONE_ASSUMED;
		snprintf(c->name, sizeof(c->name), "UTC");
		return;
	}
	tz_each_canonical(try_zone, &f);
	if (c->nfits == 1) {
		c->from = ZONE_INFERRED;
		return;
	}
	c->from = ZONE_OFFSETS;
	c->offset = usual_offset(offset, f.n);
	snprintf(c->name, sizeof(c->name), "%s", tz_fixed_name(c->offset, fixed));
}

void
zone_choose(struct zone_choice *c, const char *option, const char *file, const char *event,
    const struct zone_evidence *ev)
{
	const char *named[2] = { option, file };
	static const enum import_zone_from from[2] = { ZONE_OPTION, ZONE_FILE };
	int n = ev ? (ev->n ? ev->n : ev->nday) : 0;

	memset(c, 0, sizeof(*c));
	buf_init(&c->fits, 0);
	for (int i = 0; i < 2; i++)
		if (named[i] && tz_known(named[i])) {
			snprintf(c->name, sizeof(c->name), "%s", named[i]);
			c->from = from[i];
			return;
		}
	/* The existing event's zone, unless the file's own offsets say otherwise: then a
	 * re-import reads the file as the first import did. */
	if (event && tz_known(event) && (n == 0 ||
	    tz_fits(event, ev->n ? ev->utc : ev->day_utc, ev->n ? ev->offset : ev->day_offset, n) == n)) {
		snprintf(c->name, sizeof(c->name), "%s", event);
		c->from = ZONE_EVENT;
		return;
	}
	from_evidence(c, ev);
}

void
zone_choice_release(struct zone_choice *c)
{
	buf_release(&c->fits);
}
