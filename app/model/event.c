/* event.c: the events' queries (see event.h). */
#include <string.h>

#include "model/db.h"
#include "model/event.h"
#include "model/listing.h"

/* The page's main events and their co-located ones, each right after its main event. */
static const char list_sql[] =
	"WITH page AS (SELECT id FROM events WHERE parent_id IS NULL ORDER BY starts_on DESC, id DESC"
	" LIMIT ?1 OFFSET ?2)"
	" SELECT e.name, e.slug, e.series, e.city, e.country, e.starts_on, e.ends_on,"
	" (SELECT count(*) FROM sessions s WHERE s.event_id = e.id), e.parent_id IS NOT NULL,"
	" row_number() OVER (PARTITION BY e.parent_id ORDER BY e.id) - 1"
	" FROM events e WHERE e.id IN page OR e.parent_id IN page"
	" ORDER BY coalesce((SELECT p.starts_on FROM events p WHERE p.id = e.parent_id), e.starts_on) DESC,"
	" coalesce(e.parent_id, e.id) DESC, e.parent_id IS NOT NULL, e.starts_on, e.id";
static const char count_sql[] = "SELECT count(*) FROM events WHERE parent_id IS NULL";

static void
read_item(struct request *req, sqlite3_stmt *st, struct event_item *e)
{
	memset(e, 0, sizeof(*e));
	e->name = db_col(req, st, 0);
	e->slug = db_col(req, st, 1);
	e->series = db_col(req, st, 2);
	e->city = db_col(req, st, 3);
	e->country = db_col(req, st, 4);
	e->starts_on = db_col(req, st, 5);
	e->ends_on = db_col(req, st, 6);
	e->sessions = db_col_int(st, 7);
	e->json_rank = (size_t)db_col_int(st, 9);
}

/* Appends the row to the list, a co-located event to the main event before it. */
static void
add_row(struct request *req, sqlite3_stmt *st, struct event_list *l, size_t *cap, size_t *child_cap)
{
	struct event_item *e;

	if (db_col_int(st, 8) && l->n > 0) {
		struct event_item *top = &l->items[l->n - 1];

		top->colocated = req_grow(req, top->colocated, top->n_colocated, child_cap, sizeof(*e));
		e = &top->colocated[top->n_colocated++];
	} else {
		l->items = req_grow(req, l->items, l->n, cap, sizeof(*e));
		e = &l->items[l->n++];
		*child_cap = 0;
	}
	read_item(req, st, e);
}

enum model_status
event_list(struct request *req, long long offset, int limit, struct event_list *l)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0, child_cap = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((ms = db_query(count_sql, &st)) != MODEL_OK)
		return ms;
	l->total = db_one_int(st, 0);
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_row(req, st, l, &cap, &child_cap);
	return db_done(st, rc, "events");
}

static const char event_sql[] =
	"SELECT e.id, e.name, e.slug, e.series, e.city, e.country, e.starts_on, e.ends_on, e.time_zone,"
	" e.url, p.name, p.slug FROM events e LEFT JOIN events p ON p.id = e.parent_id WHERE e.slug = ?1";

static void
read_head(struct request *req, sqlite3_stmt *st, struct event_page *p)
{
	p->id = db_col_int(st, 0);
	p->name = db_col(req, st, 1);
	p->slug = db_col(req, st, 2);
	p->series = db_col(req, st, 3);
	p->city = db_col(req, st, 4);
	p->country = db_col(req, st, 5);
	p->starts_on = db_col(req, st, 6);
	p->ends_on = db_col(req, st, 7);
	p->time_zone = db_col(req, st, 8);
	p->url = db_col(req, st, 9);
	p->parent = db_col(req, st, 10);
	p->parent_slug = db_col(req, st, 11);
}

static const char colocated_sql[] =
	"SELECT name, slug, starts_on, row_number() OVER (ORDER BY id) - 1 FROM events WHERE parent_id = ?1"
	" ORDER BY starts_on, id";

static enum model_status
colocated(struct request *req, struct event_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	if ((ms = db_query(colocated_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct event_item *e;

		p->colocated = req_grow(req, p->colocated, p->n_colocated, &cap, sizeof(*e));
		e = &p->colocated[p->n_colocated++];
		memset(e, 0, sizeof(*e));
		e->name = db_col(req, st, 0);
		e->slug = db_col(req, st, 1);
		e->starts_on = db_col(req, st, 2);
		e->json_rank = (size_t)db_col_int(st, 3);
	}
	return db_done(st, rc, "co-located events");
}

/* By time and room; the window gives each session's place by local day, room and time. */
static const char sessions_sql[] =
	"SELECT " SESSION_ITEM_COLS ", s.track, s.room, s.starts_at, substr(s.starts_at, 12, 5),"
	" s.duration_min, row_number() OVER (ORDER BY coalesce(substr(s.starts_at, 1, 10), e.starts_on),"
	" s.room, s.starts_utc, s.id) - 1"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.event_id = ?1"
	" AND (?2 IS NULL OR s.kind = ?2) AND (?3 IS NULL OR s.track = ?3)"
	" ORDER BY s.starts_utc, s.room, s.id";

static void
read_session(struct request *req, sqlite3_stmt *st, struct schedule_item *s)
{
	session_item_read(req, st, 0, &s->session);
	s->track = db_col(req, st, SESSION_ITEM_NCOLS);
	s->room = db_col(req, st, SESSION_ITEM_NCOLS + 1);
	s->starts_at = db_col(req, st, SESSION_ITEM_NCOLS + 2);
	s->time = db_col(req, st, SESSION_ITEM_NCOLS + 3);
	s->duration_min = db_col_int(st, SESSION_ITEM_NCOLS + 4);
}

static enum model_status
schedule(struct request *req, struct event_page *p, const struct schedule_filter *f)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0, *rank = NULL, rank_cap = 0;
	int rc;

	if ((ms = db_query(sessions_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	db_bind_text(st, 2, f->kind);
	db_bind_text(st, 3, f->track);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->sessions = req_grow(req, p->sessions, p->n_sessions, &cap, sizeof(*p->sessions));
		rank = req_grow(req, rank, p->n_sessions, &rank_cap, sizeof(*rank));
		rank[p->n_sessions] = (size_t)db_col_int(st, SESSION_ITEM_NCOLS + 5);
		read_session(req, st, &p->sessions[p->n_sessions++]);
	}
	if ((ms = db_done(st, rc, "schedule")) != MODEL_OK)
		return ms;
	p->by_day = req_alloc(req, (p->n_sessions + 1) * sizeof(*p->by_day));
	for (size_t i = 0; i < p->n_sessions; i++)
		if (rank[i] < p->n_sessions)
			p->by_day[rank[i]] = &p->sessions[i];
	return MODEL_OK;
}

enum model_status
event_page(struct request *req, const char *slug, const struct schedule_filter *f, struct event_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	if ((ms = db_query(event_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, slug);
	if ((ms = db_row(st, "event")) != MODEL_OK)
		return ms;
	read_head(req, st, p);
	sqlite3_reset(st);
	if ((ms = colocated(req, p)) != MODEL_OK)
		return ms;
	return schedule(req, p, f);
}

static const char tracks_sql[] =
	"SELECT DISTINCT track FROM sessions WHERE event_id = ?1 AND track IS NOT NULL ORDER BY track";

enum model_status
event_tracks(struct request *req, long long event, const char ***tracks, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	*tracks = NULL;
	*n = 0;
	if ((ms = db_query(tracks_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, event);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*tracks = req_grow(req, *tracks, *n, &cap, sizeof(**tracks));
		(*tracks)[(*n)++] = db_col(req, st, 0);
	}
	return db_done(st, rc, "tracks");
}
