/* test_migrate.c: migrations apply once, a newer database is refused, constraints hold. */
#include "unit.h"

#include "core/embed.h"
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

static char *
text_of(sqlite3 *db, const char *sql)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		buf_puts(&b, (const char *)sqlite3_column_text(st, 0));
	else
		buf_puts(&b, "(null)");
	sqlite3_finalize(st);
	return buf_detach(&b, NULL);
}

/* A database of schema 5 holding URLs with line breaks and tabs, as the importer stored
 * them: 0006 removes them, keeps the others, and refuses any more from anyone. */
static void
urls_without_controls(void **state)
{
	sqlite3 *db = db_open(":memory:", 1);
	char *v;

	(void)state;
	for (unsigned long i = 0; i < schema_files_count; i++)
		if (atoi(schema_files[i].name) <= 5)
			assert_int_equal(db_exec(db, (const char *)schema_files[i].data), 0);
	assert_int_equal(db_exec(db, "PRAGMA user_version = 5;"
	    "INSERT INTO events(id, name, slug, starts_on, ends_on, url) VALUES (1, 'E', 'e', '2019-05-20',"
	    " '2019-05-21', 'https://e.org/' || char(13, 10) || 'BEGIN:VEVENT');"
	    "INSERT INTO sessions(id, event_id, title, url, video_url) VALUES (1, 1, 'T', 'https://ok.org/',"
	    " 'https://v.org/' || char(9));"
	    "INSERT INTO people(id, name, slug, links) VALUES (1, 'P', 'p',"
	    " json_array('https://a.org/', 'https://b.org/' || char(10)));"), 0);
	assert_int_equal(db_migrate(db, 0), 0);
	assert_str(v = text_of(db, "SELECT url FROM events"), "(null)"), free(v);
	assert_str(v = text_of(db, "SELECT url || ' ' || coalesce(video_url, '-') FROM sessions"),
	    "https://ok.org/ -"), free(v);
	assert_str(v = text_of(db, "SELECT links FROM people"), "[\"https://a.org/\"]"), free(v);
	assert_true(fails(db, "INSERT INTO sessions(event_id, title, url) VALUES (1, 'x', 'https://x.org/' || char(10))"));
	assert_true(fails(db, "UPDATE sessions SET video_url = 'https://x.org/ y'"));
	assert_true(fails(db, "INSERT INTO organizations(name, slug, website) VALUES ('O', 'o', 'https://o.org/' || char(133))"));
	assert_true(fails(db, "UPDATE events SET url = 'https://e.org/' || char(0) || 'x'"));
	assert_true(fails(db, "INSERT INTO bodies(name, slug, kind, url) VALUES ('B', 'b', 'sig', 'https://b.org/' || char(127))"));
	assert_true(fails(db, "INSERT INTO projects(name, slug, maturity, url) VALUES ('J', 'j', 'sandbox', 'https://j.org/' || char(13))"));
	assert_true(fails(db, "UPDATE people SET links = json_array('https://b.org/' || char(13))"));
	assert_false(fails(db, "UPDATE sessions SET url = 'https://caf\xc3\xa9.org/?q=1'"));
	assert_false(fails(db, "UPDATE people SET links = json_array('https://a.org/', 'https://c.org/')"));
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
		cmocka_unit_test(urls_without_controls),
	};

	return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
