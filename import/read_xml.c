/*
 * read_xml.c: the frab/Pentabarf schedule.xml reader (pretalx, frab, Pentabarf, wafer, the CCC
 * hub, voc's merged schedules...), as neutral records (reader.h).
 *
 * libxml2's streaming reader, so memory does not grow with the file, with the network off, no
 * entity substitution, no DTD loading and a DOCTYPE refused outright. The file is refused only
 * when it is not a schedule: not XML, broken or hostile XML, another root element. Everything
 * inside is passed on as written, for the later stages to judge. Line numbers are those of the
 * element a value comes from.
 */
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "import/parse.h"
#include "import/reader.h"

#define MAX_DEPTH	32

/* libxml2 options: no network, no entity substitution, no DTD loading, no XInclude, no growing
 * past libxml2's default limits; blanks are skipped, CDATA is text, lines past 65,535 kept. */
#define SAFE_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | \
			 XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

struct xr {
	xmlTextReaderPtr	 r;
	const struct imp_source	*src;
	const struct imp_sink	*sink;
	struct buf		*err;
	int			 failed, stopped;
	/* The conference, sent once, at the first day or at the end. */
	struct imp_conference	 conf;
	char			*conf_text[IMP_C__MAX];
	int			 conf_sent, in_conference;
	/* The open day and room. */
	int			 day_depth;	/* 0: no day open */
	char			*day_date, *room;
	/* The open session. */
	int			 event_depth;	/* 0: no event open */
	struct imp_session	 s;
	char			*text[IMP__FIELDS];
	struct imp_person	 persons[IMP_MAX_PERSONS];
	char			*person_text[IMP_MAX_PERSONS][4];
	int			 npersons, persons_left_out;
};

/* --- errors and lines ----------------------------------------------------------- */

static int
fail_at(struct xr *x, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
fail_at(struct xr *x, int line, const char *fmt, ...)
{
	va_list ap;

	if (x->failed++)
		return -1;
	buf_appendf(x->err, "%s:%d:%d: ", x->src->name, line,
	    x->r ? xmlTextReaderGetParserColumnNumber(x->r) : 0);
	va_start(ap, fmt);
	buf_vappendf(x->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* The line of the node the reader stands on. libxml2 keeps it in the node (past 65,535 only
 * for text, with XML_PARSE_BIG_LINES); the parser's own line is where it has read to. */
static int
node_line(struct xr *x)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	long line = n ? xmlGetLineNo(n) : -1;

	if (line <= 0 || line >= 65535)
		line = xmlTextReaderGetParserLineNumber(x->r);
	return line > INT_MAX ? INT_MAX : (int)line;
}

static void
on_xml_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	struct xr *x = arg;
	size_t n = strlen(msg);

	if (sev == XML_PARSER_SEVERITY_WARNING || sev == XML_PARSER_SEVERITY_VALIDITY_WARNING)
		return;
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	fail_at(x, xmlTextReaderLocatorLineNumber(loc), "%.*s", (int)n, msg);
}

/* A sink's answer: IMP_STOP ends the read cleanly, IMP_FAIL with the sink's own message. */
static int
answer(struct xr *x, int rc)
{
	if (rc == IMP_STOP)
		x->stopped = 1;
	else if (rc == IMP_FAIL)
		x->failed++;
	return rc == IMP_CONTINUE ? 0 : -1;
}

static int
warn(struct xr *x, int line, const char *category, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
warn(struct xr *x, int line, const char *category, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	buf_vappendf(&b, fmt, ap);
	va_end(ap);
	rc = x->sink->warning(x->sink->arg, line, x->event_depth ? &x->s : NULL, category, b.data);
	buf_release(&b);
	return answer(x, rc);
}

/* --- values --------------------------------------------------------------------- */

static void
set(char **dst, char *v)
{
	free(*dst);
	*dst = v;
}

/* Trimmed, cut at IMP_MAX_FIELD (a character boundary) with a warning; NULL when empty. */
static char *
trimmed(struct xr *x, const char *s, const char *what, int line)
{
	size_t n;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n == 0)
		return NULL;
	if (n > IMP_MAX_FIELD) {
		n = utf8_cut_bytes(s, n, IMP_MAX_FIELD);
		warn(x, line, "text", "<%s> over %d KiB: cut at a character boundary", what,
		    IMP_MAX_FIELD / 1024);
	}
	return strndup(s, n);
}

/* The text of the element the reader stands on (its whole subtree). */
static char *
text_of(struct xr *x, const char *what, int line)
{
	xmlChar *t = xmlTextReaderReadString(x->r);
	char *s = t ? trimmed(x, (const char *)t, what, line) : NULL;

	xmlFree(t);
	return s;
}

static char *
attr(struct xr *x, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	char *s = v ? trimmed(x, (const char *)v, name, node_line(x)) : NULL;

	xmlFree(v);
	return s;
}

static void
put(struct imp_text *t, char **store, char *v, int line)
{
	set(store, v);
	t->s = v;
	t->line = v ? line : 0;
}

/* --- the conference and the days ------------------------------------------------ */

static int
send_conference(struct xr *x)
{
	if (x->conf_sent++)
		return 0;
	x->in_conference = 0;
	return answer(x, x->sink->conference(x->sink->arg, &x->conf));
}

static void
conference_field(struct xr *x, const char *name)
{
	static const struct { const char *name; enum imp_conf_field f; } map[] = {
		{ "title", IMP_C_TITLE }, { "acronym", IMP_C_ACRONYM }, { "start", IMP_C_START },
		{ "end", IMP_C_END }, { "time_zone_name", IMP_C_ZONE }, { "url", IMP_C_URL },
		{ "day_change", IMP_C_DAY_CHANGE },
	};
	int line = node_line(x);

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(name, map[i].name) == 0)
			put(&x->conf.f[map[i].f], &x->conf_text[map[i].f], text_of(x, name, line), line);
}

static void
generator(struct xr *x)
{
	int line = node_line(x);

	put(&x->conf.f[IMP_C_GENERATOR], &x->conf_text[IMP_C_GENERATOR], attr(x, "name"), line);
	put(&x->conf.f[IMP_C_SYSTEM], &x->conf_text[IMP_C_SYSTEM], attr(x, "system"), line);
}

static int
open_day(struct xr *x, int depth)
{
	struct imp_day d = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 }, 0 };
	char *start, *end;
	int rc;

	if (send_conference(x) == -1)
		return -1;
	d.line = node_line(x);
	set(&x->day_date, attr(x, "date"));
	start = attr(x, "start");
	end = attr(x, "end");
	d.date.s = x->day_date, d.start.s = start, d.end.s = end;
	d.date.line = d.start.line = d.end.line = d.line;
	x->day_depth = xmlTextReaderIsEmptyElement(x->r) ? 0 : depth;
	rc = answer(x, x->sink->day(x->sink->arg, &d));
	free(start), free(end);
	return rc;
}

/* --- sessions ------------------------------------------------------------------- */

static void
session_clear(struct xr *x)
{
	for (int f = 0; f < IMP__FIELDS; f++)
		set(&x->text[f], NULL);
	for (int i = 0; i < x->npersons; i++) {
		for (int k = 0; k < 4; k++)
			set(&x->person_text[i][k], NULL);
		memset(&x->persons[i], 0, sizeof(x->persons[i]));
	}
	memset(&x->s, 0, sizeof(x->s));
	x->npersons = x->persons_left_out = 0;
	x->event_depth = 0;
}

static int
close_event(struct xr *x)
{
	int rc;

	if (x->persons_left_out &&
	    warn(x, x->s.line, "people", "%d more people than the %d kept: left out",
	    x->persons_left_out, IMP_MAX_PERSONS) == -1)
		return -1;
	x->s.persons = x->persons;
	x->s.npersons = x->npersons;
	rc = answer(x, x->sink->session(x->sink->arg, &x->s));
	session_clear(x);
	return rc;
}

static int
open_event(struct xr *x, int depth)
{
	int line = node_line(x);

	session_clear(x);
	x->event_depth = depth;
	x->s.line = line;
	put(&x->s.f[IMP_ID], &x->text[IMP_ID], attr(x, "id"), line);
	put(&x->s.f[IMP_GUID], &x->text[IMP_GUID], attr(x, "guid"), line);
	if (x->day_date)
		put(&x->s.f[IMP_DAY], &x->text[IMP_DAY], strdup(x->day_date), line);
	if (x->room)
		put(&x->s.f[IMP_ROOM], &x->text[IMP_ROOM], strdup(x->room), line);
	return xmlTextReaderIsEmptyElement(x->r) ? close_event(x) : 0;
}

static void
event_field(struct xr *x, const char *name)
{
	/* times: what a sink without want_text still needs (the zone's evidence) */
	static const struct { const char *name; enum imp_field f; int times; } map[] = {
		{ "date", IMP_DATE, 1 }, { "start", IMP_START, 1 }, { "duration", IMP_DURATION, 0 },
		{ "room", IMP_ROOM, 0 }, { "title", IMP_TITLE, 0 }, { "subtitle", IMP_SUBTITLE, 0 },
		{ "track", IMP_TRACK, 0 }, { "type", IMP_TYPE, 0 }, { "abstract", IMP_ABSTRACT, 0 },
		{ "description", IMP_DESCRIPTION, 0 }, { "url", IMP_URL, 0 },
	};
	int line = node_line(x);

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		char *v;

		if (name[0] != map[i].name[0] || strcmp(name, map[i].name) != 0 ||
		    (!map[i].times && !x->sink->want_text))
			continue;
		/* An empty <room/> inside the event leaves the <room name=...> around it. */
		if ((v = text_of(x, name, line)) != NULL || map[i].f != IMP_ROOM)
			put(&x->s.f[map[i].f], &x->text[map[i].f], v, line);
	}
}

static int
person(struct xr *x)
{
	struct buf name = BUF_INIT, org = BUF_INIT;
	struct imp_person *p;
	char **t;
	int line = node_line(x);
	char *text;

	if (x->npersons == IMP_MAX_PERSONS) {
		x->persons_left_out++;
		return 0;
	}
	if ((text = text_of(x, "person", line)) != NULL)
		parse_name_org(text, &name, &org);
	free(text);
	if (name.len == 0) {
		buf_release(&name), buf_release(&org);
		return warn(x, line, "people", "a <person> without a name: left out");
	}
	p = &x->persons[x->npersons];
	t = x->person_text[x->npersons++];
	p->line = line;
	put(&p->id, &t[0], attr(x, "id"), line);
	put(&p->guid, &t[1], attr(x, "guid"), line);
	put(&p->name, &t[2], buf_detach(&name, NULL), line);
	put(&p->org, &t[3], org.len ? buf_detach(&org, NULL) : NULL, line);
	buf_release(&name), buf_release(&org);
	return 0;
}

/* --- the document --------------------------------------------------------------- */

static int
element(struct xr *x, const char *name, int depth)
{
	if (depth == 0)
		return strcmp(name, "schedule") == 0 ? 0 :
		    fail_at(x, node_line(x), "the root element is <%s>, not <schedule>", name);
	if (x->event_depth) {
		if (depth == x->event_depth + 1)
			event_field(x, name);
		else if (depth == x->event_depth + 2 && strcmp(name, "person") == 0)
			return person(x);
		return 0;
	}
	if (depth == 1 && strcmp(name, "generator") == 0)
		generator(x);
	else if (depth == 1 && strcmp(name, "conference") == 0)
		x->in_conference = !xmlTextReaderIsEmptyElement(x->r);
	else if (depth == 2 && x->in_conference)
		conference_field(x, name);
	else if (depth == 1 && strcmp(name, "day") == 0)
		return open_day(x, depth);
	else if (x->day_depth && depth == x->day_depth + 1 && strcmp(name, "room") == 0)
		set(&x->room, xmlTextReaderIsEmptyElement(x->r) ? NULL : attr(x, "name"));
	else if (x->day_depth && depth <= x->day_depth + 2 && strcmp(name, "event") == 0)
		return open_event(x, depth);
	return 0;
}

static int
end_element(struct xr *x, const char *name, int depth)
{
	if (x->event_depth == depth && strcmp(name, "event") == 0)
		return close_event(x);
	if (x->day_depth && depth == x->day_depth + 1 && strcmp(name, "room") == 0)
		set(&x->room, NULL);
	else if (x->day_depth == depth && strcmp(name, "day") == 0) {
		x->day_depth = 0;
		set(&x->day_date, NULL);
	} else if (depth == 1 && strcmp(name, "conference") == 0)
		x->in_conference = 0;
	return 0;
}

static int
node(struct xr *x)
{
	int type = xmlTextReaderNodeType(x->r), depth = xmlTextReaderDepth(x->r);
	const char *name = (const char *)xmlTextReaderConstName(x->r);

	if (depth > MAX_DEPTH)
		return fail_at(x, node_line(x), "elements nested deeper than %d", MAX_DEPTH);
	switch (type) {
	case XML_READER_TYPE_DOCUMENT_TYPE:
		/* Schedules carry no DOCTYPE; entity tricks (billion laughs, external
		 * entities) need one, so it is refused before anything is expanded. */
		return fail_at(x, node_line(x), "a DOCTYPE is not accepted in a schedule");
	case XML_READER_TYPE_ENTITY_REFERENCE:
	case XML_READER_TYPE_ENTITY:
		return fail_at(x, node_line(x), "entity references are not accepted");
	case XML_READER_TYPE_ELEMENT:
		return element(x, name, depth);
	case XML_READER_TYPE_END_ELEMENT:
		return end_element(x, name, depth);
	default:
		return 0;
	}
}

static void
xr_release(struct xr *x)
{
	session_clear(x);
	for (int f = 0; f < IMP_C__MAX; f++)
		free(x->conf_text[f]);
	free(x->day_date);
	free(x->room);
	if (x->r)
		xmlFreeTextReader(x->r);
}

static int
xml_read(const struct imp_source *src, const struct imp_sink *sink, struct buf *err)
{
	struct xr x;
	int rc = 1, seen = 0;

	memset(&x, 0, sizeof(x));
	x.src = src, x.sink = sink, x.err = err;
	if (src->path)
		x.r = xmlReaderForFile(src->path, NULL, SAFE_OPTIONS);
	else if (src->len <= INT_MAX)
		x.r = xmlReaderForMemory(src->data, (int)src->len, src->name, NULL, SAFE_OPTIONS);
	if (x.r == NULL) {
		buf_appendf(err, "%s: cannot read the file", src->name);
		return -1;
	}
	xmlTextReaderSetErrorHandler(x.r, on_xml_error, &x);
	while (!x.failed && !x.stopped && (rc = xmlTextReaderRead(x.r)) == 1) {
		seen = 1;
		node(&x);
	}
	if (!x.failed && !x.stopped && rc != 0)
		fail_at(&x, node_line(&x), "the file is not well-formed XML");
	if (!x.failed && !x.stopped && !seen)
		fail_at(&x, 1, "the file is empty");
	if (!x.failed && !x.stopped)
		send_conference(&x);	/* a schedule without days still has a conference */
	rc = x.failed ? -1 : 0;
	xr_release(&x);
	return rc;
}

/* Anything that starts with markup: the reader's own refusal then says what is wrong. */
static int
xml_claims(const char *head, size_t len)
{
	return len > 0 && head[0] == '<';
}

const struct imp_reader read_xml = { "schedule.xml", xml_claims, xml_read, "xml" };
