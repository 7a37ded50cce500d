/* fuzzy.h: how far apart two words are (typo tolerance in search, near-duplicate names). */
#ifndef LECTERN_FUZZY_H
#define LECTERN_FUZZY_H
#include <stddef.h>

#define FUZZY_MAX_LEN	64	/* longer words are compared only for equality */

/*
 * The edits (a character inserted, deleted, replaced, or two neighbours swapped) that turn a
 * into b, bytes compared as they are (callers fold case first); past max, max + 1 (the work
 * stops there). Words longer than FUZZY_MAX_LEN are max + 1 apart unless equal.
 */
int	fuzzy_distance(const char *a, size_t na, const char *b, size_t nb, int max);
/* The edits a word of n characters may be from another and still be taken for it: none up to
 * 3, one up to 5, two beyond (the usual rule of spelling correctors). */
int	fuzzy_allowance(size_t n);

#endif
