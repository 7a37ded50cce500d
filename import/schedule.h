/*
 * schedule.h: importing a frab/Pentabarf schedule.xml (pretalx, frab, Pentabarf, wafer...).
 *
 * The file is read with libxml2's streaming reader, so memory does not grow with
 * its size, with the network off, no entity substitution, no DTD loading and a
 * DOCTYPE refused outright. Everything is written in one transaction: on any
 * error nothing is, and the message names file, line, column and reason.
 */
#ifndef LECTERN_SCHEDULE_H
#define LECTERN_SCHEDULE_H
#include <sqlite3.h>

#include "core/buf.h"

struct import_options {
	const char	*file_name;	/* for messages and the run record */
	const char	*event_slug;	/* import into this existing event */
	const char	*tz;		/* the zone when the file names none */
	const char	*user_login;	/* who, for the run record; NULL from the command line */
	int		 dry_run;	/* compute everything, write nothing */
	/* Where the report's lines go as they are made (each ends in "\n"); when NULL the
	 * summary keeps the first thousand, enough for a page, and counts the rest. */
	void		(*report_line)(void *arg, const char *line);
	void		*report_arg;
};

struct import_summary {
	int		 sessions_new, sessions_changed, sessions_unchanged, sessions_cancelled;
	int		 people_new, orgs_new, rooms, review, conflicts;
	long long	 run_id;
	long long	 event_id;
	struct buf	 report;	/* one line per change, conflict or match to review (see report_line) */
};

/* Imports the file at path; 0, or -1 with the reason in err ("FILE:LINE:COLUMN: ...").
 * On success the caller releases the summary; on failure there is none to release. */
int	import_schedule_file(sqlite3 *, const char *path, const struct import_options *,
	    struct import_summary *, struct buf *err);
/* The same for a schedule held in memory (an upload). */
int	import_schedule_memory(sqlite3 *, const char *data, size_t len, const struct import_options *,
	    struct import_summary *, struct buf *err);
void	import_summary_release(struct import_summary *);
/* Undoes import run (undo.c): restores exactly what it changed, in one transaction. Only the
 * latest run of an event can be undone. 0, or -1 with the reason in err. */
int	import_undo(sqlite3 *, long long run, struct buf *err);

#endif
