/* org.h: organizations — the list, and an organization's page: figures, sessions, people, milestones. */
#ifndef LECTERN_ORG_H
#define LECTERN_ORG_H
#include "core/request.h"
#include "model/model.h"
#include "model/session.h"

struct org_item {
	const char	*name, *slug, *kind;
	int		 eu_member;
	long long	 keynotes, talks, speakers;
};

/* A page of the list, by name: up to limit items from offset, and how many there are. */
struct org_list {
	struct org_item	*items;
	size_t		 n;
	long long	 total;
};

/* An organization "by the numbers" (the org_figures view). */
struct org_figures {
	long long	 keynotes, talks, speakers, colocated_talks, group_roles, toc_seats,
			 toc_seats_current, projects;
};

struct year_count {
	int		 year;		/* 0: a session without a known year */
	long long	 sessions;
};

/* Someone who spoke for the organization, and in how many sessions. */
struct person_count {
	const char	*name, *slug;
	long long	 sessions;
	size_t		 name_rank;	/* its place when ties go by name */
};

struct project_item {
	const char	*name, *slug, *maturity, *accepted_on;
};

struct org_page {
	long long		 id;
	const char		*name, *slug, *kind, *website, *member_since, *tier;
	const char		*notes;		/* private: staff only */
	int			 eu_member;
	struct org_figures	 fig;
	struct year_count	*years;		/* sessions per year, oldest first */
	size_t			 n_years;
	struct session_item	*sessions;	/* newest first, a page of them */
	size_t			 n_sessions;
	/* The 200 who spoke most for it, most sessions first, ties by who came first;
	 * by_name is the same people with ties by name. */
	struct person_count	*people, **by_name;
	size_t			 n_people;
	struct project_item	*projects;	/* contributed, in the order they were recorded */
	size_t			 n_projects;
};

/* One of the organization's milestones: joining, first session, keynotes, seats, projects. */
struct milestone {
	const char	*date, *what;
	const char	*href;		/* a local path, or NULL */
};

/* Up to limit organizations by name from offset; with speakers, each one's distinct speakers
 * (a count over every appearance: only the HTML list shows it). */
enum model_status	org_list(struct request *, long long offset, int limit, int speakers, struct org_list *);
/* The organization with slug, with up to limit of its sessions from offset. */
enum model_status	org_page(struct request *, const char *slug, long long offset, int limit,
			    struct org_page *);
/* Its milestones, oldest first (at most 100). */
enum model_status	org_milestones(struct request *, long long org, struct milestone **, size_t *n);

#endif
