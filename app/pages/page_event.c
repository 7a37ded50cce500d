/* page_event.c: /events and /events/{slug} — the schedule by day and room, co-located events nested. */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char list_json_sql[] =
	"SELECT json_object('page', ?1, 'page_size', ?2,"
	" 'total', (SELECT count(*) FROM events WHERE parent_id IS NULL),"
	" 'items', (SELECT json_group_array(json_object('name', e.name, 'slug', e.slug, 'series', e.series,"
	" 'city', e.city, 'country', e.country, 'starts_on', e.starts_on, 'ends_on', e.ends_on,"
	" 'sessions', (SELECT count(*) FROM sessions s WHERE s.event_id = e.id),"
	" 'colocated', (SELECT json_group_array(c.slug) FROM events c WHERE c.parent_id = e.id),"
	" 'url', '/events/' || e.slug)) FROM (SELECT * FROM events WHERE parent_id IS NULL"
	" ORDER BY starts_on DESC, id DESC LIMIT ?2 OFFSET ?3) e))";

static const char list_sql[] =
	"SELECT e.id, e.name, e.slug, e.city, e.country, e.starts_on, e.ends_on,"
	" (SELECT count(*) FROM sessions s WHERE s.event_id = e.id), e.parent_id"
	" FROM events e WHERE e.parent_id IS NULL OR e.parent_id IN (SELECT id FROM"
	" (SELECT id FROM events WHERE parent_id IS NULL ORDER BY starts_on DESC, id DESC LIMIT ?1 OFFSET ?2))"
	" ORDER BY coalesce((SELECT p.starts_on FROM events p WHERE p.id = e.parent_id), e.starts_on) DESC,"
	" coalesce(e.parent_id, e.id) DESC, e.parent_id IS NOT NULL, e.starts_on, e.id";

static void
event_line(struct buf *b, sqlite3_stmt *st)
{
	html_lit(b, "<a href=\"/events/");
	html_attr(b, (const char *)sqlite3_column_text(st, 2));
	html_lit(b, "\">");
	html_text(b, (const char *)sqlite3_column_text(st, 1));
	html_lit(b, "</a> <span class=\"muted\">");
	html_text(b, (const char *)sqlite3_column_text(st, 5));
	if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 ");
		html_text(b, (const char *)sqlite3_column_text(st, 3));
	}
	buf_appendf(b, " \xc2\xb7 %d sessions</span>", sqlite3_column_int(st, 7));
}

int
page_events(struct request *req)
{
	static const struct crumb crumbs[] = { { "Events", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int tops = 0, open = 0;

	if (db == NULL)
		return 503;
	if (req->want_json)
		return render_list_json(req, db, list_json_sql);
	if ((st = list_stmt(req, db, list_sql)) == NULL)
		return 503;
	layout_begin(req, "Events", crumbs);
	html_lit(b, "<h1>Events</h1>");
	staff_new_button(req, "/events/new", "New event");
	html_lit(b, "<ul class=\"events\">");
	while (sqlite3_step(st) == SQLITE_ROW) {
		int colocated = sqlite3_column_type(st, 8) != SQLITE_NULL;

		if (!colocated) {
			if (++tops > PAGE_SIZE)
				break;
			if (open)
				html_lit(b, "</li>");
			html_lit(b, "<li>");
			event_line(b, st);
			open = 1;
			continue;
		}
		if (tops > PAGE_SIZE)
			break;
		html_lit(b, "<ul class=\"colocated\"><li>Co-located: ");
		event_line(b, st);
		html_lit(b, "</li></ul>");
	}
	sqlite3_reset(st);
	if (open)
		html_lit(b, "</li>");
	html_lit(b, "</ul>");
	if (tops == 0)
		render_empty(b, page_number(req) > 1 ? "No events on this page." : "No events yet.");
	render_pager(req, page_number(req), tops > PAGE_SIZE, NULL);
	layout_end(req);
	return 200;
}

static const char event_sql[] =
	"SELECT e.id, e.name, e.slug, e.series, e.city, e.country, e.starts_on, e.ends_on, e.time_zone,"
	" e.url, p.name, p.slug FROM events e LEFT JOIN events p ON p.id = e.parent_id WHERE e.slug = ?1";

static const char event_json_sql[] =
	"SELECT json_object('name', e.name, 'slug', e.slug, 'series', e.series, 'city', e.city,"
	" 'country', e.country, 'starts_on', e.starts_on, 'ends_on', e.ends_on, 'time_zone', e.time_zone,"
	" 'url', e.url, 'parent', (SELECT slug FROM events WHERE id = e.parent_id),"
	" 'colocated', (SELECT json_group_array(json_object('name', name, 'slug', slug)) FROM events"
	"  WHERE parent_id = e.id),"
	" 'sessions', (SELECT json_group_array(json_object('id', s.id, 'title', s.title, 'kind', s.kind,"
	"  'status', s.status, 'track', s.track, 'room', s.room, 'starts_at', s.starts_at,"
	"  'duration_min', s.duration_min, 'speakers', (SELECT json_group_array(json_object('name', p.name,"
	"  'slug', p.slug, 'organization', o.name)) FROM (SELECT * FROM appearances WHERE session_id = s.id"
	"  ORDER BY position) a JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id)))"
	"  FROM (SELECT * FROM sessions WHERE event_id = e.id AND (?2 IS NULL OR kind = ?2)"
	"  AND (?3 IS NULL OR track = ?3) ORDER BY starts_utc, room, id) s))"
	" FROM events e WHERE e.slug = ?1";

static const char schedule_sql[] =
	"SELECT " SESSION_COLS ", substr(s.starts_at, 12, 5), s.room, s.track, s.duration_min"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.event_id = ?1"
	" AND (?2 IS NULL OR s.kind = ?2) AND (?3 IS NULL OR s.track = ?3)"
	" ORDER BY coalesce(substr(s.starts_at, 1, 10), e.starts_on), s.room, s.starts_utc, s.id";

/* The schedule, one table per day, sessions in room order; the day is local to the event. */
static void
schedule(struct request *req, sqlite3 *db, long long event)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, schedule_sql);
	char day[16] = "";
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, event);
	db_bind_text(st, 2, req_arg(req, "kind"));
	db_bind_text(st, 3, req_arg(req, "track"));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 4);

		if (n++ == 0 || strcmp(day, d) != 0) {
			if (n > 1)
				html_lit(b, "</tbody></table>");
			snprintf(day, sizeof(day), "%s", d);
			html_lit(b, "<h3>");
			html_text(b, day);
			html_lit(b, "</h3><table><thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Room"
			    "</th><th scope=\"col\">Session</th><th scope=\"col\">Speakers</th></tr></thead><tbody>");
		}
		html_lit(b, "<tr><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 8));
		html_lit(b, "</td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 9));
		html_lit(b, "</td><td>");
		html_link(b, req_printf(req, "/sessions/%lld", sqlite3_column_int64(st, 0)),
		    (const char *)sqlite3_column_text(st, 1));
		html_lit(b, " ");
		render_kind(b, (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
		if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
			html_lit(b, " <span class=\"muted\">");
			html_text(b, (const char *)sqlite3_column_text(st, 10));
			html_lit(b, "</span>");
		}
		html_lit(b, "</td><td>");
		render_speakers(b, (const char *)sqlite3_column_text(st, 7), 1);
		html_lit(b, "</td></tr>");
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</tbody></table>");
	else
		render_empty(b, req_arg(req, "kind") || req_arg(req, "track") ?
		    "No sessions match these filters." : "No sessions recorded for this event yet.");
}

static const char tracks_sql[] =
	"SELECT DISTINCT track FROM sessions WHERE event_id = ?1 AND track IS NOT NULL ORDER BY track";

/* Filter form: kind and track, plain GET so it works without script. */
static void
filters(struct request *req, sqlite3 *db, long long event)
{
	static const char *const kinds[] = { "keynote", "talk", "lightning", "panel", "tutorial",
	    "maintainer", "other", NULL };
	struct buf *b = &req->out;
	const char *kind = req_arg(req, "kind"), *track = req_arg(req, "track");
	sqlite3_stmt *st = db_stmt(db, tracks_sql);

	html_lit(b, "<form class=\"filters\" method=\"get\"><label>Kind <select name=\"kind\">"
	    "<option value=\"\">All kinds</option>");
	for (const char *const *k = kinds; *k; k++) {
		html_lit(b, "<option value=\"");
		html_attr(b, *k);
		html_lit(b, "\"");
		if (kind && strcmp(kind, *k) == 0)
			html_lit(b, " selected");
		html_lit(b, ">");
		html_text(b, label_of(*k));
		html_lit(b, "</option>");
	}
	html_lit(b, "</select></label><label>Track <select name=\"track\"><option value=\"\">All tracks</option>");
	if (st) {
		sqlite3_bind_int64(st, 1, event);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);

			html_lit(b, "<option value=\"");
			html_attr(b, t);
			html_lit(b, "\"");
			if (track && strcmp(track, t) == 0)
				html_lit(b, " selected");
			html_lit(b, ">");
			html_text(b, t);
			html_lit(b, "</option>");
		}
		sqlite3_reset(st);
	}
	html_lit(b, "</select></label><button type=\"submit\">Filter</button></form>");
}

static const char colocated_sql[] =
	"SELECT name, slug, starts_on FROM events WHERE parent_id = ?1 ORDER BY starts_on, id";

int
page_event(struct request *req)
{
	struct buf *b = &req->out;
	const char *slug = req_arg(req, "slug"), *name;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	struct crumb crumbs[] = { { "Events", "/events" }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } };
	const char *query[] = { "event", slug, "kind", req_arg(req, "kind"), NULL };
	const char *with_colocated[] = { "event", slug, "colocated", "1", "kind", req_arg(req, "kind"), NULL };
	long long id;
	int n = 0;

	if (db == NULL)
		return 503;
	if (req->want_json) {
		if ((st = db_stmt(db, event_json_sql)) == NULL)
			return 503;
		db_bind_text(st, 1, slug);
		db_bind_text(st, 2, req_arg(req, "kind"));
		db_bind_text(st, 3, req_arg(req, "track"));
		return render_json(req, st);
	}
	if ((st = render_row(db, event_sql, slug)) == NULL)
		return 404;
	id = sqlite3_column_int64(st, 0);
	name = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
		crumbs[1].label = req_strdup(req, (const char *)sqlite3_column_text(st, 10));
		crumbs[1].href = req_printf(req, "/events/%s", sqlite3_column_text(st, 11));
		crumbs[2].label = name;
	} else
		crumbs[1].label = name;
	render_page_head(req, name, crumbs);
	html_lit(b, "<p class=\"muted\">");
	html_text(b, (const char *)sqlite3_column_text(st, 6));
	html_lit(b, " \xe2\x80\x93 ");
	html_text(b, (const char *)sqlite3_column_text(st, 7));
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 ");
		html_text(b, (const char *)sqlite3_column_text(st, 4));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			html_lit(b, ", ");
			html_text(b, (const char *)sqlite3_column_text(st, 5));
		}
	}
	html_lit(b, " \xc2\xb7 times in ");
	html_text(b, (const char *)sqlite3_column_text(st, 8));
	if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 co-located with ");
		html_link(b, crumbs[1].href, crumbs[1].label);
	}
	html_lit(b, "</p>");
	sqlite3_reset(st);
	staff_actions(req, req_printf(req, "/events/%s", slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button\" href=\"/sessions/new?event=");
		url_component(b, slug);
		html_lit(b, "\">New session</a></p>");
	}
	if ((st = db_stmt(db, colocated_sql)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n++ == 0)
				html_lit(b, "<h2>Co-located events</h2><ul>");
			html_lit(b, "<li>");
			html_link(b, req_printf(req, "/events/%s", sqlite3_column_text(st, 1)),
			    (const char *)sqlite3_column_text(st, 0));
			html_lit(b, " <span class=\"muted\">");
			html_text(b, (const char *)sqlite3_column_text(st, 2));
			html_lit(b, "</span></li>");
		}
		sqlite3_reset(st);
		if (n)
			html_lit(b, "</ul>");
	}
	html_lit(b, "<p class=\"actions\">");
	page_export_link(b, query, "Export speakers (CSV)");
	if (n) {
		html_lit(b, " ");
		page_export_link(b, with_colocated, "Export with co-located events");
	}
	html_lit(b, " <a href=\"/events/");
	html_attr(b, slug);
	html_lit(b, "/schedule.xml\">schedule.xml</a> <a href=\"/events/");
	html_attr(b, slug);
	html_lit(b, "/schedule.ics\">Calendar (iCal)</a></p>");
	html_lit(b, "<h2>Schedule</h2>");
	filters(req, db, id);
	schedule(req, db, id);
	layout_end(req);
	return 200;
}
