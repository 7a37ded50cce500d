/* test_bounds.c: what bounds a costly request: the search's words, the database's time
 * budget, the export pool and the watch over slow streams. */
#include "unit.h"

#include "fixture.h"
#include "http/streams.h"
#include "core/fuzzy.h"
#include "model/search_query.h"

static char dbpath[] = "/tmp/lectern-test-bounds-XXXXXX";

static const char *
query(const char *q)
{
	static struct request req;
	const char *out;

	req_free(&req);
	req_init(&req);
	out = search_fts_query(&req, q);
	return out ? out : "(none)";
}

static void
words_become_terms(void **state)
{
	(void)state;
	assert_str(query(NULL), "(none)");
	assert_str(query(" \t-- ,;"), "(none)");
	/* Long enough: a prefix too; short: only the word itself. */
	assert_str(query("Kubernetes envoy"), "\"Kubernetes\"* AND \"envoy\"*");
	assert_str(query("kub"), "\"kub\"*");
	assert_str(query("k8 a"), "\"k8\" AND \"a\"");
	/* Characters, not bytes: "Öl" is two. */
	assert_str(query("\xc3\x96l \xc3\x96lz"), "\"\xc3\x96l\" AND \"\xc3\x96lz\"*");
	/* FTS5's syntax never reaches the query: a quoted phrase, OR between two terms, and
	 * the rest words. */
	assert_str(query("say \"hi\" OR NEAR(x y)*"), "\"say\"* AND (\"hi\" OR \"NEAR\"*) AND \"x\" AND \"y\"");
	assert_str(query("\"kubecon europe\" 2019"), "\"kubecon europe\" AND \"2019\"*");
	assert_str(query("envoy OR grpc OR helm cloud"), "(\"envoy\"* OR \"grpc\"* OR \"helm\"*) AND \"cloud\"*");
	assert_str(query("OR or OR"), "\"or\"");
	assert_str(query("\"unclosed phrase"), "\"unclosed phrase\"");
	/* c++ is the letter c as the index keeps it: no prefix, and a literal (search.c). */
	assert_str(query("C++ (C#)"), "\"C\" AND \"C\"");
	/* Typographic quotes and dashes do not make a word longer. */
	assert_str(query("\xe2\x80\x9c" "a\xe2\x80\x9d \xe2\x80\x94 O\xe2\x80\x99" "Brien"),
	    "\"a\" AND \"O\" AND \"Brien\"*");
}

static void
words_are_capped(void **state)
{
	char q[256] = "";

	(void)state;
	for (int i = 0; i < 99; i++)
		strcat(q, i ? " x" : "x");
	assert_int_equal(search_terms(q), 99);
	assert_str(query(q), "\"x\" AND \"x\" AND \"x\" AND \"x\" AND \"x\" AND \"x\" AND \"x\" AND \"x\"");
	assert_int_equal(search_terms("one two"), 2);
	assert_int_equal(search_terms(""), 0);
}

static const char *
literals(const char *q)
{
	static struct request req;
	struct search_words w;
	const char *out;

	req_free(&req);
	req_init(&req);
	search_parse(&req, q, &w);
	out = search_literals(&req, &w);
	return out ? out : "(none)";
}

/* Words written with + or # must be found as written; OR leaves either side free. */
static void
literals_are_kept(void **state)
{
	(void)state;
	assert_str(literals("kubernetes"), "(none)");
	assert_str(literals("C++ talks"), "[\"c++\"]");
	assert_str(literals("(c#), f#."), "[\"c#\",\"f#\"]");
	assert_str(literals("c++ OR rust"), "(none)");
	assert_str(literals("\"c++ in production\""), "(none)");
}

/* The words tried for one no index knows are ORed with it, in a group of its own. */
static void
alternatives_are_ored(void **state)
{
	static struct request req;
	struct search_words w;

	(void)state;
	req_init(&req);
	search_parse(&req, "kubernets envoi OR helm", &w);
	w.terms[0].alts[0] = "kubernetes";
	w.terms[1].alts[0] = "envoy";
	w.terms[1].alts[1] = "envy";
	assert_str(search_fts(&req, &w),
	    "(\"kubernets\"* OR \"kubernetes\") AND ((\"envoi\"* OR \"envoy\" OR \"envy\") OR \"helm\"*)");
	req_free(&req);
}

/* The distance typo tolerance allows: one edit in a short word, two in a long one. */
static void
distances(void **state)
{
	(void)state;
	assert_int_equal(fuzzy_distance("kubernets", 9, "kubernetes", 10, 2), 1);
	assert_int_equal(fuzzy_distance("zolotuski", 9, "zolotusky", 9, 2), 1);
	assert_int_equal(fuzzy_distance("envyo", 5, "envoy", 5, 2), 1);	/* neighbours swapped */
	assert_int_equal(fuzzy_distance("grpc", 4, "helm", 4, 2), 3);		/* past max: max + 1 */
	assert_int_equal(fuzzy_distance("a", 1, "abcdef", 6, 2), 3);
	assert_int_equal(fuzzy_allowance(3), 0);
	assert_int_equal(fuzzy_allowance(5), 1);
	assert_int_equal(fuzzy_allowance(9), 2);
}

/* A statement that runs for ever (a million-row recursion, sorted) within a 30 ms budget. */
static void
budget_interrupts(void **state)
{
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	struct timespec t0, t1;
	long ms;
	int rc;

	(void)state;
	assert_non_null(db);
	assert_int_equal(sqlite3_prepare_v2(db, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL"
	    " SELECT n + 1 FROM c WHERE n < 100000000) SELECT n FROM c ORDER BY -n LIMIT 1",
	    -1, &st, NULL), SQLITE_OK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	db_budget_begin(db, 30);
	rc = sqlite3_step(st);
	assert_int_equal(db_budget_end(db), 1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sqlite3_finalize(st);
	assert_int_equal(rc, SQLITE_INTERRUPT);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 30 && ms < 500);
	/* A quick statement within its budget; and none once it has ended. */
	db_budget_begin(db, 30);
	assert_int_equal(db_one_int(db_stmt(db, "SELECT 42"), 0), 42);
	assert_int_equal(db_budget_end(db), 0);
	assert_int_equal(db_one_int(db_stmt(db, "SELECT 43"), 0), 43);
}

static void
pool_is_bounded(void **state)
{
	sqlite3 *held[64] = { NULL };
	int n = db_pool_size();

	assert_true(n <= 64);

	(void)state;
	assert_int_equal(n, 2 * config.threads);
	for (int i = 0; i < n; i++)
		assert_non_null(held[i] = db_pool_take());
	assert_null(db_pool_take());
	/* Given back, a connection is handed out again: the same one, still open. */
	db_pool_give(held[0]);
	assert_ptr_equal(db_pool_take(), held[0]);
	assert_int_equal(db_one_int(db_stmt(held[0], "SELECT count(*) FROM sessions"), -1), 0);
	for (int i = 0; i < n; i++)
		db_pool_give(held[i]);
	db_pool_close();
}

static void
slow_streams_are_cut(void **state)
{
	(void)state;
	/* The first window is not over: nothing is judged yet. */
	assert_false(streams_too_slow(5, 5, 0));
	/* 10 s at 16 KiB/s is the least a window may carry. */
	assert_false(streams_too_slow(30, STREAM_WINDOW_S, STREAM_WINDOW_S * STREAM_MIN_RATE));
	assert_true(streams_too_slow(30, STREAM_WINDOW_S, STREAM_WINDOW_S * STREAM_MIN_RATE - 1));
	/* A stopped reader, whatever it took at first. */
	assert_true(streams_too_slow(20, 10, 0));
	/* Past the deadline, however fast. */
	assert_true(streams_too_slow(STREAM_DEADLINE_S + 1, 1, 1 << 30));
}

static int
setup(void **state)
{
	(void)state;
	return fixture_db_create(dbpath, NULL);
}

static int
teardown(void **state)
{
	(void)state;
	fixture_db_remove(dbpath);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_become_terms),
		cmocka_unit_test(words_are_capped),
		cmocka_unit_test(literals_are_kept),
		cmocka_unit_test(alternatives_are_ored),
		cmocka_unit_test(distances),
		cmocka_unit_test(budget_interrupts),
		cmocka_unit_test(pool_is_bounded),
		cmocka_unit_test(slow_streams_are_cut),
	};

	return cmocka_run_group_tests_name("bounds", tests, setup, teardown);
}
