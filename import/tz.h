/* tz.h: local wall time in an IANA zone to and from UTC, through the C library's zone files. */
#ifndef LECTERN_TZ_H
#define LECTERN_TZ_H
#include <time.h>

#include "core/buf.h"

/* True when zone names a zone the system knows ("Europe/Madrid", "UTC"). */
int	tz_known(const char *zone);
/* The UTC instant of local date "YYYY-MM-DD" and time "HH:MM[:SS]" in zone; 0 or -1. */
int	tz_to_utc(const char *zone, const char *date, const char *hhmm, time_t *out);
/* Writes utc as local time in zone with its offset: "2019-05-22T09:40:00+02:00". */
void	tz_format(const char *zone, time_t utc, char out[32]);
/* Writes utc as local time at a fixed offset (seconds east of UTC), the same way. */
void	tz_format_offset(time_t utc, int offset, char out[32]);
/* The number of the n instants utc[i] at which zone's offset from UTC is offset[i]. */
int	tz_fits(const char *zone, const long long *utc, const int *offset, int n);
/* Calls each with every canonical zone of the system's tzdata (zone1970.tab), which
 * differ from one another somewhere since 1970. */
void	tz_each_canonical(void (*each)(void *arg, const char *zone), void *arg);
/* Appends the zone names people know (zone.tab, one per country and region) and UTC,
 * sorted, one a line. */
void	tz_names(struct buf *out);
/* The name of a zone at a fixed offset ("Etc/GMT-1" is UTC+01:00), or "UTC" when the
 * offset is not a whole number of hours that tzdata names. */
const char *tz_fixed_name(int offset, char out[16]);

#endif
