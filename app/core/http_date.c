/* http_date.c: formatting and reading HTTP dates, always in GMT and in the C locale's names. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/http_date.h"

static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
	"Sep", "Oct", "Nov", "Dec" };

void
http_date_format(time_t t, char out[HTTP_DATE_LEN])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	/* By hand, not strftime: its %a and %b follow the locale. */
	snprintf(out, HTTP_DATE_LEN, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7],
	    tm.tm_mday, months[tm.tm_mon % 12], (tm.tm_year + 1900) % 10000, tm.tm_hour, tm.tm_min,
	    tm.tm_sec);
}

static int
month_of(const char *m)
{
	for (int i = 0; i < 12; i++)
		if (strncmp(m, months[i], 3) == 0)
			return i;
	return -1;
}

int
http_date_parse(const char *s, time_t *t)
{
	struct tm tm;
	char mon[4] = "", wday[10] = "", zone[4] = "", rest;
	int n = -1;

	memset(&tm, 0, sizeof(tm));
	/* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
	if (sscanf(s, "%3[A-Za-z], %2d %3s %4d %2d:%2d:%2d %3s%n", wday, &tm.tm_mday, mon,
	    &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, zone, &n) == 8 && n > 0 && s[n] == '\0')
		;
	/* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
	else if ((n = -1, sscanf(s, "%9[A-Za-z], %2d-%3[A-Za-z]-%2d %2d:%2d:%2d %3s%n", wday,
	    &tm.tm_mday, mon, &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, zone, &n)) == 8 &&
	    n > 0 && s[n] == '\0')
		tm.tm_year += tm.tm_year < 70 ? 2000 : 1900;
	/* asctime: Sun Nov  6 08:49:37 1994 */
	else if ((n = -1, sscanf(s, "%3[A-Za-z] %3[A-Za-z] %2d %2d:%2d:%2d %4d%n%c", wday, mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tm.tm_year, &n, &rest)) == 7 &&
	    n > 0 && s[n] == '\0')
		snprintf(zone, sizeof(zone), "GMT");
	else
		return -1;
	if (strcmp(zone, "GMT") != 0 || (tm.tm_mon = month_of(mon)) < 0 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour < 0 || tm.tm_hour > 23 || tm.tm_min < 0 || tm.tm_min > 59 ||
	    tm.tm_sec < 0 || tm.tm_sec > 60 || tm.tm_year < 1900)
		return -1;
	tm.tm_year -= 1900;
	*t = timegm(&tm);
	return 0;
}
