/*
 * export_schedule.c: an event's schedule in the frab schedule.xml format
 * (tests/data/schedule.xml.xsd), written with libxml2's xmlTextWriter, which
 * escapes text and attributes. The output is ordered by day, room, start and
 * id and depends on nothing but the data (apart from the generator element),
 * so an importer can read it back and a second export gives the same file.
 */
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "core/guid.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/version.h"
#include "export/stream.h"
#include "model/schedule_rows.h"

struct xml_state {
	xmlTextWriterPtr	 w;
	struct buf		*out;		/* where the writer's output goes now */
	char			*day;		/* the open <day>, or NULL */
	char			*room;		/* the open <room>, or NULL */
	int			 day_index;
	struct schedule_head	 head;		/* the event (kept by the rows) */
};

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
write_person(void *arg, const struct schedule_person *p)
{
	struct xml_state *x = arg;
	xmlTextWriterPtr w = x->w;
	struct buf clean = BUF_INIT;
	char guid[37];
	int rc = 0;

	if (p->guid == NULL)
		guid_make(x->head.installation, "person", p->id, guid);
	rc |= xmlTextWriterStartElement(w, X("person")) < 0;
	if (p->source_id)
		rc |= xmlTextWriterWriteAttribute(w, X("id"), X(p->source_id)) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("guid"), X(p->guid ? p->guid : guid)) < 0;
	rc |= xmlTextWriterWriteString(w, X(xml_clean(&clean, p->name))) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	buf_release(&clean);
	return rc ? -1 : 0;
}

static int
write_persons(struct export_stream *s, struct xml_state *x, long long sid)
{
	int rc = 0;

	rc |= xmlTextWriterStartElement(x->w, X("persons")) < 0;
	rc |= schedule_persons(s->rows, sid, write_person, x) == -1;
	rc |= xmlTextWriterEndElement(x->w) < 0;
	return rc ? -1 : 0;
}

static int
write_event(struct export_stream *s, struct xml_state *x, const struct schedule_row *r)
{
	xmlTextWriterPtr w = x->w;
	char guid[37];
	int rc = 0;

	if (r->guid == NULL)	/* Lectern's own, which it reads back to this session */
		guid_make(x->head.installation, "session", r->session_id, guid);
	rc |= xmlTextWriterStartElement(w, X("event")) < 0;
	rc |= xmlTextWriterWriteFormatAttribute(w, X("id"), "%lld", r->shown_id) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("guid"), X(r->guid ? r->guid : guid)) < 0;
	rc |= element(w, "room", r->room);
	rc |= element(w, "title", r->title);
	if (r->subtitle)
		rc |= element(w, "subtitle", r->subtitle);
	rc |= element(w, "type", r->kind);
	rc |= element(w, "date", r->date);
	rc |= element(w, "start", r->start);
	rc |= element(w, "duration", r->duration);
	rc |= element(w, "abstract", r->abstract);
	rc |= element(w, "track", r->track);
	rc |= write_persons(s, x, r->session_id);
	if (r->url)
		rc |= element(w, "url", r->url);
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
	rc |= xmlTextWriterWriteFormatAttribute(x->w, X("start"), "%sT00:00:00%s", day, x->head.offset) < 0;
	rc |= xmlTextWriterWriteFormatAttribute(x->w, X("end"), "%sT23:59:59%s", day, x->head.offset) < 0;
	return rc ? -1 : 0;
}

static int
open_room(struct xml_state *x, const char *room)
{
	struct buf clean = BUF_INIT;
	int rc;

	if (close_open(x, 0) == -1)
		return -1;
	x->room = xstrdup(room);
	rc = xmlTextWriterStartElement(x->w, X("room")) < 0 ||
	    xmlTextWriterWriteAttribute(x->w, X("name"), X(xml_clean(&clean, room))) < 0;
	buf_release(&clean);
	return rc ? -1 : 0;
}

static int
row(struct export_stream *s, struct xml_state *x, const struct schedule_row *r)
{
	if (x->day == NULL || strcmp(x->day, r->day) != 0)
		if (close_open(x, 1) == -1 || open_day(x, r->day) == -1)
			return -1;
	if (r->session_id == 0)
		return 0;	/* a day without sessions */
	if ((x->room == NULL || strcmp(x->room, r->room) != 0) && open_room(x, r->room) == -1)
		return -1;
	return write_event(s, x, r);
}

static int
step_xml(struct export_stream *s, struct buf *out)
{
	struct xml_state *x = s->priv;
	struct schedule_row r;
	int rc = 1, next;

	x->out = out;
	/* The head was written when the stream was made. */
	buf_append(out, s->scratch.data, s->scratch.len);
	buf_reset(&s->scratch);
	for (int k = 0; k < 64 && rc == 1; k++) {
		if ((next = schedule_rows_next(s->rows, &r)) == 0) {
			if (close_open(x, 1) == -1 || xmlTextWriterEndDocument(x->w) < 0)
				return -1;
			rc = 0;
		} else if (next == -1 || row(s, x, &r) == -1)
			return log_err("export: schedule.xml cannot be written");
	}
	return xmlTextWriterFlush(x->w) < 0 ? -1 : rc;
}

/* The document head: generator, version, conference. */
static int
write_head(struct xml_state *x)
{
	const struct schedule_head *h = &x->head;
	xmlTextWriterPtr w = x->w;
	int rc = 0;

	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, X("schedule")) < 0;
	rc |= xmlTextWriterStartElement(w, X("generator")) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("name"), X("lectern")) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("version"), X(LECTERN_VERSION)) < 0;
	/* The instance: an import of this file into the same database knows it for its own. */
	rc |= xmlTextWriterWriteAttribute(w, X("system"), X(x->head.installation)) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	rc |= element(w, "version", "1");
	rc |= xmlTextWriterStartElement(w, X("conference")) < 0;
	rc |= element(w, "title", h->name);
	if (strlen(h->slug) >= 4)	/* the XSD wants four characters or more */
		rc |= element(w, "acronym", h->slug);
	rc |= element(w, "start", h->starts_on);
	rc |= element(w, "end", h->ends_on);
	rc |= element(w, "days", h->days);
	if (h->url)
		rc |= element(w, "url", h->url);
	rc |= element(w, "time_zone_name", h->time_zone);
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc ? -1 : 0;
}

static void
release_xml(struct export_stream *s)
{
	struct xml_state *x = s->priv;

	if (x) {
		/* Freeing the writer flushes what it still holds (after an error in
		 * the middle of a piece): into our own scratch, not into a caller's
		 * buffer that may be gone by now. */
		x->out = &s->scratch;
		if (x->w)
			xmlFreeTextWriter(x->w);	/* also closes its output buffer */
		free(x->day);
		free(x->room);
		free(x);
	}
	schedule_rows_close(s->rows);
}

struct export_stream *
export_xml_new(struct export_stream *s)
{
	struct xml_state *x = xcalloc(1, sizeof(*x));
	xmlOutputBufferPtr ob;

	s->priv = x;
	s->release = release_xml;
	x->out = &s->scratch;
	if ((ob = xmlOutputBufferCreateIO(xml_write, xml_close, x, NULL)) == NULL ||
	    (x->w = xmlNewTextWriter(ob)) == NULL)
		goto fail;
	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, X("  "));
	if ((s->rows = schedule_rows_open(s->db, s->f.event, &x->head)) == NULL || write_head(x) == -1)
		goto fail;
	s->step = step_xml;
	return s;
fail:
	export_free(s);
	return NULL;
}

struct export_stream *
export_schedule_new(struct db_conn *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = export_stream_new(db, own_db, f);

	if (f->format == EXPORT_XML && f->event)
		return export_xml_new(s);
	if (f->format == EXPORT_ICS && (f->event || f->person))
		return export_ics_new(s);
	export_free(s);
	return NULL;
}
