/*
 * read_sched_json.c: Sched's API export (/api/session/export: a JSON list of sessions) as
 * neutral records (reader.h). Of each session: event_key (the source key), name (split as Sched
 * names are, sched_map.h), event_start and event_end (local wall time, no offset), event_type
 * and event_subtype, venue, description, active ("N": not taking place), and speakers with
 * name, company, position, username; the company field is preferred to the one in the name.
 * Everything else is ignored. Streamed: one session's tree at a time (json_stream.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/json_stream.h"
#include "import/parse.h"
#include "import/reader.h"
#include "import/record.h"
#include "import/sched_map.h"
#include "import/wall.h"

struct sj {
	struct rd		 rd;
	struct rec_conf		 conf;
	int			 conf_sent, top_array;
	char			 day[11];	/* the date of the last day sent */
	struct rec		 rec;
};

/* json_stream.h's answer after a sink's. */
static int
answer(struct sj *j, int rc)
{
	rd_answer(&j->rd, rc);
	return rd_status(&j->rd);
}

/* A warning about the session being read; json_stream.h's answer. */
#define WARN(j, line, category, ...) \
	(rd_warn(&(j)->rd, (line), rec_session(&(j)->rec), (category), __VA_ARGS__), rd_status(&(j)->rd))

/* The conference (the export names none: the event is the one asked for, or named after the
 * file), then a day whenever the date changes. */
static int
day_of(struct sj *j, const char *date, int line)
{
	struct imp_day d = { { date, line }, { NULL, 0 }, { NULL, 0 }, line };

	if (!j->conf_sent++ && answer(j, j->rd.sink->conference(j->rd.sink->arg, &j->conf.c)) != 0)
		return -1;
	if (date == NULL || strcmp(date, j->day) == 0)
		return 0;
	snprintf(j->day, sizeof(j->day), "%s", date);
	return answer(j, j->rd.sink->day(j->rd.sink->arg, &d));
}

/* event_start and event_end into the day, the start and a duration. */
static int
times(struct sj *j, const struct js_node *s)
{
	const char *start = js_text(s, "event_start"), *end = js_text(s, "event_end");
	struct wall a, b;
	char dur[16];
	int min;

	/* (without a usable start the run says so: "imported without a time") */
	if (start == NULL || wall_iso(start, &a) == -1 || a.time[0] == '\0')
		return 0;
	if (day_of(j, a.date, s->line) == -1)
		return -1;
	rec_set(&j->rec, IMP_DAY, a.date, s->line);
	rec_set(&j->rec, IMP_START, a.time, s->line);
	if (end == NULL)
		return 0;
	if (wall_iso(end, &b) == -1 || (min = wall_minutes(&a, &b)) == -1)
		return WARN(j, s->line, "duration", "event_end \"%.*s\" is not a date and time after "
		    "event_start, within 14 days: no duration", UTF8_CLIP(end, 40));
	wall_duration(min, dur);
	rec_set(&j->rec, IMP_DURATION, dur, s->line);
	return 0;
}

static int
speakers(const struct js_node *list, struct sched_person *out, int max)
{
	int n = 0;

	for (const struct js_node *p = list ? list->child : NULL; p && n < max; p = p->next) {
		if (p->type != JS_OBJECT || js_text(p, "name") == NULL)
			continue;
		out[n] = (struct sched_person){ js_text(p, "name"), js_text(p, "company"),
		    js_text(p, "position"), js_text(p, "username"), p->line };
		n++;
	}
	return n;
}

static int
session(struct sj *j, const struct js_node *s)
{
	struct sched_person api[IMP_MAX_PERSONS];
	const char *types[2] = { js_text(s, "event_type"), js_text(s, "event_subtype") };
	const char *active = js_text(s, "active"), *why;
	int napi, rc = 0;

	rec_clear(&j->rec);
	j->rec.s.line = s->line;
	if (s->type != JS_OBJECT)
		return WARN(j, s->line, "structure", "an entry that is not an object: left out");
	rec_set(&j->rec, IMP_GUID, js_text(s, "event_key"), s->line);
	rec_set(&j->rec, IMP_ROOM, js_text(s, "venue"), s->line);
	rec_set(&j->rec, IMP_URL, js_text(s, "url"), s->line);
	if (j->rd.sink->want_text)
		rec_set(&j->rec, IMP_DESCRIPTION, js_text(s, "description"), s->line);
	rec_set(&j->rec, IMP_STATUS, active && strcmp(active, "N") == 0 ? "cancelled" : NULL, s->line);
	napi = speakers(js_get(s, "speakers"), api, IMP_MAX_PERSONS);
	if (sched_map(&j->rec, js_text(s, "name"), s->line, types, 2, api, napi, &why) == 1)
		rc = WARN(j, s->line, "people", "name not read as Sched writes it (%s): kept whole", why);
	if (rc == 0 && j->rec.s.f[IMP_GUID].s == NULL)
		rc = WARN(j, s->line, "structure", "no event_key: matched by title and start");
	if (rc == 0)
		rc = times(j, s);
	if (rc == 0 && day_of(j, NULL, s->line) == 0)
		rc = answer(j, j->rd.sink->session(j->rd.sink->arg, rec_session(&j->rec)));
	rec_clear(&j->rec);
	return rc < 0 ? -1 : rc;
}

static int
on_open(void *arg, int depth, const char *key, int is_array, int line)
{
	struct sj *j = arg;

	(void)key, (void)line;
	if (depth == 0) {
		j->top_array = is_array;
		return is_array ? JS_DESCEND : JS_SKIP;
	}
	return depth == 1 ? JS_TREE : JS_SKIP;
}

static int
on_tree(void *arg, int depth, const struct js_node *t)
{
	(void)depth;
	return session(arg, t);
}

static int
sched_json_read(const struct imp_source *src, const struct imp_sink *sink, struct buf *err)
{
	struct js_handler h = { NULL, on_open, NULL, NULL, on_tree };
	struct sj j;
	int rc;

	memset(&j, 0, sizeof(j));
	j.rd.src = src, j.rd.sink = sink;
	h.arg = &j;
	rc = js_read(src, &h, err);
	if (rc == 0 && !j.top_array) {
		buf_appendf(err, "%s:1:1: Sched's API export is a list of sessions ([...]); this JSON is not", src->name);
		rc = -1;
	}
	if (rc == 0 && !j.conf_sent && answer(&j, sink->conference(sink->arg, &j.conf.c)) == -1)
		rc = -1;
	rec_conf_clear(&j.conf), rec_clear(&j.rec);
	return rc;
}

/* A list whose first entry has an event_key. */
static int
sched_json_claims(const char *head, size_t len)
{
	return len > 0 && head[0] == '[' && memmem(head, len, "\"event_key\"", 11) != NULL;
}

const struct imp_reader read_sched_json = { "Sched API export", sched_json_claims, sched_json_read,
    "sched-json" };
