/* parse.h: the small grammars of schedule files: durations, timestamps, "Name [Organisation]". */
#ifndef LECTERN_PARSE_H
#define LECTERN_PARSE_H
#include <stddef.h>
#include <time.h>

#include "core/buf.h"

/*
 * Minutes of a duration: "H:MM", "HH:MM", "HH:MM:SS" (two-digit hours) and pretalx's
 * "D:HH:MM" (a one-digit day count, for sessions of a day or more). 0 or -1.
 */
int	parse_duration(const char *, int *minutes);
/* An ISO 8601 timestamp with an offset ("2019-05-22T09:40:00+02:00", "...Z"): the UTC
 * instant and the offset in seconds. 0, or -1 when it is not one or not a real time. */
int	parse_timestamp(const char *, time_t *utc, int *offset);
/* Splits pretalx's "Name [Organisation]" into name and organisation (org empty when none).
 * Both are trimmed and appended to the buffers. */
void	parse_name_org(const char *, struct buf *name, struct buf *org);
/* The key an organisation's name is matched by: its slug without legal suffixes, so
 * "Spotify AB", "Spotify, Inc." and "spotify" are the same. */
void	org_match_key(const char *name, struct buf *out);

#endif
