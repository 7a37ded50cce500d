/* test_redirect.c: a redirect goes to a path of this site or to /, whatever the target holds. */
#include "unit.h"

#include "core/request.h"

static const char *
location(const char *target)
{
	static struct request req;

	req_free(&req);
	req_init(&req);
	assert_int_equal(resp_redirect(&req, target), 303);
	return req_header(&(struct request){ .headers = req.out_headers }, "Location");
}

static void
local_paths_pass(void **state)
{
	(void)state;
	assert_str(location("/"), "/");
	assert_str(location("/me?saved=1"), "/me?saved=1");
	assert_str(location("/search?q=a%20b&page=2"), "/search?q=a%20b&page=2");
	assert_str(location("/people/zo%C3%AB"), "/people/zo%C3%AB");
	assert_true(redirect_target_valid("/orgs/spotify#talks"));
}

static void
other_sites_fail(void **state)
{
	static const char *const bad[] = {
		NULL, "", "evil.example", "https://evil.example/", "//evil.example",
		"/\\evil.example", "\\/evil.example",
		/* A browser drops tabs and newlines from a URL: these are "//evil.example". */
		"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\x0b/evil.example",
		" /evil", "/ /evil.example", "/x\x7f", "/a\\b",
		/* Encoded, for whatever decodes them once more. */
		"/%09/evil.example", "/%0a/evil.example", "/%0D%0A/evil.example", "/%2F/evil.example",
		"/%2f%2fevil.example", "/%5C/evil.example", "/%5c", "/%00",
		"/%7F", "/%1f",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_false(redirect_target_valid(bad[i]));
		assert_str(location(bad[i]), "/");
	}
	/* A percent sign that encodes nothing is only a percent sign. */
	assert_true(redirect_target_valid("/100%"));
	assert_true(redirect_target_valid("/%zz"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(local_paths_pass),
		cmocka_unit_test(other_sites_fail),
	};

	return cmocka_run_group_tests_name("redirect", tests, NULL, NULL);
}
