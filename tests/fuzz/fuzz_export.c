/*
 * fuzz_export.c: the export escaping, as round trips.
 *
 * The input after its first byte is split at NUL bytes into fields; the first byte's low
 * bit says whether a field is its bytes as they are or text built from code points (for
 * the XML part, which needs UTF-8; see text_of). Each field must come back exactly:
 *  - csv_cell, read by the strict reader below: the same, but for the documented formula
 *    neutralization, a ' before a value that starts with = + - @ tab or CR;
 *  - json_string, read by SQLite's json_extract: the same, and no raw < > & or control
 *    character in the literal;
 *  - end to end, the fields stored as a person's, organization's, event's and session's
 *    texts in an in-memory database: the speaker list as CSV (export_speakers.c) gives them
 *    back as csv_cell does, the JSON list as they are, and the frab schedule.xml
 *    (export_schedule.c), parsed by libxml2 without network or entities, gives back each
 *    text with only the characters XML 1.0 cannot carry left out (see xml_carried).
 */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "export/export.h"
#include "core/html.h"
#include "core/params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fields and what the end-to-end part stores them as. */
enum field { F_PERSON, F_ORG, F_EVENT, F_TITLE, F_ABSTRACT, F_ROOM, F_TRACK, F_SUBTITLE, F__MAX };

static sqlite3 *db;

/* Appends code point cp as UTF-8. */
static void
put_utf8(struct buf *b, unsigned cp)
{
	if (cp < 0x80)
		buf_putc(b, (char)cp);
	else if (cp < 0x800) {
		buf_putc(b, (char)(0xC0 | cp >> 6));
		buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		buf_putc(b, (char)(0xE0 | cp >> 12));
		buf_putc(b, (char)(0x80 | (cp >> 6 & 0x3F)));
		buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		buf_putc(b, (char)(0xF0 | cp >> 18));
		buf_putc(b, (char)(0x80 | (cp >> 12 & 0x3F)));
		buf_putc(b, (char)(0x80 | (cp >> 6 & 0x3F)));
		buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

/* A field's text (caller frees). As code points: an ASCII byte stands for itself, a byte
 * from 0x80 on and the two after it make a code point below 0x110000 (a surrogate becomes
 * U+FFFD), so changing a byte or two reaches U+FFFE, U+FFFF or the four-byte range. */
static char *
text_of(const char *s, size_t n, int code_points)
{
	struct buf b = BUF_INIT;

	if (!code_points)
		buf_append(&b, s, n);
	else
		for (size_t i = 0; i < n; i++) {
			const unsigned char *u = (const unsigned char *)s + i;
			unsigned cp;

			if (u[0] < 0x80 || i + 2 >= n) {
				buf_putc(&b, u[0] < 0x80 ? (char)u[0] : '?');
				continue;
			}
			cp = ((unsigned)(u[0] & 0x7F) << 16 | (unsigned)u[1] << 8 | u[2]) % 0x110000;
			put_utf8(&b, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
			i += 2;
		}
	return buf_detach(&b, NULL);
}

/* --- CSV -------------------------------------------------------------------------------- */

/* What a CSV cell must read back as: the value, with a ' before a leading = + - @ tab or CR. */
static char *
csv_expected(const char *v)
{
	struct buf b = BUF_INIT;

	if (v[0] && strchr("=+-@\t\r", v[0]))
		buf_putc(&b, '\'');
	buf_puts(&b, v);
	return buf_detach(&b, NULL);
}

/*
 * A strict RFC 4180 reader (any byte allowed in text, as CSV files carry UTF-8): reads one
 * record ending in CRLF from *p into cells (up to max, each malloc'd) and returns how many
 * it read. A field is quoted, with quotes doubled inside, or has no quote, comma, CR or LF;
 * anything else is a writer's error and aborts.
 */
static int
csv_read_record(const char **p, const char *end, char **cells, int max)
{
	int n = 0;

	for (;;) {
		struct buf cell = BUF_INIT;
		const char *s = *p;

		if (s < end && *s == '"') {
			for (s++;; s++) {
				if (s >= end)
					abort();	/* an unterminated quoted field */
				if (*s == '"' && s + 1 < end && s[1] == '"')
					buf_putc(&cell, *s++);
				else if (*s == '"')
					break;
				else
					buf_putc(&cell, *s);
			}
			s++;
		} else
			for (; s < end && *s != ',' && *s != '\r' && *s != '\n'; s++) {
				if (*s == '"')
					abort();	/* a quote in an unquoted field */
				buf_putc(&cell, *s);
			}
		if (n == max)
			abort();	/* more cells than written */
		cells[n++] = buf_detach(&cell, NULL);
		if (s < end && *s == ',') {
			*p = s + 1;
			continue;
		}
		if (s + 1 >= end || s[0] != '\r' || s[1] != '\n')
			abort();	/* a record ends in CRLF */
		*p = s + 2;
		return n;
	}
}

static void
free_cells(char **cells, int n)
{
	for (int i = 0; i < n; i++)
		free(cells[i]);
}

/* Every field through csv_cell in one record, read back. */
static void
csv_cells_round_trip(char **f)
{
	struct buf row = BUF_INIT;
	char *cells[F__MAX];
	const char *p;
	int n;

	for (int i = 0; i < F__MAX; i++) {
		if (i)
			buf_putc(&row, ',');
		csv_cell(&row, f[i]);
	}
	buf_puts(&row, "\r\n");
	p = row.data;
	if ((n = csv_read_record(&p, row.data + row.len, cells, F__MAX)) != F__MAX || *p)
		abort();
	for (int i = 0; i < F__MAX; i++) {
		char *want = csv_expected(f[i]);

		if (strcmp(cells[i], want) != 0)
			abort();
		free(want);
	}
	free_cells(cells, n);
	buf_release(&row);
}

/* --- JSON ------------------------------------------------------------------------------- */

/* The text of JSON document doc at path, as SQLite's JSON functions read it (caller frees);
 * aborts when doc is not valid JSON. */
static char *
json_at(const char *doc, size_t n, const char *path, size_t *len)
{
	static const char sql[] = "SELECT json_valid(?1), json_extract(?1, ?2)";
	sqlite3_stmt *st = db_stmt(db, sql);
	char *out;

	sqlite3_bind_text(st, 1, doc, (int)n, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1)
		abort();
	*len = (size_t)sqlite3_column_bytes(st, 1);
	out = malloc(*len + 1);
	if (*len)
		memcpy(out, sqlite3_column_blob(st, 1), *len);
	out[*len] = '\0';
	sqlite3_reset(st);
	return out;
}

static void
json_round_trip(const char *v)
{
	struct buf lit = BUF_INIT;
	size_t len;
	char *back;

	json_string(&lit, v);
	/* Safe inside <script>, and nothing JSON forbids raw. */
	for (size_t i = 1; i + 1 < lit.len; i++)
		if (strchr("<>&", lit.data[i]) || (unsigned char)lit.data[i] < 0x20)
			abort();
	back = json_at(lit.data, lit.len, "$", &len);
	if (len != strlen(v) || memcmp(back, v, len) != 0)
		abort();
	free(back);
	buf_release(&lit);
}

/* --- XML -------------------------------------------------------------------------------- */

/* What schedule.xml can carry of v: XML 1.0 has no way to write the control characters
 * other than tab, LF and CR, nor U+FFFE and U+FFFF; the export leaves those out. */
static char *
xml_carried(const char *v)
{
	struct buf b = BUF_INIT;

	for (const unsigned char *s = (const unsigned char *)v; *s; s++) {
		if (*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
			continue;
		if (s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) {
			s += 2;
			continue;
		}
		buf_putc(&b, (char)*s);
	}
	return buf_detach(&b, NULL);
}

/* Checks that the one node at path in doc has the text v can carry. */
static void
xml_expect(xmlXPathContextPtr ctx, const char *path, const char *v)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)path, ctx);
	char *want = xml_carried(v);
	xmlChar *got;

	if (o == NULL || o->nodesetval == NULL || o->nodesetval->nodeNr != 1)
		abort();
	got = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
	if (got == NULL || strcmp((const char *)got, want) != 0)
		abort();
	xmlFree(got);
	free(want);
	xmlXPathFreeObject(o);
}

/* --- End to end ------------------------------------------------------------------------- */

static const char *const store_sql[] = {
	"INSERT INTO people(id, name, slug) VALUES (1, ?1, 'p')",
	"INSERT INTO organizations(id, name, slug) VALUES (1, ?2, 'o')",
	"INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (1, ?3, 'fuzzconf', '2025-03-01', '2025-03-01')",
	("INSERT INTO sessions(id, event_id, title, abstract, room, track, subtitle, kind, starts_at,"
	" duration_min) VALUES (1, 1, ?4, ?5, ?6, ?7, ?8, 'talk', '2025-03-01T10:00:00+01:00', 30)"),
	"INSERT INTO appearances(session_id, person_id, org_id) VALUES (1, 1, 1)",
};

/* Stores the fields; 0, or -1 when the schema refuses them (an empty name, say). */
static int
store(char **f)
{
	for (size_t i = 0; i < sizeof(store_sql) / sizeof(store_sql[0]); i++) {
		sqlite3_stmt *st;
		int rc;

		if (sqlite3_prepare_v2(db, store_sql[i], -1, &st, NULL) != SQLITE_OK)
			abort();
		for (int k = 1; k <= sqlite3_bind_parameter_count(st); k++)
			db_bind_text(st, k, f[k - 1]);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* The whole export of s (freed) as one string (caller frees). */
static char *
drain(struct export_stream *s, size_t *len)
{
	struct buf all = BUF_INIT, piece = BUF_INIT;

	if (s == NULL)
		abort();
	do {
		buf_reset(&piece);
		if (export_next(s, &piece) == -1)
			abort();
		buf_append(&all, piece.data, piece.len);
	} while (piece.len);
	buf_release(&piece);
	export_free(s);
	return buf_detach(&all, len);
}

static void
speakers_csv(char **f)
{
	struct export_filter ef = { .format = EXPORT_CSV };
	const char *want[] = { f[F_PERSON], f[F_ORG], "", "", f[F_EVENT], f[F_TITLE], "talk",
		"2025-03-01", "speaker", "/sessions/1" };
	char *cells[10], *out, *exp;
	const char *p;
	size_t len;

	out = drain(export_speakers_new(conn_of(db), 1, &ef), &len);
	p = out;
	free_cells(cells, csv_read_record(&p, out + len, cells, 10));	/* the header */
	if (csv_read_record(&p, out + len, cells, 10) != 10 || p != out + len)
		abort();
	for (int i = 0; i < 10; i++) {
		exp = csv_expected(want[i]);
		if (strcmp(cells[i], exp) != 0)
			abort();
		free(exp);
	}
	free_cells(cells, 10);
	free(out);
}

static void
speakers_json(char **f)
{
	struct export_filter ef = { .format = EXPORT_JSON };
	size_t len, n;
	char *out = drain(export_speakers_new(conn_of(db), 1, &ef), &len);
	char *name = json_at(out, len, "$[0].name", &n);

	if (strcmp(name, f[F_PERSON]) != 0)
		abort();
	free(name);
	free(out);
}

static void
schedule_xml(char **f)
{
	struct export_filter ef = { .event = "fuzzconf", .format = EXPORT_XML };
	size_t len;
	char *out = drain(export_schedule_new(conn_of(db), 1, &ef), &len);
	xmlDocPtr doc = xmlReadMemory(out, (int)len, "schedule.xml", NULL, XML_PARSE_NONET);
	xmlXPathContextPtr ctx;

	if (doc == NULL)
		abort();	/* the export is always well-formed XML */
	ctx = xmlXPathNewContext(doc);
	xml_expect(ctx, "/schedule/conference/title", f[F_EVENT]);
	xml_expect(ctx, "//day/room/@name", f[F_ROOM]);
	xml_expect(ctx, "//event/room", f[F_ROOM]);
	xml_expect(ctx, "//event/title", f[F_TITLE]);
	xml_expect(ctx, "//event/abstract", f[F_ABSTRACT]);
	xml_expect(ctx, "//event/track", f[F_TRACK]);
	if (f[F_SUBTITLE][0])
		xml_expect(ctx, "//event/subtitle", f[F_SUBTITLE]);
	xml_expect(ctx, "//event/persons/person", f[F_PERSON]);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = size ? (const char *)data + 1 : "", *end = p + (size ? size - 1 : 0);
	int code_points = size && (data[0] & 1), utf8 = 1;
	char *f[F__MAX];

	if (db == NULL) {
		if ((db = db_open(":memory:", 1)) == NULL || db_migrate(db, 0) == -1)
			abort();
	}
	for (int i = 0; i < F__MAX; i++) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t n = z ? (size_t)(z - p) : (size_t)(end - p);

		f[i] = text_of(p, n, code_points);
		utf8 &= utf8_valid(f[i], strlen(f[i]));
		p = z ? z + 1 : end;
	}
	csv_cells_round_trip(f);
	for (int i = 0; i < F__MAX; i++)
		json_round_trip(f[i]);
	if (db_exec(db, "SAVEPOINT fuzz") == -1)
		abort();
	if (store(f) == 0) {
		speakers_csv(f);
		speakers_json(f);
		/* Stored text is UTF-8 (the validators and the importer see to it): the XML
		 * writer is only asked to carry that. */
		if (utf8)
			schedule_xml(f);
	}
	if (db_exec(db, "ROLLBACK TO fuzz; RELEASE fuzz") == -1)
		abort();
	for (int i = 0; i < F__MAX; i++)
		free(f[i]);
	return 0;
}
