/*
 * zone.h: which time zone a schedule's times are in, never silently assumed.
 *
 * In order: the zone given for the run (--tz, the preview's picker), the conference's
 * <time_zone_name>, the existing event's zone if the file's UTC offsets fit it (a zone picked
 * at the first import stays), the one zone the offsets fit over the conference's dates
 * (tzdata's canonical zones); else the offsets as given, or, when the file has none, UTC with
 * a warning in plain words (run.c writes them).
 */
#ifndef LECTERN_IMPORT_ZONE_H
#define LECTERN_IMPORT_ZONE_H
#include "core/buf.h"
#include "import/import.h"
#include "import/reader.h"

#define ZONE_SEEN	64	/* distinct (day, offset) pairs kept as evidence */

/* The UTC offsets a file shows: of its sessions' <date>s (or, when a <start> disagrees with
 * its <date>'s offset, the wall-clock offset they imply), else of its days' bounds. */
struct zone_evidence {
	long long	 utc[ZONE_SEEN];
	int		 offset[ZONE_SEEN];
	int		 n;
	long long	 day_utc[ZONE_SEEN];
	int		 day_offset[ZONE_SEEN];
	int		 nday;
};

struct zone_choice {
	char			 name[64];	/* the zone times are read in (ZONE_OFFSETS: for
						 * times without an offset, and the event's zone) */
	enum import_zone_from	 from;
	int			 offset;	/* ZONE_OFFSETS: the offset most seen */
	struct buf		 fits;		/* ZONE_OFFSETS: zones the offsets fit, one a line */
	int			 nfits;
};

void	zone_observe_session(struct zone_evidence *, const struct imp_session *);
void	zone_observe_day(struct zone_evidence *, const struct imp_day *);
/* Chooses the zone; option, file and event may be NULL or unknown names (ignored). */
void	zone_choose(struct zone_choice *, const char *option, const char *file, const char *event,
	    const struct zone_evidence *);
void	zone_choice_release(struct zone_choice *);
/* The wall-clock offset that a <start> ("HH:MM[:SS]") implies for the instant utc, when it
 * differs from the written one and is a plausible offset (a quarter hour, within 14 h). */
int	zone_wall_offset(long long utc, int written, const char *start, int *offset);

#endif
