/* export_ics.c: iCalendar (RFC 5545) calendars of an event's sessions or a person's talks. */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/params.h"
#include "core/version.h"
#include "export/stream.h"

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

/* Scheduled and cancelled sessions with a start, of one event or one person,
 * in UTC (so no VTIMEZONE is needed), ordered by start, room, id. */
static const char sql_sessions[] =
	"SELECT s.id, strftime('%Y%m%dT%H%M%SZ', s.starts_utc),"
	" strftime('%Y%m%dT%H%M%SZ', s.starts_utc, '+' || coalesce(s.duration_min, 30) || ' minutes'),"
	" strftime('%Y%m%dT%H%M%SZ', s.updated_at), s.title, s.room, s.abstract,"
	" coalesce(s.url, ''), s.status, s.kind, e.name,"
	" (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM appearances a"
	"   JOIN people p ON p.id = a.person_id WHERE a.session_id = s.id"
	"   ORDER BY a.position, p.id)), (SELECT id FROM installation)"
	" FROM sessions s JOIN events e ON e.id = s.event_id"
	" WHERE s.starts_at IS NOT NULL"
	" AND (:event IS NULL OR e.slug = :event)"
	" AND (:person IS NULL OR EXISTS (SELECT 1 FROM appearances a JOIN people p"
	"   ON p.id = a.person_id WHERE a.session_id = s.id AND p.slug = :person))"
	" ORDER BY s.starts_utc, s.room, s.id";

static void
vevent(struct export_stream *s, struct buf *out)
{
	sqlite3_stmt *st = s->st;
	const char *speakers = export_col(st, 11), *abstract = export_col(st, 6);
	struct buf *d = &s->scratch;

	ics_line(out, "BEGIN", "VEVENT", 1);
	buf_reset(d);
	/* Globally unique: the installation's id tells two Lecterns' session 12 apart. */
	buf_appendf(d, "session-%lld@lectern-%s", (long long)sqlite3_column_int64(st, 0), export_col(st, 12));
	ics_line(out, "UID", d->data, 1);
	ics_line(out, "DTSTAMP", export_col(st, 3), 1);
	ics_line(out, "DTSTART", export_col(st, 1), 1);
	ics_line(out, "DTEND", export_col(st, 2), 1);
	ics_line(out, "SUMMARY", export_col(st, 4), 0);
	if (export_col(st, 5))
		ics_line(out, "LOCATION", export_col(st, 5), 0);
	buf_reset(d);
	if (speakers)
		buf_puts(d, speakers);
	if (speakers && abstract)
		buf_puts(d, "\n\n");
	if (abstract)
		buf_puts(d, abstract);
	if (d->len)
		ics_line(out, "DESCRIPTION", d->data, 0);
	/* A URL the schema would refuse now (stored before 0006) is left out, not mended. */
	if (*export_col(st, 7) && url_valid(export_col(st, 7), strlen(export_col(st, 7))))
		ics_line(out, "URL", export_col(st, 7), 1);
	ics_line(out, "CATEGORIES", export_col(st, 9), 0);
	ics_line(out, "STATUS", strcmp(export_col(st, 8), "cancelled") == 0 ?
	    "CANCELLED" : "CONFIRMED", 1);
	ics_line(out, "END", "VEVENT", 1);
}

static int
step_ics(struct export_stream *s, struct buf *out)
{
	int rc;

	if (!s->started) {
		s->started = 1;
		ics_line(out, "BEGIN", "VCALENDAR", 1);
		ics_line(out, "VERSION", "2.0", 1);
		ics_line(out, "PRODID", "-//Lectern//Lectern " LECTERN_VERSION "//EN", 1);
		ics_line(out, "CALSCALE", "GREGORIAN", 1);
		ics_line(out, "METHOD", "PUBLISH", 1);
		ics_line(out, "X-WR-CALNAME", s->priv, 0);
		return 1;
	}
	for (int k = 0; k < 64; k++) {
		if ((rc = sqlite3_step(s->st)) == SQLITE_DONE) {
			ics_line(out, "END", "VCALENDAR", 1);
			return 0;
		}
		if (rc != SQLITE_ROW)
			return -1;
		vevent(s, out);
		s->rows++;
	}
	return 1;
}

/* The calendar's name: the event's or the person's; NULL when there is neither. */
static const char sql_name[] =
	"SELECT coalesce((SELECT name FROM events WHERE slug = :event),"
	" (SELECT name || ': talks' FROM people WHERE slug = :person))";

static void
release_name(struct export_stream *s)
{
	free(s->priv);
}

struct export_stream *
export_ics_new(struct export_stream *s)
{
	sqlite3_stmt *st;
	const char *name;

	if ((st = export_prepare(s, sql_name)) == NULL)
		goto fail;
	export_bind(st, ":event", s->f.event);
	export_bind(st, ":person", s->f.event ? NULL : s->f.person);
	if (sqlite3_step(st) == SQLITE_ROW && (name = export_col(st, 0)) != NULL)
		s->priv = xstrdup(name);
	sqlite3_finalize(st);
	if (s->priv == NULL || (s->st = export_prepare(s, sql_sessions)) == NULL)
		goto fail;
	s->release = release_name;
	export_bind(s->st, ":event", s->f.event);
	export_bind(s->st, ":person", s->f.event ? NULL : s->f.person);
	s->step = step_ics;
	return s;
fail:
	export_free(s);
	return NULL;
}
