/* schedule_rows.c: the schedule exports' queries (see schedule_rows.h). Each statement is the
 * stream's own, on its own connection (conn.h), not the db_stmt cache. */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/mem.h"
#include "model/db.h"
#include "model/schedule_rows.h"

/* The days: every date of the event, and any date a session falls on outside it. */
#define DAYS(eid) \
	"WITH RECURSIVE d(day) AS (SELECT starts_on FROM events WHERE id = " eid \
	"  UNION SELECT date(day, '+1 day') FROM d, events e WHERE e.id = " eid " AND day < e.ends_on)," \
	" days(day) AS (SELECT day FROM d UNION SELECT substr(starts_at, 1, 10) FROM sessions" \
	"  WHERE event_id = " eid " AND starts_at IS NOT NULL AND status = 'scheduled')"

static const char conference_sql[] = DAYS("(SELECT id FROM events WHERE slug = :event)")
	" SELECT e.id, e.name, e.slug, e.starts_on, e.ends_on, (SELECT count(*) FROM days),"
	" e.time_zone, e.url, coalesce((SELECT CASE WHEN length(starts_at) >= 25"
	"   THEN substr(starts_at, 20, 6) ELSE 'Z' END FROM sessions"
	"   WHERE event_id = e.id AND starts_at IS NOT NULL ORDER BY starts_utc, id LIMIT 1), 'Z'),"
	" coalesce((SELECT id FROM installation), '')"
	" FROM events e WHERE e.slug = :event";

/* One row per session, and one with a NULL session for a day without any; the guid and id
 * shown as schedule_row says. */
static const char rows_sql[] = DAYS(":eid") ","
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

/* A speaker with the source's numeric id and guid of the person in this event when it has them,
 * named as pretalx writes it. */
static const char persons_sql[] =
	"SELECT (SELECT k.key FROM source_keys k WHERE k.kind = 'person' AND k.local_id = p.id"
	"  AND k.source = 'event:' || :eid AND k.key GLOB '[1-9]*' AND k.key NOT GLOB '*[^0-9]*'"
	"  ORDER BY k.key LIMIT 1),"
	" (SELECT k.key FROM source_keys k WHERE k.kind = 'person' AND k.local_id = p.id"
	"  AND k.source = 'event:' || :eid AND length(k.key) = 36 AND k.key GLOB '[0-9a-fA-F]*-*-*-*-*'"
	"  ORDER BY k.key LIMIT 1),"
	" p.id, p.name || coalesce(' [' || o.name || ']', '')"
	" FROM appearances a JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id"
	" WHERE a.session_id = :sid ORDER BY a.position, p.id";

struct schedule_rows {
	sqlite3_stmt	*head, *rows, *persons;
};

static sqlite3_stmt *
prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		log_err("export: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static void
read_head(sqlite3_stmt *st, struct schedule_head *h)
{
	h->event_id = sqlite3_column_int64(st, 0);
	h->name = col(st, 1);
	h->slug = col(st, 2);
	h->starts_on = col(st, 3);
	h->ends_on = col(st, 4);
	h->days = col(st, 5);
	h->time_zone = col(st, 6);
	h->url = col(st, 7);
	h->offset = col(st, 8);
	h->installation = col(st, 9);
}

struct schedule_rows *
schedule_rows_open(struct db_conn *c, const char *event, struct schedule_head *head)
{
	sqlite3 *db = conn_db(c);
	struct schedule_rows *r = xcalloc(1, sizeof(*r));

	if ((r->head = prepare(db, conference_sql)) == NULL)
		goto fail;
	db_bind_text(r->head, sqlite3_bind_parameter_index(r->head, ":event"), event);
	/* The head's row stays current (and its strings valid) until the rows are closed. */
	if (sqlite3_step(r->head) != SQLITE_ROW)
		goto fail;
	read_head(r->head, head);
	if ((r->rows = prepare(db, rows_sql)) == NULL || (r->persons = prepare(db, persons_sql)) == NULL)
		goto fail;
	sqlite3_bind_int64(r->rows, sqlite3_bind_parameter_index(r->rows, ":eid"), head->event_id);
	sqlite3_bind_int64(r->persons, sqlite3_bind_parameter_index(r->persons, ":eid"), head->event_id);
	return r;
fail:
	schedule_rows_close(r);
	return NULL;
}

int
schedule_rows_next(struct schedule_rows *r, struct schedule_row *row)
{
	sqlite3_stmt *st = r->rows;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return log_err("export: schedule.xml: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	row->day = col(st, 0);
	row->session_id = sqlite3_column_int64(st, 1);
	row->room = col(st, 2);
	row->title = col(st, 3);
	row->subtitle = col(st, 4);
	row->kind = col(st, 5);
	row->date = col(st, 6);
	row->start = col(st, 7);
	row->duration = col(st, 8);
	row->abstract = col(st, 9);
	row->track = col(st, 10);
	row->url = col(st, 11);
	row->guid = col(st, 12);
	row->shown_id = sqlite3_column_int64(st, 13);
	return 1;
}

int
schedule_persons(struct schedule_rows *r, long long sid, int (*fn)(void *, const struct schedule_person *),
    void *arg)
{
	sqlite3_stmt *st = r->persons;
	struct schedule_person p;
	int rc, failed = 0;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":sid"), sid);
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		p.source_id = col(st, 0);
		p.guid = col(st, 1);
		p.id = sqlite3_column_int64(st, 2);
		p.name = col(st, 3);
		failed = fn(arg, &p) == -1;
	}
	if (failed)
		return -1;
	return rc == SQLITE_DONE ? 0 : log_err("export: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
}

void
schedule_rows_close(struct schedule_rows *r)
{
	if (r == NULL)
		return;
	sqlite3_finalize(r->head);
	sqlite3_finalize(r->rows);
	sqlite3_finalize(r->persons);
	free(r);
}

/* Scheduled and cancelled sessions with a start, of one event or one person,
 * in UTC (so no VTIMEZONE is needed), ordered by start, room, id. */
static const char calendar_sql[] =
	"SELECT s.id, strftime('%Y%m%dT%H%M%SZ', s.starts_utc),"
	" strftime('%Y%m%dT%H%M%SZ', s.starts_utc, '+' || coalesce(s.duration_min, 30) || ' minutes'),"
	" strftime('%Y%m%dT%H%M%SZ', s.updated_at), s.title, s.room, s.abstract,"
	" coalesce(s.url, ''), s.status, s.kind, e.name,"
	" (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM appearances a"
	"   JOIN people p ON p.id = a.person_id WHERE a.session_id = s.id"
	"   ORDER BY a.position, p.id)), coalesce((SELECT id FROM installation), '')"
	" FROM sessions s JOIN events e ON e.id = s.event_id"
	" WHERE s.starts_at IS NOT NULL"
	" AND (:event IS NULL OR e.slug = :event)"
	" AND (:person IS NULL OR EXISTS (SELECT 1 FROM appearances a JOIN people p"
	"   ON p.id = a.person_id WHERE a.session_id = s.id AND p.slug = :person))"
	" ORDER BY s.starts_utc, s.room, s.id";

/* The calendar's name: the event's or the person's; NULL when there is neither. */
static const char name_sql[] =
	"SELECT coalesce((SELECT name FROM events WHERE slug = :event),"
	" (SELECT name || ': talks' FROM people WHERE slug = :person))";

struct calendar_rows {
	sqlite3_stmt	*name, *rows;
};

static void
bind_who(sqlite3_stmt *st, const char *event, const char *person)
{
	db_bind_text(st, sqlite3_bind_parameter_index(st, ":event"), event);
	db_bind_text(st, sqlite3_bind_parameter_index(st, ":person"), event ? NULL : person);
}

struct calendar_rows *
calendar_rows_open(struct db_conn *c, const char *event, const char *person, const char **name)
{
	sqlite3 *db = conn_db(c);
	struct calendar_rows *r = xcalloc(1, sizeof(*r));

	if ((r->name = prepare(db, name_sql)) == NULL)
		goto fail;
	bind_who(r->name, event, person);
	if (sqlite3_step(r->name) != SQLITE_ROW || (*name = col(r->name, 0)) == NULL)
		goto fail;
	if ((r->rows = prepare(db, calendar_sql)) == NULL)
		goto fail;
	bind_who(r->rows, event, person);
	return r;
fail:
	calendar_rows_close(r);
	return NULL;
}

int
calendar_rows_next(struct calendar_rows *r, struct calendar_row *row)
{
	sqlite3_stmt *st = r->rows;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return log_err("export: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	row->id = sqlite3_column_int64(st, 0);
	row->start = col(st, 1);
	row->end = col(st, 2);
	row->stamp = col(st, 3);
	row->title = col(st, 4);
	row->room = col(st, 5);
	row->abstract = col(st, 6);
	row->url = col(st, 7);
	row->status = col(st, 8);
	row->kind = col(st, 9);
	row->event = col(st, 10);
	row->speakers = col(st, 11);
	row->installation = col(st, 12);
	return 1;
}

void
calendar_rows_close(struct calendar_rows *r)
{
	if (r == NULL)
		return;
	sqlite3_finalize(r->name);
	sqlite3_finalize(r->rows);
	free(r);
}
