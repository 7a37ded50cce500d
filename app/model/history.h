/* history.h: the audit trail as the history pages list it — who changed what, field by field. */
#ifndef LECTERN_HISTORY_H
#define LECTERN_HISTORY_H
#include "core/request.h"
#include "model/model.h"

/* One field a change altered: its value before and after ("" for none). */
struct field_change {
	const char	*field, *before, *after;
};

struct history_entry {
	long long		 id;
	const char		*at, *who;	/* who: the login, or "(command line)" */
	const char		*kind, *action;
	long long		 record_id;
	int			 undone;	/* undone by a later entry */
	int			 has_before;	/* there is an earlier state to go back to */
	struct field_change	*changes;
	size_t			 n_changes;
};

/* What to list; NULL or 0 for everything. */
struct history_filter {
	const char	*user, *kind;
	const char	*from, *to;	/* dates, inclusive */
	long long	 record;	/* with kind: one record's history */
};

/* Up to limit entries from offset, newest first. */
enum model_status	history_list(struct request *, const struct history_filter *, long long offset,
			    int limit, struct history_entry **, size_t *n);

#endif
