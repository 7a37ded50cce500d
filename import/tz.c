/*
 * tz.c: time-zone arithmetic with the C library. It sets TZ, which is
 * process-wide, so every call holds one lock; nothing else in Lectern uses
 * local time (logs and timestamps are UTC), so TZ is left as the last zone.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/tz.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static char current[128];	/* the zone TZ is set to, under lock */

/* Runs with TZ = zone. TZ stays set after: switching costs a read of the zone file,
 * and an import asks thousands of times for the same zone. */
static char *
enter(const char *zone)
{
	pthread_mutex_lock(&lock);
	if (strcmp(current, zone) != 0) {
		snprintf(current, sizeof(current), "%s", zone);
		setenv("TZ", zone, 1);
		tzset();
	}
	return NULL;
}

static void
leave(char *saved)
{
	(void)saved;
	pthread_mutex_unlock(&lock);
}

int
tz_known(const char *zone)
{
	char path[512];

	if (zone == NULL || *zone == '\0' || strstr(zone, "..") || zone[0] == '/')
		return 0;
	if (strcmp(zone, "UTC") == 0)
		return 1;
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", zone);
	return access(path, R_OK) == 0;
}

int
tz_to_utc(const char *zone, const char *date, const char *hhmm, time_t *out)
{
	struct tm tm;
	int y, mo, d, h, mi, s = 0;
	char *saved;
	time_t t;

	if (sscanf(date, "%4d-%2d-%2d", &y, &mo, &d) != 3 ||
	    sscanf(hhmm, "%2d:%2d:%2d", &h, &mi, &s) < 2 || h > 47 || mi > 59 || s > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;	/* 24:30 and later roll into the next day, as late sessions do */
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	saved = enter(zone);
	t = mktime(&tm);
	leave(saved);
	if (t == (time_t)-1)
		return -1;
	*out = t;
	return 0;
}

void
tz_format(const char *zone, time_t utc, char out[32])
{
	struct tm tm;
	char *saved = enter(zone);
	int off, year;

	localtime_r(&utc, &tm);
	off = (int)tm.tm_gmtoff;
	leave(saved);
	year = tm.tm_year + 1900;
	if (year < 0 || year > 9999)
		year = 0;
	off = off < 0 ? -off : off;
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year % 10000,
	    (tm.tm_mon + 1) % 100, tm.tm_mday % 100, tm.tm_hour % 100, tm.tm_min % 100, tm.tm_sec % 100,
	    tm.tm_gmtoff < 0 ? '-' : '+', off / 3600 % 100, off % 3600 / 60);
}
