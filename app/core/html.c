/* html.c: output escaping, one function per context (see html.h). */
#include <string.h>

#include "core/html.h"

static const char hex[] = "0123456789ABCDEF";

void
html_textn(struct buf *b, const char *s, size_t n)
{
	const char *run = s, *end = s + n;

	for (; s < end; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_append(b, run, (size_t)(s - run));
		buf_puts(b, rep);
		run = s + 1;
	}
	buf_append(b, run, (size_t)(end - run));
}

void
html_text(struct buf *b, const char *s)
{
	if (s)
		html_textn(b, s, strlen(s));
}

void
html_attr(struct buf *b, const char *s)
{
	/* Control characters as numeric references too: an attribute value stays on its
	 * line whatever it holds (a URL stored with a line break, say). */
	while (s && *s) {
		size_t n = 0;

		while (s[n] && ((unsigned char)s[n] >= 0x20 && s[n] != 0x7F))
			n++;
		html_textn(b, s, n);
		s += n;
		if (*s)
			buf_appendf(b, "&#%d;", (unsigned char)*s++);
	}
}

void
url_component(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~')
			buf_putc(b, (char)c);
		else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };

			buf_append(b, e, 3);
		}
	}
}

void
json_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
			char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

			buf_append(b, e, 6);
		} else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

void
csv_cell(struct buf *b, const char *s)
{
	int quote;

	if (s == NULL)
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	/* A leading = + - @ tab or CR makes spreadsheets evaluate the cell. */
	if (strchr("=+-@\t\r", *s) && *s) {
		quote = 1;
		buf_puts(b, "\"'");
	} else if (quote)
		buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
}
