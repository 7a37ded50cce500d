/* search.h: full-text search across sessions, people and organizations, ranked. */
#ifndef LECTERN_SEARCH_H
#define LECTERN_SEARCH_H
#include "core/request.h"
#include "model/model.h"

/* The markers around the words found in label and snippet: control characters that no
 * stored text contains (validators refuse them), so a page can escape the text first and
 * then turn them into <mark> without letting stored text open a tag. */
#define SEARCH_MARK_OPEN	'\x02'
#define SEARCH_MARK_CLOSE	'\x03'

enum search_kind {
	SEARCH_SESSION,
	SEARCH_PERSON,
	SEARCH_ORG,
	SEARCH_KIND__MAX
};

struct search_result {
	enum search_kind	 kind;
	const char		*ref;		/* the session's id, the person's or organization's slug */
	const char		*title;		/* as stored */
	const char		*label;		/* the title with the words found marked */
	const char		*snippet;	/* a marked passage of the abstract or bio, or NULL */
	const char		*extra;		/* a session's event name, an organization's kind, or NULL */
};

/* Up to limit results of fts (an FTS5 query, search_query.h) from offset, best first, within
 * config.search_budget_ms of the worker's CPU time: MODEL_TOO_COSTLY past it. */
enum model_status	search(struct request *, const char *fts, long long offset, int limit,
			    struct search_result **, size_t *n);

#endif
