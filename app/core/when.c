/* when.c: UTC timestamps in local time (see when.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/when.h"

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
