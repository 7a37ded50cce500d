/* speaker_rows.h: the rows of a speaker list — per appearance or per speaker — read one at a time (streamed). */
#ifndef LECTERN_SPEAKER_ROWS_H
#define LECTERN_SPEAKER_ROWS_H
#include "model/conn.h"

/* Which speakers: a NULL string is no filter. */
struct speaker_query {
	const char	*event;		/* event slug */
	int		 colocated;	/* also the events whose parent is event */
	const char	*org;		/* organization represented */
	const char	*kind;		/* session kind */
	const char	*track;		/* session track */
	const char	*base;		/* prefix of the links to our own session pages ("https://host"; NULL: none) */
	const char	*from, *to;	/* session dates, inclusive, YYYY-MM-DD */
	const char	*body;		/* speakers who held a role in this body */
	const char	*role;		/* ... this role or seat type */
	const char	*person;	/* person slug */
	const char	*match;		/* an FTS5 query: the search's speakers */
	int		 per_speaker;	/* one row per speaker rather than per appearance */
	int		 include_email;	/* the caller checked the reader is staff */
};

/* A row: name to github in both shapes, then the shape's own. Strings are valid until the
 * next row; email is NULL unless the query includes it. */
struct speaker_row {
	const char	*name, *organization, *current_organization, *email, *github;
	/* per appearance (organization: the one represented then) */
	const char	*event, *session, *kind, *date, *role, *url;
	/* per speaker (organizations: every one represented, "; ") */
	const char	*organizations;
	long long	 sessions;
	const char	*titles;
};

struct speaker_rows;

/* Starts the list on c (which must outlive it); NULL (logged) on error. */
struct speaker_rows	*speaker_rows_open(struct db_conn *c, const struct speaker_query *);
/* The next row: 1, 0 at the end, -1 on a database error (logged). */
int			 speaker_rows_next(struct speaker_rows *, struct speaker_row *);
void			 speaker_rows_close(struct speaker_rows *);

#endif
