/* data.h: reading a fixture of tests/data into memory (tests run from the repository root). */
#ifndef LECTERN_UNIT_DATA_H
#define LECTERN_UNIT_DATA_H
#include "unit.h"

/* The whole file, NUL-terminated, its length in *len; fails the test when it cannot be read. */
static inline char *
data_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

#endif
