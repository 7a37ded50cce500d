/*
 * report.h: an organization's End User Journey report — its numbers, a timeline, the charts' series,
 * its people — as the records say, or as they said on a date (as_of). One call, report_page(), feeds
 * the page (/orgs/{slug}/report), its JSON and `lectern report`.
 */
#ifndef LECTERN_REPORT_H
#define LECTERN_REPORT_H
#include "core/request.h"
#include "model/model.h"
#include "model/report_rows.h"

/* A co-located event the organization spoke at (an event with a parent). */
struct report_event {
	long long	 id;
	const char	*name, *slug, *series;	/* series: its series, or its name without one */
	const char	*starts_on;
	long long	 sessions;
};

/* A role or seat held for the organization. ends_on is NULL while it is held (as of the date). */
struct report_term {
	const char	*person, *person_slug, *body, *body_slug, *body_kind, *role, *seat_type;
	const char	*starts_on, *ends_on;
	int		 current, seat;	/* seat: on the TOC or the Governing Board */
};

struct report_project {
	const char	*name, *slug, *url, *maturity;	/* maturity as of the date */
	const char	*accepted_on, *incubating_on, *graduated_on;	/* NULL after the date */
};

/* Someone who spoke for the organization and, after their last session for it, for another. */
struct report_mover {
	long long	 id;
	const char	*name, *slug, *org, *org_slug, *date;
};

enum moment_kind {
	MOMENT_JOINED,		/* joined the End User Community */
	MOMENT_FIRST_SESSION,	/* its first session (and first keynote, when it was one) */
	MOMENT_FIRST_KEYNOTE,
	MOMENT_KEYNOTE,
	MOMENT_TERM_START,
	MOMENT_TERM_END,
	MOMENT_PROJECT_ACCEPTED,
	MOMENT_PROJECT_INCUBATING,
	MOMENT_PROJECT_GRADUATED,
	MOMENT__MAX
};

/* A fact of the timeline, with what it is about: a session, a term or a project. */
struct report_moment {
	const char			*date;
	enum moment_kind		 what;
	const struct report_session	*session;
	const struct report_term	*term;
	const struct report_project	*project;
};

#define REPORT_MOMENTS	60	/* facts on the timeline at most */
#define REPORT_MOVERS	12

struct org_report {
	long long		 org_id;
	const char		*name, *slug, *kind, *website;
	int			 member;	/* of the End User Community (as of the date) */
	const char		*member_since;	/* NULL when unknown or not a member (yet) */
	const char		*as_of;		/* NULL: as the records say today */
	/* What staff wrote (the reports table); report_id 0 when there is none. */
	long long		 report_id, version;
	const char		*intro, *quotes;
	int			 round_talks;
	struct report_figures	 fig;
	struct report_year	*years;
	size_t			 n_years;
	struct report_event	*events;	/* by series, then date */
	size_t			 n_events;
	struct report_term	*terms;		/* seats first; current first; then by start */
	size_t			 n_terms;
	struct report_project	*projects;	/* by date accepted */
	size_t			 n_projects;
	struct report_person	*people;	/* most keynotes, then most sessions */
	size_t			 n_people;
	struct report_mover	*movers;
	size_t			 n_movers;
	long long		 movers_total;
	struct report_moment	*moments;	/* in date order */
	size_t			 n_moments;
	long long		 moments_total;	/* before the cut at REPORT_MOMENTS */
};

/* The report of the organization with slug, as of as_of (YYYY-MM-DD, already valid) or today
 * (NULL): MODEL_OK with r filled in (in req's arena), MODEL_NOT_FOUND, or a failure. */
enum model_status	report_page(struct request *, const char *slug, const char *as_of, struct org_report *r);

#endif
