/* test_json.c: the JSON writer writes what SQLite's JSON functions write, byte for byte. */
#include "unit.h"

#include <sqlite3.h>

#include "core/json.h"

static sqlite3 *db;

/* What SQLite makes of the same text: json_quote(?1) with ?1 bound as text. */
static char *
sqlite_quote(const char *s)
{
	sqlite3_stmt *st;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT json_quote(?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void
every_byte_as_sqlite(void **state)
{
	(void)state;
	for (int c = 1; c < 256; c++) {
		char s[4] = { 'a', (char)c, 'b', 0 };
		struct buf b = BUF_INIT;
		char *want = sqlite_quote(s);

		json_quote(&b, s);
		if (strcmp(b.data, want) != 0)
			fail_msg("byte 0x%02x: we wrote %s, SQLite %s", c, b.data, want);
		buf_release(&b);
		free(want);
	}
}

static void
texts_as_sqlite(void **state)
{
	static const char *const texts[] = { "", "plain", "\"quoted\" \\ back", "tab\there\nline\r\n",
	    "<script>&amp;</script>", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8e\xa4", "\x01\x1f\x7f", "'", NULL };

	(void)state;
	for (const char *const *t = texts; *t; t++) {
		struct buf b = BUF_INIT;
		char *want = sqlite_quote(*t);

		json_quote(&b, *t);
		assert_str(b.data, want);
		buf_release(&b);
		free(want);
	}
}

/* A nested document written both ways. */
static void
document_as_sqlite(void **state)
{
	struct buf b = BUF_INIT;
	struct json j;
	sqlite3_stmt *st;

	(void)state;
	json_begin(&j, &b);
	json_object(&j);
	json_kstr(&j, "name", "Spotify \"AB\"");
	json_kstr(&j, "website", NULL);
	json_kbool(&j, "eu_member", 1);
	json_kint(&j, "n", -42);
	json_kint_or_null(&j, "year", 0, 0);
	json_key(&j, "empty");
	json_array(&j);
	json_end(&j);
	json_key(&j, "items");
	json_array(&j);
	for (int i = 1; i <= 2; i++) {
		json_object(&j);
		json_kint(&j, "id", i);
		json_key(&j, "links");
		json_raw(&j, "[\"https://a\"]");
		json_end(&j);
	}
	json_str(&j, "x");
	json_end(&j);
	json_end(&j);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT json_object('name', 'Spotify \"AB\"', 'website', NULL,"
	    " 'eu_member', json('true'), 'n', -42, 'year', NULL, 'empty', (SELECT json_group_array(1) WHERE 0),"
	    " 'items', json_array(json_object('id', 1, 'links', json('[\"https://a\"]')),"
	    " json_object('id', 2, 'links', json('[\"https://a\"]')), 'x'))", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_str(b.data, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	buf_release(&b);
}

/* Arrays of any length: a comma between every two items (a counter of the items once
 * wrapped at 256 and dropped one). */
static void
long_array(void **state)
{
	struct buf b = BUF_INIT;
	struct json j;
	size_t commas = 0;

	(void)state;
	json_begin(&j, &b);
	json_array(&j);
	for (int i = 0; i < 1000; i++)
		json_int(&j, i);
	json_end(&j);
	for (size_t i = 0; i < b.len; i++)
		commas += b.data[i] == ',';
	assert_int_equal(commas, 999);
	assert_str(b.data + b.len - 9, ",998,999]");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_byte_as_sqlite),
		cmocka_unit_test(texts_as_sqlite),
		cmocka_unit_test(document_as_sqlite),
		cmocka_unit_test(long_array),
	};
	int rc;

	sqlite3_open(":memory:", &db);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	sqlite3_close(db);
	return rc;
}
