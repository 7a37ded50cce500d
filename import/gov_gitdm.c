/* gov_gitdm.c: gitdm affiliation files, one block at a time (the shape is in gov_gitdm.h). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/mem.h"
#include "import/gov_gitdm.h"

struct span_at {
	size_t	company;		/* offset in the person's text */
	char	from[GOV_DATE_LEN], until[GOV_DATE_LEN];
	int	line;
};

/* The block being read. Its strings sit NUL-separated in text; the arrays hold offsets
 * until the block is handed on, so growing text moves nothing that is pointed at. */
struct person {
	struct buf		 text;
	int			 open;		/* a handle line was read */
	int			 skipping;	/* its handle line was refused */
	int			 asterisk, line;
	size_t			*emails, nemails;
	struct span_at		*spans;
	size_t			 nspans;
	const char		**email_p;	/* handed out */
	struct gitdm_span	*span_p;
};

struct reader {
	gitdm_person_fn	 each;
	gov_warn_fn	 warn;
	void		*arg;
	int		 line;
	struct person	 p;
};

static size_t
keep(struct person *p, const char *s, size_t n)
{
	size_t at = p->text.len;

	buf_append(&p->text, s, n);
	buf_putc(&p->text, '\0');
	return at;
}

static const char *
skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

static const char *
trim_end(const char *s, const char *end)
{
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return end;
}

/* Hands the open block to the caller. */
static int
flush(struct reader *r)
{
	struct person *p = &r->p;
	struct gitdm_person out;

	if (!p->open || p->skipping)
		return 0;
	for (size_t i = 0; i < p->nemails; i++)
		p->email_p[i] = p->text.data + p->emails[i];
	for (size_t i = 0; i < p->nspans; i++) {
		p->span_p[i].company = p->text.data + p->spans[i].company;
		memcpy(p->span_p[i].from, p->spans[i].from, GOV_DATE_LEN);
		memcpy(p->span_p[i].until, p->spans[i].until, GOV_DATE_LEN);
		p->span_p[i].line = p->spans[i].line;
	}
	out = (struct gitdm_person){ p->text.data, p->asterisk, p->email_p, p->nemails,
	    p->span_p, p->nspans, p->line };
	return r->each(r->arg, &out);
}

static void
email(struct reader *r, const char *s, const char *end)
{
	struct person *p = &r->p;
	size_t n, at;
	char *bang;

	s = skip_space(s, end);
	end = trim_end(s, end);
	n = (size_t)(end - s);
	if (n == 0)
		return;
	if (n > GITDM_EMAIL_MAX || p->nemails == GITDM_EMAILS_MAX) {
		gov_warnf(r->warn, r->arg, r->line, "email %s: skipped",
		    n > GITDM_EMAIL_MAX ? "too long" : "beyond the limit per person");
		return;
	}
	at = keep(p, s, n);
	bang = memrchr(p->text.data + at, '!', n);
	if (bang)
		*bang = '@';
	else if (!memchr(p->text.data + at, '@', n)) {
		gov_warnf(r->warn, r->arg, r->line, "'%.*s' is not an email (no '!'): skipped",
		    (int)(n < 60 ? n : 60), s);
		buf_truncate(&p->text, at);
		return;
	}
	p->emails[p->nemails++] = at;
}

static int
handle_char(int c)
{
	return isalnum(c) || c == '-' || c == '_' || c == '.';
}

/* "handle: email!domain, email!domain" opens a block. */
static int
header(struct reader *r, const char *s, const char *end)
{
	struct person *p = &r->p;
	const char *colon = memchr(s, ':', (size_t)(end - s)), *h = s, *he;
	int rc;

	if ((rc = flush(r)) != 0)
		return rc;
	buf_reset(&p->text);
	p->open = 1, p->skipping = 0, p->asterisk = 0, p->line = r->line;
	p->nemails = p->nspans = 0;
	he = colon ? trim_end(h, colon) : h;
	if (he > h && he[-1] == '*')
		he--, p->asterisk = 1;
	for (const char *q = h; q < he; q++)
		if (!handle_char((unsigned char)*q))
			he = h;
	if (colon == NULL || he == h) {
		gov_warnf(r->warn, r->arg, r->line, "not a 'handle: emails' line: block skipped");
		p->skipping = 1;
		return 0;
	}
	keep(p, h, (size_t)(he - h));
	for (const char *q = colon + 1; q < end;) {
		const char *comma = memchr(q, ',', (size_t)(end - q));

		email(r, q, comma ? comma : end);
		q = comma ? comma + 1 : end;
	}
	return 0;
}

/* Cuts " <word> YYYY-MM-DD" off the end of [s, *end) into date. 1 when cut, 0 when the
 * line does not end so, -1 when the word is followed by something that is not a date. */
static int
cut_date(const char *s, const char **end, const char *word, char date[GOV_DATE_LEN])
{
	size_t k = strlen(word), n = (size_t)(*end - s);
	const char *sp;

	sp = n > 0 ? memrchr(s, ' ', n) : NULL;
	if (sp == NULL || (size_t)(sp - s) < k || memcmp(sp - k, word, k) != 0 ||
	    (sp - k > s && *(sp - k - 1) != ' '))
		return 0;
	if (gov_date_ymd(sp + 1, (size_t)(*end - sp - 1), date) == -1)
		return -1;
	*end = trim_end(s, sp - k);
	return 1;
}

/* "<tab>Company [from YYYY-MM-DD] [until YYYY-MM-DD]": a span of the open block, or the
 * reason it is skipped. */
static const char *
span(struct person *p, int lineno, const char *s, const char *end)
{
	struct span_at sp = { 0, "", "", lineno };
	int u, f = 0;

	if (!p->open)
		return "an affiliation before any handle: skipped";
	if (p->skipping)
		return NULL;
	s = skip_space(s, end);
	end = trim_end(s, end);
	u = cut_date(s, &end, "until", sp.until);
	if (u >= 0)
		f = cut_date(s, &end, "from", sp.from);
	if (u < 0 || f < 0)
		return "a date that is not YYYY-MM-DD: skipped";
	if (sp.from[0] && sp.until[0] && strcmp(sp.from, sp.until) >= 0)
		return "'until' is not after 'from': skipped";
	if (end == s)
		return "an affiliation without a company: skipped";
	if (p->nspans == GITDM_SPANS_MAX)
		return "affiliations beyond the limit per person: skipped";
	sp.company = keep(p, s, (size_t)(end - s));
	p->spans[p->nspans++] = sp;
	return NULL;
}

/* One line, without its line end: 0, -1 (refused, err set) or the caller's stop value. */
static int
line(struct reader *r, const char *s, size_t n, struct gov_err *err)
{
	const char *end = s + n, *t, *why;

	if (gov_line_check(s, n, GITDM_LINE_MAX, r->line, err) == -1)
		return -1;
	t = skip_space(s, end);
	if (t == end || *t == '#')
		return 0;
	if (t == s)
		return header(r, s, end);
	if ((why = span(&r->p, r->line, s, end)) != NULL)
		gov_warnf(r->warn, r->arg, r->line, "%s", why);
	return 0;
}

/* Reads lines of at most GITDM_LINE_MAX bytes from in into buf and runs line() on each. */
static int
lines(struct reader *r, FILE *in, char *buf, struct gov_err *err)
{
	size_t n = 0;
	int c, rc = 0;

	while (rc == 0 && (c = getc_unlocked(in)) != EOF) {
		if (c != '\n') {
			if (n == GITDM_LINE_MAX + 1)
				return gov_fail(err, r->line + 1, "line longer than %u bytes",
				    GITDM_LINE_MAX);
			buf[n++] = (char)c;
			continue;
		}
		r->line++;
		rc = line(r, buf, n && buf[n - 1] == '\r' ? n - 1 : n, err);
		n = 0;
	}
	if (rc == 0 && ferror(in))
		return gov_fail(err, r->line, "read error");
	if (rc == 0 && n > 0) {
		r->line++;
		rc = line(r, buf, buf[n - 1] == '\r' ? n - 1 : n, err);
	}
	return rc;
}

int
gov_gitdm_read(FILE *in, gitdm_person_fn each, gov_warn_fn warn, void *arg,
    struct gov_err *err)
{
	struct reader r = { each, warn, arg, 0, { BUF_INIT, 0, 0, 0, 0, NULL, 0, NULL, 0,
	    NULL, NULL } };
	char *buf = xmalloc(GITDM_LINE_MAX + 1);
	int rc;

	err->line = 0, err->msg[0] = '\0';
	r.p.emails = xcalloc(GITDM_EMAILS_MAX, sizeof(r.p.emails[0]));
	r.p.email_p = xcalloc(GITDM_EMAILS_MAX, sizeof(r.p.email_p[0]));
	r.p.spans = xcalloc(GITDM_SPANS_MAX, sizeof(r.p.spans[0]));
	r.p.span_p = xcalloc(GITDM_SPANS_MAX, sizeof(r.p.span_p[0]));
	rc = lines(&r, in, buf, err);
	if (rc == 0)
		rc = flush(&r);
	buf_release(&r.p.text);
	free(r.p.emails);
	free(r.p.email_p);
	free(r.p.spans);
	free(r.p.span_p);
	free(buf);
	return rc;
}

int
gov_gitdm_parse(const char *text, size_t len, gitdm_person_fn each, gov_warn_fn warn,
    void *arg, struct gov_err *err)
{
	FILE *in;
	int rc;

	if (len == 0) {
		err->line = 0, err->msg[0] = '\0';
		return 0;
	}
	if ((in = fmemopen((void *)(uintptr_t)text, len, "r")) == NULL)
		return gov_fail(err, 0, "cannot read the text");
	rc = gov_gitdm_read(in, each, warn, arg, err);
	fclose(in);
	return rc;
}
