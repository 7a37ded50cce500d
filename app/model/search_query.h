/*
 * search_query.h: what a person typed, as an FTS5 query whose work is bounded.
 *
 * Shared by /search and the export filter q=: both must cost the same little. Every
 * word of the query is a term the index must look up, and a short prefix ("a*")
 * expands to every indexed word that starts with it, so the words are capped and
 * only words long enough are matched as prefixes. The time a query may then take
 * is bounded separately (db_budget_begin, db.h).
 *
 * What can be typed: words (each must be found, as a prefix when long enough), "quoted
 * phrases" (the words in that order, none a prefix), OR between two of them (either will
 * do; AND is the default), and words written with + or # ("c++", "C#"), which must be found
 * as written, not as the bare letter the index keeps of them.
 */
#ifndef LECTERN_SEARCH_QUERY_H
#define LECTERN_SEARCH_QUERY_H
#include <stddef.h>
#include "core/request.h"

#define SEARCH_TERMS_MAX	8	/* words searched; the rest are left out */
#define SEARCH_PREFIX_MIN	3	/* characters a word needs to match as a prefix */
#define SEARCH_ALTS_MAX		3	/* words tried besides one the index does not know */

/* A word or a phrase of the query. */
struct search_term {
	const char	*text;		/* the word, or the phrase's words separated by one space (req's arena) */
	size_t		 len;
	int		 phrase;	/* quoted: its words in order, no prefix */
	int		 prefix;	/* long enough to match as a prefix too */
	int		 or_next;	/* OR joins it to the next term */
	const char	*literal;	/* "c++": what the stored text must hold (lower case), or NULL */
	const char	*alts[SEARCH_ALTS_MAX + 1];	/* words matched instead too, NULL-ended */
};

struct search_words {
	struct search_term	terms[SEARCH_TERMS_MAX];
	int			n;
	int			typed;		/* words in q: more than SEARCH_TERMS_MAX means some were left out */
};

/* Reads q (NULL is empty) into w: at most SEARCH_TERMS_MAX words, in terms. */
void		 search_parse(struct request *, const char *q, struct search_words *w);
/* w as an FTS5 query that cannot be a syntax error (every word quoted), the alternatives of
 * each term ORed with it; NULL when w holds no word. In the request's memory. */
const char	*search_fts(struct request *, const struct search_words *w);
/* The literals of w's terms that must all be found (a JSON array of strings, for json_each),
 * or NULL when there are none. A term joined by OR to another has none: either may match. */
const char	*search_literals(struct request *, const struct search_words *w);
/* search_parse and search_fts in one: the export filter's query. */
const char	*search_fts_query(struct request *, const char *q);
/* The number of words in q as search_parse counts them. */
int		 search_terms(const char *q);

#endif
