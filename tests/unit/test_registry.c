/* test_registry.c: the demo data's figures match the seed report; credit follows the affiliation of the day. */
#include "unit.h"

#include "model/db.h"

static sqlite3 *
demo_db(void)
{
	sqlite3 *db = db_open(":memory:", 1);

	assert_non_null(db);
	assert_int_equal(db_migrate(db, 0), 0);
	assert_int_equal(db_demo_load(db), 0);
	return db;
}

static long long
figure(sqlite3 *db, const char *column_sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, column_sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#define SPOTIFY(col) "SELECT " col " FROM org_figures f JOIN organizations o ON o.id = f.org_id WHERE o.slug = 'spotify'"

static void
spotify_by_the_numbers(void **state)
{
	sqlite3 *db = demo_db();

	(void)state;
	assert_int_equal(figure(db, SPOTIFY("keynotes")), 2);
	assert_true(figure(db, SPOTIFY("talks")) >= 15);
	assert_int_equal(figure(db, SPOTIFY("toc_seats")), 1);
	assert_int_equal(figure(db, SPOTIFY("toc_seats_current")), 1);
	assert_int_equal(figure(db, SPOTIFY("projects")), 1);
	assert_true(figure(db, SPOTIFY("colocated_talks")) >= 2);	/* EnvoyCon and gRPCconf */
	/* One SIG co-chair: James Wen, Developer Experience. */
	assert_int_equal(figure(db, "SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id"
	    " JOIN organizations o ON o.id = r.org_id WHERE o.slug = 'spotify' AND r.role = 'co-chair'"
	    " AND b.kind IN ('sig', 'end_user_sig', 'tag')"), 1);
	/* Austin Lamon's three KubeCon talks. */
	assert_int_equal(figure(db, "SELECT count(*) FROM appearances a JOIN people p ON p.id = a.person_id"
	    " JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id"
	    " WHERE p.slug = 'austin-lamon' AND e.name LIKE 'KubeCon%'"), 3);
	/* Kateryna Nezdolli at EnvoyCon. */
	assert_true(figure(db, "SELECT count(*) FROM appearances a JOIN people p ON p.id = a.person_id"
	    " JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id"
	    " WHERE p.slug = 'kateryna-nezdolli' AND e.series = 'EnvoyCon'") >= 1);
	db_close(db);
}

static void
figures_are_queries(void **state)
{
	sqlite3 *db = demo_db();

	(void)state;
	/* A cancelled keynote does not count; a new one does, at once. */
	assert_int_equal(db_exec(db, "UPDATE sessions SET status = 'cancelled' WHERE id = 5"), 0);
	assert_int_equal(figure(db, SPOTIFY("keynotes")), 1);
	assert_int_equal(db_exec(db, "UPDATE sessions SET status = 'scheduled' WHERE id = 5;"
	    "INSERT INTO sessions(id, event_id, title, kind, starts_at) VALUES (100, 12, 'K', 'keynote', '2021-10-14T09:00:00-07:00');"
	    "INSERT INTO appearances(session_id, person_id) VALUES (100, 3);"), 0);
	assert_int_equal(figure(db, SPOTIFY("keynotes")), 3);
	db_close(db);
}

static void
credit_stays_with_earlier_employer(void **state)
{
	sqlite3 *db = demo_db();
	static const char org_of[] = "SELECT o.slug = '%s' FROM appearances a JOIN organizations o ON o.id = a.org_id"
	    " WHERE a.session_id = %d AND a.person_id = 6";
	char sql[256];

	(void)state;
	/* Maria Lindqvist: Spotify until 2019-12-31, Google since 2020-01-01. */
	snprintf(sql, sizeof(sql), org_of, "spotify", 19);	/* 2019-11-21 */
	assert_int_equal(figure(db, sql), 1);
	snprintf(sql, sizeof(sql), org_of, "google", 20);	/* 2021-05-06 */
	assert_int_equal(figure(db, sql), 1);
	/* Her move is recorded later still: the old talk keeps its credit. */
	assert_int_equal(db_exec(db, "UPDATE affiliations SET until = '2018-12-31' WHERE person_id = 6 AND org_id = 1"), 0);
	snprintf(sql, sizeof(sql), org_of, "spotify", 19);
	assert_int_equal(figure(db, sql), 1);
	/* A new appearance is credited from the affiliation of its day. */
	assert_int_equal(db_exec(db, "INSERT INTO sessions(id, event_id, title, starts_at) VALUES (101, 4, 'T', '2019-05-22T10:00:00+02:00');"
	    "INSERT INTO appearances(session_id, person_id) VALUES (101, 6);"), 0);
	assert_int_equal(figure(db, "SELECT org_id IS NULL FROM appearances WHERE session_id = 101"), 1);
	db_close(db);
}

static void
demo_refuses_a_full_database(void **state)
{
	sqlite3 *db = demo_db();

	(void)state;
	assert_int_equal(db_demo_load(db), -1);
	assert_int_equal(figure(db, "SELECT count(*) FROM organizations WHERE slug = 'spotify'"), 1);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spotify_by_the_numbers),
		cmocka_unit_test(figures_are_queries),
		cmocka_unit_test(credit_stays_with_earlier_employer),
		cmocka_unit_test(demo_refuses_a_full_database),
	};

	return cmocka_run_group_tests_name("registry", tests, NULL, NULL);
}
