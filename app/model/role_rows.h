/* role_rows.h: the rows of a list of who held which role or seat, read one at a time (streamed). */
#ifndef LECTERN_ROLE_ROWS_H
#define LECTERN_ROLE_ROWS_H
#include "model/conn.h"

/* Which terms: a NULL string is no filter. */
struct role_query {
	const char	*body;		/* body slug */
	const char	*role;		/* a role (chair, seat...) */
	const char	*seat_type;	/* a seat type (toc, gb...) */
	const char	*on;		/* held on this day, YYYY-MM-DD (both ends inclusive) */
	int		 current;	/* held today */
};

/* A term. Strings are valid until the next row; seat_type, organization (represented then),
 * ends_on (still held), current_organization and github may be NULL. */
struct role_row {
	const char	*person, *github, *body, *role, *seat_type, *organization;
	const char	*starts_on, *ends_on, *current_organization;
};

struct role_rows;

/* Starts the list on c (which must outlive it); NULL (logged) on error. */
struct role_rows	*role_rows_open(struct db_conn *c, const struct role_query *);
/* The next row: 1, 0 at the end, -1 on a database error (logged). */
int			 role_rows_next(struct role_rows *, struct role_row *);
void			 role_rows_close(struct role_rows *);

#endif
