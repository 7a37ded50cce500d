/* merge.h: two duplicate people or organizations side by side, before one is merged into the other. */
#ifndef LECTERN_MERGE_H
#define LECTERN_MERGE_H
#include "core/request.h"
#include "model/editor.h"
#include "model/model.h"

#define MERGE_SHOWN	20	/* items of a list shown; the total is counted */

/* One thing recorded for a record: a session, a role, an affiliation, an account. */
struct merge_item {
	const char	*text, *href;		/* href: a local path, or NULL */
	const char	*detail;		/* event and date, a title, an account's role */
	const char	*role, *seat_type;	/* a role's codes (vocab.h), or NULL */
	const char	*since, *until;		/* a span, or NULL */
	long long	 total;			/* of the list the item is in */
};

struct merge_list {
	const char		*title;		/* "Sessions", "Logins" */
	struct merge_item	*items;		/* at most MERGE_SHOWN */
	size_t			 n;
	long long		 total;
};

#define MERGE_LISTS	5

/* One of the two records: its fields as its edit form shows them, and what refers to it. */
struct merge_side {
	long long		 id, version;
	const char		*slug, *name;
	struct record_form	 form;
	struct merge_list	 lists[MERGE_LISTS];
	size_t			 n_lists;
};

struct merge_preview {
	const struct record_kind	*k;
	struct merge_side		 a, b;
	long long			 shared;	/* people: sessions both speak in (one appearance goes) */
};

/* What a field's two values are to each other. */
enum merge_field {
	MERGE_SAME,	/* equal, or both empty */
	MERGE_ONLY_A,	/* only a has one: the survivor gets it */
	MERGE_ONLY_B,
	MERGE_BOTH,	/* two different values: staff choose */
};

/* Records a and b (ids) of kind k ("person" or "organization") side by side:
 * MODEL_NOT_FOUND when either is gone, MODEL_INVALID when they are the same record. */
enum model_status	merge_preview(struct request *, const struct record_kind *, long long a, long long b,
			    struct merge_preview *);
/* Field i of the preview's kind. */
enum merge_field	merge_field_state(const struct merge_preview *, size_t i);

#endif
