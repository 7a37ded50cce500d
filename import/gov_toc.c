/* gov_toc.c: the TOC members list of cncf/toc README.md (the shapes are in gov_toc.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/mem.h"
#include "import/gov_toc.h"

struct sl {
	const char	*p;
	size_t		 n;
};

struct parse {
	gov_warn_fn	 warn;
	void		*arg;
	struct toc_list	*list;
	size_t		 cap;
	char		*section;	/* the current heading */
	int		 kind;		/* of the current section: 0 other, 1 members, 2 shadows */
	int		 found;		/* a members heading was seen */
	int		 line;
	struct buf	 review;
};

static const char *const seat_codes[TOC_SEAT__MAX] = {
	NULL, "gb", "end_user", "maintainer", "toc",
};

const char *
toc_seat_code(enum toc_seat s)
{
	return s < TOC_SEAT__MAX ? seat_codes[s] : NULL;
}

static struct sl
strip(struct sl s, const char *chars)
{
	while (s.n && strchr(chars, s.p[0]))
		s.p++, s.n--;
	while (s.n && strchr(chars, s.p[s.n - 1]))
		s.n--;
	return s;
}

static int
starts_with(struct sl s, const char *word)
{
	size_t k = strlen(word);

	return s.n >= k && strncasecmp(s.p, word, k) == 0;
}

static int
contains(struct sl s, const char *word)
{
	size_t k = strlen(word);

	for (size_t i = 0; i + k <= s.n; i++)
		if (strncasecmp(s.p + i, word, k) == 0)
			return 1;
	return 0;
}

static void
doubt(struct parse *ps, const char *why)
{
	gov_warnf(ps->warn, ps->arg, ps->line, "%s", why);
	if (ps->review.len)
		buf_puts(&ps->review, "; ");
	buf_puts(&ps->review, why);
}

/* --- headings -------------------------------------------------------------------------- */

/* "## Members", "## TOC Members": 1; "## TOC Shadows": 2; past members and others: 0. */
static int
section_kind(struct sl h)
{
	if (contains(h, "past") || contains(h, "former") || contains(h, "emeritus") ||
	    contains(h, "alumni"))
		return 0;
	if (contains(h, "shadow"))
		return 2;
	return contains(h, "member") ? 1 : 0;
}

static int
heading(struct parse *ps, struct sl s)
{
	struct sl h = strip(s, " ");

	if (h.n == 0 || h.p[0] != '#')
		return 0;
	h = strip(h, "# ");
	free(ps->section);
	ps->section = xstrndup(h.p, h.n);
	ps->kind = section_kind(h);
	ps->found |= ps->kind != 0;
	return 1;
}

/* --- one member line ------------------------------------------------------------------- */

/* The login of a "https://github.com/login" address, or an empty slice. */
static struct sl
github_of(struct sl url)
{
	static const char *const hosts[] = {
		"https://github.com/", "http://github.com/", "https://www.github.com/", NULL,
	};

	for (size_t i = 0; hosts[i]; i++)
		if (starts_with(url, hosts[i])) {
			struct sl login = { url.p + strlen(hosts[i]), url.n - strlen(hosts[i]) };

			login = strip(login, "/");
			if (gov_github_login(login.p, login.n))
				return login;
		}
	return (struct sl){ NULL, 0 };
}

/* Reads the name at *p: "**Name**", "**[Name](url)**", "[**Name**](url)" or plain text up
 * to the first '(' or '['. Advances *p past it. */
static struct sl
name_at(struct sl *p, struct sl *url)
{
	struct sl s = *p, name;
	int bold = starts_with(s, "**") || starts_with(s, "__");
	size_t i = bold ? 2 : 0, j;

	*url = (struct sl){ NULL, 0 };
	if (i < s.n && s.p[i] == '[') {
		for (j = i + 1; j < s.n && s.p[j] != ']'; j++)
			;
		name = (struct sl){ s.p + i + 1, j - i - 1 };
		if (j + 1 < s.n && s.p[j + 1] == '(') {
			size_t k = j + 2;

			while (k < s.n && s.p[k] != ')')
				k++;
			*url = strip((struct sl){ s.p + j + 2, k - j - 2 }, " ");
			j = k;
		}
		i = j < s.n ? j + 1 : j;
	} else {
		for (j = i; j < s.n && !(bold && s.p[j] == '*') && !(bold && s.p[j] == '_') &&
		    (bold || (s.p[j] != '(' && s.p[j] != '['));
		    j++)
			;
		name = (struct sl){ s.p + i, j - i };
		i = j;
	}
	while (i < s.n && (s.p[i] == '*' || s.p[i] == '_'))
		i++;
	*p = (struct sl){ s.p + i, s.n - i };
	return strip(name, " *_");
}

/* A date token: a run of digits, '/' and '-' holding two separators. */
static size_t
date_token(struct sl s, size_t i)
{
	size_t j = i, seps = 0;

	while (j < s.n && (isdigit((unsigned char)s.p[j]) || s.p[j] == '/' || s.p[j] == '-')) {
		seps += s.p[j] == '/' || s.p[j] == '-';
		j++;
	}
	while (j > i && (s.p[j - 1] == '-' || s.p[j - 1] == '/'))
		j--, seps--;
	return seps == 2 ? j - i : 0;
}

static int
has_date(struct sl s)
{
	for (size_t i = 0; i < s.n; i++)
		if (date_token(s, i))
			return 1;
	return 0;
}

/* "2 years" -> 24, "16 months" -> 16; anything else 0. */
static int
months_of(struct sl t)
{
	size_t i = 0;
	int n = 0;

	while (i < t.n && isdigit((unsigned char)t.p[i]) && n < 1000)
		n = n * 10 + (t.p[i++] - '0');
	if (i == 0 || i >= t.n || t.p[i] != ' ')
		return 0;
	t = (struct sl){ t.p + i + 1, t.n - i - 1 };
	if ((t.n == 4 || t.n == 5) && starts_with(t, "year") && (t.n == 4 || t.p[4] == 's'))
		return n * 12;
	if ((t.n == 5 || t.n == 6) && starts_with(t, "month") && (t.n == 5 || t.p[5] == 's'))
		return n;
	return 0;
}

/* The length before the dates: "2 years - start date:" -> "2 years". */
static void
term_length(struct toc_member *m, struct sl t)
{
	t = strip(t, " -:");
	if (t.n >= 10 && strncasecmp(t.p + t.n - 10, "start date", 10) == 0)
		t.n -= 10;
	t = strip(t, " -:");
	if (t.n == 0)
		return;
	m->term = xstrndup(t.p, t.n);
	m->term_months = months_of(t);
}

/* "(term: 2 years - start date: 3/4/2025 - 3/4/2027)" and its variants. */
static void
term(struct parse *ps, struct toc_member *m, struct sl s)
{
	char dates[3][GOV_DATE_LEN];
	size_t nd = 0, first;

	s = strip(s, " ");
	while (starts_with(s, "term"))
		s = strip((struct sl){ s.p + 4, s.n - 4 }, " :");
	first = s.n;
	for (size_t i = 0; i < s.n; i++) {
		size_t k = (i == 0 || !isdigit((unsigned char)s.p[i - 1])) ? date_token(s, i) : 0;
		char d[GOV_DATE_LEN];

		if (k == 0)
			continue;
		if (first == s.n)
			first = i;
		if (gov_date_mdy(s.p + i, k, d) == -1 && gov_date_ymd(s.p + i, k, d) == -1)
			doubt(ps, "a term date that is not a real date");
		else if (nd < 3)
			memcpy(dates[nd++], d, GOV_DATE_LEN);
		i += k - 1;
	}
	term_length(m, (struct sl){ s.p, first });
	if (nd == 0)
		return;
	memcpy(m->start, dates[0], GOV_DATE_LEN);
	if (nd > 2)
		doubt(ps, "more than two dates in the term");
	if (nd < 2)
		return;
	if (strcmp(dates[1], dates[0]) < 0)
		doubt(ps, "the end date is before the start date: the start is kept, the end left open");
	else
		memcpy(m->end, dates[1], GOV_DATE_LEN);
}

static void
seat(struct parse *ps, struct toc_member *m, enum toc_seat s)
{
	if (m->seat != TOC_SEAT_NONE && m->seat != s)
		doubt(ps, "two seat types on one line");
	m->seat = s;
}

/* "[GB-appointed]", "[TOC Chair]", "(TOC Chair)", "[alternate]", "[shadow]", others. */
static void
role(struct parse *ps, struct toc_member *m, struct sl s)
{
	char key[64];
	size_t k = 0;

	s = strip(s, " ");
	for (size_t i = 0; i < s.n && k + 1 < sizeof(key); i++)
		if (isalnum((unsigned char)s.p[i]))
			key[k++] = (char)tolower((unsigned char)s.p[i]);
	key[k] = '\0';
	if (strcmp(key, "gbappointed") == 0)
		seat(ps, m, TOC_SEAT_GB);
	else if (strcmp(key, "enduserappointed") == 0)
		seat(ps, m, TOC_SEAT_END_USER);
	else if (strcmp(key, "maintainerappointed") == 0 || strcmp(key, "maintainerelected") == 0)
		seat(ps, m, TOC_SEAT_MAINTAINER);
	else if (strcmp(key, "tocappointed") == 0 || strcmp(key, "tocelected") == 0)
		seat(ps, m, TOC_SEAT_TOC);
	else if (strcmp(key, "tocchair") == 0 || strcmp(key, "chair") == 0)
		m->chair = 1;
	else if (strcmp(key, "alternate") == 0)
		m->alternate = 1;
	else if (strcmp(key, "shadow") == 0 || strcmp(key, "tocshadow") == 0)
		m->shadow = 1;
	else if (s.n && s.p[0] == '@' && gov_github_login(s.p + 1, s.n - 1) && !m->github)
		m->github = xstrndup(s.p + 1, s.n - 1);
	else if (s.n) {
		m->roles = xrealloc(m->roles, (m->nroles + 1) * sizeof(m->roles[0]));
		m->roles[m->nroles++] = xstrndup(s.p, s.n);
	}
}

/* The text up to the bracket closing the one at s.p[0]; *after is set past it. */
static struct sl
group_at(struct sl s, char close, size_t *after)
{
	size_t depth = 0, i;

	for (i = 0; i < s.n; i++) {
		if (s.p[i] == s.p[0])
			depth++;
		else if (s.p[i] == close && --depth == 0)
			break;
	}
	*after = i < s.n ? i + 1 : s.n;
	return (struct sl){ s.p + 1, (i < s.n ? i : s.n) - 1 };
}

/* Reads the groups after the name: "(term ...)", "(TOC Chair)", "[seat]", "[role](url)". */
static void
groups(struct parse *ps, struct toc_member *m, struct sl s)
{
	int terms = 0;

	while (s.n) {
		size_t after;
		struct sl g;

		if (s.p[0] != '(' && s.p[0] != '[') {
			s.p++, s.n--;
			continue;
		}
		g = group_at(s, s.p[0] == '(' ? ')' : ']', &after);
		if (s.p[0] == '[' && after < s.n && s.p[after] == '(') {
			size_t skip;

			group_at((struct sl){ s.p + after, s.n - after }, ')', &skip);
			after += skip;
		}
		if (s.p[0] == '(' && (starts_with(strip(g, " "), "term") || has_date(g))) {
			if (terms++)
				doubt(ps, "two terms on one line");
			else
				term(ps, m, g);
		} else
			role(ps, m, g);
		s = (struct sl){ s.p + after, s.n - after };
	}
}

static void
add(struct parse *ps, struct toc_member *m)
{
	struct toc_list *l = ps->list;

	if (l->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		l->members = xrealloc(l->members, ps->cap * sizeof(l->members[0]));
	}
	l->members[l->n++] = *m;
}

static int
member(struct parse *ps, struct sl s, struct gov_err *err)
{
	struct toc_member m = { 0 };
	struct sl url, name, gh;

	s = strip(s, " \t");
	if (s.n < 2 || !strchr("*-+", s.p[0]) || s.p[1] != ' ')
		return 0;
	if (ps->list->n == TOC_MEMBERS_MAX)
		return gov_fail(err, ps->line, "more than %d members", TOC_MEMBERS_MAX);
	s = strip((struct sl){ s.p + 2, s.n - 2 }, " ");
	name = name_at(&s, &url);
	if (name.n == 0) {
		gov_warnf(ps->warn, ps->arg, ps->line, "a member line without a name: skipped");
		return 0;
	}
	buf_reset(&ps->review);
	m.name = xstrndup(name.p, name.n);
	gh = github_of(url);
	m.github = gh.n ? xstrndup(gh.p, gh.n) : NULL;
	m.shadow = ps->kind == 2;
	m.line = ps->line;
	m.section = xstrdup(ps->section);
	groups(ps, &m, s);
	if (m.seat == TOC_SEAT_NONE && !m.shadow)
		doubt(ps, "no seat type");
	if (m.start[0] == '\0')
		doubt(ps, "no start date");
	m.review = ps->review.len ? xstrdup(ps->review.data) : NULL;
	add(ps, &m);
	return 0;
}

int
gov_toc_parse(const char *text, size_t len, gov_warn_fn warn, void *arg,
    struct toc_list **out, struct gov_err *err)
{
	struct parse ps = { warn, arg, xcalloc(1, sizeof(struct toc_list)), 0, NULL, 0, 0, 0,
	    BUF_INIT };
	const char *p = text, *end = text + len;
	int rc = 0;

	*out = NULL;
	if (gov_text_check(text, len, TOC_FILE_MAX, TOC_LINE_MAX, err) == -1) {
		gov_toc_free(ps.list);
		return -1;
	}
	while (p < end && rc == 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		struct sl s = { p, nl ? (size_t)(nl - p) : (size_t)(end - p) };

		p += s.n + (nl != NULL);
		ps.line++;
		s = strip(s, "\r");
		if (!heading(&ps, s) && ps.kind)
			rc = member(&ps, s, err);
	}
	if (rc == 0 && !ps.found)
		rc = gov_fail(err, 0, "no TOC members list (a 'Members' heading) in the file");
	free(ps.section);
	buf_release(&ps.review);
	if (rc == 0)
		*out = ps.list;
	else
		gov_toc_free(ps.list);
	return rc;
}

void
gov_toc_free(struct toc_list *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct toc_member *m = &l->members[i];

		for (size_t j = 0; j < m->nroles; j++)
			free(m->roles[j]);
		free(m->roles);
		free(m->name);
		free(m->github);
		free(m->term);
		free(m->section);
		free(m->review);
	}
	free(l->members);
	free(l);
}
