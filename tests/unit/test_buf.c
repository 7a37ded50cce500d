/* test_buf.c: the string builder's invariants, growth, caps and the escaping helpers. */
#include "unit.h"

#include "core/buf.h"
#include "core/html.h"

static void
empty_is_terminated(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_non_null(b.data);
	assert_int_equal(b.len, 0);
	assert_str(b.data, "");
	buf_release(&b);
	assert_str(b.data, "");
}

static void
append_grows(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	for (int i = 0; i < 1000; i++)
		buf_appendf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data, "0,1,2,", 6);
	assert_str(b.data + b.len - 4, "999,");
	buf_release(&b);
}

static void
cap_fails_sticky(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	buf_puts(&b, "12345678");
	assert_false(buf_failed(&b));
	buf_puts(&b, "9");
	assert_true(buf_failed(&b));
	buf_puts(&b, "");
	buf_appendf(&b, "%s", "x");
	assert_str(b.data, "12345678");
	buf_release(&b);
}

static void
detach_hands_over(void **state)
{
	struct buf b = BUF_INIT;
	size_t n;
	char *s;

	(void)state;
	buf_puts(&b, "abc");
	s = buf_detach(&b, &n);
	assert_str(s, "abc");
	assert_int_equal(n, 3);
	assert_int_equal(b.len, 0);
	assert_str(b.data, "");
	free(s);
	s = buf_detach(&b, NULL);	/* an empty buffer still gives a string */
	assert_str(s, "");
	free(s);
}

static void
truncate_keeps_nul(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_puts(&b, "hello world");
	buf_truncate(&b, 5);
	assert_str(b.data, "hello");
	buf_truncate(&b, 50);
	assert_str(b.data, "hello");
	buf_release(&b);
}

static void
escape_html(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	html_text(&b, "<script>alert(\"x\" & 'y')</script>");
	assert_str(b.data, "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
	buf_reset(&b);
	html_attr(&b, "\" onmouseover='x'");
	assert_null(strchr(b.data, '"'));
	assert_null(strchr(b.data, '\''));
	buf_reset(&b);
	html_text(&b, NULL);
	assert_int_equal(b.len, 0);
	html_text(&b, "Zoë — 東京");
	assert_str(b.data, "Zoë — 東京");
	buf_release(&b);
}

static void
escape_url(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	url_component(&b, "a b/c?d=e&f#g%é~._-");
	assert_str(b.data, "a%20b%2Fc%3Fd%3De%26f%23g%25%C3%A9~._-");
	buf_release(&b);
}

static void
escape_json(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	json_string(&b, "a\"b\\c\nd</script>\x01");
	assert_str(b.data, "\"a\\\"b\\\\c\\u000Ad\\u003C/script\\u003E\\u0001\"");
	buf_reset(&b);
	json_string(&b, NULL);
	assert_str(b.data, "\"\"");
	buf_release(&b);
}

static void
escape_csv(void **state)
{
	struct buf b = BUF_INIT;
	static const char *formula[] = { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx" };

	(void)state;
	csv_cell(&b, "plain");
	assert_str(b.data, "plain");
	buf_reset(&b);
	csv_cell(&b, "a,b");
	assert_str(b.data, "\"a,b\"");
	buf_reset(&b);
	csv_cell(&b, "say \"hi\"\nbye");
	assert_str(b.data, "\"say \"\"hi\"\"\nbye\"");
	buf_reset(&b);
	for (size_t i = 0; i < sizeof(formula) / sizeof(formula[0]); i++) {
		buf_reset(&b);
		csv_cell(&b, formula[i]);
		assert_memory_equal(b.data, "\"'", 2);	/* quoted, and starts as text */
	}
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_is_terminated),
		cmocka_unit_test(append_grows),
		cmocka_unit_test(cap_fails_sticky),
		cmocka_unit_test(detach_hands_over),
		cmocka_unit_test(truncate_keeps_nul),
		cmocka_unit_test(escape_html),
		cmocka_unit_test(escape_url),
		cmocka_unit_test(escape_json),
		cmocka_unit_test(escape_csv),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
