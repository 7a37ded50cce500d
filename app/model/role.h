/* role.h: a role or seat held in a body, as the person, body and /me pages list them. */
#ifndef LECTERN_ROLE_H
#define LECTERN_ROLE_H

struct role_item {
	long long	 id;
	const char	*person, *person_slug;	/* on a body's page */
	const char	*body, *body_slug;	/* on a person's page */
	const char	*role, *seat_type;	/* seat_type: NULL but for seats */
	const char	*starts_on, *ends_on;	/* ends_on: NULL while held */
	const char	*org, *org_slug;	/* the organization represented, or NULL */
	int		 current;		/* not ended before today */
	size_t		 term_rank;		/* a body's: its place with the current terms first */
};

#endif
