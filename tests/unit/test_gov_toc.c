/* test_gov_toc.c: the TOC members list of cncf/toc README.md, from its 2016 to its 2025 shapes. */
#include "unit.h"
#include "data.h"

#include "core/buf.h"
#include "import/gov_toc.h"

static void
collect(void *arg, int line, const char *message)
{
	buf_appendf(arg, "%d: %s\n", line, message);
}

/* One member as "name|github|seat|start|end|term|months|flags|roles|review". */
static void
render(const struct toc_member *m, struct buf *b)
{
	const char *seat = toc_seat_code(m->seat);

	buf_appendf(b, "%s|%s|%s|%s|%s|%s|%d|%s%s%s|", m->name, m->github ? m->github : "",
	    seat ? seat : "", m->start, m->end, m->term ? m->term : "", m->term_months,
	    m->chair ? "c" : "", m->alternate ? "a" : "", m->shadow ? "s" : "");
	for (size_t i = 0; i < m->nroles; i++)
		buf_appendf(b, "%s%s", i ? "," : "", m->roles[i]);
	buf_appendf(b, "|%s", m->review ? m->review : "");
}

/* Parses a fixture and compares every member with want (NULL-terminated). */
static void
check(const char *path, const char *const *want, const char *warnings)
{
	struct buf w = BUF_INIT, b = BUF_INIT;
	struct toc_list *l;
	struct gov_err err;
	size_t len, i;
	char *text = data_file(path, &len);

	assert_int_equal(gov_toc_parse(text, len, collect, &w, &l, &err), 0);
	for (i = 0; want[i]; i++) {
		assert_true(i < l->n);
		buf_reset(&b);
		render(&l->members[i], &b);
		if (strcmp(b.data, want[i]))
			printf("# line %d\n#  got  %s\n#  want %s\n", l->members[i].line, b.data, want[i]);
		assert_str(b.data, want[i]);
	}
	assert_int_equal(l->n, i);
	if (warnings)
		assert_str(w.data, warnings);
	gov_toc_free(l);
	buf_release(&w);
	buf_release(&b);
	free(text);
}

static void
readme_2018(void **state)
{
	static const char *const want[] = {
		"Jonathan Boulle|||2016-01-29||3 years|36|||no seat type",
		"Bryan Cantrill|||2016-01-29||3 years|36|||no seat type",
		"Brian Grant|||2016-03-17||2 years|24|||no seat type",
		"Sam Lambert|||2017-10-02||16 months|16|||no seat type",
		NULL,
	};

	(void)state;
	check("tests/data/gov/toc-2018.md", want, NULL);
}

static void
readme_2022(void **state)
{
	static const char *const want[] = {
		"Justin Cormack||maintainer|2022-02-04|2024-02-04|2 years|24|||",
		"Ricardo Rocha||end_user|2022-02-04|2024-02-04||0|||",
		"Emily Fox||gb|2022-02-04|2024-02-04|2 years|24|c||",
		"Katie Gamanji||toc|2022-03-18|2024-03-18|2 years|24|||",
		"Cathy Zhang||gb|2023-02-01|2025-02-01|2 years|24|||",
		"Liz Rice||gb|2020-02-04|2022-02-04|2 years|24|c||",
		"Ricardo Rocha||end_user|2021-02-01|2022-02-04|remainder of 2 years|0|||",
		NULL,
	};

	(void)state;
	check("tests/data/gov/toc-2022.md", want, "");
}

static void
readme_2025(void **state)
{
	static const char *const want[] = {
		"Alex Chircop||toc|2025-03-04|2027-03-04|2 years|24|||",
		"Faseela K||gb|2025-03-04|2027-03-04|2 years|24|||",
		"Karena Angell||gb|2025-03-04|2027-03-04|2 years|24|c||",
		"Lin Sun||gb|2024-02-04|2026-02-04|2 years|24|||",
		"Ricardo Rocha||end_user|2024-02-04|2026-02-04|2 years|24|||",
		"Kevin Klues||toc|2025-03-04|2026-03-04|1 year|12|s||",
		NULL,
	};

	(void)state;
	check("tests/data/gov/toc-2025.md", want, "");
}

static void
irregular_lines(void **state)
{
	static const char *const want[] = {
		"Ada Hopper|ahopper|toc|2021-03-18|2023-03-18|2 years|24|||",
		"Grace Lovelace|glovelace|gb|2021-03-18|2022-03-18|remainer of previous term|0|a||",
		"Alan Turing||maintainer|2024-02-04||2 years|24|||the end date is before the start "
		    "date: the start is kept, the end left open",
		"Barbara Liskov||end_user|2024-02-04|2026-02-04|2 years|24||TOC Vice Chair,Emeritus|",
		"Edsger Dijkstra||gb|||2 years|24|||a term date that is not a real date; no start date",
		"Donald Knuth||gb||||0|||no start date",
		"Frances Allen||toc|2024-02-04|2026-02-04|2 years|24|||two seat types on one line",
		"John Backus|jbackus|gb|2024-02-04|2026-02-04|2 years|24|||",
		"Niklaus Wirth||toc|2024-02-04|2026-02-04|2 years|24|||",
		NULL,
	};
	static const char warnings[] =
	    "7: the end date is before the start date: the start is kept, the end left open\n"
	    "9: a term date that is not a real date\n9: no start date\n10: no start date\n"
	    "11: two seat types on one line\n13: a member line without a name: skipped\n";

	(void)state;
	check("tests/data/gov/toc-irregular.md", want, warnings);
}

static void
refused(void **state)
{
	struct toc_list *l = (struct toc_list *)1;
	struct gov_err err;
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(gov_toc_parse("# TOC\n\nno list here\n", 20, NULL, NULL, &l, &err), -1);
	assert_null(l);
	assert_non_null(strstr(err.msg, "Members"));
	assert_int_equal(gov_toc_parse("## Members\n* **J\xc3\x28** [GB-appointed]\n", 38, NULL,
	    NULL, &l, &err), -1);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "UTF-8"));
	assert_int_equal(gov_toc_parse("## Members\n* **A\0B**\n", 21, NULL, NULL, &l, &err), -1);
	assert_non_null(strstr(err.msg, "NUL"));
	buf_puts(&b, "## Members\n* **");
	for (int i = 0; i < TOC_LINE_MAX; i++)
		buf_putc(&b, 'x');
	assert_int_equal(gov_toc_parse(b.data, b.len, NULL, NULL, &l, &err), -1);
	assert_non_null(strstr(err.msg, "longer"));
	buf_reset(&b);
	buf_puts(&b, "## Members\n");
	for (int i = 0; i <= TOC_MEMBERS_MAX; i++)
		buf_puts(&b, "* **A B** (term: 2 years - start date: 1/1/2020) [GB-appointed]\n");
	assert_int_equal(gov_toc_parse(b.data, b.len, NULL, NULL, &l, &err), -1);
	assert_int_equal(err.line, TOC_MEMBERS_MAX + 2);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(readme_2018),
		cmocka_unit_test(readme_2022),
		cmocka_unit_test(readme_2025),
		cmocka_unit_test(irregular_lines),
		cmocka_unit_test(refused),
	};

	return cmocka_run_group_tests_name("gov_toc", tests, NULL, NULL);
}
