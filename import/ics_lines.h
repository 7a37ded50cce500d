/*
 * ics_lines.h: an iCalendar file's physical lines as libical's parser wants them (read_ics.c
 * feeds it): line ends made "\n" whatever they were (CRLF, LF, CR CR LF), a vCalendar 1.0
 * quoted-printable soft line break ("=" at the end of a line of an ENCODING=QUOTED-PRINTABLE
 * property) turned into an ordinary fold, so that unfolding joins the value back. Refused,
 * with the line: a NUL byte, a line or a folded content line over ICS_MAX_LINE.
 */
#ifndef LECTERN_IMPORT_ICS_LINES_H
#define LECTERN_IMPORT_ICS_LINES_H
#include "import/lines.h"

#define ICS_MAX_LINE	(1024 * 1024)	/* bytes of one content line, folded or not */

struct ics_lines {
	struct lines	 l;
	const char	*name;
	struct buf	*err;
	struct buf	 phys;		/* the current physical line, ending in "\n" */
	int		 line;		/* its number */
	int		 qp;		/* the content line it belongs to is quoted-printable */
	int		 qp_next;	/* the next physical line continues a soft break */
	size_t		 content;	/* bytes of the content line so far ... */
	int		 content_line;	/* ... which began on this line */
};

int	ics_lines_open(struct ics_lines *, const struct imp_source *, struct buf *err);
/* Makes the next physical line current: 1, 0 at the end, -1 refused (the reason in err). */
int	ics_lines_next(struct ics_lines *);
void	ics_lines_close(struct ics_lines *);

#endif
