/* history.h: the audit trail as the history pages list it — who changed which record when, field by field. */
#ifndef LECTERN_HISTORY_H
#define LECTERN_HISTORY_H
#include "core/request.h"
#include "model/model.h"

/* One field a change altered, as people read it: its label, and each value as the page shows it
 * (a select's label, a referenced record's name, a session's speakers by name; "" for none). */
struct field_change {
	const char	*field;		/* the stored key ("org_id") */
	const char	*label;		/* "Organization" */
	const char	*before, *after;
};

struct history_entry {
	long long		 id;
	const char		*at, *who;	/* at: UTC; who: the login, or "(command line)" */
	const char		*kind, *action;
	long long		 record_id;
	const char		*record;	/* the record's name (or title, login) then */
	const char		*href;		/* the page showing it now, NULL when it is gone */
	const char		*into, *into_href;	/* a merge: the survivor's name and page */
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
/* The kind and action of entry id: MODEL_NOT_FOUND when there is none. */
enum model_status	history_entry_kind(struct request *, long long id, const char **kind, const char **action);

#endif
