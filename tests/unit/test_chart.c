/* test_chart.c: the SVG charts draw every year of their range, escape their labels, and parse with libxml2. */
#include "unit.h"

#include <libxml/parser.h>
#include <string.h>

#include "core/buf.h"
#include "pages/chart.h"
#include "pages/report_text.h"

/* The SVG of b (from <svg to </svg>) parses as XML: no markup leaked from a label. */
static int
svg_parses(const struct buf *b)
{
	const char *from = strstr(b->data, "<svg"), *to = strstr(b->data, "</svg>");
	xmlDocPtr doc;

	if (from == NULL || to == NULL)
		return 0;
	doc = xmlReadMemory(from, (int)(to + 6 - from), "chart.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	xmlFreeDoc(doc);
	return doc != NULL;
}

static void
every_year_with_zeros(void **state)
{
	static const long long values[] = { 4, 0, 0, 3 };
	static const char *const series[] = { "Sessions" };
	struct buf b = BUF_INIT;

	(void)state;
	chart_bars(&b, &(struct chart_bars){ "c", "Sessions per year", "Sessions", 2018, 4, series, 1, values });
	for (int y = 2018; y <= 2021; y++) {
		char label[32];

		snprintf(label, sizeof(label), ">%d</text>", y);
		assert_non_null(strstr(b.data, label));
	}
	assert_non_null(strstr(b.data, "2019: 0. 2020: 0. "));
	assert_non_null(strstr(b.data, ">Year</text>"));
	assert_non_null(strstr(b.data, ">Sessions</text>"));
	assert_true(svg_parses(&b));
	buf_release(&b);
}

static void
labels_escaped(void **state)
{
	static const long long values[] = { 1, 2 };
	static const char *const series[] = { "<script>alert(1)</script>", "a\"b&c" };
	static const struct chart_span spans[] = { { "<img src=x onerror=alert(1)>", "2019-02-01", NULL },
		{ "O'Brien & \"Co\"", "2018-01-01", "2020-12-31" } };
	struct buf b = BUF_INIT;

	(void)state;
	chart_bars(&b, &(struct chart_bars){ "c", "<b>title</b>", "<i>y</i>", 2020, 1, series, 2, values });
	chart_gantt(&b, &(struct chart_gantt){ "g", "Terms", 2018, 2021, "2021-06-01", spans, 2 });
	assert_null(strstr(b.data, "<script>"));
	assert_null(strstr(b.data, "<img"));
	assert_null(strstr(b.data, "<b>title"));
	assert_non_null(strstr(b.data, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(b.data, "O&#39;Brien &amp; &quot;Co&quot;"));
	assert_true(svg_parses(&b));
	buf_release(&b);
}

static void
rounded_as_reports_do(void **state)
{
	struct request req;

	(void)state;
	req_init(&req);
	assert_string_equal(report_rounded(&req, 7), "7");
	assert_string_equal(report_rounded(&req, 17), "15+");
	assert_string_equal(report_rounded(&req, 15), "15");
	assert_string_equal(report_rounded(&req, 123), "120+");
	assert_string_equal(report_rounded(&req, 27310), "27K+");
	req_free(&req);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_year_with_zeros),
		cmocka_unit_test(labels_escaped),
		cmocka_unit_test(rounded_as_reports_do),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
