/* overview.c: the home page's figures (see overview.h). */
#include <string.h>

#include "model/db.h"
#include "model/overview.h"

static const char totals_sql[] =
	"SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM people),"
	" (SELECT count(*) FROM events), (SELECT count(*) FROM sessions WHERE status = 'scheduled'),"
	" (SELECT count(*) FROM sessions WHERE status = 'scheduled' AND kind = 'keynote'),"
	" (SELECT count(*) FROM roles WHERE ends_on IS NULL OR ends_on >= date('now'))";

static enum model_status
totals(struct totals *t)
{
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = db_query(totals_sql, &st)) != MODEL_OK || (ms = db_row(st, "totals")) != MODEL_OK)
		return ms;
	t->organizations = db_col_int(st, 0);
	t->people = db_col_int(st, 1);
	t->events = db_col_int(st, 2);
	t->sessions = db_col_int(st, 3);
	t->keynotes = db_col_int(st, 4);
	t->current_roles = db_col_int(st, 5);
	sqlite3_reset(st);
	return MODEL_OK;
}

static const char latest_sql[] =
	"SELECT name, slug, starts_on FROM events WHERE parent_id IS NULL"
	" ORDER BY starts_on DESC, id DESC LIMIT 5";

static enum model_status
latest(struct request *req, struct overview *o)
{
	sqlite3_stmt *st;
	enum model_status ms;
	int rc;

	if ((ms = db_query(latest_sql, &st)) != MODEL_OK)
		return ms;
	o->latest = req_alloc(req, 5 * sizeof(*o->latest));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && o->n_latest < 5) {
		struct latest_event *e = &o->latest[o->n_latest++];

		e->name = db_col(req, st, 0);
		e->slug = db_col(req, st, 1);
		e->starts_on = db_col(req, st, 2);
	}
	return db_done(st, rc, "latest events");
}

/* The last twelve months; in a record with no event that recent, the twelve months up to its
 * latest event, so the list is never empty for want of this year's data. */
static const char window_sql[] =
	"SELECT date(w, '-12 months'), w, w = date('now') FROM (SELECT min(date('now'),"
	" coalesce((SELECT max(starts_on) FROM events), date('now'))) AS w)";

/* ?1, ?2: the window. Sessions are reached through their events' dates (an index), so the
 * work is proportional to one year of sessions, not to the whole record. */
static const char top_sql[] =
	"SELECT o.name, o.slug, t.n FROM (SELECT a.org_id, count(DISTINCT a.session_id) AS n"
	" FROM events e JOIN sessions s ON s.event_id = e.id JOIN appearances a ON a.session_id = s.id"
	" WHERE e.starts_on >= ?1 AND e.starts_on <= ?2 AND s.status = 'scheduled' AND a.org_id IS NOT NULL"
	" GROUP BY a.org_id ORDER BY n DESC, a.org_id LIMIT 10) t"
	" JOIN organizations o ON o.id = t.org_id ORDER BY t.n DESC, o.name";

static enum model_status
top(struct request *req, struct overview *o)
{
	sqlite3_stmt *st;
	enum model_status ms;
	int rc;

	if ((ms = db_query(window_sql, &st)) != MODEL_OK || (ms = db_row(st, "window")) != MODEL_OK)
		return ms;
	o->from = db_col(req, st, 0);
	o->to = db_col(req, st, 1);
	o->to_now = (int)db_col_int(st, 2);
	sqlite3_reset(st);
	if ((ms = db_query(top_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, o->from);
	db_bind_text(st, 2, o->to);
	o->top = req_alloc(req, 10 * sizeof(*o->top));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && o->n_top < 10) {
		struct org_count *c = &o->top[o->n_top++];

		c->name = db_col(req, st, 0);
		c->slug = db_col(req, st, 1);
		c->sessions = db_col_int(st, 2);
	}
	return db_done(st, rc, "most sessions");
}

enum model_status
overview(struct request *req, struct overview *o)
{
	enum model_status ms;

	memset(o, 0, sizeof(*o));
	if ((ms = totals(&o->totals)) != MODEL_OK || (ms = latest(req, o)) != MODEL_OK)
		return ms;
	return top(req, o);
}
