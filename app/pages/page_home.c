/* page_home.c: GET / — search, totals, latest events, the organizations with the most talks lately. */
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char totals_sql[] =
	"SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM people),"
	" (SELECT count(*) FROM events), (SELECT count(*) FROM sessions WHERE status = 'scheduled'),"
	" (SELECT count(*) FROM sessions WHERE status = 'scheduled' AND kind = 'keynote'),"
	" (SELECT count(*) FROM roles WHERE ends_on IS NULL OR ends_on >= date('now'))";

static const char home_json_sql[] =
	"SELECT json_object('totals', json_object('organizations', (SELECT count(*) FROM organizations),"
	" 'people', (SELECT count(*) FROM people), 'events', (SELECT count(*) FROM events),"
	" 'sessions', (SELECT count(*) FROM sessions WHERE status = 'scheduled'),"
	" 'keynotes', (SELECT count(*) FROM sessions WHERE status = 'scheduled' AND kind = 'keynote')),"
	" 'latest_events', (SELECT json_group_array(json_object('name', name, 'slug', slug,"
	"  'starts_on', starts_on)) FROM (SELECT * FROM events WHERE parent_id IS NULL"
	"  ORDER BY starts_on DESC, id DESC LIMIT 5)),"
	" 'top_organizations', (SELECT json_group_array(json_object('name', o.name, 'slug', o.slug,"
	"  'sessions', n)) FROM (SELECT a.org_id, count(DISTINCT a.session_id) AS n FROM events e"
	"  JOIN sessions s ON s.event_id = e.id JOIN appearances a ON a.session_id = s.id"
	"  WHERE e.starts_on >= date('now', '-12 months') AND s.status = 'scheduled' AND a.org_id IS NOT NULL"
	"  GROUP BY a.org_id ORDER BY n DESC, a.org_id LIMIT 10) t JOIN organizations o ON o.id = t.org_id))";

static const char latest_sql[] =
	"SELECT name, slug, starts_on, city FROM events WHERE parent_id IS NULL"
	" ORDER BY starts_on DESC, id DESC LIMIT 5";

/* ?1: the start of the window. Sessions are reached through their events' dates (an index),
 * so the work is proportional to one year of sessions, not to the whole record. */
static const char top_sql[] =
	"SELECT o.name, o.slug, t.n FROM (SELECT a.org_id, count(DISTINCT a.session_id) AS n"
	" FROM events e JOIN sessions s ON s.event_id = e.id JOIN appearances a ON a.session_id = s.id"
	" WHERE e.starts_on >= ?1 AND e.starts_on <= ?2 AND s.status = 'scheduled' AND a.org_id IS NOT NULL"
	" GROUP BY a.org_id ORDER BY n DESC, a.org_id LIMIT 10) t"
	" JOIN organizations o ON o.id = t.org_id ORDER BY t.n DESC, o.name";

static int
top_orgs(struct request *req, sqlite3 *db, const char *since, const char *until, const char *heading)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, top_sql);
	int n = 0;

	if (st == NULL)
		return 0;
	db_bind_text(st, 1, since);
	db_bind_text(st, 2, until);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0) {
			html_lit(b, "<h2>");
			html_text(b, heading);
			html_lit(b, "</h2><ol>");
		}
		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/orgs/%s", sqlite3_column_text(st, 1)),
		    (const char *)sqlite3_column_text(st, 0));
		buf_appendf(b, " <span class=\"muted\">%d sessions</span></li>", sqlite3_column_int(st, 2));
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</ol>");
	return n;
}

/* The last twelve months; in a record with no event that recent, the twelve months up to its
 * latest event, so the list is never empty for want of this year's data. */
static const char window_sql[] =
	"SELECT date(w, '-12 months'), w, w = date('now') FROM (SELECT min(date('now'),"
	" coalesce((SELECT max(starts_on) FROM events), date('now'))) AS w)";

int
page_home(struct request *req)
{
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int n = 0;

	if (db == NULL)
		return 503;
	if (req->want_json)
		return render_json(req, db_stmt(db, home_json_sql));
	if ((st = db_stmt(db, totals_sql)) == NULL)
		return 503;
	layout_begin(req, "Who speaks for whom", NULL);
	html_lit(b, "<h1>Who speaks for whom</h1><p>Keynotes, talks, roles and seats in the cloud-native "
	    "community, each credited to the person and to the organization they represented at the "
	    "time.</p><form class=\"filters\" role=\"search\" aria-label=\"Record\" method=\"get\" action=\"/search\">"
	    "<label for=\"home-q\" class=\"vh\">Search the record</label>"
	    "<input id=\"home-q\" type=\"search\" name=\"q\" placeholder=\"Spotify, Backstage, Dave Zolotusky\">"
	    "<button type=\"submit\">Search</button></form>");
	if (sqlite3_step(st) == SQLITE_ROW) {
		html_lit(b, "<ul class=\"numbers\">");
		render_figure(b, sqlite3_column_int64(st, 0), "Organizations");
		render_figure(b, sqlite3_column_int64(st, 1), "People");
		render_figure(b, sqlite3_column_int64(st, 2), "Events");
		render_figure(b, sqlite3_column_int64(st, 3), "Sessions");
		render_figure(b, sqlite3_column_int64(st, 4), "Keynotes");
		render_figure(b, sqlite3_column_int64(st, 5), "Current roles");
		html_lit(b, "</ul>");
	}
	sqlite3_reset(st);
	html_lit(b, "<div class=\"cols\"><section>");
	if ((st = db_stmt(db, latest_sql)) != NULL) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n++ == 0)
				html_lit(b, "<h2>Latest events</h2><ul>");
			html_lit(b, "<li>");
			html_link(b, req_printf(req, "/events/%s", sqlite3_column_text(st, 1)),
			    (const char *)sqlite3_column_text(st, 0));
			html_lit(b, " <span class=\"muted\">");
			html_text(b, (const char *)sqlite3_column_text(st, 2));
			html_lit(b, "</span></li>");
		}
		sqlite3_reset(st);
	}
	if (n)
		html_lit(b, "</ul>");
	else
		render_empty(b, "No events yet.");
	html_lit(b, "</section><section>");
	if ((st = db_stmt(db, window_sql)) != NULL && sqlite3_step(st) == SQLITE_ROW) {
		const char *from = req_strdup(req, (const char *)sqlite3_column_text(st, 0));
		const char *to = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
		int now = sqlite3_column_int(st, 2);

		sqlite3_reset(st);
		if (!top_orgs(req, db, from, to, now ? "Most sessions in the last 12 months" :
		    req_printf(req, "Most sessions in the 12 months to %s", to)))
			render_empty(b, "No sessions recorded yet.");
	} else if (st)
		sqlite3_reset(st);
	html_lit(b, "</section></div>");
	layout_end(req);
	return 200;
}
