/* stream.h: the stream shared by the export writers (not for pages: they use export.h). */
#ifndef LECTERN_EXPORT_STREAM_H
#define LECTERN_EXPORT_STREAM_H
#include "export/export.h"

#define EXPORT_PIECE	(16 * 1024)	/* export_next returns once a piece is this big */

struct export_stream {
	struct db_conn		*db;
	int			 own_db;
	struct export_filter	 f;
	void			*rows;		/* the model's iterator of the rows (model/speaker_rows.h, schedule_rows.h) */
	const char		*name;		/* the calendar's name (kept by the rows) */
	int			 started, done;
	long long		 n_rows;	/* rows written so far */
	/* Appends the next rows to out: 1 while more follow, 0 when done, -1 on error. */
	int			(*step)(struct export_stream *, struct buf *out);
	/* Frees the rows and what step kept in priv (may be NULL). */
	void			(*release)(struct export_stream *);
	void			*priv;
	struct buf		 scratch;
};

/* Allocates a stream over db (a connection of its own: model/conn.h). */
struct export_stream	*export_stream_new(struct db_conn *db, int own_db, const struct export_filter *);

/*
 * The step of a CSV or JSON list (s->f.format): the opening ('[', or the BOM asked for and the
 * CSV header that header writes), then batches of rows, each written by row, which reads the
 * next one (and in JSON puts a comma before all but the first, s->n_rows): 1 when it wrote
 * one, 0 at the end, -1 on error. Returns as step does.
 */
int	export_list_step(struct export_stream *s, struct buf *out,
	    void (*header)(struct export_stream *, struct buf *),
	    int (*row)(struct export_stream *, struct buf *, int json));

/* A list as a workbook (export_xlsx.c): its columns, each a type, and the reader of its rows. */
#define XLSX_MAX_COLUMNS	16
enum xlsx_type { XLSX_TEXT, XLSX_DATE, XLSX_NUMBER };
struct xlsx_list {
	const char		*sheet;
	size_t			 n;
	const char		*header[XLSX_MAX_COLUMNS];
	enum xlsx_type		 types[XLSX_MAX_COLUMNS];
	double			 widths[XLSX_MAX_COLUMNS];
	/* The next row's n cells (NULL: empty), valid until the next call: 1, 0 at the end, -1. */
	int			(*next)(struct export_stream *, const char **cells);
};

/* Turns a list stream (its rows open, s->release set) into an XLSX file without column hidden
 * (>= l->n: none); l must outlive it. */
struct export_stream	*export_xlsx_new(struct export_stream *s, const struct xlsx_list *l, size_t hidden);

/* Turn a new stream into an iCalendar (export_ics.c) or frab XML (export_schedule.c)
 * export; on error they free s and return NULL. */
struct export_stream	*export_ics_new(struct export_stream *s);
struct export_stream	*export_xml_new(struct export_stream *s);

#endif
