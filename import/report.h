/* report.h: what an import run tells: its report lines, its warnings, its one error. */
#ifndef LECTERN_IMPORT_REPORT_H
#define LECTERN_IMPORT_REPORT_H
#include "import/import.h"

struct report {
	const struct import_options	*opt;
	struct import_summary		*sum;
	struct buf			*err;
	int				 lines;		/* report lines made */
	int				 failed;	/* err holds the reason */
};

/* One line of the report (a change, a conflict, a match to review), "\n" added. */
void	report_line(struct report *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A warning about the element at line, about event (its name, or NULL). 0, or -1 when the
 * run is strict: the warning is then the run's error. */
int	report_warn(struct report *, int line, const char *event, const char *category,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The run's error ("FILE:LINE: reason"; the first one counts); always -1. */
int	report_fail(struct report *, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* How a session is named in messages: "\"Title\" (guid G, id I)". */
void	report_event_name(struct buf *, const char *title, const char *guid, const char *id);
/* Closes the kept lines ("... and N more lines"); the closing lines after it are kept. */
void	report_end(struct report *);
/* Frees the kept warnings. */
void	report_warnings_free(struct import_summary *);

#endif
