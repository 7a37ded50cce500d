/*
 * report_tally.h: the report's counts from the organization's credited appearances, read once.
 * The model's own (report.c): each pass of SQL over them costs a lookup of every session (4,500
 * of them for the largest organization of the generated registry), so the report reads them once,
 * from schema/0013's tallies and the appearances' index (report.c's credits_of), and counts here.
 */
#ifndef LECTERN_REPORT_TALLY_H
#define LECTERN_REPORT_TALLY_H
#include "core/request.h"
#include "model/report_rows.h"

/* A person speaking in a session for the organization, as of the report's date. */
struct credit {
	long long	 session, person, event;
	int		 colocated;	/* the event has a parent */
	int		 date;		/* YYYYMMDD of the session (its event's first day without a time) */
	int		 kind;		/* index in core/vocab.h's session kinds; -1 for another */
};

/* What the counts found, and which records the report must name (ids, in req's arena). */
struct tally {
	const struct credit	**by_session, **by_person;	/* the credits in two orders */
	size_t			 n;
	long long		*persons;	/* every distinct speaker, ascending */
	size_t			 n_persons;
	int			*last;		/* each speaker's last session date for the organization */
	long long		*events;	/* co-located events, ascending, with their sessions */
	long long		*event_sessions;
	size_t			 n_events;
	long long		*keynotes;	/* keynote sessions, by date */
	size_t			 n_keynotes;
	long long		 first;		/* the first session, 0 for none */
	/* What the report shows of the counts (in req's arena): */
	struct report_figures	*fig;		/* its session figures, filled in */
	struct report_year	*years;		/* every year of the range */
	size_t			 n_years;
	struct report_person	*people;	/* the REPORT_PEOPLE first, without names or sessions */
	size_t			 n_people;
};

/* Counts the session figures into fig, and years and people's totals into t, and fills t. */
void	tally_count(struct request *, const struct credit *, size_t n, struct report_figures *fig,
	    struct tally *t);
/* The organization's speakers of session, as pointers into the tally's by_session order:
 * *n of them from the returned index. */
size_t	tally_session_speakers(const struct tally *, long long session, size_t *n);
/* A YYYYMMDD date as "YYYY-MM-DD" in req's arena. */
const char *tally_date(struct request *, int date);

#endif
