/* unit.h: what every unit test includes (cmocka, run with TAP output by tests/run.sh). */
#ifndef LECTERN_UNIT_H
#define LECTERN_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>
#include <stdio.h>

#define assert_str(a, b)	assert_string_equal((a), (b))

#endif
