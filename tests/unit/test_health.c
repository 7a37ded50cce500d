/* test_health.c: /healthz answers from a real query at most a second old, and says 503 once the
 * database is unusable. */
#include <unistd.h>

#include "unit.h"

#include "core/config.h"
#include "model/db.h"
#include "fixture.h"
#include "core/request.h"
#include "core/mem.h"
#include "http/router.h"

static int
healthz(struct buf *body)
{
	struct request req;
	int status;

	req_init(&req);
	req.method = HTTP_GET;
	req.method_name = "GET";
	req.path = "/healthz";
	router_dispatch(&req);
	status = req.status;
	buf_reset(body);
	buf_append(body, req.out.data, req.out.len);
	req_free(&req);
	return status;
}

static void
fresh_within_a_second(void **state)
{
	char path[] = "/tmp/lectern-health-XXXXXX";
	struct buf body = BUF_INIT;

	(void)state;
	assert_int_equal(fixture_db_create(path, NULL), 0);
	assert_int_equal(healthz(&body), 200);
	assert_str(body.data, "ok\n");
	/* The database goes away (this thread's connection with it): within the second the last
	 * answer stands, after it the query runs again and fails. */
	fixture_db_remove(path);
	config_defaults(&config);
	free(config.db_path);
	config.db_path = xstrdup("/nonexistent/lectern.db");
	assert_int_equal(healthz(&body), 200);
	usleep(1100 * 1000);
	assert_int_equal(healthz(&body), 503);
	assert_str(body.data, "unavailable\n");
	db_thread_close();
	buf_release(&body);
	config_release(&config);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fresh_within_a_second),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
