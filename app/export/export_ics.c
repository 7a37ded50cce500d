/* export_ics.c: iCalendar (RFC 5545) calendars of an event's sessions or a person's talks. */
#include <string.h>

#include "core/mem.h"
#include "core/params.h"
#include "core/version.h"
#include "export/stream.h"
#include "model/schedule_rows.h"

#define ICS_LINE	75	/* octets per line, excluding CRLF */

void
ics_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\\': buf_append(out, "\\\\", 2); break;
		case ';': buf_append(out, "\\;", 2); break;
		case ',': buf_append(out, "\\,", 2); break;
		case '\n': buf_append(out, "\\n", 2); break;
		case '\r':
			if (s[1] != '\n')	/* a lone CR is a newline too; CRLF is one */
				buf_append(out, "\\n", 2);
			break;
		default:
			/* Other controls are not allowed in TEXT (RFC 5545 3.3.11). */
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				buf_putc(out, *s);
		}
	}
}

void
ics_fold(struct buf *out, const char *line, size_t len)
{
	size_t room = ICS_LINE;

	while (len > room) {
		size_t n = room;

		/* Never cut a UTF-8 sequence: back up over continuation bytes. */
		while (n > 0 && ((unsigned char)line[n] & 0xC0) == 0x80)
			n--;
		if (n == 0)
			n = room;
		buf_append(out, line, n);
		buf_append(out, "\r\n ", 3);
		line += n;
		len -= n;
		room = ICS_LINE - 1;	/* the leading space counts */
	}
	buf_append(out, line, len);
	buf_append(out, "\r\n", 2);
}

/* A value written as it is (a date, a URI) never holds a line break or another control
 * character: one would end the content line and let the value start properties of its own. */
static void
ics_raw(struct buf *out, const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7F)
			buf_putc(out, *s);
}

void
ics_line(struct buf *out, const char *name, const char *value, int raw)
{
	struct buf line = BUF_INIT;

	buf_puts(&line, name);
	buf_putc(&line, ':');
	if (raw)
		ics_raw(&line, value);
	else
		ics_escape(&line, value);
	ics_fold(out, line.data, line.len);
	buf_release(&line);
}

static void
vevent(struct export_stream *s, struct buf *out, const struct calendar_row *r)
{
	struct buf *d = &s->scratch;

	ics_line(out, "BEGIN", "VEVENT", 1);
	buf_reset(d);
	/* Globally unique: the installation's id tells two Lecterns' session 12 apart. */
	buf_appendf(d, "session-%lld@lectern-%s", r->id, r->installation);
	ics_line(out, "UID", d->data, 1);
	ics_line(out, "DTSTAMP", r->stamp, 1);
	ics_line(out, "DTSTART", r->start, 1);
	ics_line(out, "DTEND", r->end, 1);
	ics_line(out, "SUMMARY", r->title, 0);
	if (r->room)
		ics_line(out, "LOCATION", r->room, 0);
	buf_reset(d);
	if (r->speakers)
		buf_puts(d, r->speakers);
	if (r->speakers && r->abstract)
		buf_puts(d, "\n\n");
	if (r->abstract)
		buf_puts(d, r->abstract);
	if (d->len)
		ics_line(out, "DESCRIPTION", d->data, 0);
	/* A URL the schema would refuse now (stored before 0006) is left out, not mended. */
	if (*r->url && url_valid(r->url, strlen(r->url)))
		ics_line(out, "URL", r->url, 1);
	ics_line(out, "CATEGORIES", r->kind, 0);
	ics_line(out, "STATUS", strcmp(r->status, "cancelled") == 0 ? "CANCELLED" : "CONFIRMED", 1);
	ics_line(out, "END", "VEVENT", 1);
}

static int
step_ics(struct export_stream *s, struct buf *out)
{
	struct calendar_row r;
	int rc;

	if (!s->started) {
		s->started = 1;
		ics_line(out, "BEGIN", "VCALENDAR", 1);
		ics_line(out, "VERSION", "2.0", 1);
		ics_line(out, "PRODID", "-//Lectern//Lectern " LECTERN_VERSION "//EN", 1);
		ics_line(out, "CALSCALE", "GREGORIAN", 1);
		ics_line(out, "METHOD", "PUBLISH", 1);
		ics_line(out, "X-WR-CALNAME", s->name, 0);
		return 1;
	}
	for (int k = 0; k < 64; k++) {
		if ((rc = calendar_rows_next(s->rows, &r)) <= 0) {
			if (rc == 0)
				ics_line(out, "END", "VCALENDAR", 1);
			return rc;
		}
		vevent(s, out, &r);
		s->n_rows++;
	}
	return 1;
}

static void
release_rows(struct export_stream *s)
{
	calendar_rows_close(s->rows);
}

struct export_stream *
export_ics_new(struct export_stream *s)
{
	if ((s->rows = calendar_rows_open(s->db, s->f.event, s->f.person, &s->name)) == NULL) {
		export_free(s);
		return NULL;
	}
	s->release = release_rows;
	s->step = step_ics;
	return s;
}
