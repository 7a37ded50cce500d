/* when.h: a stored UTC time ("2026-12-02T13:05:00Z") as people read it, in this server's local time. */
#ifndef LECTERN_WHEN_H
#define LECTERN_WHEN_H
#include <stddef.h>

/* Writes utc (YYYY-MM-DDTHH:MM:SSZ) as "2026-12-02 14:05 CET" in the server's zone (TZ, else
 * /etc/localtime) into out; 0, or -1 with utc copied as it is when it is not such a time. */
int	when_local(const char *utc, char *out, size_t size);

/* The same for a time in seconds since the epoch. */
void	when_epoch(long long t, char *out, size_t size);

#endif
