/* page_person.c: /people and /people/{slug} — a person's speaking history, roles and seats. */
#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char list_json_sql[] =
	"SELECT json_object('page', ?1, 'page_size', ?2, 'total', (SELECT count(*) FROM people),"
	" 'items', (SELECT json_group_array(json_object('name', name, 'slug', slug, 'github', github,"
	" 'sessions', n, 'url', '/people/' || slug)) FROM (SELECT p.name, p.slug, p.github,"
	" (SELECT count(*) FROM appearances a WHERE a.person_id = p.id) AS n FROM people p"
	" ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2 OFFSET ?3)))";

static const char list_sql[] =
	"SELECT p.name, p.slug, (SELECT count(*) FROM appearances a WHERE a.person_id = p.id),"
	" (SELECT o.name FROM affiliations f JOIN organizations o ON o.id = f.org_id"
	"  WHERE f.person_id = p.id AND (f.until IS NULL OR f.until >= date('now'))"
	"  ORDER BY f.since DESC LIMIT 1)"
	" FROM people p ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?1 OFFSET ?2";

int
page_people(struct request *req)
{
	static const struct crumb crumbs[] = { { "People", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int rows = 0;

	if (db == NULL)
		return 503;
	if (req->want_json)
		return render_list_json(req, db, list_json_sql);
	if ((st = list_stmt(req, db, list_sql)) == NULL)
		return 503;
	layout_begin(req, "People", crumbs);
	html_lit(b, "<h1>People</h1>");
	staff_new_button(req, "/people/new", "New person");
	html_lit(b, "<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Organization now</th>"
	    "<th scope=\"col\">Sessions</th></tr></thead><tbody>");
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE) {
		html_lit(b, "<tr><td><a href=\"/people/");
		html_attr(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "\">");
		html_text(b, (const char *)sqlite3_column_text(st, 0));
		html_lit(b, "</a></td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 3));
		buf_appendf(b, "</td><td>%d</td></tr>", sqlite3_column_int(st, 2));
	}
	sqlite3_reset(st);
	html_lit(b, "</tbody></table>");
	if (rows == 0)
		render_empty(b, page_number(req) > 1 ? "No people on this page." : "No people yet.");
	render_pager(req, page_number(req), rows > PAGE_SIZE, NULL);
	layout_end(req);
	return 200;
}

static const char person_sql[] =
	"SELECT id, name, slug, email, github, bio, links, notes FROM people WHERE slug = ?1";

static const char person_json_sql[] =
	"SELECT json_object('name', p.name, 'slug', p.slug, 'github', p.github, 'bio', p.bio,"
	" 'links', json(p.links), 'email', CASE WHEN ?2 THEN p.email END, 'notes', CASE WHEN ?2 THEN p.notes END,"
	" 'affiliations', (SELECT json_group_array(json_object('organization', o.name, 'org', o.slug,"
	"  'title', f.title, 'since', f.since, 'until', f.until)) FROM (SELECT * FROM affiliations"
	"  WHERE person_id = p.id ORDER BY since DESC) f JOIN organizations o ON o.id = f.org_id),"
	" 'sessions', (SELECT json_group_array(json_object('id', s.id, 'title', s.title, 'kind', s.kind,"
	"  'status', s.status, 'role', a.role, 'date', coalesce(substr(s.starts_at, 1, 10), e.starts_on),"
	"  'event', e.slug, 'event_name', e.name, 'organization', o.name, 'org', o.slug,"
	"  'co_speakers', (SELECT json_group_array(q.slug) FROM appearances b JOIN people q ON q.id = b.person_id"
	"   WHERE b.session_id = s.id AND b.person_id <> p.id)))"
	"  FROM (SELECT * FROM appearances WHERE person_id = p.id) a JOIN sessions s ON s.id = a.session_id"
	"  JOIN events e ON e.id = s.event_id LEFT JOIN organizations o ON o.id = a.org_id"
	"  ORDER BY coalesce(s.starts_utc, e.starts_on) DESC, s.id DESC),"
	" 'roles', (SELECT json_group_array(json_object('body', b.slug, 'body_name', b.name, 'role', r.role,"
	"  'seat_type', r.seat_type, 'organization', o.slug, 'starts_on', r.starts_on, 'ends_on', r.ends_on))"
	"  FROM (SELECT * FROM roles WHERE person_id = p.id ORDER BY starts_on DESC) r"
	"  JOIN bodies b ON b.id = r.body_id LEFT JOIN organizations o ON o.id = r.org_id))"
	" FROM people p WHERE p.slug = ?1";

static const char history_sql[] =
	"SELECT " SESSION_COLS ", a.role, o.name, o.slug FROM appearances a"
	" JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.person_id = ?1"
	" ORDER BY coalesce(s.starts_utc, e.starts_on) DESC, s.id DESC";

/* Every session, newest first, with the organization represented then. Also used by /me. */
void
person_history(struct request *req, sqlite3 *db, long long person)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, history_sql);
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, person);
	html_lit(b, "<h2>Speaking history</h2><ul class=\"results\">");
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		render_session_row(req, st, 0);
		/* The row's own <li> is closed; add the credit as a trailing line. */
		buf_truncate(b, b->len - 5);
		html_lit(b, "<br><span class=\"muted\">");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 8)));
		if (sqlite3_column_type(st, 9) != SQLITE_NULL) {
			html_lit(b, " for </span><a href=\"/orgs/");
			html_attr(b, (const char *)sqlite3_column_text(st, 10));
			html_lit(b, "\">");
			html_text(b, (const char *)sqlite3_column_text(st, 9));
			html_lit(b, "</a></li>");
		} else
			html_lit(b, "</span></li>");
	}
	sqlite3_reset(st);
	html_lit(b, "</ul>");
	if (n == 0)
		render_empty(b, "No sessions recorded yet.");
}

static const char roles_sql[] =
	"SELECT b.name, b.slug, r.role, r.seat_type, r.starts_on, r.ends_on, o.name, r.id"
	" FROM roles r JOIN bodies b ON b.id = r.body_id LEFT JOIN organizations o ON o.id = r.org_id"
	" WHERE r.person_id = ?1 ORDER BY r.starts_on DESC, r.id DESC";

/* Roles and seats with their terms. Also used by /me. */
void
person_roles(struct request *req, sqlite3 *db, long long person)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, roles_sql);
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, person);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0)
			html_lit(b, "<h2>Roles and seats</h2><ul>");
		html_lit(b, "<li>");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 2)));
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			html_lit(b, " (");
			html_text(b, seat_label((const char *)sqlite3_column_text(st, 3)));
			html_lit(b, ")");
		}
		html_lit(b, ", ");
		html_link(b, req_printf(req, "/bodies/%s", sqlite3_column_text(st, 1)),
		    (const char *)sqlite3_column_text(st, 0));
		html_lit(b, " <span class=\"muted\">");
		render_term(b, st, 4);
		if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
			html_lit(b, ", for ");
			html_text(b, (const char *)sqlite3_column_text(st, 6));
		}
		html_lit(b, "</span>");
		staff_edit_link(req, req_printf(req, "/roles/%lld/edit", sqlite3_column_int64(st, 7)));
		html_lit(b, "</li>");
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</ul>");
}

static const char affiliations_sql[] =
	"SELECT o.name, o.slug, f.title, f.since, f.until, f.id FROM affiliations f"
	" JOIN organizations o ON o.id = f.org_id WHERE f.person_id = ?1 ORDER BY f.since DESC, f.id DESC";

static void
affiliations(struct request *req, sqlite3 *db, long long person)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, affiliations_sql);
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, person);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0)
			html_lit(b, "<h2>Affiliations</h2><ul>");
		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/orgs/%s", sqlite3_column_text(st, 1)),
		    (const char *)sqlite3_column_text(st, 0));
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			html_lit(b, ", ");
			html_text(b, (const char *)sqlite3_column_text(st, 2));
		}
		html_lit(b, " <span class=\"muted\">");
		render_term(b, st, 3);
		html_lit(b, "</span>");
		staff_edit_link(req, req_printf(req, "/affiliations/%lld/edit", sqlite3_column_int64(st, 5)));
		html_lit(b, "</li>");
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</ul>");
}

int
page_person(struct request *req)
{
	struct buf *b = &req->out;
	const char *slug = req_arg(req, "slug"), *name;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	struct crumb crumbs[] = { { "People", "/people" }, { NULL, NULL }, { NULL, NULL } };
	const char *query[] = { "person", slug, NULL };
	long long id;

	if (db == NULL)
		return 503;
	if (req->want_json) {
		if ((st = db_stmt(db, person_json_sql)) == NULL)
			return 503;
		db_bind_text(st, 1, slug);
		sqlite3_bind_int(st, 2, auth_is_staff(req));
		return render_json(req, st);
	}
	if ((st = render_row(db, person_sql, slug)) == NULL)
		return 404;
	id = sqlite3_column_int64(st, 0);
	name = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	crumbs[1].label = name;
	render_page_head(req, name, crumbs);
	if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
		html_lit(b, "<p>");
		html_text(b, (const char *)sqlite3_column_text(st, 5));
		html_lit(b, "</p>");
	}
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		const char *gh = (const char *)sqlite3_column_text(st, 4);

		html_lit(b, "<p>GitHub: ");
		html_link(b, req_printf(req, "https://github.com/%s", gh), gh);
		html_lit(b, "</p>");
	}
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"private\"><strong>Email (staff only):</strong> ");
		html_text(b, (const char *)sqlite3_column_text(st, 3));
		if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
			html_lit(b, "<br><strong>Notes:</strong> ");
			html_text(b, (const char *)sqlite3_column_text(st, 7));
		}
		html_lit(b, "</p>");
	}
	sqlite3_reset(st);
	staff_actions(req, req_printf(req, "/people/%s", slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/affiliations/new?person=");
		url_component(b, slug);
		html_lit(b, "\">Add affiliation</a> <a class=\"button secondary\" href=\"/roles/new?person=");
		url_component(b, slug);
		html_lit(b, "\">Add role or seat</a> <a class=\"button secondary\" href=\"/people/");
		url_component(b, slug);
		html_lit(b, "/merge\">Merge a duplicate</a></p>");
	}
	html_lit(b, "<p class=\"actions\">");
	page_export_link(b, query, "Export speaking history (CSV)");
	html_lit(b, " <a href=\"/people/");
	html_attr(b, slug);
	html_lit(b, "/talks.ics\">Calendar (iCal)</a></p>");
	affiliations(req, db, id);
	person_history(req, db, id);
	person_roles(req, db, id);
	layout_end(req);
	return 200;
}
