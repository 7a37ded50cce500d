/* csv_time.c: dates, times and durations as spreadsheets write them (csv_time.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/params.h"
#include "import/csv_time.h"
#include "import/parse.h"

static const char *const months[12] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static int
valid(int y, int m, int d, char out[11])
{
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return date_valid(out, 10) ? 0 : -1;
}

/* A month's name or its first three letters ("Mar", "March"), 1..12, or 0. */
static int
month_of(const char *w, size_t n)
{
	for (int i = 0; i < 12 && n >= 3; i++)
		if (strncasecmp(w, months[i], 3) == 0)
			return i + 1;
	return 0;
}

/* "20 Mar 2024", "March 20, 2024", "Wednesday, March 20, 2024", "Wed 20 March 2024". */
static int
written_date(const char *s, char out[11])
{
	int day = 0, month = 0, year = 0;
	char w[32];

	for (const char *p = s; *p;) {
		size_t n = 0;

		while (*p && !isalnum((unsigned char)*p))
			p++;
		while (isalnum((unsigned char)p[n]) && n < sizeof(w) - 1)
			n++;
		if (n == 0)
			break;
		snprintf(w, sizeof(w), "%.*s", (int)n, p);
		p += n;
		if (isdigit((unsigned char)w[0])) {
			int v = atoi(w);
			size_t digits = strspn(w, "0123456789");

			if (digits == 4 && n == 4 && year == 0)
				year = v;
			else if (digits <= 2 && day == 0)
				day = v;	/* "20", "20th" */
			else
				return -1;
		} else if (month == 0 && month_of(w, n))
			month = month_of(w, n);
	}
	return month && day && year ? valid(year, month, day, out) : -1;
}

int
csv_date(const char *s, char out[11], int *ambiguous)
{
	int a, b, c, n = 0;

	*ambiguous = 0;
	while (*s == ' ')
		s++;
	if (sscanf(s, "%4d-%2d-%2d%n", &a, &b, &c, &n) == 3 && n == 10)
		return valid(a, b, c, out);
	if (sscanf(s, "%2d.%2d.%4d%n", &a, &b, &c, &n) == 3)
		return valid(c, b, a, out);
	if (sscanf(s, "%2d/%2d/%4d%n", &a, &b, &c, &n) == 3) {
		if (c < 100)
			c += 2000;
		if (a > 12)
			return valid(c, b, a, out);
		*ambiguous = b <= 12 && a != b;
		return valid(c, a, b, out);
	}
	return written_date(s, out);
}

int
csv_time(const char *s, char out[9])
{
	int h, m, sec = 0, n = 0;
	const char *p;

	while (*s == ' ')
		s++;
	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || m > 59)
		return -1;
	p = s + n;
	if (*p == ':' && isdigit((unsigned char)p[1]) && sscanf(p + 1, "%2d", &sec) == 1)
		p += 3;
	if (*p == '.' && isdigit((unsigned char)p[1]))	/* "09:00:00.000" */
		p += 1 + strspn(p + 1, "0123456789");
	p += strspn(p, " ");
	if (strncasecmp(p, "am", 2) == 0 || strncasecmp(p, "a.m.", 4) == 0 || strncasecmp(p, "pm", 2) == 0 ||
	    strncasecmp(p, "p.m.", 4) == 0) {
		int pm = tolower((unsigned char)*p) == 'p';

		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (pm ? 12 : 0);
		p += p[1] == '.' ? 4 : 2;
	}
	if (h > 23 || sec > 59 || p[strspn(p, " ")] != '\0')
		return -1;
	snprintf(out, 9, "%02u:%02u:%02u", (unsigned)h % 24, (unsigned)m % 60, (unsigned)sec % 60);
	return 0;
}

/* Where the time starts in a cell holding a date and a time: after "T" or the last space
 * before a digit that begins "H:MM". */
static const char *
time_part(const char *s)
{
	const char *t = NULL;

	for (const char *p = s; *p; p++)
		if ((p == s || p[-1] == ' ' || p[-1] == 'T') && isdigit((unsigned char)*p) &&
		    (p[1] == ':' || (isdigit((unsigned char)p[1]) && p[2] == ':')))
			t = p;
	return t;
}

int
csv_when(const char *s, struct wall *w, char iso[32], int *ambiguous)
{
	char date[64];
	const char *t;
	time_t utc;
	int off;

	memset(w, 0, sizeof(*w));
	*ambiguous = 0;
	while (*s == ' ')
		s++;
	if (strlen(s) >= 20 && s[10] == 'T' && parse_timestamp(s, &utc, &off) == 0) {
		snprintf(iso, 32, "%.31s", s);
		return 1;
	}
	if ((t = time_part(s)) == NULL)
		return csv_date(s, w->date, ambiguous) == 0 ? 0 : -1;
	if (csv_time(t, w->time) == -1)
		return -1;
	if (t == s)
		return 0;
	snprintf(date, sizeof(date), "%.*s", (int)(t - s), s);
	for (size_t n = strlen(date); n && (date[n - 1] == ' ' || date[n - 1] == 'T' || date[n - 1] == ','); n--)
		date[n - 1] = '\0';
	return csv_date(date, w->date, ambiguous) == 0 ? 0 : -1;
}

int
csv_duration(const char *s, int *minutes)
{
	char *end;
	long a, b = 0;

	while (*s == ' ')
		s++;
	if (strchr(s, ':'))
		return parse_duration(s, minutes);
	a = strtol(s, &end, 10);
	if (end == s || a < 0 || a > 100000)
		return -1;
	s = end + strspn(end, " ");
	if (*s == 'h' || *s == 'H' || strncasecmp(s, "st", 2) == 0) {	/* "1h30", "2 hours", "2 Std." */
		s += strcspn(s, " 0123456789");
		s += strspn(s, " ");
		if (isdigit((unsigned char)*s)) {
			b = strtol(s, &end, 10);
			s = end + strspn(end, " ");
		}
		if (b > 59)
			return -1;
		a = a * 60 + b;
	}
	if (*s == 'm' || *s == 'M')	/* "m", "min", "minutes", "Min." */
		s += strcspn(s, " ");
	s += strspn(s, " ");
	if (*s != '\0' || a <= 0 || a > 14 * 24 * 60)
		return -1;
	*minutes = (int)a;
	return 0;
}
