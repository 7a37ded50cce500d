/*
 * ics_read.h: what the iCalendar reader's two files share (read_ics.c reads the lines, the
 * calendar and its events; ics_values.c a property's text and times): the reader's state and
 * the value readers. Only those two include it.
 */
#ifndef LECTERN_ICS_READ_H
#define LECTERN_ICS_READ_H
#include <libical/ical.h>

#include "import/ics_lines.h"
#include "import/reader.h"
#include "import/record.h"
#include "import/wall.h"


#define MAX_DEPTH		8			/* components within components */
#define MAX_EVENT_LINES		20000			/* content lines of one component */
#define MAX_EVENT_BYTES		(8 * 1024 * 1024)	/* bytes of one component */
#define MAX_ZONES		100			/* VTIMEZONEs kept */
#define MAX_CATEGORIES		16
#define MAX_CALENDAR_LINES	10000			/* lines of the calendar outside its components */

struct zone_def {
	char		*tzid;
	icaltimezone	*zone;
	char		 iana[64];	/* "" when it names no zone the system knows */
};

/* The properties whose lines warnings name. */
enum { PL_DTSTART, PL_DTEND, PL_SUMMARY, PL_DESCRIPTION, PL_URL, PL_RRULE, PL__MAX };

struct ir {
	struct rd		 rd;
	struct ics_lines	 il;
	size_t			 off;		/* of il.phys handed to libical */
	int			 piece_line;	/* the line of the last piece handed to libical */
	int			 eof;
	icalparser		*parser;
	/* The components open, as BEGIN named them. */
	char			 open[MAX_DEPTH][24];
	int			 open_line[MAX_DEPTH];
	int			 depth;
	long			 comp_lines;
	size_t			 comp_bytes;
	int			 prop_line[PL__MAX];
	struct zone_def		 zones[MAX_ZONES];
	int			 nzones, zones_left_out;
	long			 calendar_lines;
	/* The calendar. */
	int			 sched;		/* Sched's dialect: forced, PRODID or event URLs */
	struct rec_conf		 conf;
	char			*prodid;
	int			 conf_sent, calendars, events, unnamed;
	char			 day[11];	/* the date of the last day sent */
	struct rec		 rec;
};

/* One DTSTART or DTEND as the file gives it. */
struct when {
	int		 set, is_date, floating;
	struct wall	 wall;		/* the date and time as written */
	char		 iso[32];	/* the instant with its offset (not floating) */
	char		 zone[64];	/* the IANA zone it was given in, or "" */
};

/* The session being read, for warnings (NULL between sessions). */
static inline const struct imp_session *
ics_cur(struct ir *ir)
{
	return ir->rec.s.line ? rec_session(&ir->rec) : NULL;
}

/* The value of parameter name ("CHARSET") into out, or NULL. */
const char	*ics_param(icalproperty *p, const char *name, char out[64]);
/* A property's value as libical holds it (text, X-, URI or as written), or NULL. */
const char	*ics_raw_value(icalproperty *p);
/* A property's text as UTF-8 in out (quoted-printable decoded, CHARSET converted); NULL, with
 * a warning naming what and line, when it cannot be read. */
const char	*ics_text_of(struct ir *ir, icalproperty *p, const char *what, int line, struct buf *out);
/* The text of c's first property of kind (x: an X- property of that name). */
const char	*ics_prop_text(struct ir *ir, icalcomponent *c, icalproperty_kind kind, const char *x,
		    int line, struct buf *out);
/* Keeps a VTIMEZONE (c is the reader's from here) for the TZIDs that name it, up to MAX_ZONES. */
void		 ics_keep_zone(struct ir *ir, icalcomponent *c);
/* DTSTART or DTEND (p) into w: UTC, a TZID (a known name or the file's VTIMEZONE) or floating,
 * with a warning when a TZID names nothing known. 0, or -1 when the sink said stop. */
int		 ics_when_of(struct ir *ir, icalproperty *p, int line, struct when *w);

#endif
