/* test_route_deps.c: every public page reads only the kinds of record its route declares (http/route_deps.c). */
#include "unit.h"

#include <ctype.h>

#include "core/config.h"
#include "core/request.h"
#include "http/route_deps.h"
#include "http/router.h"
#include "model/db.h"
#include "model/generation.h"

#include "data.h"
#include "fixture.h"
#include "page_render.h"

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

	/* Each session's speakers packed (schema/0015) are their names and organizations' too. */
	if (strcmp(table, "session_speakers") == 0) {
		on_read("people");
		on_read("organizations");
	}
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

static int
render(const char *url, int json, const struct route **route)
{
	return page_render(url, json, route, on_read);
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

/*
 * The plans of every statement the public pages run, on the demo data with the generated
 * registry's statistics (tests/data/gen_stat1.sql, tests/bench/gen.sql's ANALYZE), so that
 * SQLite plans them as it does for 60,000 sessions: none reads the whole of a large table
 * (over 1,000 rows there) but through an index.
 */
#define MAX_STATEMENTS	512
static struct { char *sql; const char *url; } statements[MAX_STATEMENTS];
static size_t n_statements;
static const char *statement_url;

static void
on_statement(sqlite3_stmt *st)
{
	const char *sql = sqlite3_sql(st);

	for (size_t i = 0; i < n_statements; i++)
		if (strcmp(statements[i].sql, sql) == 0)
			return;
	if (n_statements == MAX_STATEMENTS) {
		complain("more than %d statements: raise MAX_STATEMENTS", MAX_STATEMENTS);
		return;
	}
	statements[n_statements].sql = strdup(sql);
	statements[n_statements++].url = statement_url;
}

static int
fill_with_stats(sqlite3 *db)
{
	size_t len;
	char *stats = data_file("tests/data/gen_stat1.sql", &len);
	int rc;

	rc = stats && db_demo_load(db) == 0 && db_exec(db, "ANALYZE; DELETE FROM sqlite_stat1") == 0 &&
	    db_exec(db, stats) == 0 ? 0 : -1;
	free(stats);
	return rc;
}

/* Whether name, in a plan's "SCAN name", is table or an alias of it in sql. */
static int
names_table(const char *sql, const char *name, const char *table)
{
	size_t tn = strlen(table), nn = strlen(name);

	if (strcmp(name, table) == 0)
		return 1;
	for (const char *p = sql; (p = strstr(p, table)) != NULL; p += tn) {
		const char *q = p + tn;

		if (p > sql && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
			continue;
		if (*q++ != ' ')
			continue;
		if (strncmp(q, "AS ", 3) == 0)
			q += 3;
		if (strncmp(q, name, nn) == 0 && !isalnum((unsigned char)q[nn]) && q[nn] != '_')
			return 1;
	}
	return 0;
}

/* The large table a plan's line scans without an index, or NULL. */
static const char *
scanned(sqlite3 *db, const char *sql, const char *detail)
{
	static char name[64], table[64];
	sqlite3_stmt *st = NULL;
	const char *hit = NULL;

	if (strncmp(detail, "SCAN ", 5) != 0 || strstr(detail, " USING ") != NULL ||
	    sscanf(detail + 5, "%63s", name) != 1)
		return NULL;
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT tbl FROM sqlite_stat1 WHERE CAST(stat AS INTEGER) > 1000",
	    -1, &st, NULL) != SQLITE_OK)
		return "sqlite_stat1";
	while (hit == NULL && sqlite3_step(st) == SQLITE_ROW)
		if (names_table(sql, name, (const char *)sqlite3_column_text(st, 0))) {
			snprintf(table, sizeof(table), "%s", (const char *)sqlite3_column_text(st, 0));
			hit = table;
		}
	sqlite3_finalize(st);
	return hit;
}

static void
check_plan(sqlite3 *db, const char *sql, const char *url)
{
	char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, explain, -1, &st, NULL) != SQLITE_OK)
		complain("%s: cannot explain %.80s: %s", url, sql, sqlite3_errmsg(db));
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3), *table;

		if (detail && (table = scanned(db, sql, detail)) != NULL)
			complain("%s scans %s (%s) in: %s", url, table, detail, sql);
	}
	sqlite3_finalize(st);
	sqlite3_free(explain);
}

static void
public_pages_scan_no_large_table(void **state)
{
	char path[] = "/tmp/lectern-plans-XXXXXX";
	const struct route *r;
	sqlite3 *db;

	(void)state;
	problems = 0;
	n_statements = 0;
	assert_int_equal(fixture_db_create(path, fill_with_stats), 0);
	db_trace_statements(on_statement);
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
		for (int json = 0; json <= 1; json++) {
			statement_url = samples[i];
			render(samples[i], json, &r);
		}
	db_trace_statements(NULL);
	db_thread_close();
	assert_true(n_statements > 20);
	assert_non_null(db = db_open(config.db_path, 0));
	for (size_t i = 0; i < n_statements; i++) {
		check_plan(db, statements[i].sql, statements[i].url);
		free(statements[i].sql);
	}
	db_close(db);
	fixture_db_remove(path);
	assert_int_equal(problems, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(public_pages_read_what_they_declare),
		cmocka_unit_test(triggers_bump_the_kind_of_their_table),
		cmocka_unit_test(public_pages_scan_no_large_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
