/*
 * report_rows.h: the rows of an organization's report that its counts fill in (model/report_tally.c)
 * and its pages show (model/report.h has the rest of the report): types only, so that the counting
 * and the report read them without including each other.
 */
#ifndef LECTERN_REPORT_ROWS_H
#define LECTERN_REPORT_ROWS_H
#include <stddef.h>

#include "core/vocab.h"

/* The session kinds (core/vocab.h), counted apart in each year. */
#define REPORT_KIND_COUNT_(code, label)	+1
enum { REPORT_KINDS = 0 TERMS_SESSION_KIND(REPORT_KIND_COUNT_) };
#define REPORT_KEYNOTE	0	/* "keynote" is the vocabulary's first kind */

/* The numbers: sessions credited to the organization (scheduled, up to as_of), terms held, projects. */
struct report_figures {
	long long	 keynotes, talks;	/* talks: every kind but keynotes */
	long long	 speakers;		/* distinct people who spoke for it */
	long long	 colocated_talks, colocated_events;
	long long	 seats_current, seats_past;	/* TOC and Governing Board */
	long long	 roles_current, roles_past;	/* SIGs, TAGs, working groups... */
	long long	 projects;
};

/* One year of the range from the first session's year to the last one's, zeros included. */
struct report_year {
	int		 year;
	long long	 sessions, speakers;
	long long	 by_kind[REPORT_KINDS];	/* in core/vocab.h's order of kinds */
};

struct report_session {
	long long	 id;
	const char	*title, *kind, *date, *event, *event_slug;
	const char	*speakers;	/* the organization's speakers in it, by name, ", " between */
};

struct report_person {
	long long		 id;
	const char		*name, *slug;
	long long		 sessions, keynotes;
	long long		 notable_id[2];	/* keynotes first, then the newest */
	struct report_session	*notable[2];	/* those sessions (NULL until found) */
	size_t			 n_notable;
};

#define REPORT_PEOPLE	30	/* people listed with their sessions */

#endif
