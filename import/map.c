/* map.c: a session's values in Lectern's terms, with a warning for each one changed (map.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/params.h"
#include "import/map.h"
#include "import/parse.h"
#include "import/tz.h"

/* --- kinds (the table in the README, "Kinds") ---------------------------------- */

/* Words that name a kind wherever they stand: in the type, then the track, then the head of the
 * title (a break is a break whatever its type says). logistics: meals, breaks, registration,
 * infodesk. */
static const struct { const char *word; const char *kind; int logistics; } kind_words[] = {
	{ "keynote", "keynote", 0 }, { "lightning", "lightning", 0 }, { "panel", "panel", 0 },
	{ "workshop", "tutorial", 0 }, { "tutorial", "tutorial", 0 },
	{ "maintainer", "maintainer", 0 },
	{ "lunch", "other", 1 }, { "breakfast", "other", 1 }, { "dinner", "other", 1 },
	{ "coffee", "other", 1 }, { "break", "other", 1 }, { "registration", "other", 1 },
	{ "infodesk", "other", 1 }, { "reception", "other", 1 }, { "snack", "other", 1 },
};
/* Words of a type that name an ordinary kind: Pentabarf's lecture and podium are talks;
 * meetings, BoFs and "other" are other. */
static const struct { const char *word; const char *kind; } type_words[] = {
	{ "talk", "talk" }, { "lecture", "talk" }, { "podium", "talk" }, { "presentation", "talk" },
	{ "session", "talk" }, { "meeting", "other" }, { "other", "other" }, { "bof", "other" },
	{ "feather", "other" },
};
static const char *const lectern_kinds[] = {
	"keynote", "talk", "lightning", "panel", "tutorial", "maintainer", "other", NULL
};

/* The next word of *p (ASCII letters and digits, lower-cased, a plural's s dropped). */
static int
next_word(const char **p, char *w, size_t size)
{
	size_t n = 0;

	while (**p && !isalnum((unsigned char)**p))
		(*p)++;
	while (isalnum((unsigned char)**p)) {
		if (n + 1 < size)
			w[n++] = (char)tolower((unsigned char)**p);
		(*p)++;
	}
	w[n] = '\0';
	if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		w[n - 1] = '\0';
	return n > 0;
}

/* The kind a text's words name (kind_words), or NULL; with logistics 0 those are skipped. */
static const char *
words_kind(const char *text, int logistics)
{
	char w[32], prev[32] = "";

	for (const char *p = text ? text : ""; next_word(&p, w, sizeof(w)); snprintf(prev, sizeof(prev), "%s", w)) {
		if (strcmp(prev, "info") == 0 && strcmp(w, "desk") == 0)
			snprintf(w, sizeof(w), "infodesk");
		for (size_t i = 0; i < sizeof(kind_words) / sizeof(kind_words[0]); i++)
			if (strcmp(w, kind_words[i].word) == 0 && (logistics || !kind_words[i].logistics))
				return kind_words[i].kind;
	}
	return NULL;
}

static const char *
type_kind(const char *type)
{
	char w[32];

	for (const char *p = type ? type : ""; next_word(&p, w, sizeof(w));)
		for (size_t i = 0; i < sizeof(type_words) / sizeof(type_words[0]); i++)
			if (strcmp(w, type_words[i].word) == 0)
				return type_words[i].kind;
	return NULL;
}

/* The head of a title that may name its kind: the part before a ":" or " - " when short
 * ("Keynote: ...", "Lightning Talks - ..."), or the whole title when short ("Coffee Break"). */
static int
title_head(const char *title, char *head, size_t size)
{
	const char *end = title ? strpbrk(title, ":") : NULL;
	const char *dash = title ? strstr(title, " - ") : NULL;
	char w[32];
	int words = 0;

	if (title == NULL)
		return 0;
	if (dash && (end == NULL || dash < end))
		end = dash;
	snprintf(head, size, "%.*s", end ? (int)(end - title) : (int)strlen(title), title);
	for (const char *p = head; next_word(&p, w, sizeof(w));)
		words++;
	return words > 0 && words <= 4;
}

const char *
map_kind(const char *type, const char *track, const char *title, int *known)
{
	const char *k;
	char head[128];
	int short_title = title_head(title, head, sizeof(head));

	*known = 1;
	if ((k = words_kind(type, 1)) || (k = words_kind(track, 1)))
		return k;
	if (short_title && (k = words_kind(head, 1)))
		return k;
	if ((k = type_kind(type)))
		return k;
	*known = type == NULL;
	return "talk";
}

static const char *
own_kind(const char *type)
{
	for (size_t i = 0; type && lectern_kinds[i]; i++)
		if (strcmp(type, lectern_kinds[i]) == 0)
			return lectern_kinds[i];
	return NULL;
}

/* --- text ------------------------------------------------------------------------ */

/* True when s has a line break, a tab or two spaces in a row (the reader has trimmed its ends). */
static int
needs_squash(const char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\t' || *s == '\r' || (*s == ' ' && s[1] == ' '))
			return 1;
	return 0;
}

char *
map_squash(const char *s)
{
	struct buf b = BUF_INIT;

	if (s == NULL)
		return NULL;
	if (!needs_squash(s) && *s != ' ')
		return *s ? xstrdup(s) : NULL;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			if (b.len && b.data[b.len - 1] != ' ')
				buf_putc(&b, ' ');
		} else
			buf_putc(&b, *s);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	return b.len ? buf_detach(&b, NULL) : NULL;
}

int
map_cut(struct map_ctx *c, char *s, size_t max, const char *what, int line, struct mapped *m)
{
	size_t n;

	if (s == NULL || (n = utf8_cut_chars(s, max)) == strlen(s))
		return 0;
	s[n] = '\0';
	return report_warn(c->r, line, m ? mapped_name(m) : NULL, "text", "%s over %zu characters: cut "
	    "at a character boundary", what, max);
}

const char *
mapped_name(struct mapped *m)
{
	const struct imp_session *s = m->src;

	/* Made when a message needs it: most sessions never do. */
	if (m->name.len == 0)
		report_event_name(&m->name, s->f[IMP_TITLE].s, s->f[IMP_GUID].s, s->f[IMP_ID].s);
	return m->name.data;
}

/* The abstract: <abstract>, then <description> unless it repeats it, made readable. */
static int
abstract(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	const char *a = s->f[IMP_ABSTRACT].s, *d = s->f[IMP_DESCRIPTION].s;
	struct buf b = BUF_INIT;
	size_t n;

	if (a)
		c->own ? buf_puts(&b, a) : parse_html_text(a, &b);
	if (d && (a == NULL || strcmp(a, d) != 0)) {
		size_t at = b.len;

		if (b.len)
			buf_puts(&b, "\n\n");
		c->own ? buf_puts(&b, d) : parse_html_text(d, &b);
		if (b.len == at + 2)
			buf_truncate(&b, at);
	}
	if (b.len > IMP_MAX_FIELD) {
		n = utf8_cut_bytes(b.data, b.len, IMP_MAX_FIELD);
		buf_truncate(&b, n);
		if (report_warn(c->r, s->f[IMP_ABSTRACT].line, mapped_name(m), "text", "abstract and "
		    "description over %d KiB together: cut at a character boundary", IMP_MAX_FIELD / 1024) == -1) {
			buf_release(&b);
			return -1;
		}
	}
	m->abstract = b.len ? buf_detach(&b, NULL) : NULL;
	buf_release(&b);
	return 0;
}

static int
url(struct map_ctx *c, const struct imp_text *u, struct mapped *m)
{
	static const struct param_rule rule = { "url", P_URL, 0, 0, 4096, NULL };
	const char *why;

	if (u->s == NULL)
		return 0;
	if (param_check(&rule, u->s, strlen(u->s), &why) == 0) {
		m->url = xstrdup(u->s);
		return 0;
	}
	return report_warn(c->r, u->line, mapped_name(m), "text", "url \"%.*s\" %s: left out", UTF8_CLIP(u->s, 80), why);
}

static int
kind(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	const char *type = s->f[IMP_TYPE].s;
	int known;

	if (c->own && (m->kind = own_kind(type)) != NULL)
		return 0;
	m->kind = map_kind(type, s->f[IMP_TRACK].s, s->f[IMP_TITLE].s, &known);
	if (known || idmap_key(c->types, "type", type, 0))
		return 0;
	idmap_key(c->types, "type", type, 1);
	return report_warn(c->r, s->f[IMP_TYPE].line, mapped_name(m), "kind", "type \"%.*s\" is not "
	    "in the table of kinds: taken as a talk (and so for every session of this type)", UTF8_CLIP(type, 80));
}

/* --- time -------------------------------------------------------------------------- */

/* The start from <date>: in the chosen zone, or with its own offset (ZONE_OFFSETS, or
 * Lectern's own export). 1 when there is no usable <date>. */
static int
from_date(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	const struct imp_text *d = &s->f[IMP_DATE];
	time_t utc;
	int off, wall;

	if (d->s == NULL)
		return 1;
	if (parse_timestamp(d->s, &utc, &off) == -1)
		return report_warn(c->r, d->line, mapped_name(m), "time", "date \"%.*s\" is not a "
		    "date-time with a UTC offset: %s", UTF8_CLIP(d->s, 40), s->f[IMP_START].s && c->day[0] ?
		    "the <start> on its day is used" : "imported without a time") == -1 ? -1 : 1;
	if (c->own && strlen(d->s) <= 25)
		snprintf(m->starts_at, sizeof(m->starts_at), "%s", d->s);
	else if (c->zone->from == ZONE_OFFSETS) {
		if (zone_wall_offset(utc, off, s->f[IMP_START].s, &wall))
			off = wall;
		tz_format_offset(utc, off, m->starts_at);
	} else
		tz_format(c->zone->name, utc, m->starts_at);
	return 0;
}

/* The date after day ("YYYY-MM-DD"). */
static void
next_day(const char *day, char out[11])
{
	time_t t;
	struct tm tm;

	if (tz_to_utc("UTC", day, "12:00", &t) == -1)
		return;
	t += 86400;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The local date a <start> on the current day falls on: the next day for a session after
 * midnight (before the day's own start, or before the conference's day change). */
static void
start_date(struct map_ctx *c, const char *start, char date[11])
{
	time_t t;
	int h, mi, next = 0;

	snprintf(date, 11, "%s", c->day);
	if (c->have_day_start)
		next = tz_to_utc(c->zone->name, c->day, start, &t) == 0 && t + 60 < c->day_start;
	else if (c->day_change >= 0 && sscanf(start, "%2d:%2d", &h, &mi) == 2)
		next = h * 60 + mi < c->day_change;
	if (next)
		next_day(c->day, date);
}

static int
times(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	const struct imp_text *st = &s->f[IMP_START];
	char date[11];
	time_t utc;
	int rc;

	if ((rc = from_date(c, s, m)) <= 0)
		return rc;
	if (st->s && c->day[0]) {
		start_date(c, st->s, date);
		if (tz_to_utc(c->zone->name, date, st->s, &utc) == 0) {
			tz_format(c->zone->name, utc, m->starts_at);
			return 0;
		}
		return report_warn(c->r, st->line, mapped_name(m), "time", "start \"%.*s\" is not a "
		    "time of day: imported without a time", UTF8_CLIP(st->s, 20));
	}
	return report_warn(c->r, s->line, mapped_name(m), "time", "no usable <date> or <start>%s: "
	    "imported without a time", st->s ? " (its <day> has no usable date)" : "");
}

static int
all_zero(const char *s)
{
	return strspn(s, "0:. ") == strlen(s);
}

static int
duration(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	const struct imp_text *d = &s->f[IMP_DURATION];
	time_t a, b;
	int off;

	if (d->s == NULL) {
		if (m->starts_at[0] && s->f[IMP_END].s && parse_timestamp(m->starts_at, &a, &off) == 0 &&
		    parse_timestamp(s->f[IMP_END].s, &b, &off) == 0 && b > a && b - a <= 14 * 86400)
			m->duration = (int)((b - a + 59) / 60);
		return 0;
	}
	if (parse_duration(d->s, &m->duration) == 0)
		return 0;
	m->duration = 0;
	if (all_zero(d->s))	/* Lectern writes 00:00 for a session without a duration */
		return c->own ? 0 : report_warn(c->r, d->line, mapped_name(m), "duration", "duration %.*s: "
		    "left empty", UTF8_CLIP(d->s, 20));
	return report_warn(c->r, d->line, mapped_name(m), "duration", "duration \"%.*s\" is not a "
	    "duration of up to 14 days (H:MM, HH:MM:SS or D:HH:MM): left empty", UTF8_CLIP(d->s, 20));
}

/* --- people and the whole session -------------------------------------------------- */

static int
persons(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	for (int i = 0; i < s->npersons; i++) {
		const struct imp_person *p = &s->persons[i];
		struct mapped_person *q = &m->persons[m->npersons];

		if ((q->name = map_squash(p->name.s)) == NULL)
			continue;
		q->org = map_squash(p->org.s);
		q->id = p->id.s, q->guid = p->guid.s, q->line = p->line;
		m->npersons++;
		if (map_cut(c, q->name, MAP_NAME_MAX, "person's name", p->line, m) == -1 ||
		    map_cut(c, q->org, MAP_NAME_MAX, "organization's name", p->line, m) == -1)
			return -1;
	}
	return 0;
}

static char *
line_field(const struct map_ctx *c, const struct imp_text *t)
{
	return c->own ? (t->s ? xstrdup(t->s) : NULL) : map_squash(t->s);
}

int
map_session(struct map_ctx *c, const struct imp_session *s, struct mapped *m)
{
	memset(m, 0, sizeof(*m));
	buf_init(&m->name, 0);
	m->line = s->line;
	m->src = s;
	if ((m->title = line_field(c, &s->f[IMP_TITLE])) == NULL)
		return report_warn(c->r, s->line, mapped_name(m), "structure", "no <title>: left out") == -1 ?
		    -1 : 1;
	m->subtitle = line_field(c, &s->f[IMP_SUBTITLE]);
	m->track = line_field(c, &s->f[IMP_TRACK]);
	m->room = line_field(c, &s->f[IMP_ROOM]);
	if (map_cut(c, m->title, MAP_TITLE_MAX, "title", s->f[IMP_TITLE].line, m) == -1 ||
	    times(c, s, m) == -1 || duration(c, s, m) == -1 || kind(c, s, m) == -1 ||
	    abstract(c, s, m) == -1 || url(c, &s->f[IMP_URL], m) == -1 || persons(c, s, m) == -1)
		return -1;
	return 0;
}

void
mapped_release(struct mapped *m)
{
	free(m->title), free(m->subtitle), free(m->track), free(m->room);
	free(m->abstract), free(m->url);
	for (int i = 0; i < m->npersons; i++)
		free(m->persons[i].name), free(m->persons[i].org);
	buf_release(&m->name);
	memset(m, 0, sizeof(*m));
}

int
map_day(struct map_ctx *c, const struct imp_day *d)
{
	time_t t;
	int off;

	c->day[0] = '\0';
	c->have_day_start = 0;
	if (d->start.s && parse_timestamp(d->start.s, &t, &off) == 0) {
		c->day_start = t;
		c->have_day_start = 1;
	}
	if (d->date.s && date_valid(d->date.s, strlen(d->date.s))) {
		snprintf(c->day, sizeof(c->day), "%s", d->date.s);
		return 0;
	}
	if (d->date.s)
		return report_warn(c->r, d->line, NULL, "time", "day date \"%.*s\" is not a date: its "
		    "sessions are placed by their own <date>", UTF8_CLIP(d->date.s, 20));
	return report_warn(c->r, d->line, NULL, "time", "a <day> without a date: its sessions are "
	    "placed by their own <date>");
}

int
map_date(struct map_ctx *c, const struct imp_text *t, const char *what, char out[11], int *failed)
{
	time_t utc;
	int off;

	*failed = 0;
	if (t->s == NULL)
		return 1;
	if (date_valid(t->s, strlen(t->s)) && strlen(t->s) == 10) {
		snprintf(out, 11, "%s", t->s);
		return 0;
	}
	if (parse_timestamp(t->s, &utc, &off) == 0) {
		char local[32];

		tz_format(c->zone->name, utc, local);
		snprintf(out, 11, "%.10s", local);
		*failed = report_warn(c->r, t->line, NULL, "time", "conference %s %.*s: taken as %s",
		    what, UTF8_CLIP(t->s, 40), out) == -1;
		return *failed ? -1 : 0;
	}
	*failed = report_warn(c->r, t->line, NULL, "time", "conference %s \"%.*s\" is not a date: "
	    "the dates of its days are used", what, UTF8_CLIP(t->s, 40)) == -1;
	return -1;
}
