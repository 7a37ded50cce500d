/* params.c: the parameter validators (see params.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;

	while (s < end) {
		unsigned c = *s, n, cp, min;

		if (c < 0x80) {
			s++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else
			return 0;
		if ((size_t)(end - s) <= n)
			return 0;
		for (unsigned i = 1; i <= n; i++) {
			if ((s[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		s += n + 1;
	}
	return 1;
}

static int
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Two digits as a number (checked as digits by the caller); never reads past them. */
static int
two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int
date_valid(const char *s, size_t len)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return 0;
	y = two(s) * 100 + two(s + 2);
	m = two(s + 5);
	d = two(s + 8);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

static int
datetime_valid(const char *s, size_t len)
{
	if (len != 16 && len != 19)
		return 0;
	if (!date_valid(s, 10) || (s[10] != 'T' && s[10] != ' ') ||
	    !digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2))
		return 0;
	if (two(s + 11) > 23 || two(s + 14) > 59)
		return 0;
	if (len == 19 && (s[16] != ':' || !digits(s + 17, 2) || two(s + 17) > 59))
		return 0;
	return 1;
}

static int
slug_valid(const char *s, size_t len)
{
	if (len == 0 || s[0] == '-' || s[len - 1] == '-')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-'))
			return 0;
	return 1;
}

static int
text_valid(const char *s, size_t len, int newlines)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t' || ((c == '\n' || c == '\r') && newlines))
			continue;
		if (c < 0x20 || c == 0x7F)
			return 0;
	}
	return utf8_valid(s, len);
}

int
url_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;

	if (!((len > 7 && strncmp(str, "http://", 7) == 0) ||
	    (len > 8 && strncmp(str, "https://", 8) == 0)))
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] <= ' ' || s[i] == 0x7F || s[i] == '"' || s[i] == '<' || s[i] == '>')
			return 0;
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
			return 0;	/* U+0080 to U+009F */
	}
	return utf8_valid(str, len);
}

static int
enum_valid(const char *set, const char *s, size_t len)
{
	const char *p = set;

	while (*p) {
		size_t n = strcspn(p, "|");

		if (n == len && memcmp(p, s, n) == 0)
			return 1;
		p += n;
		if (*p == '|')
			p++;
	}
	return 0;
}

static int
int_check(const struct param_rule *r, const char *s, size_t len, const char **why)
{
	const char *p = s;
	char tmp[24];
	long long v;

	if (len > 0 && *p == '-')
		p++;
	if (len == 0 || len > 19 || p == s + len || !digits(p, len - (size_t)(p - s))) {
		*why = "must be a whole number";
		return -1;
	}
	/* The value is len bytes, not a C string: terminate a copy before strtoll reads it. */
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	v = strtoll(tmp, NULL, 10);
	if (v < r->min || v > r->max) {
		*why = "is out of range";
		return -1;
	}
	return 0;
}

int
param_check(const struct param_rule *r, const char *s, size_t len, const char **why)
{
	*why = NULL;
	if (memchr(s, '\0', len)) {
		*why = "contains a NUL byte";
		return -1;
	}
	if (r->kind != P_INT && r->kind != P_ENUM && r->kind != P_DATE &&
	    r->kind != P_DATETIME && r->max && (long long)len > r->max) {
		*why = "is too long";
		return -1;
	}
	switch (r->kind) {
	case P_INT:
		return int_check(r, s, len, why);
	case P_SLUG:
		if (!slug_valid(s, len))
			*why = "must be lower-case letters, digits and dashes";
		break;
	case P_TEXT:
	case P_LINE:
		if (!text_valid(s, len, r->kind == P_TEXT))
			*why = "must be valid UTF-8 text without control characters";
		break;
	case P_ENUM:
		if (!enum_valid(r->set, s, len))
			*why = "is not one of the accepted values";
		break;
	case P_DATE:
		if (!date_valid(s, len))
			*why = "must be a date written YYYY-MM-DD";
		break;
	case P_DATETIME:
		if (!datetime_valid(s, len))
			*why = "must be a date and time written YYYY-MM-DDTHH:MM";
		break;
	case P_EMAIL: {
		const char *at = memchr(s, '@', len);

		if (at == NULL || at == s || at == s + len - 1 ||
		    memchr(at + 1, '@', len - (size_t)(at + 1 - s)) ||
		    !text_valid(s, len, 0) || memchr(s, ' ', len))
			*why = "must be an email address";
		break;
	}
	case P_URL:
		if (!url_valid(s, len))
			*why = "must be an http:// or https:// address without spaces or control characters";
		break;
	case P_TOKEN:
		for (size_t i = 0; i < len; i++)
			if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_')) {
				*why = "must be letters, digits, - or _";
				break;
			}
		break;
	case P_FILE:
	case P_KIND__MAX:
		break;
	}
	return *why ? -1 : 0;
}
