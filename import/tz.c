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

#include "core/mem.h"
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

void
tz_format_offset(time_t utc, int offset, char out[32])
{
	time_t local = utc + offset;
	struct tm tm;
	int off = offset < 0 ? -offset : offset;

	gmtime_r(&local, &tm);
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", (tm.tm_year + 1900) % 10000,
	    (tm.tm_mon + 1) % 100, tm.tm_mday % 100, tm.tm_hour % 100, tm.tm_min % 100, tm.tm_sec % 100,
	    offset < 0 ? '-' : '+', off / 3600 % 100, off % 3600 / 60);
}

int
tz_fits(const char *zone, const long long *utc, const int *offset, int n)
{
	char *saved;
	int fits = 0;

	if (!tz_known(zone))
		return 0;
	saved = enter(zone);
	for (int i = 0; i < n; i++) {
		time_t t = (time_t)utc[i];
		struct tm tm;

		localtime_r(&t, &tm);
		fits += tm.tm_gmtoff == offset[i];
	}
	leave(saved);
	return fits;
}

/* Calls each with the third column of every line of a tzdata table. */
static void
each_in_table(const char *table, void (*each)(void *, const char *), void *arg)
{
	char path[128], line[512];
	FILE *f;

	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", table);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *zone;

		if (line[0] == '#' || (zone = strchr(line, '\t')) == NULL ||
		    (zone = strchr(zone + 1, '\t')) == NULL)
			continue;
		zone[1 + strcspn(zone + 1, "\t\n")] = '\0';
		each(arg, zone + 1);
	}
	fclose(f);
}

void
tz_each_canonical(void (*each)(void *, const char *), void *arg)
{
	each_in_table("zone1970.tab", each, arg);
}

struct names {
	char	**v;
	size_t	  n;
};

static void
name_add(void *arg, const char *zone)
{
	struct names *names = arg;

	if (names->n % 64 == 0)
		names->v = xrealloc(names->v, (names->n + 64) * sizeof(*names->v));
	names->v[names->n++] = xstrdup(zone);
}

/* An insertion sort of a few hundred names: glibc's qsort() asks the kernel for the memory
 * size (sysinfo), which the server's seccomp filter rightly refuses. */
static void
names_sort(struct names *names)
{
	for (size_t i = 1; i < names->n; i++) {
		char *v = names->v[i];
		size_t j = i;

		for (; j > 0 && strcmp(names->v[j - 1], v) > 0; j--)
			names->v[j] = names->v[j - 1];
		names->v[j] = v;
	}
}

void
tz_names(struct buf *out)
{
	struct names names = { NULL, 0 };

	each_in_table("zone.tab", name_add, &names);
	name_add(&names, "UTC");
	names_sort(&names);
	for (size_t i = 0; i < names.n; i++) {
		buf_appendf(out, "%s\n", names.v[i]);
		free(names.v[i]);
	}
	free(names.v);
}

const char *
tz_fixed_name(int offset, char out[16])
{
	/* tzdata's Etc zones run from UTC-12 (Etc/GMT+12) to UTC+14 (Etc/GMT-14), signs
	 * inverted as POSIX has them. */
	if (offset == 0 || offset % 3600 != 0 || offset < -12 * 3600 || offset > 14 * 3600)
		snprintf(out, 16, "UTC");
	else
		snprintf(out, 16, "Etc/GMT%c%d", offset > 0 ? '-' : '+', abs(offset) / 3600);
	return out;
}
