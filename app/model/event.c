/* event.c: the events' queries (see event.h). */
#include <string.h>

#include "core/sort.h"
#include "model/db.h"
#include "model/event.h"
#include "model/listing.h"
#include "model/record.h"

/* The page's main events and their co-located ones, each right after its main event; the
 * window gives a co-located event's place among its siblings as they were recorded. */
static const char list_sql[] =
	"WITH page AS (SELECT id FROM events WHERE parent_id IS NULL ORDER BY starts_on DESC, id DESC"
	" LIMIT ?2 OFFSET ?3)"
	" SELECT e.name, e.slug, e.series, e.city, e.country, e.starts_on, e.ends_on,"
	" (SELECT count(*) FROM sessions s WHERE s.event_id = e.id), e.parent_id IS NOT NULL,"
	" row_number() OVER (PARTITION BY e.parent_id ORDER BY e.id) - 1"
	" FROM events e WHERE e.id IN page OR e.parent_id IN page"
	" ORDER BY coalesce((SELECT p.starts_on FROM events p WHERE p.id = e.parent_id), e.starts_on) DESC,"
	" coalesce(e.parent_id, e.id) DESC, e.parent_id IS NOT NULL, e.starts_on, e.id";
static const char count_sql[] = "SELECT count(*) FROM events WHERE parent_id IS NULL";

#define I(type, field)	COL(type, struct event_item, field)
static const struct column item_cols[] = {
	I(TEXT, name), I(TEXT, slug), I(TEXT, series), I(TEXT, city), I(TEXT, country), I(TEXT, starts_on),
	I(TEXT, ends_on), I(LONG, sessions), I(INT, is_colocated), I(SIZE, recorded_rank),
};
static const struct row_type item_row = ROW_TYPE(struct event_item, item_cols, NULL, "events");

/* The rows as main events, each holding the co-located ones that follow it. */
static void
nest(struct request *req, struct event_item *rows, size_t n, struct event_list *l)
{
	l->items = req_alloc(req, (n + 1) * sizeof(*l->items));
	for (size_t i = 0; i < n; i++) {
		struct event_item *top;

		if (!rows[i].is_colocated || l->n == 0) {
			l->items[l->n++] = rows[i];
			continue;
		}
		top = &l->items[l->n - 1];
		if (top->colocated == NULL)
			top->colocated = &rows[i];	/* they follow each other */
		top->n_colocated++;
	}
	for (size_t i = 0; i < l->n; i++)
		l->items[i].recorded = db_ranked(req, l->items[i].colocated, l->items[i].n_colocated,
		    sizeof(struct event_item), offsetof(struct event_item, recorded_rank));
}

enum model_status
event_list(struct request *req, long long offset, int limit, struct event_list *l)
{
	struct event_item *rows;
	enum model_status ms;
	size_t n;

	memset(l, 0, sizeof(*l));
	rows = db_page_rows(req, count_sql, list_sql, limit, offset, &item_row, &n, &l->total, &ms);
	if (ms == MODEL_OK)
		nest(req, rows, n, l);
	return ms;
}

static const char event_sql[] =
	"SELECT e.id, e.name, e.slug, e.series, e.city, e.country, e.starts_on, e.ends_on, e.time_zone,"
	" e.url, p.name, p.slug FROM events e LEFT JOIN events p ON p.id = e.parent_id WHERE e.slug = ?1";

#define P(type, field)	COL(type, struct event_page, field)
static const struct column event_cols[] = {
	P(LONG, id), P(TEXT, name), P(TEXT, slug), P(TEXT, series), P(TEXT, city), P(TEXT, country),
	P(TEXT, starts_on), P(TEXT, ends_on), P(TEXT, time_zone), P(TEXT, url), P(TEXT, parent),
	P(TEXT, parent_slug),
};
static const struct row_type event_row = ROW_TYPE(struct event_page, event_cols, NULL, "event");

static const char colocated_sql[] =
	"SELECT name, slug, starts_on, row_number() OVER (ORDER BY id) - 1 FROM events WHERE parent_id = ?1"
	" ORDER BY starts_on, id";
static const struct column colocated_cols[] = {
	I(TEXT, name), I(TEXT, slug), I(TEXT, starts_on), I(SIZE, recorded_rank),
};
static const struct row_type colocated_row = ROW_TYPE(struct event_item, colocated_cols, NULL,
    "co-located events");

/* By time and room; schedule() puts them in order by local day, time and room too. The end
 * is the local start and the duration: the wall clock of the day (a change of summer time
 * during a session is not counted). */
#define SESSION_END(fmt) "CASE WHEN s.duration_min > 0 THEN strftime(" fmt ", substr(s.starts_at, 1, 16)," \
	" '+' || s.duration_min || ' minutes') END"
static const char sessions_sql[] =
	"SELECT " SESSION_ITEM_COLS ", s.track, s.room, s.starts_at, substr(s.starts_at, 12, 5),"
	" s.duration_min, s.starts_utc, " SESSION_END("'%H:%M'") ","
	" " SESSION_END("'%Y-%m-%dT%H:%M'") " || substr(s.starts_at, 17)"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.event_id = ?1"
	" AND (?2 IS NULL OR s.kind = ?2) AND (?3 IS NULL OR s.track = ?3)"
	" ORDER BY s.starts_utc, s.room, s.id";

static void
speakers(struct request *req, sqlite3_stmt *st, void *row)
{
	session_item_speakers(req, st, SESSION_ITEM_NCOLS - 1, &((struct schedule_item *)row)->session);
}

#define S(type, field)	COL(type, struct schedule_item, field)
static const struct column session_cols[] = {
	SESSION_ITEM_COLUMNS(struct schedule_item, session.), S(TEXT, track), S(TEXT, room), S(TEXT, starts_at),
	S(TEXT, time), S(LONG, duration_min), S(TEXT, starts_utc), S(TEXT, end_time), S(TEXT, ends_at),
};
static const struct row_type session_row = ROW_TYPE(struct schedule_item, session_cols, speakers, "schedule");

/* SQLite's order for text (BINARY: bytes, shorter first) with NULL before any text. */
static int
text_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* By local day, start (none last), room and id: a second sort in C, cheaper than a window in
 * the query. */
static int
by_day(const void *x, const void *y)
{
	const struct schedule_item *a = x, *b = y;
	int c;

	if ((c = text_cmp(a->session.date, b->session.date)) != 0)
		return c;
	if ((a->starts_utc == NULL) != (b->starts_utc == NULL))
		return a->starts_utc == NULL ? 1 : -1;
	if ((c = text_cmp(a->starts_utc, b->starts_utc)) != 0 || (c = text_cmp(a->room, b->room)) != 0)
		return c;
	return a->session.id < b->session.id ? -1 : a->session.id > b->session.id;
}

static enum model_status
schedule(struct request *req, struct event_page *p, const struct schedule_filter *f)
{
	sqlite3_stmt *st;
	enum model_status ms;
	void **tmp;

	if ((ms = db_query(sessions_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	db_bind_text(st, 2, f->kind);
	db_bind_text(st, 3, f->track);
	p->sessions = db_rows(req, st, &session_row, &p->n_sessions, &ms);
	p->by_day = req_alloc(req, (p->n_sessions + 1) * sizeof(*p->by_day));
	tmp = req_alloc(req, (p->n_sessions + 1) * sizeof(*tmp));
	for (size_t i = 0; i < p->n_sessions; i++)
		p->by_day[i] = &p->sessions[i];
	ptr_sort((void **)p->by_day, p->n_sessions, tmp, by_day);
	return ms;
}

enum model_status
event_page(struct request *req, const char *slug, const struct schedule_filter *f, struct event_page *p)
{
	enum model_status ms;

	if ((ms = db_row_of(req, event_sql, slug, &event_row, p)) != MODEL_OK)
		return ms;
	p->colocated = db_rows_of(req, colocated_sql, p->id, 0, 0, &colocated_row, &p->n_colocated, &ms);
	p->recorded = db_ranked(req, p->colocated, p->n_colocated, sizeof(*p->colocated),
	    offsetof(struct event_item, recorded_rank));
	return ms == MODEL_OK ? schedule(req, p, f) : ms;
}

static const char tracks_sql[] =
	"SELECT DISTINCT track FROM sessions WHERE event_id = ?1 AND track IS NOT NULL ORDER BY track";

static const struct column track_cols[] = { COL(TEXT, struct event_track, name) };
static const struct row_type track_row = ROW_TYPE(struct event_track, track_cols, NULL, "tracks");

enum model_status
event_tracks(struct request *req, long long event, struct event_track **tracks, size_t *n)
{
	enum model_status ms;

	*tracks = db_rows_of(req, tracks_sql, event, 0, 0, &track_row, n, &ms);
	return ms;
}

static const char zone_of_event_sql[] = "SELECT time_zone FROM events WHERE id = ?1";
static const char zone_of_session_sql[] =
	"SELECT e.time_zone FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ?1";

enum model_status
event_zone(struct request *req, const char *event, long long session, const char **zone)
{
	sqlite3_stmt *st;
	enum model_status ms;
	long long id = session;

	*zone = NULL;
	if (event && *event && (ms = record_resolve("event", event, &id)) != MODEL_OK)
		return ms;
	if (id <= 0)
		return MODEL_NOT_FOUND;
	if ((ms = db_query(event && *event ? zone_of_event_sql : zone_of_session_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, id);
	if ((ms = db_row(st, "time zone")) == MODEL_OK) {
		*zone = db_col(req, st, 0);
		sqlite3_reset(st);
	}
	return ms;
}
