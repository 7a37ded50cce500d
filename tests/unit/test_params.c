/* test_params.c: every parameter validator, accepting and refusing. */
#include "unit.h"

#include "core/params.h"

static int
ok(enum param_kind k, long long min, long long max, const char *set, const char *v)
{
	struct param_rule r = { "x", k, PF_QUERY, min, max, set };
	const char *why;

	return param_check(&r, v, strlen(v), &why) == 0;
}

static void
integers(void **state)
{
	(void)state;
	assert_true(ok(P_INT, 1, 500, NULL, "1"));
	assert_true(ok(P_INT, 1, 500, NULL, "500"));
	assert_false(ok(P_INT, 1, 500, NULL, "0"));
	assert_false(ok(P_INT, 1, 500, NULL, "501"));
	assert_false(ok(P_INT, 1, 500, NULL, "12a"));
	assert_false(ok(P_INT, 1, 500, NULL, ""));
	assert_false(ok(P_INT, 1, 500, NULL, "-"));
	assert_false(ok(P_INT, 1, 500, NULL, " 1"));
	assert_false(ok(P_INT, 1, 500, NULL, "99999999999999999999999"));
	assert_true(ok(P_INT, -5, 5, NULL, "-5"));
}

static void
slugs(void **state)
{
	(void)state;
	assert_true(ok(P_SLUG, 0, 40, NULL, "kubecon-eu-2019"));
	assert_false(ok(P_SLUG, 0, 40, NULL, "KubeCon"));
	assert_false(ok(P_SLUG, 0, 40, NULL, "-a"));
	assert_false(ok(P_SLUG, 0, 40, NULL, "a-"));
	assert_false(ok(P_SLUG, 0, 40, NULL, "a/b"));
	assert_false(ok(P_SLUG, 0, 4, NULL, "abcde"));
}

static void
text(void **state)
{
	(void)state;
	assert_true(ok(P_TEXT, 0, 100, NULL, "Zoë\nline two\ttab"));
	assert_false(ok(P_LINE, 0, 100, NULL, "a\nb"));
	assert_false(ok(P_TEXT, 0, 100, NULL, "bell\x07"));
	assert_false(ok(P_TEXT, 0, 100, NULL, "\xc3\x28"));		/* bad continuation */
	assert_false(ok(P_TEXT, 0, 100, NULL, "\xc0\xaf"));		/* overlong */
	assert_false(ok(P_TEXT, 0, 100, NULL, "\xed\xa0\x80"));	/* surrogate */
	assert_false(ok(P_TEXT, 0, 100, NULL, "\xf4\x90\x80\x80"));	/* > U+10FFFF */
	assert_false(ok(P_TEXT, 0, 3, NULL, "abcd"));
}

static void
enums_dates_and_more(void **state)
{
	(void)state;
	assert_true(ok(P_ENUM, 0, 0, "talk|keynote|panel", "keynote"));
	assert_false(ok(P_ENUM, 0, 0, "talk|keynote|panel", "key"));
	assert_false(ok(P_ENUM, 0, 0, "talk|keynote|panel", "talk|keynote"));
	assert_true(ok(P_DATE, 0, 0, NULL, "2024-02-29"));
	assert_false(ok(P_DATE, 0, 0, NULL, "2023-02-29"));
	assert_false(ok(P_DATE, 0, 0, NULL, "2023-13-01"));
	assert_false(ok(P_DATE, 0, 0, NULL, "2023-1-01"));
	assert_true(ok(P_DATETIME, 0, 0, NULL, "2019-05-21T09:30"));
	assert_false(ok(P_DATETIME, 0, 0, NULL, "2019-05-21T24:30"));
	assert_true(ok(P_EMAIL, 0, 100, NULL, "dave@example.org"));
	assert_false(ok(P_EMAIL, 0, 100, NULL, "dave@@example.org"));
	assert_false(ok(P_EMAIL, 0, 100, NULL, "dave example.org"));
	assert_true(ok(P_URL, 0, 100, NULL, "https://kubecon.io/x?y=1"));
	assert_false(ok(P_URL, 0, 100, NULL, "javascript:alert(1)"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://x\"onclick"));
	/* No space and no control character anywhere: CR/LF forged calendar entries, a tab
	 * and a C1 control (U+0085, NEL) are line breaks to some readers. */
	assert_false(ok(P_URL, 0, 100, NULL, "https://x.org/\r\nBEGIN:VEVENT"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://x.org/\n"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://x.org/\ta"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://x.org/ a"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://x.org/\x7f"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://x.org/\xc2\x85"));
	assert_false(ok(P_URL, 0, 100, NULL, "https://"));
	assert_true(ok(P_URL, 0, 100, NULL, "https://x.org/caf\xc3\xa9?\xc2\xa0"));
	assert_true(url_valid("http://x", 8));
	assert_false(url_valid("http://x\0y", 10));
	assert_false(url_valid("http://x\xff", 9));
	assert_true(ok(P_TOKEN, 0, 64, NULL, "Ab_9-z"));
	assert_false(ok(P_TOKEN, 0, 64, NULL, "a b"));
}

/* Found by fuzz_params: a value is len bytes and need not be NUL-terminated. */
static void
integers_need_no_terminator(void **state)
{
	struct param_rule r = { "x", P_INT, PF_QUERY, 1, 500, NULL };
	char *exact = malloc(3);
	const char *why;

	(void)state;
	memcpy(exact, "123", 3);	/* no NUL after it: ASan would see a read past the end */
	assert_int_equal(param_check(&r, exact, 3, &why), 0);
	memcpy(exact, "999", 3);
	assert_int_equal(param_check(&r, exact, 3, &why), -1);
	free(exact);
	/* The same for dates and times (atoi read past the last digit). */
	exact = malloc(19);
	memcpy(exact, "2019-05-21T09:30:45", 19);
	r.kind = P_DATETIME;
	assert_int_equal(param_check(&r, exact, 19, &why), 0);
	r.kind = P_DATE;
	assert_int_equal(param_check(&r, exact, 10, &why), 0);
	free(exact);
}

static void
nul_is_refused(void **state)
{
	struct param_rule r = { "x", P_TEXT, PF_QUERY, 0, 100, NULL };
	const char *why;

	(void)state;
	assert_int_equal(param_check(&r, "a\0b", 3, &why), -1);
	assert_non_null(why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(integers),
		cmocka_unit_test(slugs),
		cmocka_unit_test(text),
		cmocka_unit_test(enums_dates_and_more),
		cmocka_unit_test(nul_is_refused),
		cmocka_unit_test(integers_need_no_terminator),
	};

	return cmocka_run_group_tests_name("params", tests, NULL, NULL);
}
