/* page_session.c: /sessions/{id} — one session, its speakers and whom each represented. */
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char session_sql[] =
	"SELECT s.title, s.subtitle, s.kind, s.status, s.track, s.room, s.starts_at, s.duration_min,"
	" s.abstract, s.url, s.video_url, e.name, e.slug, e.time_zone"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ?1";

static const char session_json_sql[] =
	"SELECT json_object('id', s.id, 'title', s.title, 'subtitle', s.subtitle, 'kind', s.kind,"
	" 'status', s.status, 'track', s.track, 'room', s.room, 'starts_at', s.starts_at,"
	" 'duration_min', s.duration_min, 'abstract', s.abstract, 'url', s.url, 'video_url', s.video_url,"
	" 'event', json_object('name', e.name, 'slug', e.slug),"
	" 'speakers', (SELECT json_group_array(json_object('name', p.name, 'slug', p.slug, 'role', a.role,"
	"  'organization', o.name, 'org', o.slug)) FROM (SELECT * FROM appearances WHERE session_id = s.id"
	"  ORDER BY position, id) a JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id))"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ?1";

static const char speakers_sql[] =
	"SELECT p.name, p.slug, a.role, o.name, o.slug FROM appearances a JOIN people p ON p.id = a.person_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.session_id = ?1 ORDER BY a.position, a.id";

static void
speakers(struct request *req, sqlite3 *db, long long id)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, speakers_sql);
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, id);
	html_lit(b, "<h2>Speakers</h2><ul>");
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/people/%s", sqlite3_column_text(st, 1)),
		    (const char *)sqlite3_column_text(st, 0));
		html_lit(b, " <span class=\"muted\">");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 2)));
		html_lit(b, "</span>");
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			html_lit(b, ", for ");
			html_link(b, req_printf(req, "/orgs/%s", sqlite3_column_text(st, 4)),
			    (const char *)sqlite3_column_text(st, 3));
		}
		html_lit(b, "</li>");
	}
	sqlite3_reset(st);
	html_lit(b, "</ul>");
	if (n == 0)
		render_empty(b, "No speakers recorded.");
}

int
page_session(struct request *req)
{
	struct buf *b = &req->out;
	long long id = req_arg_int(req, "id", 0);
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	struct crumb crumbs[] = { { "Events", "/events" }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } };
	const char *title;

	if (db == NULL)
		return 503;
	if (req->want_json) {
		if ((st = db_stmt(db, session_json_sql)) == NULL)
			return 503;
		sqlite3_bind_int64(st, 1, id);
		return render_json(req, st);
	}
	if ((st = db_stmt(db, session_sql)) == NULL)
		return 503;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return 404;
	}
	title = req_strdup(req, (const char *)sqlite3_column_text(st, 0));
	crumbs[1].label = req_strdup(req, (const char *)sqlite3_column_text(st, 11));
	crumbs[1].href = req_printf(req, "/events/%s", sqlite3_column_text(st, 12));
	crumbs[2].label = title;
	layout_begin(req, title, crumbs);
	html_lit(b, "<h1>");
	html_text(b, title);
	html_lit(b, "</h1>");
	if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
		html_lit(b, "<p class=\"subtitle\">");
		html_text(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "</p>");
	}
	html_lit(b, "<p>");
	render_kind(b, (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
	html_lit(b, " ");
	html_link(b, crumbs[1].href, crumbs[1].label);
	html_lit(b, "<br><span class=\"muted\">");
	if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
		html_text(b, (const char *)sqlite3_column_text(st, 6));
		html_lit(b, " (");
		html_text(b, (const char *)sqlite3_column_text(st, 13));
		html_lit(b, ")");
	}
	if (sqlite3_column_type(st, 7) != SQLITE_NULL)
		buf_appendf(b, " \xc2\xb7 %d min", sqlite3_column_int(st, 7));
	if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 ");
		html_text(b, (const char *)sqlite3_column_text(st, 5));
	}
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 track ");
		html_text(b, (const char *)sqlite3_column_text(st, 4));
	}
	html_lit(b, "</span></p>");
	if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
		/* Abstracts may be Markdown or escaped HTML from an import: shown as text, always. */
		html_lit(b, "<h2>Abstract</h2><p class=\"abstract\">");
		html_text(b, (const char *)sqlite3_column_text(st, 8));
		html_lit(b, "</p>");
	}
	if (sqlite3_column_type(st, 9) != SQLITE_NULL || sqlite3_column_type(st, 10) != SQLITE_NULL) {
		html_lit(b, "<p class=\"actions\">");
		if (sqlite3_column_type(st, 9) != SQLITE_NULL)
			html_link(b, (const char *)sqlite3_column_text(st, 9), "Session page");
		if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
			html_lit(b, " ");
			html_link(b, (const char *)sqlite3_column_text(st, 10), "Video");
		}
		html_lit(b, "</p>");
	}
	sqlite3_reset(st);
	staff_actions(req, req_printf(req, "/sessions/%lld", id));
	speakers(req, db, id);
	layout_end(req);
	return 200;
}
