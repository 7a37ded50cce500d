/*
 * reader.h: what every schedule reader produces, and how the rest of the import takes it.
 *
 * A reader (read_xml.c, read_ics.c for iCalendar and Sched's feed, read_sched_json.c for Sched's
 * API export, read_json.c for schedule.json, read_csv.c for spreadsheets)
 * turns a file into neutral records: the conference, its days, its sessions with their
 * people, and warnings, each with the source line it comes from. It knows the format and
 * nothing else: no database, no time-zone rules, no identity rules. The records go to a
 * sink (run.c), which maps them (map.c), matches them (match.c, apply.c) and stores them
 * (store.c), so that every reader gets the same warnings, identity, preview, run record,
 * undo and "re-import is a no-op" guarantees.
 *
 * Strings in a record are valid UTF-8, trimmed, never empty (absent is NULL), at most
 * IMP_MAX_FIELD bytes (a reader cuts longer ones at a character boundary and warns) and
 * valid only during the callback that receives them.
 */
#ifndef LECTERN_IMPORT_READER_H
#define LECTERN_IMPORT_READER_H
#include <stddef.h>

#include "core/buf.h"

#define IMP_MAX_FIELD	(256 * 1024)	/* bytes of one field a reader keeps */
#define IMP_MAX_PERSONS	64		/* people of one session a reader keeps */

/* One value from the file and the line it was read from (0 when unknown). */
struct imp_text {
	const char	*s;
	int		 line;
};

enum imp_conf_field {
	IMP_C_TITLE, IMP_C_ACRONYM,
	IMP_C_START, IMP_C_END,		/* a date, or a date-time with an offset */
	IMP_C_ZONE,			/* an IANA name ("Europe/Brussels"), as the file says */
	IMP_C_URL,
	IMP_C_DAY_CHANGE,		/* "HH:MM": sessions before it belong to the day before */
	IMP_C_GENERATOR,		/* the producing software ("pretalx", "lectern") */
	IMP_C_SYSTEM,			/* the producing instance (Lectern: its installation id) */
	IMP_C__MAX
};

struct imp_conference {
	struct imp_text	 f[IMP_C__MAX];
	int		 line;
};

struct imp_day {
	struct imp_text	 date;		/* YYYY-MM-DD as the file says */
	struct imp_text	 start, end;	/* date-times with offsets, or NULL */
	int		 line;
};

struct imp_person {
	struct imp_text	 id, guid;	/* the producer's keys, as written (any text) */
	struct imp_text	 name;		/* the name alone ("Name [Org]" already split) */
	struct imp_text	 org;		/* the organization represented, or NULL */
	int		 line;
};

enum imp_field {
	IMP_ID, IMP_GUID,		/* the producer's keys */
	IMP_DAY,			/* the date of the day it is listed under */
	IMP_DATE,			/* the start as a date-time with an offset */
	IMP_START,			/* the start as local wall time, "HH:MM[:SS]" (24:30 allowed) */
	IMP_END,			/* the end as a date-time with an offset, if the format has one */
	IMP_DURATION,			/* "H:MM", "HH:MM:SS", "D:HH:MM" */
	IMP_ROOM, IMP_TITLE, IMP_SUBTITLE, IMP_TRACK, IMP_TYPE,
	IMP_ABSTRACT, IMP_DESCRIPTION,	/* plain text, Markdown or HTML */
	IMP_URL,
	/* What the readers of other formats (iCalendar, Sched, schedule.json, CSV) also say: */
	IMP_ZONE,			/* the IANA zone the file gave this session's times in (a TZID) */
	IMP_STATUS,			/* "cancelled": the file says it will not take place */
	IMP_REVIEW,			/* why staff should look at its speakers, with the raw text */
	IMP_LOGISTICS,			/* "1": a break, meal, registration (--skip-logistics) */
	IMP_REVISION,			/* "SEQUENCE MODIFIED [OCCURRENCE]": the producer's version
					 * (see dedup.h); occurrence: iCalendar's RECURRENCE-ID */
	IMP__FIELDS
};

struct imp_session {
	struct imp_text		 f[IMP__FIELDS];
	const struct imp_person	*persons;
	int			 npersons;
	int			 line;	/* of the session's own element */
};

/* What a sink callback returns: go on, stop reading (not an error), or fail (err says why). */
#define IMP_CONTINUE	0
#define IMP_STOP	1
#define IMP_FAIL	(-1)

/* Where a reader's records go, in file order: the conference first (once, before any day
 * or session, with what the file says, however little), each day before its sessions. */
struct imp_sink {
	void	*arg;
	int	 want_text;	/* 0: the sink needs only the sessions' keys, times and people (a
				 * reader may leave the other fields out) */
	int	(*conference)(void *arg, const struct imp_conference *);
	int	(*day)(void *arg, const struct imp_day *);
	int	(*session)(void *arg, const struct imp_session *);
	/* Something the reader could not use as written and what it did instead; session is the
	 * one it belongs to, if any (its fields read so far). IMP_FAIL stops the reader. */
	int	(*warning)(void *arg, int line, const struct imp_session *, const char *category,
		    const char *text);
	/* A table's columns (CSV), one a line, and the mapping taken ("title=#2\n..."), once,
	 * before the first session. NULL for a sink that does not ask. */
	int	(*columns)(void *arg, const char *columns, const char *mapping);
};

/* The file, on disk or in memory. */
struct imp_source {
	const char	*name;		/* for messages */
	const char	*path;		/* or NULL ... */
	const char	*data;		/* ... and the bytes */
	size_t		 len;
	const char	*map;		/* CSV: the columns asked for ("title=Talk,start=#3"), or NULL */
};

struct imp_reader {
	const char	*format;	/* "schedule.xml" */
	/* True when the first bytes of a file (after a byte-order mark) are this format. */
	int		(*claims)(const char *head, size_t len);
	/* Reads the whole source into sink. 0 when read to the end or stopped by the sink;
	 * -1 when the file is not a schedule of this format or the sink failed, with the
	 * reason in err ("FILE:LINE:COLUMN: reason"; the sink writes its own). A reader may
	 * be run more than once over the same source (run.c reads a file twice). */
	int		(*read)(const struct imp_source *, const struct imp_sink *, struct buf *err);
	const char	*name;		/* for --format: "xml", "ics", "sched-ics", "json"... */
};

extern const struct imp_reader	read_xml;
extern const struct imp_reader	read_ics, read_sched_ics;	/* read_ics.c */
extern const struct imp_reader	read_json;			/* read_json.c: schedule.json */
extern const struct imp_reader	read_sched_json;		/* read_sched_json.c: Sched's API */
extern const struct imp_reader	read_csv;			/* read_csv.c */

#endif
