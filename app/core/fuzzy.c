/* fuzzy.c: the optimal string alignment distance between two words (see fuzzy.h). */
#include <string.h>

#include "core/fuzzy.h"

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

int
fuzzy_distance(const char *a, size_t na, const char *b, size_t nb, int max)
{
	int rows[3][FUZZY_MAX_LEN + 1];
	int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if (na == nb && memcmp(a, b, na) == 0)
		return 0;
	if (na > FUZZY_MAX_LEN || nb > FUZZY_MAX_LEN || (na > nb ? na - nb : nb - na) > (size_t)max)
		return max + 1;
	for (size_t j = 0; j <= nb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= na; i++) {
		int best;
		int *t;

		cur[0] = best = (int)i;
		for (size_t j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1];

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;	/* two neighbours swapped */
			if (cur[j] < best)
				best = cur[j];
		}
		if (best > max)
			return max + 1;
		t = prev2, prev2 = prev, prev = cur, cur = t;
	}
	return prev[nb] > max ? max + 1 : prev[nb];
}

int
fuzzy_allowance(size_t n)
{
	return n <= 3 ? 0 : n <= 5 ? 1 : 2;
}
