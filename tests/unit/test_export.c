/* test_export.c: CSV cells, iCalendar escaping and folding, and the export streams over a small database. */
#include "unit.h"

#include <libxml/parser.h>
#include <stdio.h>

#include "model/db.h"
#include "export/export.h"
#include "core/html.h"

static char *
csv(const char *s)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	csv_cell(&b, s);
	return b.data;
}

static void
csv_quoting(void **state)
{
	(void)state;
	assert_str(csv("plain"), "plain");
	assert_str(csv(""), "");
	assert_str(csv(NULL), "");
	assert_str(csv("a,b"), "\"a,b\"");
	assert_str(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_str(csv("\""), "\"\"\"\"");
	assert_str(csv("two\nlines"), "\"two\nlines\"");
	assert_str(csv("two\r\nlines"), "\"two\r\nlines\"");
	assert_str(csv("Zoë Ünïcode, ✓"), "\"Zoë Ünïcode, ✓\"");
	assert_str(csv("日本語"), "日本語");
	/* Not at the start: no formula, nothing to neutralize. */
	assert_str(csv("a=b"), "a=b");
	assert_str(csv("x-1"), "x-1");
	assert_str(csv("a@b.org"), "a@b.org");
}

static void
csv_formulas(void **state)
{
	(void)state;
	/* Every prefix a spreadsheet evaluates becomes quoted text. */
	assert_str(csv("=1+1"), "\"'=1+1\"");
	assert_str(csv("+1"), "\"'+1\"");
	assert_str(csv("-1"), "\"'-1\"");
	assert_str(csv("@SUM(A1)"), "\"'@SUM(A1)\"");
	assert_str(csv("\tx"), "\"'\tx\"");
	assert_str(csv("\rx"), "\"'\rx\"");
	/* With something else to quote as well. */
	assert_str(csv("=HYPERLINK(\"http://x\",\"y\")"),
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	assert_str(csv("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
	assert_str(csv("-"), "\"'-\"");
}

static char *
ics(const char *name, const char *value, int raw)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	ics_line(&b, name, value, raw);
	return b.data;
}

static void
ics_escaping(void **state)
{
	(void)state;
	assert_str(ics("SUMMARY", "plain", 0), "SUMMARY:plain\r\n");
	assert_str(ics("SUMMARY", "a, b; c\\d", 0), "SUMMARY:a\\, b\\; c\\\\d\r\n");
	assert_str(ics("DESCRIPTION", "one\ntwo\r\nthree\rfour", 0),
	    "DESCRIPTION:one\\ntwo\\nthree\\nfour\r\n");
	/* Controls other than tab are not allowed in TEXT. */
	assert_str(ics("SUMMARY", "a\x01" "b\tc", 0), "SUMMARY:ab\tc\r\n");
	/* Raw values (dates, URIs) are left alone, but for control characters: a line break
	 * would end the line and start properties of the value's choosing. */
	assert_str(ics("URL", "https://x.org/a,b;c", 1), "URL:https://x.org/a,b;c\r\n");
	assert_str(ics("URL", "https://x.org/\r\nBEGIN:VEVENT\nX\x01\x7f\t", 1),
	    "URL:https://x.org/BEGIN:VEVENTX\r\n");
}

/* Checks that out is CRLF lines of at most 75 octets that unfold to want. */
static void
assert_folded(const char *out, const char *want)
{
	struct buf un = BUF_INIT;
	const char *p = out, *eol;

	while ((eol = strstr(p, "\r\n")) != NULL) {
		assert_true(eol - p <= 75);
		/* A line never starts with a UTF-8 continuation byte. */
		if (p != out) {
			assert_int_equal(*p, ' ');
			assert_false(((unsigned char)p[1] & 0xC0) == 0x80);
			buf_append(&un, p + 1, (size_t)(eol - p - 1));
		} else
			buf_append(&un, p, (size_t)(eol - p));
		p = eol + 2;
	}
	assert_str(p, "");
	assert_str(un.data, want);
	buf_release(&un);
}

static void
ics_folding(void **state)
{
	struct buf b = BUF_INIT, want = BUF_INIT;
	char ascii[301];

	(void)state;
	memset(ascii, 'x', 300);
	ascii[300] = '\0';
	ics_line(&b, "SUMMARY", ascii, 0);
	buf_appendf(&want, "SUMMARY:%s", ascii);
	assert_folded(b.data, want.data);
	/* The first line is exactly 75 octets, the next 1 + 74. */
	assert_memory_equal(b.data + 75, "\r\n x", 4);
	buf_reset(&b);
	buf_reset(&want);
	/* Multi-byte characters at every possible offset across the fold. */
	for (int pad = 0; pad < 4; pad++) {
		struct buf v = BUF_INIT;

		for (int i = 0; i < pad; i++)
			buf_putc(&v, 'a');
		for (int i = 0; i < 60; i++)
			buf_puts(&v, i % 2 ? "✓" : "ë");	/* 3 and 2 octets */
		buf_reset(&b);
		buf_reset(&want);
		ics_line(&b, "DESCRIPTION", v.data, 0);
		buf_appendf(&want, "DESCRIPTION:%s", v.data);
		assert_folded(b.data, want.data);
		buf_release(&v);
	}
	/* A short line is not folded. */
	buf_reset(&b);
	ics_fold(&b, "X:y", 3);
	assert_str(b.data, "X:y\r\n");
	buf_release(&b);
	buf_release(&want);
}

static sqlite3 *
fixture(void)
{
	sqlite3 *db = db_open(":memory:", 1);

	assert_non_null(db);
	assert_int_equal(db_migrate(db, 0), 0);
	assert_int_equal(db_exec(db,
	    "INSERT INTO organizations(id, name, slug) VALUES (1, 'Spotify', 'spotify'), (2, 'Google', 'google');"
	    "INSERT INTO people(id, name, slug, email) VALUES (1, 'Ada', 'ada', 'ada@x.org'), (2, 'Bob', 'bob', 'bob@x.org');"
	    "INSERT INTO affiliations(person_id, org_id, since, until) VALUES (1, 1, '2015-01-01', '2020-01-01'), (1, 2, '2020-01-01', NULL);"
	    "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (1, 'KubeCon', 'kc', '2019-05-20', '2019-05-21');"
	    "INSERT INTO sessions(id, event_id, title, kind, room, starts_at, duration_min) VALUES"
	    " (1, 1, 'Opening', 'keynote', 'Hall', '2019-05-20T09:00:00+02:00', 20),"
	    " (2, 1, 'Deep dive', 'talk', 'Room', '2019-05-21T10:00:00+02:00', 30);"
	    "INSERT INTO appearances(session_id, person_id) VALUES (1, 1), (2, 1), (2, 2);"), 0);
	return db;
}

/* Runs a whole stream through export_next and returns what it wrote (caller frees). */
static char *
drain(struct export_stream *s)
{
	struct buf all = BUF_INIT, piece = BUF_INIT;

	assert_non_null(s);
	do {
		buf_reset(&piece);
		assert_int_equal(export_next(s, &piece), 0);
		buf_append(&all, piece.data, piece.len);
	} while (piece.len);
	buf_release(&piece);
	export_free(s);
	return buf_detach(&all, NULL);
}

/* Counts the lines of out that are exactly line (CRLF-terminated). */
static int
lines_equal(const char *out, const char *line)
{
	int n = 0;
	size_t len = strlen(line);

	for (const char *p = out; p && *p; p = strstr(p, "\r\n"), p = p ? p + 2 : NULL)
		n += strncmp(p, line, len) == 0 && strncmp(p + len, "\r\n", 2) == 0;
	return n;
}

/* A URL that forged a VEVENT (imported before the schema refused it: the trigger is
 * dropped to store one) is left out, and the calendar keeps its shape. */
static void
ics_forged_url(void **state)
{
	sqlite3 *db = db_open(":memory:", 1);
	struct export_filter f = { .event = "kc", .format = EXPORT_ICS };
	char *out;

	(void)state;
	assert_non_null(db);
	assert_int_equal(db_migrate(db, 0), 0);
	assert_int_equal(db_exec(db,
	    "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (1, 'KubeCon', 'kc', '2019-05-20', '2019-05-21');"
	    "DROP TRIGGER sessions_url_i;"
	    "INSERT INTO sessions(id, event_id, title, starts_at, url) VALUES"
	    " (1, 1, 'Real', '2019-05-20T09:00:00+02:00', 'https://x.org/' || char(13, 10) ||"
	    "  'END:VEVENT' || char(13, 10) || 'BEGIN:VEVENT' || char(13, 10) || 'SUMMARY:Forged' || char(13, 10)),"
	    " (2, 1, 'Good', '2019-05-20T10:00:00+02:00', 'https://x.org/s/2');"), 0);
	out = drain(export_schedule_new(conn_of(db), 1, &f));
	assert_int_equal(lines_equal(out, "BEGIN:VEVENT"), 2);
	assert_int_equal(lines_equal(out, "END:VEVENT"), 2);
	assert_int_equal(lines_equal(out, "SUMMARY:Forged"), 0);
	assert_null(strstr(out, "Forged"));
	assert_int_equal(lines_equal(out, "URL:https://x.org/s/2"), 1);
	free(out);
	db_close(db);
}

static void
speakers_stream(void **state)
{
	sqlite3 *db = fixture();
	struct export_filter f = { 0 };
	char *out;

	(void)state;
	out = drain(export_speakers_new(conn_of(db), 1, &f));
	assert_non_null(strstr(out, "name,organization,current_organization,github,event,"));
	assert_non_null(strstr(out, "\r\nAda,Spotify,Google,,KubeCon,Opening,keynote,2019-05-20,speaker,/sessions/1\r\n"));
	assert_null(strstr(out, "@x.org"));
	free(out);

	f.include_email = 1;
	out = drain(export_speakers_new(conn_of(db), 1, &f));
	assert_non_null(strstr(out, ",email,"));
	assert_non_null(strstr(out, "ada@x.org"));
	free(out);

	f.shape = EXPORT_SPEAKERS;
	f.include_email = 0;
	f.format = EXPORT_JSON;
	out = drain(export_speakers_new(conn_of(db), 1, &f));
	assert_str(out, "[{\"name\":\"Ada\",\"organizations\":\"Spotify\",\"current_organization\":\"Google\","
	    "\"github\":null,\"sessions\":2,\"titles\":\"Opening; Deep dive\"},"
	    "{\"name\":\"Bob\",\"organizations\":null,\"current_organization\":null,"
	    "\"github\":null,\"sessions\":1,\"titles\":\"Deep dive\"}]");
	free(out);

	f.kind = "keynote";
	f.bom = 1;
	f.format = EXPORT_CSV;
	out = drain(export_speakers_new(conn_of(db), 1, &f));
	assert_memory_equal(out, "\xEF\xBB\xBFname,", 8);
	assert_non_null(strstr(out, "\r\nAda,Spotify,Google,,1,Opening\r\n"));
	assert_null(strstr(out, "Bob"));
	free(out);
	db_close(db);
}

static void
schedule_streams(void **state)
{
	sqlite3 *db = fixture();
	struct export_filter f = { 0 };
	char *out;

	(void)state;
	f.event = "kc";
	f.format = EXPORT_XML;
	out = drain(export_schedule_new(conn_of(db), 1, &f));
	assert_memory_equal(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>", 49);
	assert_non_null(strstr(out, "<day index=\"2\" date=\"2019-05-21\""));
	/* A speaker without a source id: Lectern's own guid, and the organization represented. */
	assert_non_null(strstr(out, "<person guid=\""));
	assert_non_null(strstr(out, "\">Bob</person>"));
	assert_non_null(strstr(out, "\">Ada [Spotify]</person>"));
	assert_non_null(strstr(out, "</schedule>"));
	free(out);

	f.format = EXPORT_ICS;
	out = drain(export_schedule_new(conn_of(db), 1, &f));
	assert_memory_equal(out, "BEGIN:VCALENDAR\r\n", 17);
	assert_non_null(strstr(out, "\r\nDTSTART:20190520T070000Z\r\nDTEND:20190520T072000Z\r\n"));
	assert_non_null(strstr(out, "END:VCALENDAR\r\n"));
	free(out);

	f.event = "nope";
	assert_null(export_schedule_new(conn_of(db), 1, &f));
	f.format = EXPORT_XML;
	assert_null(export_schedule_new(conn_of(db), 1, &f));
	db_close(db);
}

/* Stored text XML cannot carry is left out everywhere it is written, so the file is still XML. */
static void
schedule_xml_well_formed(void **state)
{
	sqlite3 *db = fixture();
	struct export_filter f = { .event = "kc", .format = EXPORT_XML };
	xmlDocPtr doc;
	char *out;

	(void)state;
	assert_int_equal(db_exec(db,
	    "UPDATE sessions SET room = 'Ha' || char(1) || 'll', title = 'Open' || char(65535) || 'ing'"
	    " WHERE id = 1;"
	    "UPDATE people SET name = 'Ad' || char(2) || 'a' || char(65534) WHERE id = 1;"), 0);
	out = drain(export_schedule_new(conn_of(db), 1, &f));
	doc = xmlReadMemory(out, (int)strlen(out), "schedule.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_non_null(strstr(out, "<room name=\"Hall\">"));
	assert_non_null(strstr(out, "<room>Hall</room>"));
	assert_non_null(strstr(out, "<title>Opening</title>"));
	assert_non_null(strstr(out, "\">Ada [Spotify]</person>"));
	free(out);
	db_close(db);
}

/* A download cut short: the stream is freed after one piece, each kind. */
static void
abandoned_streams(void **state)
{
	sqlite3 *db = fixture();
	struct export_filter f = { 0 };
	struct buf piece = BUF_INIT;
	struct export_stream *s;
	enum export_format fmt[] = { EXPORT_CSV, EXPORT_JSON, EXPORT_XML, EXPORT_ICS };

	(void)state;
	assert_int_equal(db_exec(db,
	    "WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
	    " INSERT INTO sessions(id, event_id, title, starts_at) SELECT i, 1, 'Talk ' || i,"
	    " '2019-05-20T10:00:00+02:00' FROM n;"
	    "INSERT INTO appearances(session_id, person_id) SELECT id, 2 FROM sessions WHERE id >= 10;"), 0);
	f.event = "kc";
	for (size_t i = 0; i < sizeof(fmt) / sizeof(fmt[0]); i++) {
		f.format = fmt[i];
		s = fmt[i] == EXPORT_XML || fmt[i] == EXPORT_ICS ?
		    export_schedule_new(conn_of(db), 1, &f) : export_speakers_new(conn_of(db), 1, &f);
		assert_non_null(s);
		buf_reset(&piece);
		assert_int_equal(export_next(s, &piece), 0);
		assert_true(piece.len >= 16 * 1024);	/* a piece, not the whole */
		buf_release(&piece);	/* the caller's buffer goes first, as in the adapter */
		export_free(s);
	}
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_quoting),
		cmocka_unit_test(csv_formulas),
		cmocka_unit_test(ics_escaping),
		cmocka_unit_test(ics_folding),
		cmocka_unit_test(ics_forged_url),
		cmocka_unit_test(speakers_stream),
		cmocka_unit_test(schedule_streams),
		cmocka_unit_test(schedule_xml_well_formed),
		cmocka_unit_test(abandoned_streams),
	};

	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
