/* when.c: dates and times as people read them (see when.h); all text goes through html.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/html.h"
#include "pages/when.h"

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char *const weekdays[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

struct ymd {
	int	y, m, d;
};

/* Reads "YYYY-MM-DD" at the start of s: 0, or -1 when it is not one. */
static int
ymd_read(const char *s, struct ymd *t)
{
	for (int i = 0; i < 10; i++)
		if (s == NULL || (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')))
			return -1;
	t->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	t->m = (s[5] - '0') * 10 + (s[6] - '0');
	t->d = (s[8] - '0') * 10 + (s[9] - '0');
	return t->m >= 1 && t->m <= 12 && t->d >= 1 && t->d <= 31 ? 0 : -1;
}

/* 0 for Monday: days since 1970-01-01 (a Thursday) by the civil calendar's arithmetic. */
static int
weekday(const struct ymd *t)
{
	int y = t->y - (t->m <= 2), era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400, mp = (t->m + 9) % 12;
	int doy = (153 * mp + 2) / 5 + t->d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	long days = (long)era * 146097 + doe - 719468;

	return (int)(((days % 7) + 7 + 3) % 7);
}

void
when_date(struct buf *b, const char *s)
{
	struct ymd t;

	if (ymd_read(s, &t) == -1) {
		html_text(b, s);
		return;
	}
	buf_appendf(b, "%d %s %d", t.d, months[t.m - 1], t.y);
}

void
when_day(struct buf *b, const char *s)
{
	struct ymd t;

	if (ymd_read(s, &t) == -1) {
		html_text(b, s);
		return;
	}
	buf_appendf(b, "%s, %d %s %d", weekdays[weekday(&t)], t.d, months[t.m - 1], t.y);
}

void
when_days(struct buf *b, const char *from, const char *until)
{
	struct ymd a, z;

	if (from == NULL || until == NULL || ymd_read(from, &a) == -1 || ymd_read(until, &z) == -1) {
		if (from)
			when_date(b, from);
		else
			html_lit(b, "?");
		html_lit(b, " \xe2\x80\x93 ");
		if (until)
			when_date(b, until);
		else
			html_lit(b, "present");
		return;
	}
	if (strncmp(from, until, 10) == 0)
		when_date(b, from);
	else if (a.y == z.y && a.m == z.m)
		buf_appendf(b, "%d\xe2\x80\x93%d %s %d", a.d, z.d, months[a.m - 1], a.y);
	else if (a.y == z.y)
		buf_appendf(b, "%d %s \xe2\x80\x93 %d %s %d", a.d, months[a.m - 1], z.d, months[z.m - 1], z.y);
	else {
		when_date(b, from);
		html_lit(b, " \xe2\x80\x93 ");
		when_date(b, until);
	}
}

void
when_hours(struct buf *b, const char *start, const char *end)
{
	html_text(b, start);
	if (end && *end) {
		html_lit(b, "\xe2\x80\x93");
		html_text(b, end);
	}
}

void
when_session(struct buf *b, const char *starts_at, const char *end)
{
	char hm[6] = "";

	when_day(b, starts_at);
	if (starts_at && strlen(starts_at) >= 16 && starts_at[10] == 'T') {
		memcpy(hm, starts_at + 11, 5);
		html_lit(b, ", ");
		when_hours(b, hm, end);
	}
}

void
when_offset(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 19 || s[10] != 'T')
		return;
	if (s[n - 1] == 'Z' || (n >= 6 && strcmp(s + n - 6, "+00:00") == 0)) {
		html_lit(b, "UTC");
		return;
	}
	if (n >= 6 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':') {
		html_lit(b, "UTC");
		html_text(b, s + n - 6);
	}
}

/* --- stored UTC times in the server's local time (history, logins) --- */

void
when_epoch(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL || strftime(out, size, "%Y-%m-%d %H:%M %Z", &tm) == 0)
		snprintf(out, size, "%lld", t);
}

int
when_local(const char *utc, char *out, size_t size)
{
	struct tm tm;
	time_t t;
	const char *end;

	memset(&tm, 0, sizeof(tm));
	if (utc == NULL || (end = strptime(utc, "%Y-%m-%dT%H:%M:%S", &tm)) == NULL || (*end != 'Z' && *end != '\0') ||
	    (t = timegm(&tm)) == (time_t)-1) {
		snprintf(out, size, "%s", utc ? utc : "");
		return -1;
	}
	when_epoch((long long)t, out, size);
	return 0;
}
