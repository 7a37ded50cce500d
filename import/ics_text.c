/* ics_text.c: speakers named in a description, and vCalendar charsets (ics_text.h). */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/params.h"
#include "import/ics_text.h"
#include "import/parse.h"

/* The words a description's speaker line starts with, before its colon. */
static const char *const labels[] = {
	"speaker", "speakers", "speaker(s)", "speakers(s)", "presenter", "presenters", "presenter(s)",
	"presented by", "moderator", "moderators", "panelists", "host", "hosts", "von", "referent",
	"referentin", "referenten", "referent*innen", "sprecher", "sprecherin", "vortragende",
	"intervenant", "intervenants", "ponente", "ponentes", NULL
};

/* The names after a label's colon on the line at p (n bytes), or NULL. */
static const char *
names_of(const char *p, size_t n, size_t *len)
{
	const char *colon;
	size_t head;

	while (n && (*p == ' ' || *p == '\t' || *p == '-' || *p == '*'))
		p++, n--;
	if ((colon = memchr(p, ':', n)) == NULL || (head = (size_t)(colon - p)) == 0 || head > 20)
		return NULL;
	while (head && p[head - 1] == ' ')
		head--;
	for (int i = 0; labels[i]; i++)
		if (strlen(labels[i]) == head && strncasecmp(p, labels[i], head) == 0) {
			*len = n - (size_t)(colon + 1 - p);
			return colon + 1;
		}
	return NULL;
}

/* One "Name (Org)", "Name [Org]" or "Name". */
static void
one(const char *s, size_t n, void (*each)(void *, const char *, const char *), void *arg, int *count)
{
	struct buf name = BUF_INIT, org = BUF_INIT;
	char *raw = strndup(s, n), *open = strrchr(raw, '(');

	if (open && raw[n - 1] == ')' && open > raw) {
		raw[n - 1] = '\0';
		*open = '\0';
		buf_puts(&name, raw);
		buf_puts(&org, open + 1);
	} else
		parse_name_org(raw, &name, &org);
	while (name.len && name.data[name.len - 1] == ' ')
		buf_truncate(&name, name.len - 1);
	if (name.len && name.len <= 200) {
		each(arg, name.data, org.len ? org.data : NULL);
		(*count)++;
	}
	free(raw), buf_release(&name), buf_release(&org);
}

/* Splits a list on ", ", ";", " & ", " and ", " und " (on ";" alone when semicolons; not
 * inside parentheses or brackets). */
static void
split(const char *s, size_t n, int semicolons, void (*each)(void *, const char *, const char *),
    void *arg, int *count)
{
	static const char *const seps[] = { ";", ", ", " & ", " and ", " und " };
	size_t start = 0, depth = 0, nseps = semicolons ? 1 : sizeof(seps) / sizeof(seps[0]);

	for (size_t i = 0; i <= n; i++) {
		size_t sep = 0;

		if (i < n && (s[i] == '(' || s[i] == '['))
			depth++;
		else if (i < n && (s[i] == ')' || s[i] == ']') && depth)
			depth--;
		for (size_t k = 0; i < n && depth == 0 && k < nseps && !sep; k++)
			if (n - i >= strlen(seps[k]) && strncmp(s + i, seps[k], strlen(seps[k])) == 0)
				sep = strlen(seps[k]);
		if (i == n || sep) {
			while (start < i && s[start] == ' ')
				start++;
			if (i > start)
				one(s + start, i - start, each, arg, count);
			start = i + sep;
			i += sep ? sep - 1 : 0;
		}
	}
}

int
ics_speakers(const char *text, void (*each)(void *, const char *, const char *), void *arg)
{
	int count = 0;

	for (const char *p = text; p && *p; p += strcspn(p, "\n"), p += *p == '\n') {
		size_t n = strcspn(p, "\n"), len;
		const char *names = names_of(p, n, &len);

		if (names)
			split(names, len, memchr(names, ';', len) != NULL, each, arg, &count);
	}
	return count;
}

int
ics_names(const char *list, void (*each)(void *, const char *, const char *), void *arg)
{
	int count = 0;

	if (list)
		split(list, strlen(list), strchr(list, ';') != NULL, each, arg, &count);
	return count;
}

int
ics_charset(const char *charset, const char *s, size_t len, struct buf *out)
{
	char chunk[4096], *in = (char *)s;
	size_t left = len, at = out->len;
	iconv_t cd;
	int rc = 0;

	if (charset == NULL || strcasecmp(charset, "UTF-8") == 0 || strcasecmp(charset, "UTF8") == 0) {
		if (!utf8_valid(s, len))
			return -1;
		buf_append(out, s, len);
		return 0;
	}
	/* Latin-1 is each byte's own code point: no converter to load (the server's sandbox loads
	 * the others before it starts, and then cannot map a new one). */
	if (strcasecmp(charset, "ISO-8859-1") == 0 || strcasecmp(charset, "LATIN1") == 0 ||
	    strcasecmp(charset, "ISO_8859-1") == 0 || strcasecmp(charset, "US-ASCII") == 0) {
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c < 0x80)
				buf_putc(out, (char)c);
			else
				buf_putc(out, (char)(0xC0 | c >> 6)), buf_putc(out, (char)(0x80 | (c & 0x3F)));
		}
		return 0;
	}
	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return -1;
	while (left > 0 && rc == 0) {
		char *o = chunk;
		size_t room = sizeof(chunk);

		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG)
			rc = -1;
		buf_append(out, chunk, sizeof(chunk) - room);
	}
	iconv_close(cd);
	if (rc == 0 && !utf8_valid(out->data + at, out->len - at))
		rc = -1;
	if (rc == -1)
		buf_truncate(out, at);
	return rc;
}
