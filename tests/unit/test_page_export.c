/* test_page_export.c: the export routes through the router: who gets emails, a member's history, file names. */
#include "unit.h"

#include <stdio.h>
#include <unistd.h>

#include "auth/auth.h"
#include "core/config.h"
#include "model/db.h"
#include "fixture.h"
#include "core/request.h"
#include "pages/pages.h"
#include "http/router.h"

static char dbpath[] = "/tmp/lectern-test-page-export-XXXXXX";

static int
fill(sqlite3 *db)
{
	return db_exec(db,
	    "INSERT INTO organizations(id, name, slug) VALUES (1, 'Acme', 'acme');"
	    "INSERT INTO people(id, name, slug, email) VALUES (1, 'Ada', 'ada', 'ada@x.org'), (2, 'Bob', 'bob', 'bob@x.org');"
	    "INSERT INTO affiliations(person_id, org_id) VALUES (2, 1);"
	    "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (1, 'KubeCon', 'kc', '2019-05-20', '2019-05-21');"
	    "INSERT INTO sessions(id, event_id, title, starts_at) VALUES (1, 1, 'Opening', '2019-05-20T09:00:00+02:00'),"
	    " (2, 1, 'Closing', '2019-05-21T17:00:00+02:00');"
	    "INSERT INTO appearances(session_id, person_id) VALUES (1, 1), (2, 2);");
}

static int
setup(void **state)
{
	(void)state;
	return fixture_db_create(dbpath, fill);
}

static int
teardown(void **state)
{
	(void)state;
	fixture_db_remove(dbpath);
	return 0;
}

/* Dispatches GET path (query name=value pairs in q, NULL-ended) as user
 * (NULL: anonymous); returns the status, the body in *body (caller frees). */
static int
get(const char *path, const char *const *q, struct user *user, char **body, char **disposition)
{
	struct request req;
	struct buf all = BUF_INIT, piece = BUF_INIT;
	int status;

	req_init(&req);
	req.method = HTTP_GET;
	req.method_name = "GET";
	req.path = path;
	req.user = user;
	for (; q && q[0]; q += 2)
		param_push(&req, &req.query, q[0], q[1], strlen(q[1]));
	router_dispatch(&req);
	status = req.status;
	if (req.stream)
		do {
			buf_reset(&piece);
			assert_int_equal(req.stream(req.stream_ctx, &piece), 0);
			buf_append(&all, piece.data, piece.len);
		} while (piece.len);
	else
		buf_append(&all, req.out.data, req.out.len);
	if (disposition) {
		const char *d = param_find(req.out_headers, "Content-Disposition");

		*disposition = strdup(d ? d : "");
	}
	buf_release(&piece);
	req_free(&req);
	*body = buf_detach(&all, NULL);
	return status;
}

static void
emails_only_for_staff_who_ask(void **state)
{
	static const char *const ask[] = { "include_email", "1", NULL };
	struct user member = { 1, "m", "M", ROLE_MEMBER, 0, 0 };
	struct user staff = { 2, "s", "S", ROLE_STAFF, 0, 0 };
	char *body;

	(void)state;
	assert_int_equal(get("/export/speakers.csv", ask, NULL, &body, NULL), 200);
	assert_null(strstr(body, "@x.org"));
	assert_null(strstr(body, "email"));
	free(body);
	assert_int_equal(get("/export/speakers.json", ask, NULL, &body, NULL), 200);
	assert_null(strstr(body, "email"));
	free(body);
	assert_int_equal(get("/export/speakers.csv", ask, &member, &body, NULL), 200);
	assert_null(strstr(body, "@x.org"));
	free(body);
	assert_int_equal(get("/export/speakers.csv", NULL, &staff, &body, NULL), 200);
	assert_null(strstr(body, "@x.org"));
	free(body);
	assert_int_equal(get("/export/speakers.csv", ask, &staff, &body, NULL), 200);
	assert_non_null(strstr(body, "name,organization,current_organization,email,"));
	assert_non_null(strstr(body, "ada@x.org"));
	free(body);
	assert_int_equal(get("/export/speakers.json", ask, &staff, &body, NULL), 200);
	assert_non_null(strstr(body, "\"email\":\"bob@x.org\""));
	free(body);
}

static void
history_is_your_own(void **state)
{
	struct user ada = { 1, "ada", "Ada", ROLE_MEMBER, 1, 0 };
	struct user unlinked = { 3, "x", "X", ROLE_MEMBER, 0, 0 };
	char *body, *disp;

	(void)state;
	assert_int_equal(get("/me/history.csv", NULL, NULL, &body, NULL), 303);	/* to the login page */
	free(body);
	assert_int_equal(get("/me/history.csv", NULL, &ada, &body, &disp), 200);
	assert_non_null(strstr(body, "Opening"));
	assert_null(strstr(body, "Closing"));	/* Bob's */
	assert_null(strstr(body, "@x.org"));
	assert_str(disp, "attachment; filename=\"history-ada.csv\"");
	free(body);
	free(disp);
	assert_int_equal(get("/me/history.csv", NULL, &unlinked, &body, NULL), 404);
	free(body);
}

static void
my_organization(void **state)
{
	static const char *const per[] = { "per_speaker", "1", NULL };
	struct user at_acme = { 1, "ada", "Ada", ROLE_MEMBER, 1, 1 };
	struct user unlinked = { 3, "x", "X", ROLE_MEMBER, 1, 0 };
	char *body, *disp;

	(void)state;
	assert_int_equal(get("/me/organization/speakers.csv", NULL, NULL, &body, NULL), 303);
	free(body);
	assert_int_equal(get("/me/organization/speakers.csv", NULL, &at_acme, &body, &disp), 200);
	assert_str(disp, "attachment; filename=\"speakers-acme.csv\"");
	assert_non_null(strstr(body, "\r\nBob,Acme,Acme,,KubeCon,Closing,"));
	assert_null(strstr(body, "Ada"));	/* she spoke for no organization */
	assert_null(strstr(body, "@x.org"));
	free(body);
	free(disp);
	assert_int_equal(get("/me/organization/speakers.csv", per, &at_acme, &body, NULL), 200);
	assert_non_null(strstr(body, "name,organizations,current_organization,github,sessions,titles\r\n"
	    "Bob,Acme,Acme,,1,Closing\r\n"));
	free(body);
	assert_int_equal(get("/me/organization/speakers.csv", NULL, &unlinked, &body, NULL), 404);
	free(body);
}

static void
file_names(void **state)
{
	static const char *const ev[] = { "event", "kc", NULL };
	char *body, *disp;

	(void)state;
	assert_int_equal(get("/export/speakers.csv", ev, NULL, &body, &disp), 200);
	assert_str(disp, "attachment; filename=\"speakers-kc.csv\"");
	free(body);
	free(disp);
	assert_int_equal(get("/events/kc/schedule.ics", NULL, NULL, &body, &disp), 200);
	assert_str(disp, "attachment; filename=\"schedule-kc.ics\"");
	free(body);
	free(disp);
	/* The literal .json route, and the JSON form of another path still 404s. */
	assert_int_equal(get("/export/speakers.json", NULL, NULL, &body, NULL), 200);
	assert_str(body, "[{\"name\":\"Ada\",\"organization\":null,\"current_organization\":null,"
	    "\"github\":null,\"event\":\"KubeCon\",\"session\":\"Opening\",\"kind\":\"talk\","
	    "\"date\":\"2019-05-20\",\"role\":\"speaker\",\"url\":\"/sessions/1\"},"
	    "{\"name\":\"Bob\",\"organization\":\"Acme\",\"current_organization\":\"Acme\","
	    "\"github\":null,\"event\":\"KubeCon\",\"session\":\"Closing\",\"kind\":\"talk\","
	    "\"date\":\"2019-05-21\",\"role\":\"speaker\",\"url\":\"/sessions/2\"}]");
	free(body);
	assert_int_equal(get("/export/speakers.csv.json", NULL, NULL, &body, NULL), 404);
	free(body);
}

static void
export_link(void **state)
{
	static const char *const q[] = { "event", "kubecon-eu-2019", "org", NULL, "kind", "",
	    "q", "a&b \"c\"", NULL };
	struct buf b = BUF_INIT;

	(void)state;
	page_export_link(&b, q, "Export <CSV>");
	assert_str(b.data, "<a class=\"export\" download href=\"/export/speakers.csv?"
	    "event=kubecon-eu-2019&amp;q=a%26b%20%22c%22\">Export &lt;CSV&gt;</a> <a class=\"export\" href=\"/export?"
	    "event=kubecon-eu-2019&amp;q=a%26b%20%22c%22\">Export options\xe2\x80\xa6</a>");
	buf_reset(&b);
	page_export_link(&b, NULL, "Export");
	assert_str(b.data, "<a class=\"export\" download href=\"/export/speakers.csv\">Export</a> "
	    "<a class=\"export\" href=\"/export\">Export options\xe2\x80\xa6</a>");
	buf_reset(&b);
	page_export_link_to(&b, "/export/roles.csv", NULL, "Roles");
	assert_str(b.data, "<a class=\"export\" download href=\"/export/roles.csv\">Roles</a>");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(emails_only_for_staff_who_ask),
		cmocka_unit_test(history_is_your_own),
		cmocka_unit_test(my_organization),
		cmocka_unit_test(file_names),
		cmocka_unit_test(export_link),
	};

	return cmocka_run_group_tests_name("page_export", tests, setup, teardown);
}
