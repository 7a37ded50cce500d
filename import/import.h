/*
 * import.h: bringing schedules into the registry. The one header the pages and the command
 * line use; the stages behind it are read_xml.c (the reader), map.c and zone.c (what the
 * file's values mean), match.c and apply.c (who and which session they are), store.c (the
 * only file here that writes) and undo.c.
 *
 * Lenient per session, strict per file: the file is refused only when it is not a schedule
 * (not XML, broken or hostile XML, another root, another format); every session that can be
 * understood is imported, and what could not be used is left out or empty with a warning
 * that names the session, the line and what was done. One transaction per file: on a refusal
 * nothing is written. Importing the same file again changes nothing.
 */
#ifndef LECTERN_IMPORT_H
#define LECTERN_IMPORT_H
#include <stddef.h>

#include "core/buf.h"

struct sqlite3;
struct request;

/* One thing the file said that could not be used as written, and what was done instead. */
struct import_warning {
	int		 line;		/* the line of the element at fault; 0: the whole file */
	const char	*category;	/* a static word the preview groups by: "time", "duration" ... */
	char		*event;		/* the session it concerns ("\"Title\" (guid G, id I)"), or NULL */
	char		*text;		/* "duration 00:00: left empty" */
};

/* How the zone the times were read in was chosen (import_summary.zone_from). */
enum import_zone_from {
	ZONE_OPTION,		/* --tz, or the zone picked in the preview */
	ZONE_FILE,		/* the conference's <time_zone_name> */
	ZONE_EVENT,		/* the existing event's zone */
	ZONE_INFERRED,		/* the only zone the file's offsets fit */
	ZONE_OFFSETS,		/* offsets as given: several zones fit them, or none */
	ZONE_ASSUMED		/* nothing said where the conference is: UTC, with a warning */
};

struct import_options {
	const char	*file_name;	/* for messages and the run record */
	const char	*event_slug;	/* import into this existing event */
	const char	*tz;		/* the conference's zone, over anything the file says */
	const char	*user_login;	/* who, for the run record; NULL from the command line */
	int		 dry_run;	/* compute everything, write nothing (no write lock taken) */
	int		 strict;	/* a warning refuses the file */
	/* Where the report's lines (each ends in "\n") and the warnings go as they are made;
	 * when NULL the summary keeps the first IMPORT_KEPT of each and counts the rest. */
	void		(*report_line)(void *arg, const char *line);
	void		(*warning)(void *arg, const struct import_warning *);
	void		*report_arg;
	const char	*format;	/* a reader's name ("ics", "csv"...; import_formats) over the
					 * format the content looks like; NULL: as it looks */
	const char	*map;		/* CSV: columns for fields ("title=Talk,start=#3"), or NULL */
	int		 skip_logistics; /* leave out breaks, meals, registration (Sched, iCalendar) */
	/* Governance files (gov_run.c): the date the file was true, "YYYY-MM-DD" (NULL: today),
	 * and whether appearances without an organization are credited from the affiliations. */
	const char	*as_of;
	int		 recredit;
	/* When set, a CSV's columns and the mapping taken (as in import_summary) are appended
	 * here even when the file is refused, so that a form can ask which column is which. */
	struct buf	*columns_out, *mapping_out;
};

#define IMPORT_KEPT	1000

/* What a governance file's run did (import_summary.gov): bodies, terms of roles and seats,
 * affiliations, and the appearances credited from them. */
struct import_gov_counts {
	int	bodies_new, bodies_changed;
	int	terms_opened, terms_continued, terms_changed, terms_closed;
	int	affiliations_new, affiliations_replaced, affiliations_unchanged;
	int	appearances_credited;
	int	left_out;	/* people or spans left out: robots, "Independent", unknown */
};

struct import_summary {
	int			 sessions_new, sessions_changed, sessions_unchanged, sessions_cancelled;
	int			 people_new, orgs_new, rooms, review, conflicts, warnings;
	long long		 run_id;	/* 0 for a dry run */
	long long		 event_id;	/* < 0 for an event a dry run would create */
	const char		*format;	/* "schedule.xml" */
	char			 zone[64];	/* the zone the times were read in */
	enum import_zone_from	 zone_from;
	struct buf		 zone_fits;	/* zones the file's offsets fit, one a line (ZONE_OFFSETS) */
	struct buf		 report;	/* one line per change, conflict or match to review */
	struct import_warning	*warning;	/* the first IMPORT_KEPT warnings (see warning) */
	int			 nwarning;
	int			 skipped;	/* left out: logistics (skip_logistics), older copies */
	struct buf		 columns;	/* CSV: the file's columns, one a line ("" otherwise) */
	struct buf		 mapping;	/* CSV: the columns taken, "field=#N" a line */
	/* A governance file (sigs.yaml, tags.yaml, the TOC's README.md, gitdm): */
	int			 governance;
	struct import_gov_counts gov;
	const char		*scope;		/* the records' source ("k8s-sigs", static) */
	char			 as_of[11];	/* the date the run took the file as true */
};

/* Imports the file at path; 0, or -1 with the reason in err ("FILE:LINE:COLUMN: ..."). On
 * success the caller releases the summary; on failure there is none to release. */
int	import_file(struct sqlite3 *, const char *path, const struct import_options *,
	    struct import_summary *, struct buf *err);
/* The same for a file held in memory (an upload). */
int	import_memory(struct sqlite3 *, const char *data, size_t len, const struct import_options *,
	    struct import_summary *, struct buf *err);
void	import_summary_release(struct import_summary *);

/* What the first bytes of a file look like: the format a reader takes ("schedule.xml"), or
 * NULL with a sentence for the user in why ("this is an iCalendar file, ..."). */
const char	*import_sniff(const char *head, size_t len, const char **why);
/* The names import_options.format takes, "|"-separated ("xml|ics|..."), and whether name is one. */
const char	*import_formats(void);
int		 import_format_known(const char *name);
/* The fields a CSV column can be mapped to, "|"-separated, in the order the preview lists them. */
const char	*import_csv_fields(void);

/*
 * Undoes import run (undo.c), the latest of its event, in one transaction. What the run
 * created is deleted and what it changed is put back, except sessions edited since the
 * import, which are kept and listed in kept (one line each). Every deletion and restoration
 * is written to the history (/history), by req's user (NULL: the command line), so it can be
 * restored. 0, or -1 with the reason in err.
 */
int	import_undo(struct sqlite3 *, long long run, struct request *req, struct buf *kept,
	    struct buf *err);

/* Appends zone names the system knows, one a line, sorted ("Africa/Abidjan\n..."): for a picker. */
void	import_zone_names(struct buf *out);
/* True when zone names a time zone the system knows. */
int	import_zone_known(const char *zone);

#endif
