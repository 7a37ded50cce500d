/* overview.c: the home page's figures (see overview.h). */
#include <string.h>

#include "model/db.h"
#include "model/overview.h"

static const char totals_sql[] =
	"SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM people),"
	" (SELECT count(*) FROM events), (SELECT count(*) FROM sessions WHERE status = 'scheduled'),"
	" (SELECT count(*) FROM sessions WHERE status = 'scheduled' AND kind = 'keynote'),"
	" (SELECT count(*) FROM roles WHERE ends_on IS NULL OR ends_on >= date('now')),"
	/* The last twelve months; in a record with no event that recent, the twelve months up to
	 * its latest event, so the list is never empty for want of this year's data. */
	" date(w, '-12 months'), w, w = date('now') FROM (SELECT min(date('now'),"
	" coalesce((SELECT max(starts_on) FROM events), date('now'))) AS w)";

#define O(type, field)	COL(type, struct overview, field)
static const struct column totals_cols[] = {
	O(LONG, totals.organizations), O(LONG, totals.people), O(LONG, totals.events), O(LONG, totals.sessions),
	O(LONG, totals.keynotes), O(LONG, totals.current_roles), O(TEXT, from), O(TEXT, to), O(INT, to_now),
};
static const struct row_type totals_row = ROW_TYPE(struct overview, totals_cols, NULL, "totals");

static const char latest_sql[] =
	"SELECT name, slug, starts_on FROM events WHERE parent_id IS NULL"
	" ORDER BY starts_on DESC, id DESC LIMIT 5";

static const struct column latest_cols[] = {
	COL(TEXT, struct latest_event, name), COL(TEXT, struct latest_event, slug),
	COL(TEXT, struct latest_event, starts_on),
};
static const struct row_type latest_row = ROW_TYPE(struct latest_event, latest_cols, NULL, "latest events");

/* ?1, ?2: the window. Sessions are reached through their events' dates (an index), so the
 * work is proportional to one year of sessions, not to the whole record. */
static const char top_sql[] =
	"SELECT o.name, o.slug, t.n FROM (SELECT a.org_id, count(DISTINCT a.session_id) AS n"
	" FROM events e JOIN sessions s ON s.event_id = e.id JOIN appearances a ON a.session_id = s.id"
	" WHERE e.starts_on >= ?1 AND e.starts_on <= ?2 AND s.status = 'scheduled' AND a.org_id IS NOT NULL"
	" GROUP BY a.org_id ORDER BY n DESC, a.org_id LIMIT 10) t"
	" JOIN organizations o ON o.id = t.org_id ORDER BY t.n DESC, o.name";

static const struct column top_cols[] = {
	COL(TEXT, struct org_count, name), COL(TEXT, struct org_count, slug), COL(LONG, struct org_count, sessions),
};
static const struct row_type top_row = ROW_TYPE(struct org_count, top_cols, NULL, "most sessions");

enum model_status
overview(struct request *req, struct overview *o)
{
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = db_row_of(req, totals_sql, NULL, &totals_row, o)) != MODEL_OK)
		return ms;
	o->latest = db_rows_of(req, latest_sql, 0, 0, 0, &latest_row, &o->n_latest, &ms);
	if (ms != MODEL_OK || (ms = db_query(top_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, o->from);
	db_bind_text(st, 2, o->to);
	o->top = db_rows(req, st, &top_row, &o->n_top, &ms);
	return ms;
}
