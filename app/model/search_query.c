/* search_query.c: the bounded FTS5 query of a search (see search_query.h). */
#include <string.h>

#include "core/buf.h"
#include "core/html.h"
#include "model/search_query.h"

/*
 * The length of the separator at s, or 0 when s starts a word character. Words are what
 * FTS5's unicode61 tokenizer indexes; here every ASCII character but letters and digits
 * separates, and so do the common non-ASCII punctuation and spaces (Latin-1's U+00A0 to
 * U+00BF, General Punctuation U+2000 to U+206F, CJK U+3000 to U+303F), so that quotes
 * and dashes typed around a word do not make it look longer. Other non-ASCII characters
 * count as letters; inside a quoted phrase the tokenizer decides, harmlessly.
 */
static size_t
separator(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	if (*s < 0x80)
		return (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') ? 0 : 1;
	if (s[0] == 0xC2 && s[1] >= 0xA0 && s[1] <= 0xBF)
		return 2;
	if (((s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81)) || (s[0] == 0xE3 && s[1] == 0x80)) &&
	    (s[2] & 0xC0) == 0x80)
		return 3;
	return 0;
}

/* The next word of *p before end: its start and byte length in *n, or NULL when there is none. */
static const char *
next_word(const char **p, const char *end, size_t *n)
{
	const char *s = *p;
	size_t k;

	while (s < end && (k = separator(s)) != 0)
		s += k;
	for (*n = 0; s + *n < end && separator(s + *n) == 0; (*n)++)
		;
	*p = s + *n;
	return *n ? s : NULL;
}

/* Characters (not bytes) in the n bytes of a UTF-8 word. */
static size_t
characters(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The quote that opens or closes a phrase at s: its length (" or the typographic ones), or 0. */
static size_t
quote(const char *s)
{
	if (*s == '"')
		return 1;
	return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D) ? 3 : 0;
}

/* What is cut from around a literal: ASCII punctuation but + and #. */
static int
trimmed(char c)
{
	return (unsigned char)c < 0x80 && separator(&c) && c != '+' && c != '#';
}

/* "(c++)," as "c++": a chunk with + or # keeps them; what surrounds it goes; lower case. */
static const char *
literal_of(struct request *req, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	const char *out;

	if (memchr(s, '+', n) == NULL && memchr(s, '#', n) == NULL)
		return NULL;
	while (n && trimmed(s[0]))
		s++, n--;
	while (n && trimmed(s[n - 1]))
		n--;
	for (size_t i = 0; i < n; i++)
		buf_putc(&b, s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i]);
	out = b.len ? req_strndup(req, b.data, b.len) : NULL;
	buf_release(&b);
	return out;
}

/* A phrase between quotes (from s to end): one term of its words, as far as the cap allows. */
static void
add_phrase(struct request *req, const char *s, const char *end, struct search_words *w)
{
	struct buf b = BUF_INIT;
	const char *word;
	size_t n;

	while ((word = next_word(&s, end, &n)) != NULL) {
		if (w->typed++ >= SEARCH_TERMS_MAX)
			continue;
		if (b.len)
			buf_putc(&b, ' ');
		buf_append(&b, word, n);
	}
	if (b.len && w->n < SEARCH_TERMS_MAX) {
		struct search_term *t = &w->terms[w->n++];

		memset(t, 0, sizeof(*t));
		t->text = req_strndup(req, b.data, b.len);
		t->len = b.len;
		t->phrase = 1;
	}
	buf_release(&b);
}

/* A chunk of the query between spaces (not a phrase): its words, each a term. */
static void
add_chunk(struct request *req, const char *s, const char *end, struct search_words *w)
{
	const char *literal = literal_of(req, s, (size_t)(end - s)), *word;
	size_t n;

	if (end - s == 2 && s[0] == 'O' && s[1] == 'R') {	/* the operator */
		if (w->n && w->typed <= SEARCH_TERMS_MAX)
			w->terms[w->n - 1].or_next = 1;
		return;
	}
	while ((word = next_word(&s, end, &n)) != NULL) {
		struct search_term *t;

		if (w->typed++ >= SEARCH_TERMS_MAX)
			continue;
		t = &w->terms[w->n++];
		memset(t, 0, sizeof(*t));
		t->text = req_strndup(req, word, n);
		t->len = n;
		/* "c++" is the word c as the index keeps it, and the text must say c++. */
		t->prefix = literal == NULL && characters(word, n) >= SEARCH_PREFIX_MIN;
		t->literal = literal;
		literal = NULL;
	}
}

void
search_parse(struct request *req, const char *q, struct search_words *w)
{
	const char *p = q ? q : "";

	memset(w, 0, sizeof(*w));
	while (*p) {
		const char *s;
		size_t k;

		while (space(*p))
			p++;
		if ((k = quote(p)) != 0) {
			s = p += k;
			while (*p && quote(p) == 0)
				p++;
			add_phrase(req, s, p, w);
			if (*p)
				p += quote(p);
			continue;
		}
		for (s = p; *p && !space(*p) && quote(p) == 0; p++)
			;
		if (p > s)
			add_chunk(req, s, p, w);
	}
	if (w->n)
		w->terms[w->n - 1].or_next = 0;	/* a trailing OR joins nothing */
}

static void
term_fts(struct buf *b, const struct search_term *t)
{
	/* Words hold no quote (it separates), so the phrase needs no escaping. */
	if (t->alts[0])
		buf_putc(b, '(');
	buf_putc(b, '"');
	buf_append(b, t->text, t->len);
	buf_putc(b, '"');
	if (t->prefix)
		buf_putc(b, '*');
	for (int i = 0; t->alts[i]; i++) {
		buf_puts(b, " OR \"");
		buf_puts(b, t->alts[i]);
		buf_putc(b, '"');
	}
	if (t->alts[0])
		buf_putc(b, ')');
}

const char *
search_fts(struct request *req, const struct search_words *w)
{
	struct buf b = BUF_INIT;
	const char *out;

	for (int i = 0; i < w->n; i++) {
		const struct search_term *t = &w->terms[i];
		int joined = i > 0 && w->terms[i - 1].or_next;

		/* FTS5 takes a bare space for AND between phrases only, not before a group. */
		if (i)
			buf_puts(&b, joined ? " OR " : " AND ");
		if (t->or_next && !joined)
			buf_putc(&b, '(');
		term_fts(&b, t);
		if (joined && !t->or_next)
			buf_putc(&b, ')');
	}
	out = w->n ? req_strndup(req, b.data, b.len) : NULL;
	buf_release(&b);
	return out;
}

const char *
search_literals(struct request *req, const struct search_words *w)
{
	struct buf b = BUF_INIT;
	const char *out;

	for (int i = 0; i < w->n; i++) {
		const struct search_term *t = &w->terms[i];

		if (t->literal == NULL || t->or_next || (i > 0 && w->terms[i - 1].or_next))
			continue;
		buf_putc(&b, b.len ? ',' : '[');
		json_string(&b, t->literal);
	}
	if (b.len)
		buf_putc(&b, ']');
	out = b.len ? req_strndup(req, b.data, b.len) : NULL;
	buf_release(&b);
	return out;
}

const char *
search_fts_query(struct request *req, const char *q)
{
	struct search_words w;

	search_parse(req, q, &w);
	return search_fts(req, &w);
}

int
search_terms(const char *q)
{
	struct request scratch;
	struct search_words w;

	/* The words only: parse without keeping more than the cap in memory. */
	req_init(&scratch);
	search_parse(&scratch, q, &w);
	req_free(&scratch);
	return w.typed;
}
