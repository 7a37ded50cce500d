/* search_query.c: the bounded FTS5 query of a search (see search_query.h). */
#include <string.h>

#include "core/buf.h"
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

/* The next word of *p: its start and byte length in *n, or NULL when there is none. */
static const char *
next_word(const char **p, size_t *n)
{
	const char *s = *p;
	size_t k;

	while (*s && (k = separator(s)) != 0)
		s += k;
	for (*n = 0; s[*n] && separator(s + *n) == 0; (*n)++)
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

const char *
search_fts_query(struct request *req, const char *q)
{
	struct buf b = BUF_INIT;
	const char *p = q ? q : "", *w, *out;
	size_t n;
	int terms = 0;

	while (terms < SEARCH_TERMS_MAX && (w = next_word(&p, &n)) != NULL) {
		if (terms++)
			buf_putc(&b, ' ');
		/* Words hold no quote (it separates), so the phrase needs no escaping. */
		buf_putc(&b, '"');
		buf_append(&b, w, n);
		buf_putc(&b, '"');
		if (characters(w, n) >= SEARCH_PREFIX_MIN)
			buf_putc(&b, '*');
	}
	out = terms ? req_strndup(req, b.data, b.len) : NULL;
	buf_release(&b);
	return out;
}

int
search_terms(const char *q)
{
	const char *p = q ? q : "";
	size_t n;
	int terms = 0;

	while (next_word(&p, &n) != NULL)
		terms++;
	return terms;
}
