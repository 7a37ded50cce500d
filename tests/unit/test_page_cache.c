/* test_page_cache.c: pages rendered once per change, by kind of record, within page_cache_size; threads that
 * cannot set a request aside wait for the one render in flight. */
#include "unit.h"

#include <pthread.h>

#include "core/config.h"
#include "core/request.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "model/db.h"

#include "fixture.h"

static char path[] = "/tmp/lectern-cache-XXXXXX";

static int
fill(sqlite3 *db)
{
	return db_demo_load(db);
}

static int
setup(void **state)
{
	(void)state;
	return fixture_db_create(path, fill);
}

static int
teardown(void **state)
{
	(void)state;
	page_cache_clear();
	fixture_db_remove(path);
	return 0;
}

/* An anonymous GET of url (path?name=value); returns the status, *bytes the body's length. */
static int
get(const char *url, size_t *bytes)
{
	struct request req;
	const char *q = strchr(url, '?');
	int status;

	req_init(&req);
	req.method = HTTP_GET;
	req.method_name = "GET";
	req.path = q ? req_strndup(&req, url, (size_t)(q - url)) : url;
	if (q) {
		const char *eq = strchr(q, '=');

		param_push(&req, &req.query, req_strndup(&req, q + 1, (size_t)(eq - q - 1)), eq + 1,
		    strlen(eq + 1));
	}
	assert_int_equal(router_dispatch(&req), ROUTER_DONE);
	status = req.status;
	if (bytes)
		*bytes = req.out_ref.data[0] ? req.out_ref.len[CODING_IDENTITY] : req.out.len;
	req_free(&req);
	return status;
}

static void
rendered_once_per_change_of_what_it_shows(void **state)
{
	unsigned long before;
	sqlite3 *db = db_thread();

	(void)state;
	page_cache_clear();
	before = page_cache_renders();
	assert_int_equal(get("/orgs/spotify", NULL), 200);
	assert_int_equal(get("/orgs/spotify", NULL), 200);
	assert_int_equal(get("/events/kubecon-eu-2019", NULL), 200);
	assert_int_equal(page_cache_renders() - before, 2);
	/* An account is not shown: nothing renders again. */
	assert_int_equal(db_exec(db, "UPDATE users SET display_name = 'Someone else'"), 0);
	assert_int_equal(get("/orgs/spotify", NULL), 200);
	assert_int_equal(get("/events/kubecon-eu-2019", NULL), 200);
	assert_int_equal(page_cache_renders() - before, 2);
	/* A project is on the organization's page, not on the event's. */
	assert_int_equal(db_exec(db, "UPDATE projects SET description = 'x'"), 0);
	assert_int_equal(get("/orgs/spotify", NULL), 200);
	assert_int_equal(get("/events/kubecon-eu-2019", NULL), 200);
	assert_int_equal(page_cache_renders() - before, 3);
	/* Errors are answered, never kept. */
	assert_int_equal(get("/orgs/nobody", NULL), 404);
	assert_int_equal(get("/orgs/nobody", NULL), 404);
	assert_int_equal(page_cache_renders() - before, 5);
}

static void
kept_within_page_cache_size(void **state)
{
	size_t one, limit;
	char url[64];

	(void)state;
	page_cache_clear();
	assert_int_equal(get("/search?q=kubernetes", &one), 200);
	assert_true(page_cache_bytes() >= one);
	limit = config.page_cache_size = 4 * (one + one / 2);
	for (int i = 0; i < 40; i++) {
		snprintf(url, sizeof(url), "/search?q=kubernetes%d", i);
		assert_int_equal(get(url, NULL), 200);
		assert_true(page_cache_bytes() <= limit);
	}
	assert_true(page_cache_bytes() > limit / 2);
	config.page_cache_size = 0;	/* none kept: every request renders */
	page_cache_clear();
	assert_int_equal(get("/orgs/spotify", NULL), 200);
	assert_int_equal(page_cache_bytes(), 0);
	config.page_cache_size = 64 * 1024 * 1024;
}

static void *
one_get(void *arg)
{
	(void)arg;
	assert_int_equal(get("/people/dave-zolotusky", NULL), 200);
	db_thread_close();
	return NULL;
}

static void
concurrent_requests_render_once(void **state)
{
	pthread_t t[8];
	unsigned long before;

	(void)state;
	page_cache_clear();
	before = page_cache_renders();
	for (int i = 0; i < 8; i++)
		assert_int_equal(pthread_create(&t[i], NULL, one_get, NULL), 0);
	for (int i = 0; i < 8; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(page_cache_renders() - before, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rendered_once_per_change_of_what_it_shows),
		cmocka_unit_test(kept_within_page_cache_size),
		cmocka_unit_test(concurrent_requests_render_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
