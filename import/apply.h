/*
 * apply.h: one session of the file into the registry. New under its key: added. Known: each
 * field the source changed since the last import is written, unless it was edited here since
 * (a conflict: kept, and reported); one version step for all of it, so that a form opened
 * before the import is refused as stale. The same values again change nothing.
 */
#ifndef LECTERN_IMPORT_APPLY_H
#define LECTERN_IMPORT_APPLY_H
#include "import/map.h"
#include "import/match.h"

struct apply_in {
	const struct mapped	*m;
	const char		*key;		/* match_session_key's ... */
	long long		 local;		/* ... and the session without a key it names */
	const char		*source_id;	/* the producer's numeric id, or NULL */
	const long long		*people, *orgs;	/* the speakers, in order, each once */
	int			 n;
};

/* 0 or -1 (the run's error is set). */
int	apply_session(struct match *, const struct apply_in *);

#endif
