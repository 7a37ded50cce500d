/* test_route_deps.c: every public page reads only the kinds of record its route declares (http/route_deps.c). */
#include "unit.h"

#include "core/config.h"
#include "core/request.h"
#include "http/route_deps.h"
#include "http/router.h"
#include "model/db.h"
#include "model/generation.h"

#include "fixture.h"

/* Pages of the demo data, with the filters that make a page run more of its queries. */
static const char *const samples[] = {
	"/", "/orgs", "/orgs?page=2", "/orgs/spotify", "/orgs/cncf", "/orgs/spotify/report",
	"/orgs/spotify/report?as_of=2019-01-01", "/people", "/people/dave-zolotusky",
	"/events", "/events/kubecon-eu-2019", "/events/kubecon-eu-2019?kind=keynote&track=Keynote",
	"/sessions/1", "/bodies", "/bodies/toc", "/bodies/k8s-sig-apps", "/search?q=spotify",
	"/search?q=kubernetes&page=2", "/export/speakers.csv", "/export/speakers.csv?org=spotify&shape=speakers",
	"/export/speakers.csv?q=kubernetes&body=toc&role=seat&from=2018-01-01&to=2024-01-01",
	"/export/speakers.json?event=kubecon-eu-2019&colocated=1&kind=keynote&person=dave-zolotusky",
	"/events/kubecon-eu-2019/schedule.xml", "/events/kubecon-eu-2019/schedule.ics",
	"/people/dave-zolotusky/talks.ics", "/export/speakers.xlsx?event=kubecon-eu-2019&track=Keynote",
	"/export/speakers?format=json&org=spotify&shape=speakers", "/export/roles.csv?body=toc&on=2021-06-01",
	"/export/roles.json?seat_type=gb&current=1", "/export/roles.xlsx?role=chair",
};

static unsigned read_kinds;		/* what the traced statements read */
static int problems;

/* Reports a problem and goes on, so that one run names them all. */
#define complain(...)	(print_error("# " __VA_ARGS__), print_error("\n"), problems++)
static char unknown[8][64];		/* tables no kind covers, or common table expressions */

static void
on_read(const char *table)
{
	int k = data_kind_of_table(table);

	if (k >= 0)
		read_kinds |= 1u << k;
	else if (k == -1)
		for (int i = 0; i < 8; i++)
			if (unknown[i][0] == '\0' || strcmp(unknown[i], table) == 0) {
				snprintf(unknown[i], sizeof(unknown[i]), "%s", table);
				break;
			}
}

/* Whether name is a table or view of the database, not a WITH clause's name. */
static int
is_table(const char *name)
{
	sqlite3 *db = db_open(config.db_path, 0);
	sqlite3_stmt *st = NULL;
	int n = 0;

	if (db && sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = ?", -1, &st,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	}
	sqlite3_finalize(st);
	db_close(db);
	return n > 0;
}

static int
fill(sqlite3 *db)
{
	return db_demo_load(db);
}

/* Dispatches url as an anonymous GET, draining a stream, with every statement prepared anew. */
static int
render(const char *url, int json, const struct route **route)
{
	struct request req;
	const char *q = strchr(url, '?');
	struct buf piece = BUF_INIT;
	int status;

	req_init(&req);
	req.method = HTTP_GET;
	req.method_name = "GET";
	req.path = q ? req_strndup(&req, url, (size_t)(q - url)) : url;
	if (json)
		req.path = req_printf(&req, "%s.json", req.path);
	for (const char *p = q; p && *p; ) {
		const char *amp = strchr(++p, '&'), *eq = strchr(p, '=');
		size_t end = amp ? (size_t)(amp - p) : strlen(p);

		param_push(&req, &req.query, req_strndup(&req, p, (size_t)(eq - p)), eq + 1,
		    end - (size_t)(eq + 1 - p));
		p = amp;
	}
	db_thread_close();	/* the statement cache would hide what the page reads */
	db_trace_reads(on_read);
	router_dispatch(&req);
	while (req.stream && (buf_reset(&piece), req.stream(req.stream_ctx, &piece) == 0) && piece.len)
		;
	db_trace_reads(NULL);
	status = req.status;
	*route = req.route;
	buf_release(&piece);
	req_free(&req);
	return status;
}

static void
check_sample(const char *url, int json, unsigned seen[])
{
	const struct route *r = NULL;
	unsigned declared;
	int status;

	read_kinds = 0;
	memset(unknown, 0, sizeof(unknown));
	status = render(url, json, &r);
	if (json && (r == NULL || !(r->flags & RF_JSON)))
		return;	/* no JSON form */
	if (status != 200 || r == NULL) {
		complain("%s%s: status %d", url, json ? " (JSON)" : "", status);
		return;
	}
	for (int i = 0; i < 8 && unknown[i][0]; i++)
		if (is_table(unknown[i]))
			complain("%s reads %s, which no kind of record covers (model/generation.c)", url,
			    unknown[i]);
	declared = route_deps(r->pattern) ? route_deps(r->pattern) : D_REGISTRY;
	for (int k = 0; k < DK__MAX; k++)
		if ((read_kinds & ~declared) & (1u << k))
			complain("%s%s reads %s, which its route (%s) does not declare", url,
			    json ? " (JSON)" : "", data_kind_name((enum data_kind)k), r->pattern);
	seen[r - routes] |= read_kinds;
}

static void
public_pages_read_what_they_declare(void **state)
{
	char path[] = "/tmp/lectern-deps-XXXXXX";
	unsigned seen[256] = { 0 };

	(void)state;
	problems = 0;
	assert_int_equal(fixture_db_create(path, fill), 0);
	assert_true(routes_count <= 256);
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		check_sample(samples[i], 0, seen);
		check_sample(samples[i], 1, seen);
	}
	/* Every public page is sampled, and declares no kind none of its pages read. */
	for (size_t i = 0; i < routes_count; i++) {
		if (routes[i].access != ACCESS_PUBLIC || routes[i].method != HTTP_GET)
			continue;
		if (seen[i] == 0)
			complain("no sample page for the public route %s", routes[i].pattern);
		if (route_deps(routes[i].pattern) == 0)
			complain("the public route %s declares no kinds (http/route_deps.c)", routes[i].pattern);
		else if (route_deps(routes[i].pattern) & ~seen[i])
			complain("%s declares kinds none of its sampled pages read (%#x)",
			    routes[i].pattern, route_deps(routes[i].pattern) & ~seen[i]);
	}
	fixture_db_remove(path);
	assert_int_equal(problems, 0);
}

/* The kinds the triggers of schema/0008 bump are the ones data_kind_of_table names. */
static void
triggers_bump_the_kind_of_their_table(void **state)
{
	static const struct { const char *write, *kind; } writes[] = {
		{ "UPDATE organizations SET notes = 'x' WHERE slug = 'spotify'", "organizations" },
		{ "INSERT INTO reports(org_id, intro) VALUES (1, 'x')", "organizations" },
		{ "UPDATE people SET bio = 'x' WHERE slug = 'dave-zolotusky'", "people" },
		{ "UPDATE affiliations SET title = 'x' WHERE id = (SELECT min(id) FROM affiliations)", "affiliations" },
		{ "UPDATE events SET city = 'x' WHERE slug = 'kubecon-eu-2019'", "events" },
		{ "UPDATE sessions SET subtitle = 'x' WHERE id = 1", "sessions" },
		{ "UPDATE appearances SET role = 'host' WHERE id = (SELECT min(id) FROM appearances)", "sessions" },
		{ "UPDATE bodies SET url = NULL WHERE slug = 'toc'", "bodies" },
		{ "DELETE FROM roles WHERE id = (SELECT min(id) FROM roles)", "bodies" },
		{ "UPDATE projects SET url = NULL WHERE id = (SELECT min(id) FROM projects)", "projects" },
		{ "UPDATE users SET display_name = 'x'", "accounts" },
		{ "INSERT INTO import_runs(file_name, sha256, counts) VALUES ('f', 'x', '{}')", "imports" },
	};
	char path[] = "/tmp/lectern-deps-XXXXXX";
	sqlite3 *db;

	(void)state;
	problems = 0;
	assert_int_equal(fixture_db_create(path, fill), 0);
	db = db_thread();
	assert_non_null(db);
	for (size_t i = 0; i < sizeof(writes) / sizeof(writes[0]); i++) {
		struct generations before = *db_generations(), after;

		assert_int_equal(db_exec(db, writes[i].write), 0);
		after = *db_generations();
		for (int k = 0; k < DK__MAX; k++) {
			int bumped = after.gen[k] != before.gen[k];

			if (bumped != (strcmp(data_kind_name((enum data_kind)k), writes[i].kind) == 0))
				complain("%s: %s %s", writes[i].write, data_kind_name((enum data_kind)k),
				    bumped ? "bumped" : "not bumped");
		}
		assert_int_equal(after.database, before.database);
	}
	fixture_db_remove(path);
	assert_int_equal(problems, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(public_pages_read_what_they_declare),
		cmocka_unit_test(triggers_bump_the_kind_of_their_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
