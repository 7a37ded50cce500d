/*
 * sched_title.c: Sched session names into title, kind and speakers (rules in sched_title.h
 * and the README), and Sched event types into kinds.
 *
 * The speaker list is found from the right: the last " - " whose right-hand side reads as
 * a list of speakers. That side is cut into groups on ";" (one group per company when
 * Sched writes "A, X; B, Y"), each group into speakers on " & " (and on " and " before a
 * second full name), each speaker into parts on ",": name [, position...] [, company].
 * Word lists below tell a person's suffix ("Jr."), a company's legal suffix ("Inc"), a
 * position ("Maintainer") and an organization ("Labs") from a name.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/mem.h"
#include "core/params.h"
#include "import/sched_title.h"
#include "import/sched_words.h"

struct cand {
	struct sl	whole;		/* the speaker's text, for names_only() */
	struct sl	name, position, company;
	int		shared;
};

struct list {
	struct cand	c[SCHED_SPEAKERS_MAX];
	size_t		n;
	struct buf	review;
};

static const char *const kind_codes[SCHED_KIND__MAX] = {
	"keynote", "talk", "lightning", "panel", "tutorial", "maintainer", "other",
};

const char *
sched_kind_code(enum sched_kind k)
{
	return k < SCHED_KIND__MAX ? kind_codes[k] : "other";
}

/* --- a list of speakers ---------------------------------------------------------------- */

static void
note(struct buf *review, const char *why)
{
	if (strstr(review->data, why))
		return;
	if (review->len)
		buf_puts(review, "; ");
	buf_puts(review, why);
}

/* Finds needle in s from offset from; returns its offset or s.n. */
static size_t
find(struct sl s, size_t from, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = from; i + k <= s.n; i++)
		if (memcmp(s.p + i, needle, k) == 0)
			return i;
	return s.n;
}

/* Splits s on ',' into at most max trimmed parts; returns the count, or max + 1. */
static size_t
parts_of(struct sl s, struct sl *part, size_t max)
{
	size_t n = 0, i = 0;

	while (i <= s.n) {
		size_t j = i;

		while (j < s.n && s.p[j] != ',')
			j++;
		if (n == max)
			return max + 1;
		part[n++] = sched_trim((struct sl){ s.p + i, j - i });
		i = j + 1;
	}
	return n;
}

/* Joins parts a..b (inclusive) back into one slice of the source. */
static struct sl
span(const struct sl *part, size_t a, size_t b)
{
	return (struct sl){ part[a].p, (size_t)(part[b].p + part[b].n - part[a].p) };
}

/* Reads one speaker "Name[, Jr.][, Position...][, Company[, Inc]]" into c. 0, or -1 when
 * the name part is not a name. */
static int
speaker(struct sl s, struct cand *c, struct buf *review)
{
	struct sl part[12];
	size_t k = parts_of(s, part, 12), first = 0;

	memset(c, 0, sizeof(*c));
	c->whole = s;
	if (k > 12)
		return -1;
	for (size_t i = 0; i < k; i++)
		if (part[i].n == 0)
			return -1;
	while (first + 1 < k && sched_in_list(sched_person_suffixes, part[first + 1].p, part[first + 1].n, 1))
		first++;
	c->name = span(part, 0, first);
	if (!sched_name_like(part[0]))
		return -1;
	if (k - first >= 3 && sched_in_list(sched_legal_suffixes, part[k - 1].p, part[k - 1].n, 1)) {
		part[k - 2] = span(part, k - 2, k - 1);
		k--;
	}
	if (k - first == 2 && sched_position_like(part[k - 1]))
		c->position = part[k - 1];
	else if (k - first >= 2)
		c->company = part[k - 1];
	if (k - first >= 3)
		c->position = span(part, first + 1, k - 2);
	if (sched_word_count(part[0]) == 1)
		note(review, "a one-word speaker name");
	if (sched_org_like(part[0]))
		note(review, "a speaker name that could be an organization");
	return 0;
}

static int
add(struct list *l, struct sl s)
{
	if (l->n == SCHED_SPEAKERS_MAX) {
		note(&l->review, "more speakers than are read");
		return -1;
	}
	return speaker(s, &l->c[l->n++], &l->review);
}

/*
 * Splits a group's " & "-separated text further at " and " where a full name follows
 * ("A, Cosmonic and B, SingleStore"), but not inside "Founder and CEO".
 */
static int
add_and(struct list *l, struct sl s)
{
	for (size_t at = find(s, 0, " and "); at < s.n; at = find(s, at + 1, " and ")) {
		struct sl rest = sched_trim((struct sl){ s.p + at + 5, s.n - at - 5 }), first = rest;
		const char *comma = memchr(rest.p, ',', rest.n);

		if (comma)
			first.n = (size_t)(comma - rest.p);
		first.n = find(first, 0, " and ");
		if (!sched_full_name(sched_trim(first)))
			continue;
		note(&l->review, "speakers joined by 'and'");
		if (add(l, sched_trim((struct sl){ s.p, at })) == -1)
			return -1;
		return add_and(l, rest);
	}
	return add(l, s);
}

/* "A, B, C & D": when the last speaker stands alone and an earlier one is only full
 * names, its commas separate names (YouTube titles drop companies). Two names are read as
 * name and company, three or more as names; either way staff should look. */
static void
names_only(struct list *l, size_t from)
{
	struct sl part[12];

	if (l->n - from < 2 || l->c[l->n - 1].company.n || l->c[l->n - 1].position.n)
		return;
	for (size_t i = from; i + 1 < l->n; i++) {
		size_t k = parts_of(l->c[i].whole, part, 12), all = k >= 2 && k <= 12;

		for (size_t j = 0; all && j < k; j++)
			all = sched_full_name(part[j]);
		if (!all)
			continue;
		note(&l->review, "commas may separate names, or a name from a company");
		if (k == 2 || l->n + k - 1 > SCHED_SPEAKERS_MAX)
			continue;
		memmove(&l->c[i + k], &l->c[i + 1], (l->n - i - 1) * sizeof(l->c[0]));
		for (size_t j = 0; j < k; j++)
			l->c[i + j] = (struct cand){ .whole = part[j], .name = part[j] };
		l->n += k - 1, i += k - 1;
	}
}

/* "Jane Doe, Ernst & Young": a lone word after '&' that follows a company is the rest of
 * that company's name. */
static int
ampersand_company(struct list *l, struct sl s)
{
	struct cand *prev = l->n ? &l->c[l->n - 1] : NULL;

	if (prev == NULL || prev->company.n == 0 || sched_word_count(s) != 1 || memchr(s.p, ',', s.n))
		return 0;
	prev->company.n = (size_t)(s.p + s.n - prev->company.p);
	note(&l->review, "'&' may be part of a company name");
	return 1;
}

/* A company named once after several names belongs to all of them ("A & B, Google"). */
static void
share(struct list *l, size_t from)
{
	struct sl carry = { NULL, 0 };

	for (size_t i = l->n; i-- > from;) {
		if (l->c[i].company.n) {
			carry = l->c[i].company;
			continue;
		}
		if (carry.n && l->c[i].position.n == 0) {
			l->c[i].company = carry;
			l->c[i].shared = 1;
			if (i + 1 < l->n && l->c[i + 1].company.p == carry.p)
				l->c[i + 1].shared = 1;
		}
	}
}

/* Reads one ';'-separated group of speakers. 0 or -1 (not a list of speakers). */
static int
group(struct list *l, struct sl g)
{
	size_t from = l->n, i = 0;

	while (i <= g.n) {
		size_t j = find(g, i, " & ");
		struct sl s = sched_trim((struct sl){ g.p + i, j - i });

		if (s.n == 0)
			return -1;
		if (!ampersand_company(l, s) && add_and(l, s) == -1)
			return -1;
		i = j + 3;
	}
	names_only(l, from);
	share(l, from);
	return 0;
}

/* Reads s as a list of speakers into l. 0, or -1 when it is not one. */
static int
speaker_list(struct sl s, struct list *l)
{
	size_t i = 0;

	if (s.n >= 3 && memcmp(s.p + s.n - 3, "...", 3) == 0)
		s.n -= 3, note(&l->review, "the name looks cut off");
	else if (s.n >= 3 && memcmp(s.p + s.n - 3, "\xe2\x80\xa6", 3) == 0)
		s.n -= 3, note(&l->review, "the name looks cut off");
	if (s.n && s.p[s.n - 1] == ',')
		note(&l->review, "the speaker list ends with a comma");
	s = sched_trim(s);
	if (s.n == 0)
		return -1;
	while (i <= s.n) {
		size_t j = i;

		while (j < s.n && s.p[j] != ';')
			j++;
		if (group(l, sched_trim((struct sl){ s.p + i, j - i })) == -1)
			return -1;
		i = j + 1;
	}
	return 0;
}

/* --- the whole name -------------------------------------------------------------------- */

/* Copies name into out with every run of spaces, tabs, line ends and no-break spaces made
 * one space, trimmed. 0, or -1 with *error set. */
static int
normalize(const char *name, struct buf *out, const char **error)
{
	size_t len = strlen(name);

	if (len > SCHED_TITLE_MAX)
		return *error = "session name longer than 2000 bytes", -1;
	if (!utf8_valid(name, len))
		return *error = "session name is not valid UTF-8", -1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		int space = c == ' ' || c == '\t' || c == '\r' || c == '\n';

		if (c == 0xC2 && (unsigned char)name[i + 1] == 0xA0)
			space = 1, i++;
		else if ((c < 0x20 && !space) || c == 0x7F)
			return *error = "control character in a session name", -1;
		if (!space)
			buf_putc(out, (char)c);
		else if (out->len && out->data[out->len - 1] != ' ')
			buf_putc(out, ' ');
	}
	while (out->len && out->data[out->len - 1] == ' ')
		buf_truncate(out, out->len - 1);
	if (out->len == 0)
		return *error = "empty session name", -1;
	return 0;
}

/* The phrases a kind prefix ends with, and their kinds. */
static const struct {
	const char	*tail;
	enum sched_kind	 kind;
} prefix_tails[] = {
	{ "keynote", SCHED_KEYNOTE }, { "keynotes", SCHED_KEYNOTE },
	{ "keynote session", SCHED_KEYNOTE }, { "lightning talk", SCHED_LIGHTNING },
	{ "lightning talks", SCHED_LIGHTNING }, { "panel", SCHED_PANEL },
	{ "panel discussion", SCHED_PANEL }, { "tutorial", SCHED_TUTORIAL },
	{ "workshop", SCHED_TUTORIAL }, { "maintainer track", SCHED_MAINTAINER },
	{ "maintainer session", SCHED_MAINTAINER }, { "deep dive", SCHED_MAINTAINER },
	{ "intro", SCHED_MAINTAINER }, { "intro + deep dive", SCHED_MAINTAINER },
	{ "intro & deep dive", SCHED_MAINTAINER }, { "birds of a feather", SCHED_OTHER },
	{ "bof", SCHED_OTHER },
};

static int
has_word(struct sl s, const char *word)
{
	size_t k = strlen(word);

	for (size_t i = 0; i + k <= s.n; i++)
		if ((i == 0 || s.p[i - 1] == ' ') && (i + k == s.n || s.p[i + k] == ' ') &&
		    strncasecmp(s.p + i, word, k) == 0)
			return 1;
	return 0;
}

/*
 * A kind prefix is the text before the first ": ", at most 6 words and 60 bytes, ending in
 * one of prefix_tails; up to three words may come before the phrase ("Project Lightning
 * Talk", "CiliumCon Sponsored Keynote", "⚡ Lightning Talk"). Returns its length or 0.
 */
static size_t
kind_prefix(struct sl s, struct sched_title *t)
{
	size_t colon = find(s, 0, ": ");
	struct sl p = { s.p, colon };

	if (colon == s.n || colon > 60 || sched_word_count(p) > 6)
		return 0;
	for (size_t i = 0; i < sizeof(prefix_tails) / sizeof(prefix_tails[0]); i++) {
		size_t k = strlen(prefix_tails[i].tail);

		if (k > p.n || strncasecmp(p.p + p.n - k, prefix_tails[i].tail, k) != 0 ||
		    (k < p.n && p.p[p.n - k - 1] != ' '))
			continue;
		t->kind = has_word(p, "keynote") ? SCHED_KEYNOTE : prefix_tails[i].kind;
		t->kind_from_prefix = 1;
		t->sponsored = has_word(p, "sponsored");
		t->prefix = xstrndup(p.p, p.n);
		return colon + 2;
	}
	return 0;
}

static char *
dup(struct sl s)
{
	return s.n ? xstrndup(s.p, s.n) : NULL;
}

static void
keep(struct sched_title *t, const struct list *l)
{
	t->nspeakers = l->n;
	t->speakers = l->n ? xcalloc(l->n, sizeof(t->speakers[0])) : NULL;
	for (size_t i = 0; i < l->n; i++) {
		t->speakers[i].name = dup(l->c[i].name);
		t->speakers[i].position = dup(l->c[i].position);
		t->speakers[i].company = dup(l->c[i].company);
		t->speakers[i].shared = l->c[i].shared;
	}
}

/* Finds the last " - " followed by a list of speakers; fills t's title and speakers. */
static void
split(struct sl rest, struct sched_title *t, struct buf *review)
{
	struct list *l = xcalloc(1, sizeof(*l));
	size_t at = rest.n, seps = 0;

	while (at > 0) {
		size_t i = at;

		while (i > 0 && !(i + 3 <= rest.n && memcmp(rest.p + i - 1, " - ", 3) == 0))
			i--;
		if (i == 0)
			break;
		at = i - 1, seps++;
		buf_init(&l->review, 0);
		l->n = 0;
		if (speaker_list((struct sl){ rest.p + at + 3, rest.n - at - 3 }, l) == 0) {
			t->title = dup(sched_trim((struct sl){ rest.p, at }));
			keep(t, l);
			if (l->review.len)
				note(review, l->review.data);
			break;
		}
		buf_release(&l->review);
	}
	if (t->title == NULL && seps)
		note(review, "no list of speakers after ' - '");
	if (t->title == NULL)
		t->title = dup(rest);
	buf_release(&l->review);
	free(l);
}

/* "CiliumCon Sponsored Keynote: Liz Rice, Isovalent at Cisco": no " - ", the rest after
 * the prefix is the speaker list and the prefix is all the title there is. */
static int
prefix_then_speakers(struct sl rest, struct sched_title *t, struct buf *review)
{
	struct list *l = xcalloc(1, sizeof(*l));
	int ok = 0;

	buf_init(&l->review, 0);
	if (t->prefix && find(rest, 0, " - ") == rest.n && memchr(rest.p, ',', rest.n) &&
	    speaker_list(rest, l) == 0) {
		t->title = xstrdup(t->prefix);
		keep(t, l);
		note(review, "no title apart from the speakers");
		if (l->review.len)
			note(review, l->review.data);
		ok = 1;
	}
	buf_release(&l->review);
	free(l);
	return ok;
}

struct sched_title *
sched_title_parse(const char *name, const char **error)
{
	struct buf norm = BUF_INIT, review = BUF_INIT;
	struct sched_title *t;
	struct sl s, rest;
	size_t skip;

	if (normalize(name, &norm, error) == -1) {
		buf_release(&norm);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->kind = SCHED_TALK;
	s = (struct sl){ norm.data, norm.len };
	skip = kind_prefix(s, t);
	rest = (struct sl){ s.p + skip, s.n - skip };
	if (rest.n == 0)
		rest = s;
	if (!prefix_then_speakers(rest, t, &review))
		split(rest, t, &review);
	if (t->title == NULL || t->title[0] == '\0') {
		free(t->title);
		t->title = xstrdup(norm.data);
		note(&review, "no title apart from the speakers");
	}
	t->raw = buf_detach(&norm, NULL);
	t->review = review.len ? buf_detach(&review, NULL) : NULL;
	buf_release(&review);
	return t;
}

void
sched_title_free(struct sched_title *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nspeakers; i++) {
		free(t->speakers[i].name);
		free(t->speakers[i].position);
		free(t->speakers[i].company);
	}
	free(t->speakers);
	free(t->raw);
	free(t->title);
	free(t->prefix);
	free(t->review);
	free(t);
}

/* --- event types ----------------------------------------------------------------------- */

/* Words of Sched event types, checked in this order: the first a value contains wins. */
static const struct {
	const char	*word;
	enum sched_kind	 kind;
	int		 logistics;
} category_words[] = {
	{ "keynote", SCHED_KEYNOTE, 0 }, { "keynotes", SCHED_KEYNOTE, 0 },
	{ "lightning", SCHED_LIGHTNING, 0 }, { "maintainer", SCHED_MAINTAINER, 0 },
	{ "maintainers", SCHED_MAINTAINER, 0 }, { "deep dive", SCHED_MAINTAINER, 0 },
	{ "deep dives", SCHED_MAINTAINER, 0 }, { "tutorial", SCHED_TUTORIAL, 0 },
	{ "tutorials", SCHED_TUTORIAL, 0 }, { "workshop", SCHED_TUTORIAL, 0 },
	{ "workshops", SCHED_TUTORIAL, 0 }, { "panel", SCHED_PANEL, 0 },
	{ "panels", SCHED_PANEL, 0 }, { "birds of a feather", SCHED_OTHER, 0 },
	{ "bof", SCHED_OTHER, 0 }, { "poster", SCHED_OTHER, 0 }, { "posters", SCHED_OTHER, 0 },
	{ "break", SCHED_OTHER, 1 }, { "breaks", SCHED_OTHER, 1 },
	{ "registration", SCHED_OTHER, 1 }, { "badge pick-up", SCHED_OTHER, 1 },
	{ "lunch", SCHED_OTHER, 1 }, { "breakfast", SCHED_OTHER, 1 },
	{ "coffee", SCHED_OTHER, 1 }, { "meal", SCHED_OTHER, 1 }, { "meals", SCHED_OTHER, 1 },
	{ "snacks", SCHED_OTHER, 1 }, { "reception", SCHED_OTHER, 1 },
	{ "happy hour", SCHED_OTHER, 1 }, { "expo", SCHED_OTHER, 1 },
	{ "showcase", SCHED_OTHER, 1 }, { "evening events", SCHED_OTHER, 1 },
	{ "evening event", SCHED_OTHER, 1 }, { "attendee resources", SCHED_OTHER, 1 },
	{ "experiences", SCHED_OTHER, 1 }, { "social", SCHED_OTHER, 1 },
	{ "party", SCHED_OTHER, 1 }, { "quiet room", SCHED_OTHER, 1 },
	{ "wellness", SCHED_OTHER, 1 }, { "booth crawl", SCHED_OTHER, 1 },
};

int
sched_category(const char *value, struct sched_category *out)
{
	struct buf norm = BUF_INIT;
	const char *error;
	struct sl s;

	*out = (struct sched_category){ SCHED_TALK, 0, 0 };
	if (value == NULL || normalize(value, &norm, &error) == -1) {
		buf_release(&norm);
		return 0;
	}
	s = (struct sl){ norm.data, norm.len };
	for (size_t i = 0; i < sizeof(category_words) / sizeof(category_words[0]); i++)
		if (has_word(s, category_words[i].word)) {
			*out = (struct sched_category){ category_words[i].kind, 1,
			    category_words[i].logistics };
			break;
		}
	buf_release(&norm);
	return out->is_kind;
}
