/* parse.c: durations, timestamps and names as schedule producers write them (see SOURCES.md). */
#include <ctype.h>
#include <limits.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/params.h"
#include "import/parse.h"
#include "core/slug.h"

static int
number(const char *s, size_t n, int *out)
{
	int v = 0;

	if (n == 0 || n > 4)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
parse_duration(const char *s, int *minutes)
{
	const char *p[3];
	size_t n[3];
	int parts = 0, a, b, c;

	while (*s == ' ')
		s++;
	for (const char *q = s; parts < 3;) {
		size_t len = strcspn(q, ":");

		p[parts] = q;
		n[parts++] = len;
		q += len;
		if (*q != ':')
			break;
		q++;
	}
	if (parts == 2 && number(p[0], n[0], &a) == 0 && number(p[1], n[1], &b) == 0 &&
	    n[1] == 2 && b < 60 && p[1][n[1]] == '\0') {
		*minutes = a * 60 + b;
		return *minutes > 0 && *minutes <= 14 * 24 * 60 ? 0 : -1;
	}
	if (parts != 3 || number(p[0], n[0], &a) || number(p[1], n[1], &b) ||
	    number(p[2], n[2], &c) || n[1] != 2 || n[2] != 2 || p[2][n[2]] != '\0')
		return -1;
	if (n[0] == 1 && b < 24 && c < 60)	/* pretalx: D:HH:MM */
		*minutes = a * 1440 + b * 60 + c;
	else if (b < 60 && c < 60)		/* HH:MM:SS, seconds rounded up */
		*minutes = a * 60 + b + (c > 0);
	else
		return -1;
	return *minutes > 0 && *minutes <= 14 * 24 * 60 ? 0 : -1;
}

static long long
days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's algorithm: days since 1970-01-01 in the proleptic Gregorian calendar. */
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long long)doe - 719468;
}

/* n digits at s as a number, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
parse_timestamp(const char *s, time_t *utc, int *offset)
{
	int y, mo, d, h, mi, sec = 0, oh = 0, om = 0;
	char sign = 'Z';
	const char *rest;

	/* By hand, not sscanf(): an import reads one or two of these for every session. */
	if (strlen(s) < 16 || !date_valid(s, 10) || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return -1;
	y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	if ((h = digits(s + 11, 2)) < 0 || (mi = digits(s + 14, 2)) < 0)
		return -1;
	rest = s + 16;
	if (*rest == ':') {
		if ((sec = digits(rest + 1, 2)) < 0)
			return -1;
		rest += 3;
		if (*rest == '.')	/* fractions of a second */
			while (isdigit((unsigned char)*++rest))
				;
	}
	if (*rest == 'Z')
		rest++;
	else if (*rest == '+' || *rest == '-') {
		sign = *rest;
		if ((oh = digits(rest + 1, 2)) < 0 || rest[3] != ':' || (om = digits(rest + 4, 2)) < 0 ||
		    oh > 14 || om > 59)
			return -1;
		rest += 6;
	} else
		return -1;	/* no offset: not an instant */
	if (*rest != '\0' || h > 23 || mi > 59 || sec > 60)
		return -1;
	*offset = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	*utc = (time_t)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - *offset);
	return 0;
}

static void
trimmed(struct buf *out, const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	buf_append(out, s, n);
}

void
parse_name_org(const char *s, struct buf *name, struct buf *org)
{
	const char *open = strrchr(s, '[');
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (open && n && s[n - 1] == ']' && open > s) {
		trimmed(name, s, (size_t)(open - s));
		trimmed(org, open + 1, (size_t)(s + n - 1 - open - 1));
		return;
	}
	trimmed(name, s, n);
}

void
org_match_key(const char *name, struct buf *out)
{
	static const char *const suffixes[] = { "ab", "ag", "as", "bv", "co", "corp", "corporation",
	    "gmbh", "inc", "incorporated", "kg", "kk", "llc", "llp", "lp", "ltd", "limited", "nv",
	    "oy", "plc", "pty", "sa", "sarl", "sas", "se", "spa", "srl", "the", NULL };
	struct buf slug = BUF_INIT;
	size_t start = out->len;
	const char *p;

	slug_from_name(&slug, name);
	/* Drop each trailing legal-form word ("spotify-ab" -> "spotify"). */
	for (;;) {
		const char *dash = strrchr(slug.data, '-');
		int cut = 0;

		if (dash == NULL)
			break;
		for (size_t i = 0; suffixes[i]; i++)
			if (strcmp(dash + 1, suffixes[i]) == 0)
				cut = 1;
		if (!cut)
			break;
		buf_truncate(&slug, (size_t)(dash - slug.data));
	}
	for (p = slug.data; *p; p++)	/* "red-hat" and "redhat" alike */
		if (*p != '-')
			buf_putc(out, *p);
	if (out->len == start)
		buf_puts(out, slug.data);
	buf_release(&slug);
}

size_t
utf8_cut_bytes(const char *s, size_t len, size_t max)
{
	size_t n;

	if (len <= max)
		return len;
	/* s[n] is the first byte left out: while it continues a character, the character
	 * would be split, so it goes too. */
	for (n = max; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; n--)
		;
	return n;
}

size_t
utf8_cut_chars(const char *s, size_t max)
{
	size_t n = 0, chars = 0;

	for (; s[n]; n++)
		if (((unsigned char)s[n] & 0xC0) != 0x80 && chars++ == max)
			break;
	return n;
}

size_t
utf8_chars(const char *s)
{
	size_t chars = 0;

	for (; *s; s++)
		chars += ((unsigned char)*s & 0xC0) != 0x80;
	return chars;
}

/* --- HTML abstracts ----------------------------------------------------------- */

/* Tags that make a text HTML by themselves (blocks and line breaks), and inline ones that do so
 * only when closed too ("<b>bold</b>", not "a <b> tag"), so that text which merely mentions a
 * tag is left as it is, and a text made readable once stays the same when read again. */
static const char *const block_tags[] = {
	"p", "br", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
	"table", "tr", "td", "th", "hr", "dl", "dt", "dd", NULL
};
static const char *const inline_tags[] = {
	"a", "b", "i", "u", "em", "strong", "code", "span", "sup", "sub", "small", NULL
};

/* The length of the tag name at p (just after "<" or "&lt;", "/" allowed) if it is one of
 * tags and is followed by what ends a name; 0 otherwise. */
static size_t
tag_at(const char *p, const char *const *tags)
{
	int close = *p == '/';

	p += close;
	for (size_t i = 0; tags[i]; i++) {
		size_t n = strlen(tags[i]);

		if (strncasecmp(p, tags[i], n) == 0 &&
		    (p[n] == '>' || p[n] == ' ' || p[n] == '/' || p[n] == '\t' || p[n] == '\n' ||
		    strncmp(p + n, "&gt;", 4) == 0))
			return n + close;
	}
	return 0;
}

/* True when text has markup written with open ("<" or "&lt;"): a block tag, or an inline
 * tag that is also closed. */
static int
markup(const char *text, const char *open)
{
	size_t olen = strlen(open);

	for (const char *p = text; (p = strstr(p, open)) != NULL; p += olen) {
		size_t n;

		if (tag_at(p + olen, block_tags))
			return 1;
		if (p[olen] == '/' && (n = tag_at(p + olen, inline_tags)) != 0) {
			char closing[16];

			/* "</b>": is there a "<b" before it? */
			snprintf(closing, sizeof(closing), "%s%.*s", open, (int)(n - 1), p + olen + 1);
			for (const char *q = text; (q = strstr(q, closing)) != NULL && q < p; q++)
				if (tag_at(q + olen, inline_tags))
					return 1;
		}
	}
	return 0;
}

static int
escaped_html(const char *text)
{
	return markup(text, "&lt;");
}

int
parse_is_html(const char *text)
{
	return markup(text, "<") || escaped_html(text);
}

/* The text being built: breaks are added lazily, before the next text, so that none trail. */
struct html_out {
	struct buf	*out;
	size_t		 start;		/* where this text begins in out */
	int		 brk;		/* 0, 1 (a line break) or 2 (a blank line) before the next text */
	int		 pre;		/* inside <pre>: spaces kept */
};

static void
html_put(struct html_out *h, const char *s)
{
	for (; *s; s++) {
		int space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		int at_start = h->out->len == h->start || h->out->data[h->out->len - 1] == '\n';

		if (space && !h->pre) {
			if (!at_start && h->out->data[h->out->len - 1] != ' ')
				buf_putc(h->out, ' ');
			continue;
		}
		if (h->brk && h->out->len > h->start) {
			while (h->out->len > h->start && h->out->data[h->out->len - 1] == ' ')
				buf_truncate(h->out, h->out->len - 1);
			buf_puts(h->out, h->brk == 2 ? "\n\n" : "\n");
		}
		h->brk = 0;
		buf_putc(h->out, *s);
	}
}

static int
is_block(const char *name)
{
	static const char *const blocks[] = { "p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4",
	    "h5", "h6", "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "hr", NULL };

	for (size_t i = 0; blocks[i]; i++)
		if (strcasecmp(name, blocks[i]) == 0)
			return 1;
	return 0;
}

/* Opening (enter) or closing an element: the breaks it makes. */
static void
html_element(struct html_out *h, const char *name, int enter)
{
	int li = strcasecmp(name, "li") == 0 || strcasecmp(name, "tr") == 0 || strcasecmp(name, "dt") == 0;

	if (strcasecmp(name, "br") == 0 && enter && h->brk < 1)
		h->brk = 1;
	else if (li && enter) {
		if (h->brk < 1)
			h->brk = 1;
		if (strcasecmp(name, "li") == 0) {
			html_put(h, "-");
			buf_putc(h->out, ' ');
		}
	} else if (is_block(name) && !li)
		h->brk = 2;
	if (strcasecmp(name, "pre") == 0)
		h->pre += enter ? 1 : -1;
}

/* Walks the tree without recursion (the parser's depth is the only bound). */
static void
html_walk(xmlNodePtr root, struct html_out *h)
{
	xmlNodePtr n = root;

	while (n) {
		int skip = n->type == XML_ELEMENT_NODE && (!xmlStrcasecmp(n->name, BAD_CAST "script") ||
		    !xmlStrcasecmp(n->name, BAD_CAST "style"));

		if (n->type == XML_TEXT_NODE && n->content)
			html_put(h, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE && !skip)
			html_element(h, (const char *)n->name, 1);
		if (n->children && n->type == XML_ELEMENT_NODE && !skip) {
			n = n->children;
			continue;
		}
		while (n && n != root && n->next == NULL) {
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE)
				html_element(h, (const char *)n->name, 0);
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
}

static htmlDocPtr
html_read(const char *text)
{
	size_t len = strlen(text);

	return htmlReadMemory(text, len > INT_MAX ? INT_MAX : (int)len, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

void
parse_html_text(const char *text, struct buf *out)
{
	struct html_out h = { out, out->len, 0, 0 };
	htmlDocPtr doc;
	xmlChar *decoded = NULL;

	if (!parse_is_html(text)) {
		buf_puts(out, text);
		return;
	}
	if (escaped_html(text) && (doc = html_read(text)) != NULL) {
		/* "&lt;p&gt;": the markup is one level down; its text is the HTML. */
		decoded = xmlNodeGetContent(xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
	}
	doc = html_read(decoded ? (const char *)decoded : text);
	xmlFree(decoded);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		buf_puts(out, text);
		xmlFreeDoc(doc);
		return;
	}
	html_walk(xmlDocGetRootElement(doc), &h);
	xmlFreeDoc(doc);
	while (out->len > h.start && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n'))
		buf_truncate(out, out->len - 1);
}
