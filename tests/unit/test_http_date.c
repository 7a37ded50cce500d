/* test_http_date.c: HTTP dates written as IMF-fixdate and read in all three forms. */
#include "unit.h"

#include "core/http_date.h"

static void
format_fixdate(void **state)
{
	char d[HTTP_DATE_LEN];

	(void)state;
	http_date_format(784111777, d);
	assert_str(d, "Sun, 06 Nov 1994 08:49:37 GMT");
	http_date_format(0, d);
	assert_str(d, "Thu, 01 Jan 1970 00:00:00 GMT");
}

static void
parse_the_three_forms(void **state)
{
	time_t t = 0;

	(void)state;
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t), 0);
	assert_int_equal(t, 784111777);
	assert_int_equal(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t), 0);
	assert_int_equal(t, 784111777);
	assert_int_equal(http_date_parse("Sun Nov  6 08:49:37 1994", &t), 0);
	assert_int_equal(t, 784111777);
	assert_int_equal(http_date_parse("Tue, 01 Dec 2026 09:04:31 GMT", &t), 0);
	assert_int_equal(t, 1796115871);
}

static void
refuse_the_rest(void **state)
{
	static const char *const bad[] = {
		"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 CET",
		"Sun, 06 Nov 1994 08:49:37 GMT trailing", "Sun, 32 Nov 1994 08:49:37 GMT",
		"Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
		"Sun, 06 Nov 1994 -1:49:37 GMT", "Sun Nov  6 08:49:37 1994 x", "1994-11-06T08:49:37Z",
	};
	time_t t = 42;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (http_date_parse(bad[i], &t) != -1)
			fail_msg("read \"%s\"", bad[i]);
	assert_int_equal(t, 42);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_fixdate),
		cmocka_unit_test(parse_the_three_forms),
		cmocka_unit_test(refuse_the_rest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
