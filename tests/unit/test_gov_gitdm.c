/* test_gov_gitdm.c: gitdm developers_affiliations files: real shapes, refusals, stopping,
 * and a generated 10,000-person file for speed and a 100,000-person one for flat memory. */
#include "unit.h"
#include "data.h"

#include <sys/resource.h>
#include <time.h>

#include "core/buf.h"
#include "import/gov_gitdm.h"

struct seen {
	struct buf	out, warnings;
	size_t		persons, spans, emails;
	size_t		stop_after;	/* 0: never */
};

static void
collect(void *arg, int line, const char *message)
{
	struct seen *s = arg;

	buf_appendf(&s->warnings, "%d: %s\n", line, message);
}

/* Renders each person as "line handle[*] <emails> | company from-until; ..." */
static int
render(void *arg, const struct gitdm_person *p)
{
	struct buf *b = &((struct seen *)arg)->out;

	buf_appendf(b, "%d %s%s <", p->line, p->handle, p->asterisk ? "*" : "");
	for (size_t i = 0; i < p->nemails; i++)
		buf_appendf(b, "%s%s", i ? " " : "", p->emails[i]);
	buf_puts(b, ">");
	for (size_t i = 0; i < p->nspans; i++)
		buf_appendf(b, "%s%s %s-%s", i ? "; " : " | ", p->spans[i].company,
		    p->spans[i].from, p->spans[i].until);
	buf_puts(b, "\n");
	return 0;
}

static int
count(void *arg, const struct gitdm_person *p)
{
	struct seen *s = arg;

	s->persons++;
	s->spans += p->nspans;
	s->emails += p->nemails;
	return s->stop_after && s->persons == s->stop_after ? 7 : 0;
}

static void
real_shapes(void **state)
{
	static const char want[] =
	    "6 007 <007@users.noreply.github.com ryan@espressive.com> | Espressive -\n"
	    "8 00r2 <00r2@users.noreply.github.com> | PerkinElmer Inc. -2014-08-01; "
	    "Independent 2014-08-01-2015-10-01; PwC 2015-10-01-2020-01-01; "
	    "Simplebet Inc. 2020-01-01-\n"
	    "13 0xANDREW <0xANDREW@users.noreply.github.com> | Raiffeisen Bank Russia -2014-02-01; "
	    "Tinkoff Bank 2016-10-01-\n"
	    "16 0xANDREW <andrew.wright502@gmail.com> | Independent -2016-02-01; "
	    "Cover Genius 2020-03-01-\n"
	    "19 123liuziming <123liuziming@users.noreply.github.com> | Independent -2020-09-01; "
	    "\xe7\x88\xb1\xe5\xa5\x87\xe8\x89\xba \xc2\xb7 Internship 2020-09-01-2021-03-01; "
	    "Alibaba Group 2022-03-01-\n"
	    "23 ImgBotApp <31427850+imgbotapp@users.noreply.github.com help@imgbot.net> | "
	    "(Robots) -\n"
	    "26 videlanicolas <videlanicolas@users.noreply.github.com> | "
	    "DataArt Solutions Inc. DBA: DeviceHive 2022-07-01-\n"
	    "28 vikborisov <vikborisov@users.noreply.github.com> | Re:point 2019-08-01-\n"
	    "30 vikaschoudhary16 <choudharyvikas16@gmail.com vikas.choudhary@imaginea.com> | "
	    "Imaginea 2015-08-01-2016-07-29; Red Hat Inc. 2016-07-29-2019-09-13; "
	    "Tetrate.io 2019-09-13-\n"
	    "34 jonathanperret <j-github@jonathanperret.net jonathan@ut7.fr> | /ut7 -\n"
	    "36 victorjdg <victorjdg@users.noreply.github.com> | MTP 2024-10-01-2026-01-01; "
	    "ITnow 2026-01-01-\n"
	    "39 baddates <baddates@users.noreply.github.com> | Acme 2019-01-01-\n"
	    "46 spaced* <spaced@example.org> | Spaces Instead Of Tabs 2017-05-01-\n"
	    "48 crlf <crlf@example.org> | Windows Line Ends -2019-01-01\n"
	    "50 HalfBottleOfMind <andromalak222@gmail.com> | \xd0\x9f\xd0\x90\xd0\x9e "
	    "\xd0\xad\xd0\xbb\xd0\xb5\xd0\xba\xd1\x82\xd1\x80\xd0\xbe\xd0\xbf\xd1\x80\xd0\xb8"
	    "\xd0\xb1\xd0\xbe\xd1\x80 2015-08-01-2018-11-01; Independent -\n";
	static const char warnings[] =
	    "5: an affiliation before any handle: skipped\n"
	    "34: 'jonathan' is not an email (no '!'): skipped\n"
	    "40: a date that is not YYYY-MM-DD: skipped\n"
	    "41: 'until' is not after 'from': skipped\n"
	    "43: an affiliation without a company: skipped\n"
	    "44: not a 'handle: emails' line: block skipped\n";
	struct seen s = { BUF_INIT, BUF_INIT, 0, 0, 0, 0 };
	struct gov_err err;
	size_t len;
	char *text = data_file("tests/data/gov/gitdm-affiliations.txt", &len);
	FILE *f;

	(void)state;
	assert_int_equal(gov_gitdm_parse(text, len, render, collect, &s, &err), 0);
	if (strcmp(s.out.data, want))
		printf("# got\n%s", s.out.data);
	assert_str(s.out.data, want);
	assert_str(s.warnings.data, warnings);
	/* The same from a stream, and without a warning callback. */
	buf_reset(&s.out);
	assert_non_null(f = fopen("tests/data/gov/gitdm-affiliations.txt", "r"));
	assert_int_equal(gov_gitdm_read(f, render, NULL, &s, &err), 0);
	fclose(f);
	assert_str(s.out.data, want);
	buf_release(&s.out);
	buf_release(&s.warnings);
	free(text);
}

static void
refused_and_stopped(void **state)
{
	struct seen s = { BUF_INIT, BUF_INIT, 0, 0, 0, 0 };
	struct gov_err err;
	char *big = malloc(GITDM_LINE_MAX + 100);

	(void)state;
	assert_int_equal(gov_gitdm_parse("a: a!b\n\tX\nb: b!\xc3\x28\n", 18, count, NULL, &s,
	    &err), -1);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg, "UTF-8"));
	assert_int_equal(gov_gitdm_parse("a: a!b\n\tX\0Y\n", 12, count, NULL, &s, &err), -1);
	assert_non_null(strstr(err.msg, "NUL"));
	memcpy(big, "a: ", 3);
	memset(big + 3, 'x', GITDM_LINE_MAX + 10);
	assert_int_equal(gov_gitdm_parse(big, GITDM_LINE_MAX + 13, count, NULL, &s, &err), -1);
	assert_int_equal(err.line, 1);
	assert_non_null(strstr(err.msg, "longer"));
	free(big);
	s.persons = 0, s.stop_after = 2;
	assert_int_equal(gov_gitdm_parse("a: a!b\nb: b!c\nc: c!d\n", 21, count, NULL, &s, &err), 7);
	assert_int_equal(s.persons, 2);
	assert_int_equal(gov_gitdm_parse("", 0, count, NULL, &s, &err), 0);
}

/* Writes n persons in the file's shape: 1-3 emails, 1-4 spans with dates (about 100 bytes a
 * person, as the real files: developers_affiliations1.txt is 974 KB). Returns the
 * number of spans written. */
static size_t
generate(FILE *f, size_t n)
{
	static const char *const companies[] = {
		"Google LLC", "Red Hat Inc.", "Independent", "VMware Inc.",
		"Microsoft Corporation", "Huawei Technologies Co. Ltd", "Alibaba Group",
		"International Business Machines Corporation", "\xe5\xad\x97\xe8\x8a\x82\xe8\xb7\xb3"
		"\xe5\x8a\xa8 \xc2\xb7 Internship",
	};
	size_t spans = 0;
	unsigned x = 12345;

	fputs("# This is the main developers affiliations file.\n", f);
	for (size_t i = 0; i < n; i++) {
		int e, k;

		x = x * 1103515245u + 12345u;
		e = 1 + (int)(x >> 16) % 3;
		k = 1 + (int)(x >> 20) % 4;
		fprintf(f, "dev%zu-x: dev%zu!users.noreply.github.com", i, i);
		for (int j = 1; j < e; j++)
			fprintf(f, ", dev%zu.%d!example%d.com", i, j, j);
		fputc('\n', f);
		for (int j = 0; j < k; j++) {
			const char *c = companies[(i + (size_t)j) % 9];

			if (k == 1)
				fprintf(f, "\t%s\n", c);
			else if (j == 0)
				fprintf(f, "\t%s until %d-0%d-01\n", c, 2014 + j, 1 + j);
			else if (j == k - 1)
				fprintf(f, "\t%s from %d-0%d-01\n", c, 2013 + j, j);
			else
				fprintf(f, "\t%s from %d-0%d-01 until %d-0%d-01\n", c, 2013 + j, j,
				    2014 + j, 1 + j);
		}
		spans += (size_t)k;
	}
	rewind(f);
	return spans;
}

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long
max_rss_kb(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss;
}

#if defined(__SANITIZE_ADDRESS__)
#define SLOWER	5	/* the sanitizer build runs a few times slower */
#else
#define SLOWER	1
#endif

static void
ten_thousand_people_in_well_under_a_second(void **state)
{
	struct seen s = { BUF_INIT, BUF_INIT, 0, 0, 0, 0 };
	struct gov_err err;
	FILE *f = tmpfile();
	size_t spans = generate(f, 10000);
	long bytes;
	double t;

	(void)state;
	fseek(f, 0, SEEK_END);
	bytes = ftell(f);
	rewind(f);
	t = seconds();
	assert_int_equal(gov_gitdm_read(f, count, collect, &s, &err), 0);
	t = seconds() - t;
	printf("# 10,000 people, %ld bytes, %zu spans: %.3f s\n", bytes, s.spans, t);
	assert_true(bytes > 700000);
	assert_int_equal(s.persons, 10000);
	assert_int_equal(s.spans, spans);
	assert_int_equal(s.warnings.len, 0);
	assert_true(t < 0.5 * SLOWER);
	fclose(f);
}

static void
memory_stays_flat(void **state)
{
	struct seen s = { BUF_INIT, BUF_INIT, 0, 0, 0, 0 };
	struct gov_err err;
	FILE *small = tmpfile(), *big = tmpfile();
	long before, after;

	(void)state;
	generate(small, 1000);
	generate(big, 100000);
	assert_int_equal(gov_gitdm_read(small, count, NULL, &s, &err), 0);
	before = max_rss_kb();
	assert_int_equal(gov_gitdm_read(big, count, NULL, &s, &err), 0);
	after = max_rss_kb();
	printf("# peak RSS %ld KiB after 1,000 people, %ld KiB after 100,000 more\n", before,
	    after);
	assert_int_equal(s.persons, 101000);
	assert_true(after - before < 4096);
	fclose(small);
	fclose(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_shapes),
		cmocka_unit_test(refused_and_stopped),
		cmocka_unit_test(ten_thousand_people_in_well_under_a_second),
		cmocka_unit_test(memory_stays_flat),
	};

	return cmocka_run_group_tests_name("gov_gitdm", tests, NULL, NULL);
}
