/*
 * lines.h: a schedule file, on disk or in memory, read in pieces that end at line ends, with the
 * number of the line each piece is on. The readers that feed a library bytes at a time (JSON,
 * CSV, iCalendar) use it to know the line a value comes from; memory holds one chunk at most.
 */
#ifndef LECTERN_IMPORT_LINES_H
#define LECTERN_IMPORT_LINES_H
#include <stdio.h>

#include "core/buf.h"
#include "import/reader.h"

#define LINES_CHUNK	65536	/* bytes read from a file at a time, and the longest piece */

struct lines {
	const struct imp_source	*src;
	FILE			*f;
	const char		*data;		/* the bytes the next pieces come from ... */
	size_t			 len, pos;	/* ... (all of a memory source, or a file's chunk) */
	char			*chunk;
	int			 line;		/* the line the next piece starts on */
	int			 bom_checked;
	long long		 total;		/* bytes handed out */
};

/* Opens src; 0, or -1 with "NAME: cannot read the file" in err. */
int	lines_open(struct lines *, const struct imp_source *, struct buf *err);
/* The next piece: at most max bytes (up to LINES_CHUNK), ending with the first '\n' when
 * there is one within them; *line is its line. A byte-order mark at the start is skipped.
 * Returns the piece's length, 0 at the end of the file, -1 on a read error. */
long	lines_next(struct lines *, const char **piece, size_t max, int *line);
void	lines_close(struct lines *);

#endif
