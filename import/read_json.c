/*
 * read_json.c: schedule.json, the JSON form of schedule.xml that pretalx, frab and the CCC hub
 * write (c3voc's schema), as neutral records (reader.h): the same fields as the XML reader,
 * so the same mapping and identity rules follow. Streamed (json_stream.h): one event's tree
 * at a time.
 *
 *	{"schedule": {"conference": {"title", "acronym", "start", "end", "time_zone_name",
 *	  "days": [{"date", "day_start", "day_end", "rooms": {"Room": [event, ...]}}]}}}
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/json_stream.h"
#include "import/parse.h"
#include "import/reader.h"
#include "import/record.h"

struct jr {
	struct rd		 rd;
	struct rec_conf		 conf;
	int			 conf_sent, in_schedule, in_conference, seen_schedule, seen_conference;
	char			*day_date, *day_start, *day_end;
	int			 day_line;
	char			*room;
	struct rec		 rec;
};

/* json_stream.h's answer after a sink's. */
static int
answer(struct jr *j, int rc)
{
	rd_answer(&j->rd, rc);
	return rd_status(&j->rd);
}

/* A warning about session s (or NULL); json_stream.h's answer. */
#define WARN(j, line, s, category, ...) \
	(rd_warn(&(j)->rd, (line), (s), (category), __VA_ARGS__), rd_status(&(j)->rd))

static int
send_conference(struct jr *j)
{
	if (j->conf_sent++)
		return 0;
	return answer(j, j->rd.sink->conference(j->rd.sink->arg, &j->conf.c));
}

/* --- the conference and its days ------------------------------------------------- */

static int
conference_field(struct jr *j, const struct js_node *v)
{
	static const struct { const char *key; enum imp_conf_field f; } map[] = {
		{ "title", IMP_C_TITLE }, { "acronym", IMP_C_ACRONYM }, { "start", IMP_C_START },
		{ "end", IMP_C_END }, { "time_zone_name", IMP_C_ZONE }, { "url", IMP_C_URL },
		{ "day_change", IMP_C_DAY_CHANGE },
	};

	for (size_t i = 0; v->key && v->text && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(v->key, map[i].key) == 0)
			rec_conf_set(&j->conf, map[i].f, v->text, v->line);
	return 0;
}

static int
day_field(struct jr *j, const struct js_node *v)
{
	char **to = NULL;

	if (v->key == NULL || v->text == NULL)
		return 0;
	if (strcmp(v->key, "date") == 0)
		to = &j->day_date;
	else if (strcmp(v->key, "day_start") == 0)
		to = &j->day_start;
	else if (strcmp(v->key, "day_end") == 0)
		to = &j->day_end;
	if (to) {
		free(*to);
		*to = xstrdup(v->text);
	}
	return 0;
}

static int
send_day(struct jr *j)
{
	struct imp_day d = { { j->day_date, j->day_line }, { j->day_start, j->day_line },
	    { j->day_end, j->day_line }, j->day_line };

	if (send_conference(j) == -1)
		return -1;
	return answer(j, j->rd.sink->day(j->rd.sink->arg, &d));
}

static void
day_clear(struct jr *j)
{
	free(j->day_date), free(j->day_start), free(j->day_end);
	j->day_date = j->day_start = j->day_end = NULL;
}

/* --- events -------------------------------------------------------------------------- */

static int
person(struct jr *j, const struct js_node *p)
{
	const char *raw = p->type == JS_STRING ? p->text : js_text(p, "name");
	const char *id = js_text(p, "id"), *guid = js_text(p, "guid");
	struct buf name = BUF_INIT, org = BUF_INIT;

	if (raw == NULL)
		raw = js_text(p, "public_name");
	if (raw == NULL)
		return WARN(j, p->line, rec_session(&j->rec), "people", "a person without a name: left out");
	if (id == NULL && guid == NULL)
		id = js_text(p, "code");	/* pretalx's speaker code */
	parse_name_org(raw, &name, &org);
	rec_person(&j->rec, name.data, org.len ? org.data : NULL, id, guid, p->line);
	buf_release(&name), buf_release(&org);
	return 0;
}

static const struct { const char *key; enum imp_field f; int text; } event_fields[] = {
	{ "id", IMP_ID, 0 }, { "guid", IMP_GUID, 0 }, { "date", IMP_DATE, 0 },
	{ "start", IMP_START, 0 }, { "end", IMP_END, 0 }, { "duration", IMP_DURATION, 0 },
	{ "room", IMP_ROOM, 0 }, { "title", IMP_TITLE, 0 }, { "subtitle", IMP_SUBTITLE, 0 },
	{ "track", IMP_TRACK, 0 }, { "type", IMP_TYPE, 0 }, { "abstract", IMP_ABSTRACT, 1 },
	{ "description", IMP_DESCRIPTION, 1 }, { "url", IMP_URL, 0 },
};

static int
event(struct jr *j, const struct js_node *e)
{
	const struct js_node *persons = js_get(e, "persons");
	int rc = 0;

	rec_clear(&j->rec);
	j->rec.s.line = e->line;
	if (e->type != JS_OBJECT)
		return WARN(j, e->line, NULL, "structure", "an event that is not an object: left out");
	rec_set(&j->rec, IMP_DAY, j->day_date, e->line);
	rec_set(&j->rec, IMP_ROOM, j->room, e->line);
	for (size_t i = 0; i < sizeof(event_fields) / sizeof(event_fields[0]); i++) {
		const struct js_node *v = js_get(e, event_fields[i].key);

		if (v == NULL || (event_fields[i].text && !j->rd.sink->want_text))
			continue;
		if (v->text && (v->type == JS_STRING || v->type == JS_NUMBER) &&
		    (v->len || event_fields[i].f != IMP_ROOM))
			rec_set(&j->rec, event_fields[i].f, v->text, v->line);
		if (v->cut && rc == 0)
			rc = WARN(j, v->line, rec_session(&j->rec), "text", "\"%s\" over %d KiB: cut at a "
			    "character boundary", event_fields[i].key, IMP_MAX_FIELD / 1024);
	}
	for (const struct js_node *p = persons ? persons->child : NULL; p && rc == 0; p = p->next)
		rc = person(j, p);
	if (rc == 0 && j->rec.left_out)
		rc = WARN(j, e->line, rec_session(&j->rec), "people", "%d more people than the %d kept: "
		    "left out", j->rec.left_out, IMP_MAX_PERSONS);
	if (rc == 0)
		rc = answer(j, j->rd.sink->session(j->rd.sink->arg, rec_session(&j->rec)));
	rec_clear(&j->rec);
	return rc;
}

/* --- the walk ------------------------------------------------------------------------- */

/* Where an opening container stands: depth and key say. */
static int
on_open(void *arg, int depth, const char *key, int is_array, int line)
{
	struct jr *j = arg;

	switch (depth) {
	case 0:
		return is_array ? JS_SKIP : JS_DESCEND;
	case 1:
		j->in_schedule = key && strcmp(key, "schedule") == 0 && !is_array;
		j->seen_schedule |= j->in_schedule;
		return j->in_schedule ? JS_DESCEND : key && strcmp(key, "generator") == 0 ? JS_TREE : JS_SKIP;
	case 2:
		j->in_conference = j->in_schedule && key && strcmp(key, "conference") == 0 && !is_array;
		j->seen_conference |= j->in_conference;
		return j->in_conference ? JS_DESCEND : JS_SKIP;
	case 3:
		if (!j->in_conference || !key || strcmp(key, "days") != 0 || !is_array)
			return JS_SKIP;
		return send_conference(j) == -1 ? -1 : JS_DESCEND;
	case 4:
		day_clear(j);
		j->day_line = line;
		return is_array ? JS_SKIP : JS_DESCEND;
	case 5:
		if (!key || strcmp(key, "rooms") != 0 || is_array)
			return JS_SKIP;
		return send_day(j) == -1 ? -1 : JS_DESCEND;
	case 6:
		free(j->room);
		j->room = key ? xstrdup(key) : NULL;
		return is_array ? JS_DESCEND : JS_SKIP;
	default:
		return JS_TREE;
	}
}

static int
on_scalar(void *arg, int depth, const struct js_node *v)
{
	struct jr *j = arg;

	if (depth == 3 && j->in_conference)
		return conference_field(j, v);
	if (depth == 5)
		return day_field(j, v);
	if (depth == 7)
		return WARN(j, v->line, NULL, "structure", "an event that is not an object: left out");
	return 0;
}

static int
on_tree(void *arg, int depth, const struct js_node *t)
{
	struct jr *j = arg;

	if (depth == 1) {	/* "generator": {"name", "version"} */
		rec_conf_set(&j->conf, IMP_C_GENERATOR, js_text(t, "name"), t->line);
		return 0;
	}
	return event(j, t);
}

static int
json_read(const struct imp_source *src, const struct imp_sink *sink, struct buf *err)
{
	struct js_handler h = { NULL, on_open, on_scalar, NULL, on_tree };
	struct jr j;
	int rc;

	memset(&j, 0, sizeof(j));
	j.rd.src = src, j.rd.sink = sink, j.rd.err = err;
	h.arg = &j;
	rc = js_read(src, &h, err);
	if (rc == 0 && !j.seen_conference) {
		buf_appendf(err, "%s:1:1: %s", src->name, j.seen_schedule ? "the \"schedule\" has no "
		    "\"conference\": nothing to import" : "this JSON has no \"schedule\" object: it is not "
		    "a schedule.json");
		rc = -1;
	}
	if (rc == 0)
		rc = send_conference(&j) == -1 ? -1 : 0;
	rec_conf_clear(&j.conf), rec_clear(&j.rec), day_clear(&j);
	free(j.room);
	return rc;
}

/* An object whose first member is "schedule" (or "$schema", "generator" before it). */
static int
json_claims(const char *head, size_t len)
{
	return len > 0 && head[0] == '{' && memmem(head, len, "\"schedule\"", 10) != NULL;
}

const struct imp_reader read_json = { "schedule.json", json_claims, json_read, "json" };
