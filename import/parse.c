/* parse.c: durations, timestamps and names as schedule producers write them (see SOURCES.md). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int
parse_timestamp(const char *s, time_t *utc, int *offset)
{
	int y, mo, d, h, mi, sec = 0, oh = 0, om = 0, n = 0;
	char sign = 'Z';
	const char *rest;

	if (strlen(s) < 16 || !date_valid(s, 10) || (s[10] != 'T' && s[10] != ' '))
		return -1;
	if (sscanf(s, "%4d-%2d-%2d%*c%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5)
		return -1;
	rest = s + n;
	if (*rest == ':') {
		if (sscanf(rest, ":%2d%n", &sec, &n) != 1)
			return -1;
		rest += n;
		if (*rest == '.')	/* fractions of a second */
			while (isdigit((unsigned char)*++rest))
				;
	}
	if (*rest == 'Z')
		rest++;
	else if (*rest == '+' || *rest == '-') {
		sign = *rest;
		if (sscanf(rest + 1, "%2d:%2d%n", &oh, &om, &n) != 2 || oh > 14 || om > 59)
			return -1;
		rest += 1 + n;
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
