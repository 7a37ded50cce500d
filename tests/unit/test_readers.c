/* test_readers.c: the pure parts of the readers of other formats: TZIDs, spreadsheet dates and
 * times, speakers named in descriptions, charsets, Sched sessions, and which addresses a fetch
 * may connect to. */
#include "unit.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "core/buf.h"
#include "import/csv_time.h"
#include "import/dedup.h"
#include "import/fetch.h"
#include "import/ics_text.h"
#include "import/record.h"
#include "import/sched_map.h"
#include "import/tzid.h"
#include "import/wall.h"

static void
tzids(void **state)
{
	static const struct { const char *tzid, *zone; } rows[] = {
		{ "Europe/Berlin", "Europe/Berlin" }, { "  \"America/New_York\" ", "America/New_York" },
		{ "W. Europe Standard Time", "Europe/Berlin" }, { "Pacific Standard Time", "America/Los_Angeles" },
		{ "eastern standard time", "America/New_York" }, { "GMT Standard Time", "Europe/London" },
		{ "India Standard Time", "Asia/Calcutta" }, { "AUS Eastern Standard Time", "Australia/Sydney" },
		{ "/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin" },
		{ "/freeassociation.sourceforge.net/Tzfile/Europe/Amsterdam", "Europe/Amsterdam" },
		{ "/softwarestudio.org/Olson_20011030_5/America/Chicago", "America/Chicago" },
		{ "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam" },
		{ "(GMT+01.00) Brussels / Copenhagen / Madrid / Paris", "Europe/Brussels" },
		{ "(UTC-08:00) Pacific Time (US & Canada)", "America/Los_Angeles" },
		{ "(UTC-05:00) Eastern Time (US & Canada)", "America/New_York" },
		{ "UTC", "UTC" }, { "Z", "UTC" }, { "GMT", "UTC" },
		{ "GMT+01:00", "Etc/GMT-1" }, { "UTC-8", "Etc/GMT+8" }, { "GMT+0200", "Etc/GMT-2" },
		{ "Mars/Olympus", "" }, { "Customized Time Zone", "" }, { "", "" }, { "../../etc/passwd", "" },
	};
	char zone[64];
	int offset = 0, fixed;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int known = tzid_resolve(rows[i].tzid, zone, &offset, &fixed);

		if (strcmp(zone, rows[i].zone) != 0)
			printf("# tzid '%s': '%s'\n", rows[i].tzid, zone);
		assert_str(zone, rows[i].zone);
		assert_int_equal(known, rows[i].zone[0] != '\0');
	}
	assert_int_equal(tzid_resolve("GMT+05:30", zone, &offset, &fixed), 0);
	assert_int_equal(fixed, 1);
	assert_int_equal(offset, 5 * 3600 + 1800);
}

static void
dates(void **state)
{
	static const struct { const char *s, *date; int ambiguous; } rows[] = {
		{ "2026-03-25", "2026-03-25", 0 }, { "25.03.2026", "2026-03-25", 0 }, { "3/25/2026", "2026-03-25", 0 },
		{ "25/03/2026", "2026-03-25", 0 }, { "3/4/2026", "2026-03-04", 1 }, { "4/4/2026", "2026-04-04", 0 },
		{ "3/4/26", "2026-03-04", 1 }, { "25 Mar 2026", "2026-03-25", 0 }, { "March 25, 2026", "2026-03-25", 0 },
		{ "Wednesday, March 25, 2026", "2026-03-25", 0 }, { "Wed 25th March 2026", "2026-03-25", 0 },
		{ "2026-02-30", NULL, 0 }, { "31.04.2026", NULL, 0 }, { "13/13/2026", NULL, 0 }, { "soon", NULL, 0 },
		{ "", NULL, 0 },
	};
	char out[11];
	int amb;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int rc = csv_date(rows[i].s, out, &amb);

		if (rc != (rows[i].date ? 0 : -1) || (rc == 0 && strcmp(out, rows[i].date)))
			printf("# date '%s': %d %s\n", rows[i].s, rc, out);
		assert_int_equal(rc, rows[i].date ? 0 : -1);
		if (rows[i].date) {
			assert_str(out, rows[i].date);
			assert_int_equal(amb, rows[i].ambiguous);
		}
	}
}

static void
times_and_cells(void **state)
{
	static const struct { const char *s, *time; } times[] = {
		{ "09:00", "09:00:00" }, { "9:05", "09:05:00" }, { "21:30:15", "21:30:15" }, { "9:00 AM", "09:00:00" },
		{ "12:15 pm", "12:15:00" }, { "12:00 AM", "00:00:00" }, { "4:30 p.m.", "16:30:00" },
		{ "09:00:00.000", "09:00:00" }, { "24:00", NULL }, { "9:60", NULL }, { "13:00 PM", NULL }, { "noon", NULL },
	};
	static const struct { const char *s; int rc; const char *date, *time, *iso; } cells[] = {
		{ "2026-03-25 09:00", 0, "2026-03-25", "09:00:00", NULL },
		{ "2026-03-25T09:00:00", 0, "2026-03-25", "09:00:00", NULL },
		{ "10/2/2025 9:00 AM", 0, "2025-10-02", "09:00:00", NULL },
		{ "25.03.2026 14:30", 0, "2026-03-25", "14:30:00", NULL },
		{ "Wed, 25 Mar 2026 14:30", 0, "2026-03-25", "14:30:00", NULL },
		{ "14:30", 0, "", "14:30:00", NULL }, { "2026-03-25", 0, "2026-03-25", "", NULL },
		{ "2026-03-25T09:00:00+01:00", 1, NULL, NULL, "2026-03-25T09:00:00+01:00" },
		{ "2026-03-25T08:00:00Z", 1, NULL, NULL, "2026-03-25T08:00:00Z" }, { "tbd", -1, NULL, NULL, NULL },
	};
	struct wall w;
	char out[9], iso[32];
	int amb;

	(void)state;
	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		assert_int_equal(csv_time(times[i].s, out), times[i].time ? 0 : -1);
		if (times[i].time)
			assert_str(out, times[i].time);
	}
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		int rc = csv_when(cells[i].s, &w, iso, &amb);

		if (rc != cells[i].rc)
			printf("# cell '%s': %d\n", cells[i].s, rc);
		assert_int_equal(rc, cells[i].rc);
		if (rc == 0)
			assert_str(w.date, cells[i].date), assert_str(w.time, cells[i].time);
		if (rc == 1)
			assert_str(iso, cells[i].iso);
	}
}

static void
durations(void **state)
{
	static const struct { const char *s; int minutes; } rows[] = {
		{ "30", 30 }, { "30 min", 30 }, { "30m", 30 }, { "90 minutes", 90 }, { "45 Min.", 45 }, { "1:30", 90 },
		{ "01:30:00", 90 }, { "1h30", 90 }, { "1h 30m", 90 }, { "2 hours", 120 }, { "2 Std.", 120 }, { "1h", 60 },
		{ "0", -1 }, { "-5", -1 }, { "30 days", -1 }, { "999999", -1 }, { "1h75", -1 }, { "", -1 }, { "soon", -1 },
	};
	int m;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int rc = csv_duration(rows[i].s, &m);

		if ((rc == 0 ? m : -1) != rows[i].minutes)
			printf("# duration '%s': %d %d\n", rows[i].s, rc, m);
		assert_int_equal(rc, rows[i].minutes > 0 ? 0 : -1);
		if (rc == 0)
			assert_int_equal(m, rows[i].minutes);
	}
}

static void
wall_times(void **state)
{
	struct wall a, b;
	char d[16];

	(void)state;
	assert_int_equal(wall_iso("2025-04-02 09:00", &a), 0);
	assert_str(a.date, "2025-04-02"), assert_str(a.time, "09:00:00");
	assert_int_equal(wall_iso("2025-04-03T01:15:30", &b), 0);
	assert_int_equal(wall_minutes(&a, &b), 16 * 60 + 16);
	assert_int_equal(wall_minutes(&b, &a), -1);
	assert_int_equal(wall_iso("2025-02-30 09:00", &a), -1);
	assert_int_equal(wall_iso("2025-04-02 9am", &a), -1);
	assert_int_equal(wall_iso("2025-04-02", &a), 0);
	assert_str(a.time, "");
	wall_duration(16 * 60 + 5, d);
	assert_str(d, "16:05");
}

static void
collect(void *arg, const char *name, const char *org)
{
	struct buf *b = arg;

	buf_appendf(b, "%s%s@%s", b->len ? "; " : "", name, org ? org : "-");
}

static void
description_speakers(void **state)
{
	static const struct { const char *text, *speakers; } rows[] = {
		{ "Intro.\nSpeaker: Jane Doe\nMore.", "Jane Doe@-" },
		{ "Speakers: Ana Lima (SUSE), Bo Chen & Cy Dee [Red Hat]", "Ana Lima@SUSE; Bo Chen@-; Cy Dee@Red Hat" },
		{ "Speaker(s): Max Mustermann (ACME GmbH, Berlin) and Erika Musterfrau", "Max Mustermann@ACME GmbH, Berlin; Erika Musterfrau@-" },
		{ "von: Erika Musterfrau", "Erika Musterfrau@-" }, { "  - Presenters: A B; C D", "A B@-; C D@-" },
		{ "Referent*innen: Kim Lee und Sam Ito", "Kim Lee@-; Sam Ito@-" },
		{ "speakers:   ", "" }, { "The speaker: nobody", "" }, { "Moderator: Pat Smith", "Pat Smith@-" },
		{ "Speakers: Doe, Jane; Roe, Rick", "Doe, Jane@-; Roe, Rick@-" }, { "Nothing here", "" },
	};
	struct buf b = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		buf_reset(&b);
		ics_speakers(rows[i].text, collect, &b);
		if (strcmp(b.data, rows[i].speakers) != 0)
			printf("# '%s': '%s'\n", rows[i].text, b.data);
		assert_str(b.data, rows[i].speakers);
	}
	buf_reset(&b);
	assert_int_equal(ics_names("Hal Po, Ida Qu & Jo Ray", collect, &b), 3);
	buf_release(&b);
}

static void
charsets(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(ics_charset("ISO-8859-1", "Caf\xe9", 4, &b), 0);
	assert_str(b.data, "Caf\xc3\xa9");
	buf_reset(&b);
	assert_int_equal(ics_charset("windows-1252", "\x93quoted\x94", 8, &b), 0);
	assert_str(b.data, "\xe2\x80\x9cquoted\xe2\x80\x9d");
	buf_reset(&b);
	assert_int_equal(ics_charset("utf-8", "Caf\xe9", 4, &b), -1);
	assert_int_equal(ics_charset(NULL, "Caf\xc3\xa9", 5, &b), 0);
	buf_reset(&b);
	assert_int_equal(ics_charset("no-such-charset", "x", 1, &b), -1);
	assert_int_equal((int)b.len, 0);
	buf_release(&b);
}

/* "title|kind|track|logistics|Name@Company; ...|review?" of one Sched session. */
static void
sched_one(const char *name, const char *type, const struct sched_person *api, int napi, const char *want)
{
	const char *types[1] = { type }, *why;
	struct rec r;
	struct buf b = BUF_INIT;

	memset(&r, 0, sizeof(r));
	sched_map(&r, name, 1, types, 1, api, napi, &why);
	buf_appendf(&b, "%s|%s|%s|%s|", r.s.f[IMP_TITLE].s, r.s.f[IMP_TYPE].s, r.s.f[IMP_TRACK].s ? r.s.f[IMP_TRACK].s : "",
	    r.s.f[IMP_LOGISTICS].s ? "logistics" : "");
	for (int i = 0; i < r.npersons; i++)
		buf_appendf(&b, "%s%s@%s", i ? "; " : "", r.persons[i].name.s, r.persons[i].org.s ? r.persons[i].org.s : "-");
	buf_appendf(&b, "|%s", r.s.f[IMP_REVIEW].s ? "review" : "");
	if (strcmp(b.data, want) != 0)
		printf("# '%s': '%s'\n", name, b.data);
	assert_str(b.data, want);
	rec_clear(&r);
	buf_release(&b);
}

static void
sched_sessions(void **state)
{
	static const struct sched_person lin[] = { { "Lin Wei", "Alibaba Cloud", "Engineer", "linwei", 0 },
	    { "Marta Kowalska", "", "", "mk", 0 } };
	static const struct sched_person ann[] = { { "Ann Ode", NULL, NULL, "ann", 0 } };

	(void)state;
	sched_one("Keynote: Reflections - Kelsey Hightower, Staff Developer Advocate, Google", "Keynote Sessions", NULL, 0,
	    "Reflections|keynote|||Kelsey Hightower@Google|");
	sched_one("Scaling Things - Alice Frosi & Jakob Naucke, Red Hat", "Platform Engineering", NULL, 0,
	    "Scaling Things|talk|Platform Engineering||Alice Frosi@Red Hat; Jakob Naucke@Red Hat|");
	sched_one("Audits - Jane Roe, Ernst & Young", "Security", NULL, 0, "Audits|talk|Security||Jane Roe@Ernst & Young|review");
	sched_one("Coffee Break", "Breaks", NULL, 0, "Coffee Break|other||logistics||");
	sched_one("Lightning Talk: Flux - Sam Ito, Weaveworks", "Keynote Sessions", NULL, 0,
	    "Flux|lightning|||Sam Ito@Weaveworks|");	/* the prefix over the type */
	sched_one("Gateway Update - Rob Scott, Google", "Maintainer Track", NULL, 0, "Gateway Update|maintainer|||Rob Scott@Google|");
	/* The API's speakers: its company field over the name's, the name's where it has none. */
	sched_one("Scaling Clusters - Lin Wei, Alibaba & Marta Kowalska, Intel", "AI + ML", lin, 2,
	    "Scaling Clusters|talk|AI + ML||Lin Wei@Alibaba Cloud; Marta Kowalska@Intel|");
	/* A name the splitter cannot read: cut before the first API speaker's name. */
	sched_one("Odd Title - with a dash - Ann Ode", "Security", ann, 1, "Odd Title - with a dash|talk|Security||Ann Ode@-|");
}

static void
addresses(void **state)
{
	static const struct { const char *addr; int ok, ok_loopback; } rows[] = {
		{ "93.184.216.34", 1, 1 }, { "8.8.8.8", 1, 1 }, { "127.0.0.1", 0, 1 }, { "127.1.2.3", 0, 1 },
		{ "10.0.0.1", 0, 0 }, { "172.16.5.4", 0, 0 }, { "172.32.0.1", 1, 1 }, { "192.168.1.1", 0, 0 },
		{ "169.254.169.254", 0, 0 }, { "100.64.0.1", 0, 0 }, { "0.0.0.0", 0, 0 }, { "224.0.0.1", 0, 0 },
		{ "255.255.255.255", 0, 0 }, { "198.18.0.1", 0, 0 }, { "192.0.2.1", 0, 0 },
		{ "2606:2800:220:1:248:1893:25c8:1946", 1, 1 }, { "::1", 0, 1 }, { "::", 0, 0 },
		{ "::ffff:127.0.0.1", 0, 1 }, { "::ffff:10.1.1.1", 0, 0 }, { "::ffff:8.8.8.8", 1, 1 },
		{ "64:ff9b::a9fe:a9fe", 0, 0 }, { "2002:c0a8:0101::1", 0, 0 }, { "fc00::1", 0, 0 }, { "fd12:3456::1", 0, 0 },
		{ "fe80::1", 0, 0 }, { "ff02::1", 0, 0 }, { "2001:db8::1", 0, 0 }, { "::10.0.0.1", 0, 0 },
	};
	const char *why;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct sockaddr_storage ss;
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;

		memset(&ss, 0, sizeof(ss));
		if (inet_pton(AF_INET, rows[i].addr, &in->sin_addr) == 1)
			in->sin_family = AF_INET;
		else {
			assert_int_equal(inet_pton(AF_INET6, rows[i].addr, &in6->sin6_addr), 1);
			in6->sin6_family = AF_INET6;
		}
		if (fetch_address_allowed((struct sockaddr *)&ss, 0, &why) != rows[i].ok)
			printf("# %s: %s\n", rows[i].addr, why ? why : "allowed");
		assert_int_equal(fetch_address_allowed((struct sockaddr *)&ss, 0, &why), rows[i].ok);
		assert_int_equal(fetch_address_allowed((struct sockaddr *)&ss, 1, &why), rows[i].ok_loopback);
	}
	assert_true(fetch_is_url("https://kccnceu2026.sched.com/all.ics"));
	assert_false(fetch_is_url("file:///etc/passwd"));
}

/* Copies of a session by SEQUENCE; enough keys that the map grows between lookups (an entry
 * read after the map grew was a use after free). */
static void
copies(void **state)
{
	struct imp_session s;
	struct dedup d;
	char guid[32], rev[32];
	int newer, taken = 0, older = 0;

	(void)state;
	dedup_init(&d);
	/* uid-N: two copies, the second newer; same-N: two equal copies, the later taken. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 48000; i++) {
			memset(&s, 0, sizeof(s));
			if (i < 20000)
				snprintf(guid, sizeof(guid), "uid-%d", i % 10000);
			else
				snprintf(guid, sizeof(guid), "same-%d", (i - 20000) % 14000);
			snprintf(rev, sizeof(rev), "%d 0 ", i < 20000 ? i / 10000 : 3);
			s.f[IMP_GUID].s = guid, s.f[IMP_REVISION].s = rev;
			if (pass == 0)
				dedup_observe(&d, &s);
			else if (dedup_take(&d, &s, &newer))
				taken++;
			else
				older += newer;
		}
	assert_int_equal(taken, 24000);
	assert_int_equal(older, 10000);
	dedup_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tzids),
		cmocka_unit_test(dates),
		cmocka_unit_test(times_and_cells),
		cmocka_unit_test(durations),
		cmocka_unit_test(wall_times),
		cmocka_unit_test(description_speakers),
		cmocka_unit_test(charsets),
		cmocka_unit_test(sched_sessions),
		cmocka_unit_test(addresses),
		cmocka_unit_test(copies),
	};

	return cmocka_run_group_tests_name("readers", tests, NULL, NULL);
}
