/* test_import_map.c: the import's pure stages, table by table: kinds, HTML abstracts, cuts at
 * character boundaries, durations, the zone from a file's offsets, session times after midnight,
 * format detection, the run's key memory and the installation's own guids. */
#include "unit.h"

#include "core/guid.h"
#include "import/idmap.h"
#include "import/import.h"
#include "import/map.h"
#include "import/parse.h"
#include "import/tz.h"
#include "import/zone.h"

static void
kinds(void **state)
{
	static const struct { const char *type, *track, *title, *kind; int known; } t[] = {
		/* Pentabarf's types (FOSDEM) */
		{ "Podium", "Mozilla", "Rich Mobile UIs", "talk", 1 },
		{ "Lecture", "Kernel", "Kernel news", "talk", 1 },
		{ "Podium", "Keynotes", "Welcome", "keynote", 1 },
		{ "Workshop", "Distributions", "Packaging", "tutorial", 1 },
		{ "lightning_talk", NULL, "Five minutes", "lightning", 1 },
		{ "Lightning-Talk", "Lightning Talks", "Five minutes", "lightning", 1 },
		{ "Meeting", NULL, "Team meeting", "other", 1 },
		{ "Other", "Keysigning", "Keysigning party", "other", 1 },
		/* pretalx, wafer, the hub */
		{ "Talk", "Keynote", "The future", "keynote", 1 },
		{ "Talk", NULL, "Keynote: The future", "keynote", 1 },
		{ "Talk", NULL, "Panel: End users", "panel", 1 },
		{ "Long talk (45 minutes)", NULL, "Something", "talk", 1 },
		{ "BoF (45 minutes)", NULL, "Something", "other", 1 },
		{ "Birds-of-a-feather (BoF)", NULL, "Something", "other", 1 },
		{ "Workshop (2h)", NULL, "Something", "tutorial", 1 },
		{ "Tutorial", NULL, "Something", "tutorial", 1 },
		{ "Maintainer Track", NULL, "Project update", "maintainer", 1 },
		{ "talk", "Maintainer Track", "Project update", "maintainer", 1 },
		{ "Reception", NULL, "Welcome reception", "other", 1 },
		{ "Poster", NULL, "My research", "talk", 0 },
		{ NULL, NULL, "Untyped", "talk", 1 },
		/* logistics: from the head of a short title, whatever the type says */
		{ "Podium", NULL, "Coffee Break", "other", 1 },
		{ "Other", NULL, "Lunch", "other", 1 },
		{ NULL, NULL, "Registration", "other", 1 },
		{ NULL, NULL, "Infodesk", "other", 1 },
		{ NULL, NULL, "Info desk open", "other", 1 },
		{ "Talk", NULL, "Breaking Kubernetes for fun: lessons", "talk", 1 },
		{ "Talk", NULL, "Why we stopped having a lunch break in our standups every day", "talk", 1 },
		{ "KEYNOTE", NULL, "x", "keynote", 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int known = -1;

		assert_str(map_kind(t[i].type, t[i].track, t[i].title, &known), t[i].kind);
		assert_int_equal(known, t[i].known);
	}
}

static void
html(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	parse_html_text(in, &b);
	assert_str(b.data, want);
	buf_release(&b);
}

static void
html_abstracts(void **state)
{
	(void)state;
	html("<p>One</p><p>Two <strong>bold</strong></p>", "One\n\nTwo bold");
	html("&lt;p&gt;Escaped&lt;/p&gt;&lt;p&gt;twice &amp;amp; more&lt;/p&gt;", "Escaped\n\ntwice & more");
	html("Line<br>break<br/>again", "Line\nbreak\nagain");
	html("<ul><li>a</li><li>b</li></ul>after", "- a\n- b\n\nafter");
	html("<p>x</p><script>alert(1)</script><style>p{}</style>", "x");
	html("<pre>keep\n   this</pre>", "keep\n   this");
	html("nets can &lt;em&gt;learn&lt;/em&gt;.", "nets can learn.");
	/* Not markup: left as it is, so that importing the text again changes nothing. */
	html("a < b and c > d", "a < b and c > d");
	html("Ü & <b>", "Ü & <b>");
	html("plain\n\ntext", "plain\n\ntext");
	assert_false(parse_is_html("1 <i 2"));
	assert_true(parse_is_html("<i>x</i>"));
	assert_true(parse_is_html("&lt;br&gt;"));
}

static void
cuts(void **state)
{
	const char *s = "aÜb€c";	/* a, U+00DC (2 bytes), b, U+20AC (3 bytes), c */

	(void)state;
	assert_int_equal(utf8_cut_bytes(s, strlen(s), 2), 1);	/* not half of Ü */
	assert_int_equal(utf8_cut_bytes(s, strlen(s), 3), 3);
	assert_int_equal(utf8_cut_bytes(s, strlen(s), 5), 4);	/* not two thirds of € */
	assert_int_equal(utf8_cut_bytes(s, strlen(s), 7), 7);
	assert_int_equal(utf8_cut_bytes(s, strlen(s), 100), strlen(s));
	assert_int_equal(utf8_cut_chars(s, 2), 3);
	assert_int_equal(utf8_cut_chars(s, 4), 7);
	assert_int_equal(utf8_cut_chars(s, 10), strlen(s));
	assert_int_equal(utf8_chars(s), 5);
}

static void
durations(void **state)
{
	static const struct { const char *in; int min; } good[] = {
		{ "00:30", 30 }, { "1:00", 60 }, { "0:45", 45 }, { "01:30:00", 90 }, { "00:29:10", 30 },
		{ "1:02:00", 1560 }, { "04:00", 240 },
	};
	static const char *const bad[] = { "00:00", "0:00:00", "00:75", "abc", "", "99:99", "15:00:00:00" };
	int m;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(parse_duration(good[i].in, &m), 0);
		assert_int_equal(m, good[i].min);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse_duration(bad[i], &m), -1);
}

static struct imp_session
dated(const char *date, const char *start)
{
	struct imp_session s;

	memset(&s, 0, sizeof(s));
	s.f[IMP_DATE].s = date;
	s.f[IMP_START].s = start;
	return s;
}

static void
choose(const char *const *dates, const char *const *starts, int n, struct zone_choice *c)
{
	struct zone_evidence ev;

	memset(&ev, 0, sizeof(ev));
	for (int i = 0; i < n; i++) {
		struct imp_session s = dated(dates[i], starts ? starts[i] : NULL);

		zone_observe_session(&ev, &s);
	}
	zone_choose(c, NULL, NULL, NULL, &ev);
}

static void
zones(void **state)
{
	static const char *const nepal[] = { "2024-03-01T10:00:00+05:45", "2024-03-02T10:00:00+05:45" };
	static const char *const berlin[] = { "2024-12-27T10:00:00+01:00" };
	static const char *const wafer[] = { "2023-09-10T05:00:00+00:00" };
	static const char *const wafer_start[] = { "10:30" };
	/* A change to summer time inside the conference narrows the zones down a lot. */
	static const char *const dst[] = { "2024-03-30T12:00:00+01:00", "2024-03-31T12:00:00+02:00" };
	struct zone_choice c;

	(void)state;
	choose(nepal, NULL, 2, &c);
	assert_int_equal(c.from, ZONE_INFERRED);
	assert_str(c.name, "Asia/Kathmandu");
	zone_choice_release(&c);
	choose(berlin, NULL, 1, &c);
	assert_int_equal(c.from, ZONE_OFFSETS);
	assert_str(c.name, "Etc/GMT-1");
	assert_non_null(strstr(c.fits.data, "Europe/Berlin\n"));
	assert_null(strstr(c.fits.data, "America/"));
	zone_choice_release(&c);
	/* wafer writes <date> in UTC and <start> in local time: the wall clock is +05:30. */
	choose(wafer, wafer_start, 1, &c);
	assert_int_equal(c.from, ZONE_OFFSETS);
	assert_int_equal(c.offset, 19800);
	assert_non_null(strstr(c.fits.data, "Asia/Kolkata\n"));
	zone_choice_release(&c);
	choose(dst, NULL, 2, &c);
	assert_non_null(strstr(c.fits.data, "Europe/Berlin\n"));
	assert_null(strstr(c.fits.data, "Africa/Lagos\n"));	/* +01:00 all year */
	zone_choice_release(&c);
	choose(NULL, NULL, 0, &c);
	assert_int_equal(c.from, ZONE_ASSUMED);
	assert_str(c.name, "UTC");
	zone_choice_release(&c);
	/* What is named comes first, an unknown name is passed over. */
	zone_choose(&c, NULL, "Mars/Olympus", "Europe/Madrid", NULL);
	assert_int_equal(c.from, ZONE_EVENT);
	assert_str(c.name, "Europe/Madrid");
	zone_choice_release(&c);
}

/* Maps one session listed under day (with day_start, or with the conference's day change). */
static void
start_of(const char *day, const char *day_start, int day_change, const char *start, const char *want)
{
	struct import_options opt = { 0 };
	struct import_summary sum;
	struct buf err = BUF_INIT;
	struct report r = { &opt, &sum, &err, 0, 0 };
	struct zone_choice z;
	struct map_ctx c;
	struct imp_day d;
	struct imp_session s;
	struct mapped m;

	memset(&sum, 0, sizeof(sum));
	memset(&c, 0, sizeof(c));
	memset(&d, 0, sizeof(d));
	opt.file_name = "t.xml";
	zone_choose(&z, "Europe/Brussels", NULL, NULL, NULL);
	c.r = &r, c.zone = &z, c.day_change = day_change, c.types = idmap_new();
	d.date.s = day, d.start.s = day_start;
	assert_int_equal(map_day(&c, &d), 0);
	s = dated(NULL, start);
	s.f[IMP_TITLE].s = "A session";
	assert_int_equal(map_session(&c, &s, &m), 0);
	assert_str(m.starts_at, want);
	mapped_release(&m);
	idmap_free(c.types);
	zone_choice_release(&z);
	report_warnings_free(&sum);
	buf_release(&err);
}

static void
after_midnight(void **state)
{
	(void)state;
	/* Pentabarf: day_change 08:00. */
	start_of("2011-02-05", NULL, 8 * 60, "01:30", "2011-02-06T01:30:00+01:00");
	start_of("2011-02-05", NULL, 8 * 60, "09:30", "2011-02-05T09:30:00+01:00");
	/* A day running from 10:00 to 04:00. */
	start_of("2024-12-27", "2024-12-27T10:00:00+01:00", -1, "00:15", "2024-12-28T00:15:00+01:00");
	start_of("2024-12-27", "2024-12-27T10:00:00+01:00", -1, "23:00", "2024-12-27T23:00:00+01:00");
	/* 24:30 is half past midnight of the next day. */
	start_of("2024-12-27", NULL, -1, "24:30", "2024-12-28T00:30:00+01:00");
	/* Nothing says when the day turns: as written. */
	start_of("2024-12-27", NULL, -1, "01:00", "2024-12-27T01:00:00+01:00");
}

static void
sniffing(void **state)
{
	static const struct { const char *head, *format, *why; } t[] = {
		{ "<?xml version=\"1.0\"?><schedule/>", "schedule.xml", NULL },
		{ "\xEF\xBB\xBF  <schedule>", "schedule.xml", NULL },
		{ "BEGIN:VCALENDAR\r\nVERSION:2.0", "iCalendar", NULL },
		{ "begin:vcalendar\r\n", "iCalendar", NULL },
		{ "BEGIN:VCALENDAR\r\nPRODID:-//Sched.com KubeCon//EN\r\n", "Sched iCalendar", NULL },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nURL:https://x.sched.com/event/1\r\n", "Sched iCalendar", NULL },
		{ "{\"schedule\": {}}", "schedule.json", NULL },
		{ "[ {\"event_key\": \"a\"} ]", "Sched API export", NULL },
		{ "  [ {\"name\": 1} ]", NULL, "neither a schedule.json" },
		{ "{\"error\": 1}", NULL, "neither a schedule.json" },
		{ "title,speakers,start\nA,B,C\n", "CSV", NULL },
		{ "Title;Speaker;Date\n", "CSV", NULL },
		{ "<!DOCTYPE html><html>", NULL, "web page" },
		{ "%PDF-1.7", NULL, "PDF" },
		{ "PK\x03\x04...", NULL, "ZIP" },
		{ "\xFF\xFE<\0s\0", NULL, "UTF-16" },
		{ "hello", NULL, "not a file Lectern reads" },
		/* Governance records (gov_run.c): sigs.yaml's first key would pass for a CSV header. */
		{ "sigs:\n- dir: sig-storage\n", "sigs.yaml", NULL },
		{ "# comment\nworkinggroups:\n", "sigs.yaml", NULL },
		{ "tags: # Technical Advisory Groups\n  - dir: tag-x\n", "tags.yaml", NULL },
		{ "# CNCF TOC\n\nSome prose.\n\n## Members\n\n* **A**\n", "TOC README", NULL },
		{ "# gitdm\n# notes\njdoe: jdoe!example.com\n\tAcme\n", "gitdm affiliations", NULL },
		{ "# Title\n\nProse, no members list.\n", NULL, "not a file Lectern reads" },
		{ "", NULL, "empty" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *why = NULL;
		size_t len = t[i].head[0] == '\xFF' ? 6 : strlen(t[i].head);
		const char *f = import_sniff(t[i].head, len, &why);

		if (t[i].format) {
			assert_non_null(f);
			assert_str(f, t[i].format);
		} else {
			assert_null(f);
			assert_non_null(why);
			assert_non_null(strstr(why, t[i].why));
		}
	}
}

static void
key_memory(void **state)
{
	struct idmap *m = idmap_new();
	char key[32];

	(void)state;
	for (int i = 0; i < 20000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		idmap_key(m, "skey", key, 1)->a = i;
	}
	assert_int_equal(idmap_count(m), 20000);
	for (int i = 0; i < 20000; i += 997) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(idmap_key(m, "skey", key, 0)->a, i);
	}
	assert_null(idmap_key(m, "skey", "k20000", 0));
	assert_null(idmap_key(m, "pkey", "k5", 0));	/* the kind is part of the key */
	idmap_free(m);
}

static void
own_guids(void **state)
{
	char g[37];

	(void)state;
	guid_make("0123456789abcdef0123456789abcdef", "session", 1234, g);
	assert_int_equal(strlen(g), 36);
	assert_int_equal(g[14], '8');	/* version 8 */
	assert_true(strchr("89ab", g[19]) != NULL);
	assert_int_equal(guid_local("0123456789abcdef0123456789abcdef", "session", g), 1234);
	assert_int_equal(guid_local("0123456789abcdef0123456789abcdee", "session", g), 0);
	assert_int_equal(guid_local("0123456789abcdef0123456789abcdef", "person", g), 0);
	assert_int_equal(guid_local("0123456789abcdef0123456789abcdef", "session",
	    "307e1812-4a21-5d33-910b-30543d8c6026"), 0);
	assert_int_equal(guid_local("0123456789abcdef0123456789abcdef", "session", "not a guid"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(html_abstracts),
		cmocka_unit_test(cuts),
		cmocka_unit_test(durations),
		cmocka_unit_test(zones),
		cmocka_unit_test(after_midnight),
		cmocka_unit_test(sniffing),
		cmocka_unit_test(key_memory),
		cmocka_unit_test(own_guids),
	};

	return cmocka_run_group_tests_name("import_map", tests, NULL, NULL);
}
