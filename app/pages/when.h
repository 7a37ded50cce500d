/* when.h: dates and times as people read them ("Wednesday, 22 May 2019", "09:40–09:55", "UTC+02:00"). */
#ifndef LECTERN_WHEN_H
#define LECTERN_WHEN_H
#include <stddef.h>

#include "core/buf.h"

/* "22 May 2019" for "2019-05-22"; anything that is not such a date is written as it is (escaped). */
void	when_date(struct buf *, const char *ymd);
/* "Wednesday, 22 May 2019": the day headings of a schedule. */
void	when_day(struct buf *, const char *ymd);
/* A span of days: "18 Nov 2019" when it is one day, "21–23 May 2019", "30 Apr – 2 May 2019",
 * "30 Dec 2019 – 2 Jan 2020"; NULL ends as "?" and "present". */
void	when_days(struct buf *, const char *from, const char *until);
/* A session's start: "Wednesday, 22 May 2019, 09:40–09:55" (the end when end_hm is not NULL)
 * from a local time with its offset ("2019-05-22T09:40:00+02:00"). */
void	when_session(struct buf *, const char *starts_at, const char *end_hm);
/* The UTC offset of a local time with its offset: "UTC+02:00" ("UTC" for Z or +00:00);
 * nothing when it has none. */
void	when_offset(struct buf *, const char *starts_at);
/* "09:40–09:55", or "09:40" without an end. */
void	when_hours(struct buf *, const char *start_hm, const char *end_hm);

/* Writes utc (YYYY-MM-DDTHH:MM:SSZ) as "2026-12-02 14:05 CET" in the server's zone (TZ, else
 * /etc/localtime) into out; 0, or -1 with utc copied as it is when it is not such a time. */
int	when_local(const char *utc, char *out, size_t size);

/* The same for a time in seconds since the epoch. */
void	when_epoch(long long t, char *out, size_t size);

#endif
