/* test_sort.c: ptr_sort sorts like qsort and keeps equal items in their order. */
#include "unit.h"

#include "core/sort.h"

struct item {
	int	 key, seq;
};

static int
by_key(const void *a, const void *b)
{
	return ((const struct item *)a)->key - ((const struct item *)b)->key;
}

static void
sorts_stably(void **state)
{
	static struct item items[1000];
	static void *p[1000], *tmp[1000];
	unsigned seed = 42;

	(void)state;
	for (size_t n = 0; n <= 1000; n = n ? n * 3 + 1 : 1) {
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			items[i].key = (int)(seed >> 16) % 37;
			items[i].seq = (int)i;
			p[i] = &items[i];
		}
		ptr_sort(p, n, tmp, by_key);
		for (size_t i = 1; i < n; i++) {
			const struct item *a = p[i - 1], *b = p[i];

			assert_true(a->key < b->key || (a->key == b->key && a->seq < b->seq));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sorts_stably),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
