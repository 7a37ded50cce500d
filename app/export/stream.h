/* stream.h: the stream shared by the export writers (not for pages: they use export.h). */
#ifndef LECTERN_EXPORT_STREAM_H
#define LECTERN_EXPORT_STREAM_H
#include "export/export.h"

#define EXPORT_PIECE	(16 * 1024)	/* export_next returns once a piece is this big */

struct export_stream {
	sqlite3			*db;
	int			 own_db;
	struct export_filter	 f;
	sqlite3_stmt		*st;		/* the rows; finalized by export_free */
	sqlite3_stmt		*st2;		/* a per-row helper query, or NULL */
	int			 started, done;
	long long		 rows;		/* rows written so far */
	/* Appends the next rows to out: 1 while more follow, 0 when done, -1 on error. */
	int			(*step)(struct export_stream *, struct buf *out);
	/* Frees what step kept in priv (may be NULL). */
	void			(*release)(struct export_stream *);
	void			*priv;
	struct buf		 scratch;
};

/* Allocates a stream over db. Its statements are its own (prepared with
 * export_prepare, not from the db_stmt cache) because another connection
 * served by the same worker thread could reset a cached statement between
 * two pieces. */
struct export_stream	*export_stream_new(sqlite3 *db, int own_db, const struct export_filter *);
/* Prepares sql on the stream's connection; NULL (logged) on error. */
sqlite3_stmt		*export_prepare(struct export_stream *, const char *sql);
/* Binds text (NULL or empty as NULL) to the named parameter if the statement has it. */
void			 export_bind(sqlite3_stmt *, const char *name, const char *value);
void			 export_bind_int(sqlite3_stmt *, const char *name, long long value);
/* Column i as a NUL-terminated string, or NULL for SQL NULL. */
const char		*export_col(sqlite3_stmt *, int i);

/* Turn a new stream into an iCalendar (export_ics.c) or frab XML (export_schedule.c)
 * export; on error they free s and return NULL. */
struct export_stream	*export_ics_new(struct export_stream *s);
struct export_stream	*export_xml_new(struct export_stream *s);

#endif
