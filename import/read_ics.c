/*
 * read_ics.c: iCalendar files (RFC 5545) and Sched's feeds as neutral records (reader.h),
 * through libical (with ics_values.c, which reads a property's text and times).
 *
 * libical parses one component at a time: the calendar's own properties are read line by line,
 * each VEVENT is fed to libical's parser alone and let go once mapped, and only the file's
 * VTIMEZONEs are kept (at most MAX_ZONES), so memory holds one event of at most
 * MAX_EVENT_BYTES whatever the file's size. The lines come from ics_lines.c, which makes real
 * files' line ends and quoted-printable soft breaks regular.
 *
 * A VEVENT is a session: SUMMARY the title, DESCRIPTION (or X-ALT-DESC) the abstract, LOCATION
 * the room, CATEGORIES the kind and track, DTSTART with DTEND or DURATION the time, URL, UID the
 * source key, STATUS:CANCELLED not taking place, SEQUENCE and LAST-MODIFIED its version. Times
 * with a TZID are read in that zone (tzid.c maps Windows and Outlook names; else the file's
 * VTIMEZONE), in UTC, or floating: in the conference's zone. Speakers are ATTENDEEs with a CN,
 * or "Speaker: Name" lines of the description; in Sched's dialect (PRODID -//Sched.com, event
 * URLs on *.sched.com) they are in the title (sched_map.h). The file is refused when it is not
 * iCalendar, ends inside a component (cut short: its missing events would be cancelled), nests
 * components deeper than MAX_DEPTH, holds a NUL byte, invalid UTF-8 (without a CHARSET) or lines
 * over 1 MiB.
 */
#include <libical/ical.h>
#include <libical/sspm.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/params.h"
#include "import/ics_read.h"
#include "import/ics_text.h"
#include "import/parse.h"
#include "import/reader.h"
#include "import/record.h"
#include "import/sched_map.h"
#include "import/tz.h"
#include "import/tzid.h"
#include "import/wall.h"

static const char *const pl_names[PL__MAX] = { "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "RRULE" };

/* --- the conference ----------------------------------------------------------------------- */

/* Sched's event name, from "-//Sched.com KubeCon + CloudNativeCon Europe 2026//EN". */
static void
sched_name(const char *prodid, struct buf *out)
{
	const char *p = strcasestr(prodid, "//Sched.");

	if (p && (p = strchr(p + 2, ' ')) != NULL)
		buf_appendf(out, "%.*s", (int)strcspn(p + 1, "/"), p + 1);
}

/* The Sched site of an event URL ("kccnceu2026" of https://kccnceu2026.sched.com/...), or 0. */
static size_t
sched_site(const char *url, const char **site)
{
	const char *host = url ? strstr(url, "://") : NULL;
	size_t n;

	if (host == NULL)
		return 0;
	host += 3;
	n = strcspn(host, "/:?#");
	for (size_t i = 0; i < n; i++)
		if (host[i] == '.' && (strncasecmp(host + i, ".sched.com", 10) == 0 ||
		    strncasecmp(host + i, ".sched.org", 10) == 0) && i + 10 == n) {
			*site = host;
			return i;
		}
	return 0;
}

static int
send_conference(struct ir *ir, const char *url)
{
	struct buf name = BUF_INIT;
	const char *site;
	size_t n;

	if (ir->conf_sent++)
		return 0;
	if (ir->sched && ir->conf.c.f[IMP_C_TITLE].s == NULL && ir->prodid) {
		sched_name(ir->prodid, &name);
		rec_conf_set(&ir->conf, IMP_C_TITLE, name.data, 1);
	}
	if (ir->sched && (n = sched_site(url, &site)) != 0) {
		buf_reset(&name);
		buf_appendf(&name, "%.*s", (int)n, site);
		rec_conf_set(&ir->conf, IMP_C_ACRONYM, name.data, ir->rec.s.line);
	}
	buf_release(&name);
	return rd_answer(&ir->rd, ir->rd.sink->conference(ir->rd.sink->arg, &ir->conf.c));
}

/* A property of the calendar itself (PRODID, X-WR-CALNAME, X-WR-TIMEZONE, URL). */
static void
calendar_property(struct ir *ir, const char *line, int at)
{
	icalproperty *p = icalproperty_new_from_string(line);
	const char *name = p ? icalproperty_get_property_name(p) : NULL, *v;
	char zone[64];
	int offset, fixed;

	if (p == NULL || name == NULL || (v = ics_raw_value(p)) == NULL) {
		if (p)
			icalproperty_free(p);
		return;
	}
	if (strcasecmp(name, "PRODID") == 0) {
		free(ir->prodid);
		ir->prodid = xstrdup(v);
		ir->sched |= strcasestr(v, "//Sched.com") != NULL || strcasestr(v, "//Sched.org") != NULL;
		rec_conf_set(&ir->conf, IMP_C_GENERATOR, v, at);
	} else if (strcasecmp(name, "X-WR-CALNAME") == 0 || (strcasecmp(name, "NAME") == 0 &&
	    ir->conf.c.f[IMP_C_TITLE].s == NULL))
		rec_conf_set(&ir->conf, IMP_C_TITLE, v, at);
	else if (strcasecmp(name, "X-WR-TIMEZONE") == 0)
		rec_conf_set(&ir->conf, IMP_C_ZONE, tzid_resolve(v, zone, &offset, &fixed) ? zone : v, at);
	else if (strcasecmp(name, "URL") == 0 || strcasecmp(name, "X-ORIGINAL-URL") == 0 ||
	    strcasecmp(name, "SOURCE") == 0)
		rec_conf_set(&ir->conf, IMP_C_URL, v, at);
	icalproperty_free(p);
}

/* --- events ------------------------------------------------------------------------------- */

/* A day record when a floating or all-day session's date is not the last one sent. */
static int
day_of(struct ir *ir, const char *date, int line)
{
	struct imp_day d = { { date, line }, { NULL, 0 }, { NULL, 0 }, line };

	if (strcmp(date, ir->day) == 0)
		return 0;
	snprintf(ir->day, sizeof(ir->day), "%s", date);
	return rd_answer(&ir->rd, ir->rd.sink->day(ir->rd.sink->arg, &d));
}

/* The end: DURATION, else DTEND (floating: the wall-clock difference; in the start's zone). */
static int
end_time(struct ir *ir, icalcomponent *c, const struct when *start)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY);
	int line = ir->prop_line[PL_DTEND] ? ir->prop_line[PL_DTEND] : ir->rec.s.line, min;
	char dur[16];
	struct when end;
	time_t utc;

	if (p) {
		if ((min = icaldurationtype_as_int(icalproperty_get_duration(p)) / 60) > 0) {
			wall_duration(min, dur);
			rec_set(&ir->rec, IMP_DURATION, dur, line);
		}
		return 0;
	}
	if ((p = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY)) == NULL)
		return 0;
	if (ics_when_of(ir, p, line, &end) == -1 || !end.set || end.is_date)
		return end.set ? 0 : -(ir->rd.failed > 0);
	if (start->floating && end.floating) {
		if ((min = wall_minutes(&start->wall, &end.wall)) > 0) {
			wall_duration(min, dur);
			rec_set(&ir->rec, IMP_DURATION, dur, line);
		}
	} else if (!end.floating)
		rec_set(&ir->rec, IMP_END, end.iso, line);
	else if (start->zone[0] && tz_to_utc(start->zone, end.wall.date, end.wall.time, &utc) == 0) {
		tz_format(start->zone, utc, end.iso);
		rec_set(&ir->rec, IMP_END, end.iso, line);
	}
	return 0;
}

static int
times(struct ir *ir, icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
	int line = ir->prop_line[PL_DTSTART] ? ir->prop_line[PL_DTSTART] : ir->rec.s.line;
	struct when start;

	if (p == NULL || ics_when_of(ir, p, line, &start) == -1 || !start.set)
		return ir->rd.failed ? -1 : 0;	/* the run says "imported without a time" */
	if (start.is_date || start.floating) {
		if (day_of(ir, start.wall.date, line) == -1)
			return -1;
		rec_set(&ir->rec, IMP_DAY, start.wall.date, line);
		rec_set(&ir->rec, IMP_START, start.is_date ? NULL : start.wall.time, line);
	} else {
		rec_set(&ir->rec, IMP_DATE, start.iso, line);
		rec_set(&ir->rec, IMP_ZONE, start.zone, line);
	}
	return end_time(ir, c, &start);
}

static void
speaker(void *arg, const char *name, const char *org)
{
	struct ir *ir = arg;

	rec_person(&ir->rec, name, org, NULL, NULL, ir->prop_line[PL_DESCRIPTION]);
}

/* ATTENDEEs with a CN (but non-participants), else the description's "Speaker:" lines. */
static void
people(struct ir *ir, icalcomponent *c, const char *description)
{
	struct buf text = BUF_INIT, name = BUF_INIT, org = BUF_INIT;
	char role[64];

	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY); p;
	    p = icalcomponent_get_next_property(c, ICAL_ATTENDEE_PROPERTY)) {
		const char *cn = icalproperty_get_parameter_as_string(p, "CN");

		if (cn == NULL || (ics_param(p, "ROLE", role) && strcasecmp(role, "NON-PARTICIPANT") == 0))
			continue;
		buf_reset(&name), buf_reset(&org);
		parse_name_org(cn, &name, &org);
		rec_person(&ir->rec, name.data, org.len ? org.data : NULL, NULL, NULL, ir->rec.s.line);
	}
	if (ir->rec.npersons == 0 && description) {
		parse_html_text(description, &text);
		ics_speakers(text.data, speaker, ir);
	}
	buf_release(&text), buf_release(&name), buf_release(&org);
}

/* The name, kind, track and speakers: Sched's way, or from the fields. */
static int
names(struct ir *ir, icalcomponent *c, const char *summary, const char *description)
{
	const char *types[MAX_CATEGORIES], *why;
	char *owned[MAX_CATEGORIES];
	struct buf b = BUF_INIT;
	int n = 0, rc = 0, line = ir->prop_line[PL_SUMMARY] ? ir->prop_line[PL_SUMMARY] : ir->rec.s.line;

	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_CATEGORIES_PROPERTY);
	    p && n < MAX_CATEGORIES; p = icalcomponent_get_next_property(c, ICAL_CATEGORIES_PROPERTY))
		if (ics_text_of(ir, p, "CATEGORIES", ir->rec.s.line, &b))
			owned[n] = xstrdup(b.data), types[n] = owned[n], n++;
	if (ir->sched) {
		if (sched_map(&ir->rec, summary, line, types, n, NULL, 0, &why) == 1)
			rc = rd_warn(&ir->rd, line, ics_cur(ir), "people", "SUMMARY not read as Sched writes names "
			    "(%s): kept whole", why);
	} else {
		struct rec tmp = { 0 };

		rec_set(&ir->rec, IMP_TITLE, summary, line);
		/* CATEGORIES as Sched's event types: the kind named, the first topic the track. */
		sched_map(&tmp, NULL, line, types, n, NULL, 0, &why);
		rec_set(&ir->rec, IMP_TYPE, tmp.s.f[IMP_TYPE].s, line);
		rec_set(&ir->rec, IMP_TRACK, tmp.s.f[IMP_TRACK].s, line);
		rec_set(&ir->rec, IMP_LOGISTICS, tmp.s.f[IMP_LOGISTICS].s, line);
		rec_clear(&tmp);
		if (ir->rec.s.f[IMP_LOGISTICS].s == NULL)
			sched_map_logistics(&ir->rec, NULL, summary, line);
		people(ir, c, description);
	}
	while (n > 0)
		free(owned[--n]);
	buf_release(&b);
	return rc;
}

/* STATUS, SEQUENCE and LAST-MODIFIED, RRULE, and what libical could not parse. */
static int
event_state(struct ir *ir, icalcomponent *c)
{
	icalproperty *p;
	long long modified = 0;
	char rev[96], occurrence[40] = "";
	int seq = 0, rc = 0;

	if ((p = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY)) &&
	    icalproperty_get_status(p) == ICAL_STATUS_CANCELLED)
		rec_set(&ir->rec, IMP_STATUS, "cancelled", ir->rec.s.line);
	if ((p = icalcomponent_get_first_property(c, ICAL_SEQUENCE_PROPERTY)))
		seq = icalproperty_get_sequence(p);
	if ((p = icalcomponent_get_first_property(c, ICAL_LASTMODIFIED_PROPERTY)))
		modified = (long long)icaltime_as_timet(icalproperty_get_lastmodified(p));
	if ((p = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)))
		snprintf(occurrence, sizeof(occurrence), "%s", icaltime_as_ical_string(icalproperty_get_recurrenceid(p)));
	snprintf(rev, sizeof(rev), "%d %lld %s", seq < 0 ? 0 : seq, modified < 0 ? 0 : modified, occurrence);
	rec_set(&ir->rec, IMP_REVISION, rev, ir->rec.s.line);
	if (icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY))
		rc = rd_warn(&ir->rd, ir->prop_line[PL_RRULE], ics_cur(ir), "time", "a repeating event (RRULE): only its first "
		    "occurrence is imported");
	for (p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p && rc == 0;
	    p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
		rc = rd_warn(&ir->rd, ir->rec.s.line, ics_cur(ir), "structure", "%.*s: left out",
		    UTF8_CLIP(icalproperty_get_xlicerror(p), 300));
	return rc;
}

static int
event(struct ir *ir, icalcomponent *c, int line)
{
	struct buf summary = BUF_INIT, description = BUF_INIT, b = BUF_INIT;
	const char *url;
	int rc = -1;

	rec_clear(&ir->rec);
	ir->rec.s.line = line;
	ir->events++;
	url = ics_prop_text(ir, c, ICAL_URL_PROPERTY, NULL, ir->prop_line[PL_URL], &b);
	rec_set(&ir->rec, IMP_URL, url, ir->prop_line[PL_URL]);
	ir->sched |= sched_site(url, &(const char *){ NULL }) != 0;
	if (send_conference(ir, url) == -1)
		goto out;
	rec_set(&ir->rec, IMP_GUID, ics_prop_text(ir, c, ICAL_UID_PROPERTY, NULL, line, &b), line);
	rec_set(&ir->rec, IMP_ROOM, ics_prop_text(ir, c, ICAL_LOCATION_PROPERTY, NULL, line, &b), line);
	if (ics_prop_text(ir, c, ICAL_DESCRIPTION_PROPERTY, NULL, ir->prop_line[PL_DESCRIPTION], &description) == NULL)
		ics_prop_text(ir, c, ICAL_X_PROPERTY, "X-ALT-DESC", line, &description);
	if (ir->rd.sink->want_text)
		rec_set(&ir->rec, IMP_DESCRIPTION, description.len ? description.data : NULL,
		    ir->prop_line[PL_DESCRIPTION] ? ir->prop_line[PL_DESCRIPTION] : line);
	ics_prop_text(ir, c, ICAL_SUMMARY_PROPERTY, NULL, ir->prop_line[PL_SUMMARY], &summary);
	if (names(ir, c, summary.len ? summary.data : NULL, description.len ? description.data : NULL) ||
	    times(ir, c) || event_state(ir, c))
		goto out;
	ir->unnamed += ir->rec.npersons == 0 && !ir->rec.s.f[IMP_LOGISTICS].s;
	if (ir->rec.left_out && rd_warn(&ir->rd, line, ics_cur(ir), "people", "%d more people than the %d "
	    "kept: left out", ir->rec.left_out, IMP_MAX_PERSONS) == -1)
		goto out;
	rc = rd_answer(&ir->rd, ir->rd.sink->session(ir->rd.sink->arg, rec_session(&ir->rec)));
out:
	rec_clear(&ir->rec);
	buf_release(&summary), buf_release(&description), buf_release(&b);
	return rc;
}

/* --- the lines ----------------------------------------------------------------------------- */

/* libical's line source: the regular physical lines, in the pieces it asks for. */
static char *
gen(char *out, size_t size, void *arg)
{
	struct ir *ir = arg;
	size_t n;
	int rc;

	out[0] = '\0';
	if (ir->rd.failed || ir->eof || size < 2)
		return NULL;
	if (ir->off == ir->il.phys.len) {
		if ((rc = ics_lines_next(&ir->il)) <= 0) {
			ir->rd.failed += rc < 0;
			ir->eof = 1;
			return NULL;
		}
		ir->off = 0;
	}
	n = ir->il.phys.len - ir->off;
	if (n > size - 1)
		n = size - 1;
	memcpy(out, ir->il.phys.data + ir->off, n);
	out[n] = '\0';
	ir->off += n;
	ir->piece_line = ir->il.line;
	return out;
}

/* The property name of a content line ("DTSTART" of "DTSTART;TZID=...:..."). */
static size_t
name_of(const char *line)
{
	return strcspn(line, ";:");
}

static int
is(const char *line, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(line, name, n) == 0;
}

/* BEGIN: a component opens; at the calendar's level it is fed to libical alone. */
static int
begin(struct ir *ir, char *line, size_t n, int at)
{
	char *v = line + n + (line[n] == ':');

	v += strspn(v, " ");
	if (ir->depth == MAX_DEPTH)
		return rd_fail(&ir->rd, at, "components nested deeper than %d: refused", MAX_DEPTH);
	snprintf(ir->open[ir->depth], sizeof(ir->open[0]), "%s", v);
	ir->open_line[ir->depth] = at;
	if (ir->depth == 0 && strcasecmp(v, "VCALENDAR") != 0)
		return rd_fail(&ir->rd, at, "BEGIN:%.*s outside a calendar (BEGIN:VCALENDAR): this is not an "
		    "iCalendar file Lectern reads", UTF8_CLIP(v, 20));
	if (ir->depth++ == 0) {
		ir->calendars++;
		return 0;
	}
	if (ir->depth == 2) {
		ir->comp_lines = 0, ir->comp_bytes = 0;
		memset(ir->prop_line, 0, sizeof(ir->prop_line));
	}
	icalparser_add_line(ir->parser, line);
	return 0;
}

static int
end(struct ir *ir, char *line, size_t n, int at)
{
	char *v = line + n + (line[n] == ':');
	icalcomponent *c = NULL;
	int rc = 0;

	v += strspn(v, " ");
	if (ir->depth == 0)
		return rd_fail(&ir->rd, at, "END:%.*s without its BEGIN", UTF8_CLIP(v, 20));
	if (strcasecmp(v, ir->open[ir->depth - 1]) != 0)
		return rd_fail(&ir->rd, at, "END:%.*s closes BEGIN:%s of line %d: the file is broken",
		    UTF8_CLIP(v, 20), ir->open[ir->depth - 1], ir->open_line[ir->depth - 1]);
	if (ir->depth >= 2)
		c = icalparser_add_line(ir->parser, line);
	if (--ir->depth == 1 && c) {
		if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT)
			rc = event(ir, c, ir->open_line[1]);
		if (icalcomponent_isa(c) == ICAL_VTIMEZONE_COMPONENT)
			ics_keep_zone(ir, c);
		else
			icalcomponent_free(c);
	}
	return rc;
}

/* One property line inside a component: counted against the limits, fed to libical. */
static int
property(struct ir *ir, char *line, size_t n, int at)
{
	if (++ir->comp_lines > MAX_EVENT_LINES || (ir->comp_bytes += strlen(line)) > MAX_EVENT_BYTES)
		return rd_fail(&ir->rd, at, "the %s of line %d holds more than %d lines or %d MiB: refused",
		    ir->open[ir->depth - 1], ir->open_line[ir->depth - 1], MAX_EVENT_LINES,
		    MAX_EVENT_BYTES / (1024 * 1024));
	for (int i = 0; ir->depth == 2 && i < PL__MAX; i++)
		if (is(line, n, pl_names[i]) && ir->prop_line[i] == 0)
			ir->prop_line[i] = at;
	icalparser_add_line(ir->parser, line);
	return 0;
}

/* One unfolded content line, which started on line at. */
static int
content_line(struct ir *ir, char *line, int at)
{
	size_t n = name_of(line);

	if (!utf8_valid(line, strlen(line)) && !strcasestr(line, "CHARSET="))
		return rd_fail(&ir->rd, at, "not valid UTF-8 (and no CHARSET says what it is): refused");
	if (line[strspn(line, " \t")] == '\0')
		return 0;
	if (is(line, n, "BEGIN"))
		return begin(ir, line, n, at);
	if (is(line, n, "END"))
		return end(ir, line, n, at);
	if (ir->depth >= 2)
		return property(ir, line, n, at);
	if (++ir->calendar_lines > MAX_CALENDAR_LINES)
		return rd_fail(&ir->rd, at, "more than %d lines outside the calendar's events: refused",
		    MAX_CALENDAR_LINES);
	if (ir->depth == 1)
		calendar_property(ir, line, at);
	return 0;
}

static void
ir_release(struct ir *ir)
{
	for (int i = 0; i < ir->nzones; i++) {
		icaltimezone_free(ir->zones[i].zone, 1);
		free(ir->zones[i].tzid);
	}
	if (ir->parser)
		icalparser_free(ir->parser);
	ics_lines_close(&ir->il);
	rec_conf_clear(&ir->conf), rec_clear(&ir->rec);
	free(ir->prodid);
}

/* What the file as a whole did not say: said once, at its end. */
static int
closing(struct ir *ir)
{
	if (ir->depth)
		return rd_fail(&ir->rd, ir->open_line[ir->depth - 1], "the file ends inside BEGIN:%s: it was cut "
		    "short, and nothing is imported (its missing sessions would be cancelled)",
		    ir->open[ir->depth - 1]);
	if (ir->calendars == 0)
		return rd_fail(&ir->rd, 1, "no BEGIN:VCALENDAR: this is not an iCalendar file");
	if (ir->events == 0)
		return rd_fail(&ir->rd, ir->il.line, "the calendar has no events (VEVENT): nothing to import");
	if (ir->zones_left_out && rd_warn(&ir->rd, 0, ics_cur(ir), "time", "more than %d VTIMEZONEs: %d "
	    "left out", MAX_ZONES, ir->zones_left_out) == -1)
		return -1;
	if (ir->unnamed && rd_warn(&ir->rd, 0, ics_cur(ir), "people", "%d of %d sessions name no speakers "
	    "(no ATTENDEE;CN=, no \"Speaker:\" line%s): imported without speakers", ir->unnamed, ir->events,
	    ir->sched ? ", no \" - Name, Company\" in the title" : "") == -1)
		return -1;
	return send_conference(ir, NULL);
}

static int
read_calendar(const struct imp_source *src, const struct imp_sink *sink, struct buf *err, int sched)
{
	struct ir ir;
	char *line;
	int next_start = 1, rc;

	memset(&ir, 0, sizeof(ir));
	ir.rd.src = src, ir.rd.sink = sink, ir.rd.err = err, ir.sched = sched;
	if (ics_lines_open(&ir.il, src, err) == -1)
		return -1;
	ir.parser = icalparser_new();
	icalparser_set_gen_data(ir.parser, &ir);
	while (!ir.rd.failed && !ir.rd.stopped && (line = icalparser_get_line(ir.parser, gen)) != NULL) {
		int at = next_start;

		next_start = ir.piece_line;	/* libical has read the next line's first piece */
		if (!ir.rd.failed)
			content_line(&ir, line, at);
		icalmemory_free_buffer(line);
	}
	if (!ir.rd.failed && !ir.rd.stopped)
		closing(&ir);
	rc = ir.rd.failed ? -1 : 0;
	if (rc == -1 && err->len == 0)
		buf_appendf(err, "%s: the calendar could not be read", src->name);
	ir_release(&ir);
	return rc;
}

static int
ics_read(const struct imp_source *src, const struct imp_sink *sink, struct buf *err)
{
	return read_calendar(src, sink, err, 0);
}

static int
sched_ics_read(const struct imp_source *src, const struct imp_sink *sink, struct buf *err)
{
	return read_calendar(src, sink, err, 1);
}

static int
ics_claims(const char *head, size_t len)
{
	return len >= 15 && strncasecmp(head, "BEGIN:VCALENDAR", 15) == 0;
}

/* A calendar whose PRODID (or first event URLs) is Sched's. */
static int
sched_ics_claims(const char *head, size_t len)
{
	return ics_claims(head, len) && (memmem(head, len, "//Sched.com", 11) ||
	    memmem(head, len, "//Sched.org", 11) ||
	    memmem(head, len, ".sched.com/event/", 17) || memmem(head, len, ".sched.org/event/", 17));
}

const struct imp_reader read_ics = { "iCalendar", ics_claims, ics_read, "ics" };
const struct imp_reader read_sched_ics = { "Sched iCalendar", sched_ics_claims, sched_ics_read, "sched-ics" };
