/*
 * export.h: speaker and role lists and schedules as CSV, JSON, frab XML and iCalendar, streamed.
 *
 * An export is a stream: export_next() appends the next piece (a batch of rows)
 * to a buffer and appends nothing once the export is complete, so the web
 * routes (req->stream) and the CLI (stdout) share the same code and memory
 * stays flat whatever the size. No HTML here.
 */
#ifndef LECTERN_EXPORT_H
#define LECTERN_EXPORT_H
#include <stdio.h>

#include "core/buf.h"
#include "model/conn.h"

enum export_shape {
	EXPORT_APPEARANCES,	/* one row per speaker x session */
	EXPORT_SPEAKERS,	/* one row per speaker, with a count and titles */
	EXPORT_SHAPE__MAX
};

enum export_format {
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_XML,
	EXPORT_ICS,
	EXPORT_XLSX,		/* speaker and role lists: an Excel workbook */
	EXPORT_FORMAT__MAX
};

/* What to export; a NULL string is no filter. Strings are borrowed, not copied:
 * they must outlive the stream. */
struct export_filter {
	const char		*event;		/* event slug */
	int			 colocated;	/* also the events whose parent is event */
	const char		*org;		/* organization represented */
	const char		*kind;		/* session kind */
	const char		*track;		/* session track */
	const char		*base;		/* "https://host": links to our own pages are absolute; NULL: relative */
	const char		*from, *to;	/* session dates, inclusive, YYYY-MM-DD */
	const char		*body;		/* speakers who held a role in this body */
	const char		*role;		/* ... this role or seat type (roles: this role) */
	const char		*seat_type;	/* roles: this seat type */
	const char		*on;		/* roles: held on this day, YYYY-MM-DD */
	int			 current;	/* roles: held today */
	const char		*person;	/* person slug */
	const char		*match;		/* an FTS5 query (search_fts_query): the search's speakers */
	enum export_shape	 shape;
	enum export_format	 format;
	int			 bom;		/* CSV: start with a UTF-8 byte-order mark */
	int			 include_email;	/* the caller checked the reader is staff */
};

struct export_stream;

/*
 * Starts a speaker list (format EXPORT_CSV or EXPORT_JSON) read on db, a connection of
 * its own (model/conn.h). With own_db the stream closes db when freed. Returns NULL
 * (logged) on error; then db is closed if own_db.
 */
struct export_stream	*export_speakers_new(struct db_conn *db, int own_db,
			    const struct export_filter *);
/*
 * Starts a list of who held which role or seat (format EXPORT_CSV or EXPORT_JSON), filtered by
 * body, role, seat_type, on and current; NULL on error as above.
 */
struct export_stream	*export_roles_new(struct db_conn *db, int own_db, const struct export_filter *);
/*
 * Starts an event's schedule (EXPORT_XML: frab schedule.xml; EXPORT_ICS:
 * iCalendar) or, with f->person and no event, a person's talks as EXPORT_ICS.
 * NULL on error as above.
 */
struct export_stream	*export_schedule_new(struct db_conn *db, int own_db,
			    const struct export_filter *);

/* A stream_fn (http.h): appends the next piece to out; 0 with nothing
 * appended at the end; -1 on a database error (logged). */
int	export_next(void *stream, struct buf *out);
/* Frees a stream (a stream_free for http.h); NULL is fine. */
void	export_free(void *stream);
/* Writes the whole stream to f; 0, or -1 on a database or write error. */
int	export_write(struct export_stream *, FILE *f);

/* iCalendar (export_ics.c): appends the content line "NAME:value" with value
 * escaped as TEXT (\ ; , and newlines), folded at 75 octets with CRLF,
 * never inside a UTF-8 sequence. raw: the value is not escaped (dates, URIs), but
 * control characters are left out of it, so it stays one content line. */
void	ics_line(struct buf *out, const char *name, const char *value, int raw);
/* Appends s escaped as an RFC 5545 TEXT value (no folding). */
void	ics_escape(struct buf *out, const char *s);
/* Appends line (len octets, no CRLF) folded at 75 octets, then CRLF. */
void	ics_fold(struct buf *out, const char *line, size_t len);

#endif
