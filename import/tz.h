/* tz.h: local wall time in an IANA zone to and from UTC, through the C library's zone files. */
#ifndef LECTERN_TZ_H
#define LECTERN_TZ_H
#include <time.h>

/* True when zone names a zone the system knows ("Europe/Madrid", "UTC"). */
int	tz_known(const char *zone);
/* The UTC instant of local date "YYYY-MM-DD" and time "HH:MM[:SS]" in zone; 0 or -1. */
int	tz_to_utc(const char *zone, const char *date, const char *hhmm, time_t *out);
/* Writes utc as local time in zone with its offset: "2019-05-22T09:40:00+02:00". */
void	tz_format(const char *zone, time_t utc, char out[32]);

#endif
