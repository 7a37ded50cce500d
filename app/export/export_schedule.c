/*
 * export_schedule.c: an event's schedule in the frab schedule.xml format
 * (tests/data/schedule.xml.xsd), written with libxml2's xmlTextWriter, which
 * escapes text and attributes. The output is ordered by day, room, start and
 * id and depends on nothing but the data (apart from the generator element),
 * so an importer can read it back and a second export gives the same file.
 */
#include <libxml/xmlwriter.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/guid.h"
#include "core/version.h"
#include "export/stream.h"
#include "core/log.h"
#include "core/mem.h"

struct xml_state {
	xmlTextWriterPtr	 w;
	struct buf		*out;		/* where the writer's output goes now */
	char			*day;		/* the open <day>, or NULL */
	char			*room;		/* the open <room>, or NULL */
	int			 day_index;
	char			*offset;	/* the event's UTC offset, "+02:00" or "Z" */
	char			*slug;
	char			*installation;	/* this database's id (guid.c) */
};

/* The days: every date of the event, and any date a session falls on outside it. */
#define DAYS(eid) \
	"WITH RECURSIVE d(day) AS (SELECT starts_on FROM events WHERE id = " eid \
	"  UNION SELECT date(day, '+1 day') FROM d, events e WHERE e.id = " eid " AND day < e.ends_on)," \
	" days(day) AS (SELECT day FROM d UNION SELECT substr(starts_at, 1, 10) FROM sessions" \
	"  WHERE event_id = " eid " AND starts_at IS NOT NULL AND status = 'scheduled')"

static const char sql_conference[] = DAYS("(SELECT id FROM events WHERE slug = :event)")
	" SELECT e.id, e.name, e.slug, e.starts_on, e.ends_on, (SELECT count(*) FROM days),"
	" e.time_zone, e.url, coalesce((SELECT CASE WHEN length(starts_at) >= 25"
	"   THEN substr(starts_at, 20, 6) ELSE 'Z' END FROM sessions"
	"   WHERE event_id = e.id AND starts_at IS NOT NULL ORDER BY starts_utc, id LIMIT 1), 'Z'),"
	" (SELECT id FROM installation)"
	" FROM events e WHERE e.slug = :event";

/* One row per session, and one with a NULL session for a day without any. An imported session
 * keeps the source's guid and id, so a schedule read back from Lectern's own export comes out
 * the same; the XSD wants both unique, so where a merged file or a workshop over several slots
 * repeats one, the first session (by id) keeps it and the others get ids past every source id
 * of the event and guids of their own (guid.c). */
static const char sql_rows[] = DAYS(":eid") ","
	" keyed AS (SELECT s.id, k.key, json_extract(k.imported, '$.source_id') AS sid FROM sessions s"
	"  LEFT JOIN source_keys k ON k.source = 'event:' || s.event_id AND k.kind = 'session' AND k.local_id = s.id"
	"  WHERE s.event_id = :eid AND s.status = 'scheduled' AND s.starts_at IS NOT NULL),"
	" shown AS (SELECT id, key, CASE WHEN sid > 0 AND row_number() OVER (PARTITION BY sid ORDER BY id) = 1"
	"  THEN sid ELSE coalesce(max(sid) OVER (), 0) + id END AS shown_id FROM keyed)"
	" SELECT days.day, s.id, coalesce(s.room, ''), s.title, s.subtitle, s.kind,"
	" CASE WHEN substr(s.starts_at, 20) GLOB '[+-][0-9][0-9]:[0-9][0-9]'"
	"   OR substr(s.starts_at, 20) = 'Z' THEN s.starts_at"
	"   ELSE strftime('%Y-%m-%dT%H:%M:%SZ', s.starts_at) END,"
	" substr(s.starts_at, 12, 5),"
	" printf('%02d:%02d', min(coalesce(s.duration_min, 0), 5999) / 60,"
	"   min(coalesce(s.duration_min, 0), 5999) % 60),"
	" coalesce(s.abstract, ''), coalesce(s.track, ''), s.url,"
	" CASE WHEN length(h.key) = 36 AND h.key GLOB '[0-9a-fA-F]*-*-*-*-*' THEN h.key END, h.shown_id"
	" FROM days LEFT JOIN sessions s ON s.event_id = :eid AND s.status = 'scheduled'"
	"  AND s.starts_at IS NOT NULL AND substr(s.starts_at, 1, 10) = days.day"
	" LEFT JOIN shown h ON h.id = s.id"
	" ORDER BY days.day, coalesce(s.room, ''), s.starts_utc, s.id";

/* A speaker as "Name [Organization]" (the organization represented, as pretalx writes it), with
 * the source's numeric id and guid of the person in this event when it has them. */
static const char sql_persons[] =
	"SELECT (SELECT k.key FROM source_keys k WHERE k.kind = 'person' AND k.local_id = p.id"
	"  AND k.source = 'event:' || :eid AND k.key GLOB '[1-9]*' AND k.key NOT GLOB '*[^0-9]*'"
	"  ORDER BY k.key LIMIT 1),"
	" (SELECT k.key FROM source_keys k WHERE k.kind = 'person' AND k.local_id = p.id"
	"  AND k.source = 'event:' || :eid AND length(k.key) = 36 AND k.key GLOB '[0-9a-fA-F]*-*-*-*-*'"
	"  ORDER BY k.key LIMIT 1),"
	" p.id, p.name || coalesce(' [' || o.name || ']', '')"
	" FROM appearances a JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id"
	" WHERE a.session_id = :sid ORDER BY a.position, p.id";

static int
xml_write(void *ctx, const char *data, int len)
{
	struct xml_state *x = ctx;

	buf_append(x->out, data, (size_t)len);
	return len;
}

static int
xml_close(void *ctx)
{
	(void)ctx;
	return 0;
}

#define X(s)	((const xmlChar *)(s))

/* Puts in clean (reset first) what XML 1.0 can carry of text (NULL: nothing) and
 * returns it. XML 1.0 has no way to carry control characters other than tab and
 * newlines (not even as &#1;), nor U+FFFE and U+FFFF, so those are left out
 * rather than written as an invalid file. Every stored text written goes through
 * here: element text, attribute values, person names. */
static const char *
xml_clean(struct buf *clean, const char *text)
{
	buf_reset(clean);
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
			p += 2;
			continue;
		}
		buf_putc(clean, (char)*p);
	}
	return clean->data;
}

/* Writes <name>text</name>; text NULL writes an empty element. */
static int
element(xmlTextWriterPtr w, const char *name, const char *text)
{
	struct buf clean = BUF_INIT;
	int rc = xmlTextWriterWriteElement(w, X(name), X(xml_clean(&clean, text)));

	buf_release(&clean);
	return rc < 0 ? -1 : 0;
}

static int
write_persons(struct export_stream *s, struct xml_state *x, long long sid)
{
	xmlTextWriterPtr w = x->w;
	struct buf clean = BUF_INIT;
	char guid[37];
	int rc = 0, r;

	sqlite3_reset(s->st2);
	export_bind_int(s->st2, ":sid", sid);
	rc |= xmlTextWriterStartElement(w, X("persons")) < 0;
	while ((r = sqlite3_step(s->st2)) == SQLITE_ROW) {
		const char *key_guid = export_col(s->st2, 1);

		if (key_guid == NULL)
			guid_make(x->installation, "person", sqlite3_column_int64(s->st2, 2), guid);
		rc |= xmlTextWriterStartElement(w, X("person")) < 0;
		if (export_col(s->st2, 0))
			rc |= xmlTextWriterWriteAttribute(w, X("id"), X(export_col(s->st2, 0))) < 0;
		rc |= xmlTextWriterWriteAttribute(w, X("guid"), X(key_guid ? key_guid : guid)) < 0;
		rc |= xmlTextWriterWriteString(w, X(xml_clean(&clean, export_col(s->st2, 3)))) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	rc |= xmlTextWriterEndElement(w) < 0;
	buf_release(&clean);
	return rc || r != SQLITE_DONE ? -1 : 0;
}

static int
write_event(struct export_stream *s, struct xml_state *x)
{
	sqlite3_stmt *st = s->st;
	xmlTextWriterPtr w = x->w;
	long long id = sqlite3_column_int64(st, 1);
	const char *key = export_col(st, 12);
	char guid[37];
	int rc = 0;

	if (key == NULL)	/* Lectern's own, which it reads back to this session */
		guid_make(x->installation, "session", id, guid);
	rc |= xmlTextWriterStartElement(w, X("event")) < 0;
	rc |= xmlTextWriterWriteFormatAttribute(w, X("id"), "%lld", sqlite3_column_int64(st, 13)) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("guid"), X(key ? key : guid)) < 0;
	rc |= element(w, "room", export_col(st, 2));
	rc |= element(w, "title", export_col(st, 3));
	if (export_col(st, 4))
		rc |= element(w, "subtitle", export_col(st, 4));
	rc |= element(w, "type", export_col(st, 5));
	rc |= element(w, "date", export_col(st, 6));
	rc |= element(w, "start", export_col(st, 7));
	rc |= element(w, "duration", export_col(st, 8));
	rc |= element(w, "abstract", export_col(st, 9));
	rc |= element(w, "track", export_col(st, 10));
	rc |= write_persons(s, x, id);
	if (export_col(st, 11))
		rc |= element(w, "url", export_col(st, 11));
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc ? -1 : 0;
}

/* Closes the open room and, with day, the open day. */
static int
close_open(struct xml_state *x, int day)
{
	int rc = 0;

	if (x->room) {
		rc |= xmlTextWriterEndElement(x->w) < 0;
		free(x->room);
		x->room = NULL;
	}
	if (day && x->day) {
		rc |= xmlTextWriterEndElement(x->w) < 0;
		free(x->day);
		x->day = NULL;
	}
	return rc ? -1 : 0;
}

static int
open_day(struct xml_state *x, const char *day)
{
	int rc = 0;

	x->day = xstrdup(day);
	rc |= xmlTextWriterStartElement(x->w, X("day")) < 0;
	rc |= xmlTextWriterWriteFormatAttribute(x->w, X("index"), "%d", ++x->day_index) < 0;
	rc |= xmlTextWriterWriteAttribute(x->w, X("date"), X(day)) < 0;
	rc |= xmlTextWriterWriteFormatAttribute(x->w, X("start"), "%sT00:00:00%s", day, x->offset) < 0;
	rc |= xmlTextWriterWriteFormatAttribute(x->w, X("end"), "%sT23:59:59%s", day, x->offset) < 0;
	return rc ? -1 : 0;
}

static int
row(struct export_stream *s, struct xml_state *x)
{
	const char *day = export_col(s->st, 0), *room = export_col(s->st, 2);

	if (x->day == NULL || strcmp(x->day, day) != 0)
		if (close_open(x, 1) == -1 || open_day(x, day) == -1)
			return -1;
	if (sqlite3_column_type(s->st, 1) == SQLITE_NULL)
		return 0;	/* a day without sessions */
	if (x->room == NULL || strcmp(x->room, room) != 0) {
		struct buf clean = BUF_INIT;
		int rc;

		if (close_open(x, 0) == -1)
			return -1;
		x->room = xstrdup(room);
		rc = xmlTextWriterStartElement(x->w, X("room")) < 0 ||
		    xmlTextWriterWriteAttribute(x->w, X("name"), X(xml_clean(&clean, room))) < 0;
		buf_release(&clean);
		if (rc)
			return -1;
	}
	return write_event(s, x);
}

static int
step_xml(struct export_stream *s, struct buf *out)
{
	struct xml_state *x = s->priv;
	int rc = 1, r;

	x->out = out;
	/* The head was written when the stream was made. */
	buf_append(out, s->scratch.data, s->scratch.len);
	buf_reset(&s->scratch);
	for (int k = 0; k < 64 && rc == 1; k++) {
		if ((r = sqlite3_step(s->st)) == SQLITE_DONE) {
			if (close_open(x, 1) == -1 || xmlTextWriterEndDocument(x->w) < 0)
				return -1;
			rc = 0;
		} else if (r != SQLITE_ROW || row(s, x) == -1)
			return log_err("export: schedule.xml: %s", sqlite3_errmsg(s->db));
	}
	return xmlTextWriterFlush(x->w) < 0 ? -1 : rc;
}

/* The document head: generator, version, conference. */
static int
write_head(struct xml_state *x, sqlite3_stmt *c)
{
	xmlTextWriterPtr w = x->w;
	const char *slug = export_col(c, 2), *url = export_col(c, 7);
	int rc = 0;

	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, X("schedule")) < 0;
	rc |= xmlTextWriterStartElement(w, X("generator")) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("name"), X("lectern")) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("version"), X(LECTERN_VERSION)) < 0;
	/* The instance: an import of this file into the same database knows it for its own. */
	rc |= xmlTextWriterWriteAttribute(w, X("system"), X(x->installation)) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	rc |= element(w, "version", "1");
	rc |= xmlTextWriterStartElement(w, X("conference")) < 0;
	rc |= element(w, "title", export_col(c, 1));
	if (strlen(slug) >= 4)	/* the XSD wants four characters or more */
		rc |= element(w, "acronym", slug);
	rc |= element(w, "start", export_col(c, 3));
	rc |= element(w, "end", export_col(c, 4));
	rc |= element(w, "days", export_col(c, 5));
	if (url)
		rc |= element(w, "url", url);
	rc |= element(w, "time_zone_name", export_col(c, 6));
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc ? -1 : 0;
}

static void
release_xml(struct export_stream *s)
{
	struct xml_state *x = s->priv;

	if (x == NULL)
		return;
	/* Freeing the writer flushes what it still holds (after an error in
	 * the middle of a piece): into our own scratch, not into a caller's
	 * buffer that may be gone by now. */
	x->out = &s->scratch;
	if (x->w)
		xmlFreeTextWriter(x->w);	/* also closes its output buffer */
	free(x->day);
	free(x->room);
	free(x->offset);
	free(x->slug);
	free(x->installation);
	free(x);
}

struct export_stream *
export_xml_new(struct export_stream *s)
{
	struct xml_state *x = xcalloc(1, sizeof(*x));
	xmlOutputBufferPtr ob;
	sqlite3_stmt *c;
	long long eid;

	s->priv = x;
	s->release = release_xml;
	x->out = &s->scratch;
	if ((ob = xmlOutputBufferCreateIO(xml_write, xml_close, x, NULL)) == NULL ||
	    (x->w = xmlNewTextWriter(ob)) == NULL)
		goto fail;
	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, X("  "));
	if ((c = export_prepare(s, sql_conference)) == NULL)
		goto fail;
	export_bind(c, ":event", s->f.event);
	if (sqlite3_step(c) != SQLITE_ROW) {
		sqlite3_finalize(c);
		goto fail;
	}
	eid = sqlite3_column_int64(c, 0);
	x->slug = xstrdup(export_col(c, 2));
	x->offset = xstrdup(export_col(c, 8));
	x->installation = xstrdup(export_col(c, 9) ? export_col(c, 9) : "");
	if (write_head(x, c) == -1) {
		sqlite3_finalize(c);
		goto fail;
	}
	sqlite3_finalize(c);
	if ((s->st = export_prepare(s, sql_rows)) == NULL ||
	    (s->st2 = export_prepare(s, sql_persons)) == NULL)
		goto fail;
	export_bind_int(s->st, ":eid", eid);
	export_bind_int(s->st2, ":eid", eid);
	s->step = step_xml;
	return s;
fail:
	export_free(s);
	return NULL;
}

struct export_stream *
export_schedule_new(sqlite3 *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = export_stream_new(db, own_db, f);

	if (f->format == EXPORT_XML && f->event)
		return export_xml_new(s);
	if (f->format == EXPORT_ICS && (f->event || f->person))
		return export_ics_new(s);
	export_free(s);
	return NULL;
}
