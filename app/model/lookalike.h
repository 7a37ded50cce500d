/* lookalike.h: the people a new one may duplicate, and a person created from another form. */
#ifndef LECTERN_LOOKALIKE_H
#define LECTERN_LOOKALIKE_H
#include "core/request.h"
#include "model/model.h"

#define LOOKALIKES_MAX	5

/* A person already in Lectern who may be the one being added. */
struct lookalike {
	const char	*name, *slug, *github;
	int		 same_github;	/* the same GitHub handle, not only a name like it */
};

/*
 * The people (LOOKALIKES_MAX at most) with the GitHub handle github (any case), or a name
 * that is name but for case, spacing, the order of its words or a typo or two. MODEL_OK
 * with *n (0: none), or a failure.
 */
enum model_status	person_lookalikes(struct request *, const char *name, const char *github,
			    struct lookalike *out, size_t *n);

struct sqlite3;
/* Inside the caller's transaction (a session's save): a person named name, with a slug of
 * their own and the audit row of a creation; *id gets the new id. */
enum model_status	person_insert(struct sqlite3 *, struct request *, const char *name, long long *id);

#endif
