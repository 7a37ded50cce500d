/* overview.h: the home page's view of the whole record — totals, latest events, the most active organizations. */
#ifndef LECTERN_OVERVIEW_H
#define LECTERN_OVERVIEW_H
#include "core/request.h"
#include "model/model.h"

struct totals {
	long long	 organizations, people, events;
	long long	 sessions, keynotes;	/* scheduled ones */
	long long	 current_roles;
};

struct latest_event {
	const char	*name, *slug, *starts_on;
};

struct org_count {
	const char	*name, *slug;
	long long	 sessions;
};

struct overview {
	struct totals		 totals;
	struct latest_event	*latest;	/* the five latest main events */
	size_t			 n_latest;
	/* The twelve months counted: up to today, or, in a record with no event that recent,
	 * up to its latest event (to_now is 0 then). */
	const char		*from, *to;
	int			 to_now;
	struct org_count	*top;		/* the ten with most sessions in those months */
	size_t			 n_top;
};

enum model_status	overview(struct request *, struct overview *);

#endif
