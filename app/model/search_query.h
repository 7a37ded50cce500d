/*
 * search_query.h: what a person typed, as an FTS5 query whose work is bounded.
 *
 * Shared by /search and the export filter q=: both must cost the same little. Every
 * word of the query is a term the index must look up, and a short prefix ("a*")
 * expands to every indexed word that starts with it, so the words are capped and
 * only words long enough are matched as prefixes. The time a query may then take
 * is bounded separately (db_budget_begin, db.h).
 */
#ifndef LECTERN_SEARCH_QUERY_H
#define LECTERN_SEARCH_QUERY_H
#include "core/request.h"

#define SEARCH_TERMS_MAX	8	/* words searched; the rest are left out */
#define SEARCH_PREFIX_MIN	3	/* characters a word needs to match as a prefix */

/*
 * Turns q into an FTS5 query that cannot be a syntax error: the words of q (runs of
 * letters and digits, as FTS5's unicode61 tokenizer reads them) become quoted terms,
 * ANDed; a word of SEARCH_PREFIX_MIN characters or more also matches as a prefix
 * ("kub" finds "kubernetes"), a shorter one only as itself ("k8" is not every word
 * starting k8). Only the first SEARCH_TERMS_MAX words are kept. Returns the query in
 * the request's memory, or NULL when q has no word.
 */
const char	*search_fts_query(struct request *, const char *q);
/* The number of words in q as search_fts_query counts them (more than SEARCH_TERMS_MAX
 * means some were left out). */
int		 search_terms(const char *q);

#endif
