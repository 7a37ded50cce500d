/* sort.c: a bottom-up merge sort of pointers (see sort.h). */
#include <string.h>

#include "core/sort.h"

void
ptr_sort(void **a, size_t n, void **tmp, int (*cmp)(const void *, const void *))
{
	void **from = a, **to = tmp, **swap;

	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				to[k++] = cmp(from[j], from[i]) < 0 ? from[j++] : from[i++];
			while (i < mid)
				to[k++] = from[i++];
			while (j < hi)
				to[k++] = from[j++];
		}
		swap = from, from = to, to = swap;
	}
	if (from != a)
		memcpy(a, from, n * sizeof(*a));
}
