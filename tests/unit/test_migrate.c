/* test_migrate.c: migrations apply once, a newer database is refused, constraints hold. */
#include "unit.h"

#include "model/db.h"

static sqlite3 *
fresh(void)
{
	sqlite3 *db = db_open(":memory:", 1);

	assert_non_null(db);
	assert_int_equal(db_migrate(db, 0), 0);
	return db;
}

static int
version(sqlite3 *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA user_version");

	return (int)db_one_int(st, -1);
}

static void
applies_and_is_idempotent(void **state)
{
	sqlite3 *db = fresh();

	(void)state;
	assert_int_equal(version(db), db_schema_version());
	assert_true(db_schema_version() >= 1);
	assert_int_equal(db_migrate(db, 0), 0);
	assert_int_equal(version(db), db_schema_version());
	db_close(db);
}

static void
newer_database_refused(void **state)
{
	sqlite3 *db = fresh();

	(void)state;
	assert_int_equal(db_exec(db, "PRAGMA user_version = 9999"), 0);
	assert_int_equal(db_migrate(db, 0), -1);
	db_close(db);
}

static int
fails(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK;
}

static void
constraints(void **state)
{
	sqlite3 *db = fresh();

	(void)state;
	assert_int_equal(db_exec(db,
	    "INSERT INTO people(id, name, slug) VALUES (1, 'A', 'a');"
	    "INSERT INTO bodies(id, name, slug, kind) VALUES (1, 'TOC', 'toc', 'toc');"
	    "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (1, 'E', 'e', '2019-05-20', '2019-05-23');"
	    "INSERT INTO sessions(id, event_id, title) VALUES (1, 1, 'T');"), 0);
	/* A speaker row without a session. */
	assert_true(fails(db, "INSERT INTO appearances(session_id, person_id) VALUES (99, 1)"));
	/* A term that ends before it starts. */
	assert_true(fails(db, "INSERT INTO roles(person_id, body_id, role, starts_on, ends_on) "
	    "VALUES (1, 1, 'member', '2020-01-01', '2019-01-01')"));
	/* A seat without a seat type. */
	assert_true(fails(db, "INSERT INTO roles(person_id, body_id, role, starts_on) "
	    "VALUES (1, 1, 'seat', '2020-01-01')"));
	/* A duplicate slug. */
	assert_true(fails(db, "INSERT INTO people(name, slug) VALUES ('B', 'a')"));
	/* A slug that is not a slug, an impossible date, an unknown kind. */
	assert_true(fails(db, "INSERT INTO people(name, slug) VALUES ('B', 'B B')"));
	assert_true(fails(db, "INSERT INTO events(name, slug, starts_on, ends_on) VALUES ('x', 'x', '2019-02-30', '2019-03-01')"));
	assert_true(fails(db, "INSERT INTO sessions(event_id, title, kind) VALUES (1, 'x', 'sermon')"));
	/* An event that ends before it starts. */
	assert_true(fails(db, "INSERT INTO events(name, slug, starts_on, ends_on) VALUES ('x', 'x', '2019-03-02', '2019-03-01')"));
	/* What is valid passes. */
	assert_false(fails(db, "INSERT INTO roles(person_id, body_id, role, seat_type, starts_on) "
	    "VALUES (1, 1, 'seat', 'end_user', '2020-01-01')"));
	db_close(db);
}

static void
search_index_follows(void **state)
{
	sqlite3 *db = fresh();
	sqlite3_stmt *st;

	(void)state;
	assert_int_equal(db_exec(db,
	    "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (1, 'E', 'e', '2019-05-20', '2019-05-23');"
	    "INSERT INTO sessions(id, event_id, title) VALUES (1, 1, 'Deleting all our clusters');"
	    "UPDATE sessions SET title = 'Rebuilding everything' WHERE id = 1;"), 0);
	st = db_stmt(db, "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'clusters'");
	assert_int_equal(db_one_int(st, -1), 0);
	st = db_stmt(db, "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'rebuilding'");
	assert_int_equal(db_one_int(st, -1), 1);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(applies_and_is_idempotent),
		cmocka_unit_test(newer_database_refused),
		cmocka_unit_test(constraints),
		cmocka_unit_test(search_index_follows),
	};

	return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
