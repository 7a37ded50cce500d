/* sched_map.c: a Sched session's name, types and speakers as a neutral record (sched_map.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "import/sched_map.h"
#include "import/sched_title.h"

/* The kind, track and logistics flag from the prefix and the event types. */
static void
kind_of(struct rec *r, const struct sched_title *t, const char *const *types, int ntypes, int line)
{
	enum sched_kind kind = t ? t->kind : SCHED_TALK;
	int from_prefix = t && t->kind_from_prefix, kind_type = 0, logistics = 0;
	const char *track = NULL;

	for (int i = 0; i < ntypes; i++) {
		struct sched_category c;

		if (types[i] == NULL)
			continue;
		if (!sched_category(types[i], &c)) {
			if (track == NULL)
				track = types[i];
		} else if (!kind_type++) {
			if (!from_prefix)
				kind = c.kind;
			logistics = c.logistics && !from_prefix;
		}
	}
	rec_set(r, IMP_TYPE, sched_kind_code(kind), line);
	rec_set(r, IMP_TRACK, track, line);
	rec_set(r, IMP_LOGISTICS, logistics ? "1" : NULL, line);
}

/* Letters and digits of a name, lower-cased: "Jane  Doe" and "jane doe" compare equal. */
static void
name_key(const char *s, struct buf *out)
{
	buf_reset(out);
	for (; s && *s; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			buf_putc(out, (char)tolower((unsigned char)*s));
}

/* The company the name gives the speaker called name, or NULL. */
static const char *
title_company(const struct sched_title *t, const char *name)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *company = NULL;

	name_key(name, &a);
	for (size_t i = 0; t && i < t->nspeakers && company == NULL; i++) {
		name_key(t->speakers[i].name, &b);
		if (strcmp(a.data, b.data) == 0)
			company = t->speakers[i].company;
	}
	buf_release(&a), buf_release(&b);
	return company;
}

/* The title when the API lists the speakers but the name was not split: the name cut at the
 * last " - " before the first speaker's name, if it is there. */
static void
api_title(struct rec *r, const char *raw, const char *first, int line)
{
	const char *cut = NULL;
	char *title;

	for (const char *p = strstr(raw, " - "); p; p = strstr(p + 1, " - "))
		if (first && strstr(p, first))
			cut = p;
	title = strndup(raw, cut ? (size_t)(cut - raw) : strlen(raw));
	rec_set(r, IMP_TITLE, title, line);
	free(title);
}

static void
review(struct rec *r, const char *why, const char *raw, int line)
{
	struct buf b = BUF_INIT;

	buf_appendf(&b, "%s: \"%s\"", why, raw);
	rec_set(r, IMP_REVIEW, b.data, line);
	buf_release(&b);
}

static void
from_api(struct rec *r, const struct sched_title *t, const char *raw, const struct sched_person *api,
    int napi, int line)
{
	int from_title = 0;

	if (t && t->nspeakers)
		rec_set(r, IMP_TITLE, t->title, line);
	else
		api_title(r, raw, api[0].name, line);
	for (int i = 0; i < napi; i++) {
		const char *company = api[i].company;

		if (company == NULL || company[strspn(company, " ")] == '\0') {
			company = title_company(t, api[i].name);
			from_title |= company != NULL;
		}
		rec_person(r, api[i].name, company, api[i].username, NULL, api[i].line ? api[i].line : line);
	}
	if (from_title && t && t->review)
		review(r, t->review, raw, line);
}

void
sched_map_logistics(struct rec *r, const char *type, const char *title, int line)
{
	struct sched_category c;
	int words = 0;

	for (const char *p = title; p && *p; p += strspn(p, " "))
		words++, p += strcspn(p, " ");
	if ((type && sched_category(type, &c) && c.logistics) ||
	    (words > 0 && words <= 4 && sched_category(title, &c) && c.logistics) ||
	    (type && strcasestr(type, "service session"))) {	/* Sessionize's breaks */
		rec_set(r, IMP_TYPE, "other", line);
		rec_set(r, IMP_LOGISTICS, "1", line);
	}
}

int
sched_map(struct rec *r, const char *name, int line, const char *const *types, int ntypes,
    const struct sched_person *api, int napi, const char **why)
{
	struct sched_title *t = name ? sched_title_parse(name, why) : NULL;

	kind_of(r, t, types, ntypes, line);
	if (t == NULL) {
		rec_set(r, IMP_TITLE, name, line);
		for (int i = 0; i < napi; i++)
			rec_person(r, api[i].name, api[i].company, api[i].username, NULL, line);
		return name ? 1 : 0;
	}
	if (napi) {
		from_api(r, t, name, api, napi, line);
	} else {
		rec_set(r, IMP_TITLE, t->title, line);
		for (size_t i = 0; i < t->nspeakers; i++)
			rec_person(r, t->speakers[i].name, t->speakers[i].company, NULL, NULL, line);
		if (t->review)
			review(r, t->review, t->raw, line);
	}
	sched_title_free(t);
	return 0;
}
