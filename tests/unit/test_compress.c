/* test_compress.c: Accept-Encoding's choice, and gzip bodies and streams that inflate back to the input. */
#include "unit.h"

#include <zlib.h>

#include "core/compress.h"

#define ALL	((1u << CODING_GZIP) | (1u << CODING_BR))

static void
choose_by_q_values(void **state)
{
	(void)state;
	assert_int_equal(coding_choose(NULL, ALL), CODING_IDENTITY);
	assert_int_equal(coding_choose("", ALL), CODING_IDENTITY);
	assert_int_equal(coding_choose("gzip", ALL), CODING_GZIP);
	assert_int_equal(coding_choose("gzip, deflate, br", ALL), CODING_BR);
	assert_int_equal(coding_choose("gzip, deflate, br", 1u << CODING_GZIP), CODING_GZIP);
	assert_int_equal(coding_choose("br;q=0.5, gzip", ALL), CODING_GZIP);
	assert_int_equal(coding_choose("br;q=0.5, gzip;q=0.4", ALL), CODING_BR);
	assert_int_equal(coding_choose("gzip;q=0, br;q=0", ALL), CODING_IDENTITY);
	assert_int_equal(coding_choose("GZIP ; Q=0.001", ALL), CODING_GZIP);
	assert_int_equal(coding_choose("*", ALL), CODING_BR);
	assert_int_equal(coding_choose("*;q=0.2, br;q=0", ALL), CODING_GZIP);
	assert_int_equal(coding_choose("identity", ALL), CODING_IDENTITY);
	assert_int_equal(coding_choose("deflate, x-gzip", ALL), CODING_IDENTITY);
	assert_int_equal(coding_choose("gzipped, brotli", ALL), CODING_IDENTITY);
	assert_int_equal(coding_choose("gzip;q=2", ALL), CODING_IDENTITY);	/* malformed */
	assert_int_equal(coding_choose("gzip", 0), CODING_IDENTITY);
	assert_int_equal(coding_choose(",,; ;q=,gzip;;q=1.0", ALL), CODING_GZIP);
}

static void
types_that_gain(void **state)
{
	(void)state;
	assert_true(coding_suits("text/html; charset=utf-8"));
	assert_true(coding_suits("application/json"));
	assert_true(coding_suits("text/csv; charset=utf-8; header=present"));
	assert_true(coding_suits("application/xml; charset=utf-8"));
	assert_true(coding_suits("text/calendar; charset=utf-8"));
	assert_true(coding_suits("image/svg+xml"));
	assert_false(coding_suits("image/png"));
	assert_false(coding_suits("font/woff2"));
	assert_false(coding_suits(NULL));
}

static void
inflated(const struct buf *gz, struct buf *out)
{
	z_stream z = { 0 };
	char tmp[4096];
	int rc;

	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)gz->data;
	z.avail_in = (uInt)gz->len;
	do {
		z.next_out = (Bytef *)tmp;
		z.avail_out = sizeof(tmp);
		rc = inflate(&z, Z_NO_FLUSH);
		assert_true(rc == Z_OK || rc == Z_STREAM_END);
		buf_append(out, tmp, sizeof(tmp) - z.avail_out);
	} while (rc != Z_STREAM_END);
	assert_int_equal(z.avail_in, 0);	/* one member, nothing after it */
	inflateEnd(&z);
}

static void
gzip_round_trip(void **state)
{
	struct buf in = BUF_INIT, whole = BUF_INIT, piecewise = BUF_INIT, back = BUF_INIT;
	struct zstream *z;

	(void)state;
	for (int i = 0; i < 20000; i++)
		buf_appendf(&in, "<tr><td>Session %d</td><td>%c</td></tr>\n", i, 'a' + i * 7 % 26);
	assert_int_equal(compress_body(CODING_GZIP, 6, in.data, in.len, &whole), 0);
	assert_true(whole.len < in.len / 4);
	inflated(&whole, &back);
	assert_int_equal(back.len, in.len);
	assert_memory_equal(back.data, in.data, in.len);

	/* A stream fed in uneven pieces gives the same bytes back. */
	assert_non_null(z = zstream_new(CODING_GZIP, 6));
	for (size_t off = 0, step = 1; off < in.len; off += step, step = step * 3 % 40000 + 1)
		assert_int_equal(zstream_put(z, in.data + off, off + step > in.len ? in.len - off : step, 0,
		    &piecewise), 0);
	assert_int_equal(zstream_put(z, NULL, 0, 1, &piecewise), 0);
	zstream_free(z);
	buf_reset(&back);
	inflated(&piecewise, &back);
	assert_int_equal(back.len, in.len);
	assert_memory_equal(back.data, in.data, in.len);
	buf_release(&in), buf_release(&whole), buf_release(&piecewise), buf_release(&back);
}

static void
br_is_smaller_and_ends(void **state)
{
	struct buf in = BUF_INIT, gz = BUF_INIT, br = BUF_INIT;

	(void)state;
	for (int i = 0; i < 5000; i++)
		buf_appendf(&in, "{\"name\":\"Speaker %d\",\"org\":\"Org %d\"},", i, i % 97);
	assert_int_equal(compress_body(CODING_GZIP, 6, in.data, in.len, &gz), 0);
	assert_int_equal(compress_body(CODING_BR, 5, in.data, in.len, &br), 0);
	assert_true(br.len > 0 && br.len < gz.len);
	/* An empty body is still a whole stream. */
	buf_reset(&gz);
	assert_int_equal(compress_body(CODING_GZIP, 6, "", 0, &gz), 0);
	assert_true(gz.len >= 20);
	buf_release(&in), buf_release(&gz), buf_release(&br);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(choose_by_q_values),
		cmocka_unit_test(types_that_gain),
		cmocka_unit_test(gzip_round_trip),
		cmocka_unit_test(br_is_smaller_and_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
