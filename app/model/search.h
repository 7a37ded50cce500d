/* search.h: full-text search across sessions, people, organizations, events, bodies and projects. */
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
	SEARCH_EVENT,
	SEARCH_BODY,
	SEARCH_PROJECT,
	SEARCH_KIND__MAX
};

/* "session", "person", "organization", "event", "body", "project"; and back (-1: none). */
extern const char *const search_kind_codes[SEARCH_KIND__MAX];
int			 search_kind_of(const char *code);

struct search_result {
	enum search_kind	 kind;
	const char		*ref;		/* the session's id, or the record's slug (a project's: its
						 * organization's, NULL when it has none) */
	const char		*title;		/* as stored */
	const char		*label;		/* the title with the words found marked */
	const char		*snippet;	/* a marked passage of the text, or NULL */
	const char		*extra;		/* a session's event, an event's first day, an organization's
						 * or body's kind, a project's organization; or NULL */
};

/* A word typed that no index knows, and the known words searched with it. */
struct search_fix {
	const char	*typed;
	const char	*words[4];	/* NULL-ended */
};

struct search_page {
	long long		 counts[SEARCH_KIND__MAX];	/* matches of each kind */
	long long		 total;
	struct search_result	*results;	/* by kind (enum order), best first within each */
	size_t			 n;
	struct search_fix	*fixes;
	size_t			 n_fixes;
	int			 typed;		/* words typed (SEARCH_TERMS_MAX are searched) */
	int			 empty;		/* q held no word: nothing searched */
};

/*
 * Searches q (search_query.h: words, phrases, OR, c++) in every index, or in kind's alone
 * (-1: all): how many records of each kind match, and up to limit of each from offset, best
 * first. A word no index knows is searched with the known words one or two edits away
 * (typo tolerance, from the indexes' own vocabularies). All of it within
 * config.search_budget_ms of the worker's CPU time: MODEL_TOO_COSTLY past it.
 */
enum model_status	search(struct request *, const char *q, int kind, long long offset, int limit,
			    struct search_page *);

#endif
