/* page_body.c: /bodies and /bodies/{slug} — who held which role or seat, and when. */
#include <string.h>

#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char list_json_sql[] =
	"SELECT json_object('items', (SELECT json_group_array(json_object('name', b.name, 'slug', b.slug,"
	" 'kind', b.kind, 'parent', (SELECT slug FROM bodies WHERE id = b.parent_id),"
	" 'roles', (SELECT count(*) FROM roles r WHERE r.body_id = b.id), 'url', '/bodies/' || b.slug))"
	" FROM (SELECT * FROM bodies ORDER BY CASE kind WHEN 'toc' THEN 0 WHEN 'board' THEN 1 ELSE 2 END,"
	" name COLLATE NOCASE, id) b))";

static const char list_sql[] =
	"SELECT b.name, b.slug, b.kind, (SELECT count(*) FROM roles r WHERE r.body_id = b.id"
	" AND (r.ends_on IS NULL OR r.ends_on >= date('now'))), p.name"
	" FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id"
	" ORDER BY CASE b.kind WHEN 'toc' THEN 0 WHEN 'board' THEN 1 ELSE 2 END, b.name COLLATE NOCASE, b.id";

int
page_bodies(struct request *req)
{
	static const struct crumb crumbs[] = { { "Bodies", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int n = 0;

	if (db == NULL)
		return 503;
	if (req->want_json)
		return render_json(req, db_stmt(db, list_json_sql));
	if ((st = db_stmt(db, list_sql)) == NULL)
		return 503;
	layout_begin(req, "Bodies", crumbs);
	html_lit(b, "<h1>Bodies</h1><p>The TOC, the Governing Board, TAGs, SIGs and working groups.</p>");
	staff_new_button(req, "/bodies/new", "New body");
	html_lit(b, "<table><thead><tr><th scope=\"col\">Body</th><th scope=\"col\">Kind</th>"
	    "<th scope=\"col\">Part of</th><th scope=\"col\">Current roles</th></tr></thead><tbody>");
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		html_lit(b, "<tr><td><a href=\"/bodies/");
		html_attr(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "\">");
		html_text(b, (const char *)sqlite3_column_text(st, 0));
		html_lit(b, "</a></td><td>");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 2)));
		html_lit(b, "</td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 4));
		buf_appendf(b, "</td><td>%d</td></tr>", sqlite3_column_int(st, 3));
	}
	sqlite3_reset(st);
	html_lit(b, "</tbody></table>");
	if (n == 0)
		render_empty(b, "No bodies yet.");
	layout_end(req);
	return 200;
}

static const char body_sql[] =
	"SELECT b.id, b.name, b.slug, b.kind, b.url, b.description, p.name, p.slug"
	" FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id WHERE b.slug = ?1";

static const char body_json_sql[] =
	"SELECT json_object('name', b.name, 'slug', b.slug, 'kind', b.kind, 'url', b.url,"
	" 'description', b.description, 'parent', (SELECT slug FROM bodies WHERE id = b.parent_id),"
	" 'roles', (SELECT json_group_array(json_object('person', p.name, 'slug', p.slug, 'role', r.role,"
	"  'seat_type', r.seat_type, 'organization', o.name, 'org', o.slug, 'starts_on', r.starts_on,"
	"  'ends_on', r.ends_on, 'current', json(CASE WHEN r.ends_on IS NULL OR r.ends_on >= date('now')"
	"  THEN 'true' ELSE 'false' END))) FROM (SELECT * FROM roles WHERE body_id = b.id"
	"  ORDER BY starts_on DESC, id DESC) r JOIN people p ON p.id = r.person_id"
	"  LEFT JOIN organizations o ON o.id = r.org_id))"
	" FROM bodies b WHERE b.slug = ?1";

static const char roles_sql[] =
	"SELECT p.name, p.slug, r.role, r.seat_type, r.starts_on, r.ends_on, o.name, o.slug,"
	" r.ends_on IS NULL OR r.ends_on >= date('now'), r.id"
	" FROM roles r JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = r.org_id"
	" WHERE r.body_id = ?1 ORDER BY (r.ends_on IS NULL OR r.ends_on >= date('now')) DESC,"
	" r.starts_on DESC, r.id DESC";

/* Current terms first, then past ones: a TOC page reads as its seats over time. */
static void
terms(struct request *req, sqlite3 *db, long long body)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, roles_sql);
	int n = 0, past = -1;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, body);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int current = sqlite3_column_int(st, 8);

		if (n++ == 0 || past != !current) {
			if (n > 1)
				html_lit(b, "</tbody></table>");
			if (current)
				html_lit(b, "<h2>Current</h2>");
			else
				html_lit(b, "<h2>Past terms</h2>");
			html_lit(b, "<table><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Role</th>"
			    "<th scope=\"col\">For</th><th scope=\"col\">Term</th></tr></thead><tbody>");
			past = !current;
		}
		html_lit(b, "<tr><td>");
		html_link(b, req_printf(req, "/people/%s", sqlite3_column_text(st, 1)),
		    (const char *)sqlite3_column_text(st, 0));
		html_lit(b, "</td><td>");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 2)));
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			html_lit(b, " (");
			html_text(b, seat_label((const char *)sqlite3_column_text(st, 3)));
			html_lit(b, ")");
		}
		html_lit(b, "</td><td>");
		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			html_link(b, req_printf(req, "/orgs/%s", sqlite3_column_text(st, 7)),
			    (const char *)sqlite3_column_text(st, 6));
		html_lit(b, "</td><td>");
		render_term(b, st, 4);
		staff_edit_link(req, req_printf(req, "/roles/%lld/edit", sqlite3_column_int64(st, 9)));
		html_lit(b, "</td></tr>");
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</tbody></table>");
	else
		render_empty(b, "No roles recorded for this body yet.");
}

int
page_body(struct request *req)
{
	struct buf *b = &req->out;
	const char *slug = req_arg(req, "slug"), *name;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	struct crumb crumbs[] = { { "Bodies", "/bodies" }, { NULL, NULL }, { NULL, NULL } };
	const char *query[] = { "body", slug, NULL };
	long long id;

	if (db == NULL)
		return 503;
	if (req->want_json) {
		if ((st = db_stmt(db, body_json_sql)) == NULL)
			return 503;
		db_bind_text(st, 1, slug);
		return render_json(req, st);
	}
	if ((st = render_row(db, body_sql, slug)) == NULL)
		return 404;
	id = sqlite3_column_int64(st, 0);
	name = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	crumbs[1].label = name;
	render_page_head(req, name, crumbs);
	html_lit(b, "<p class=\"muted\">");
	html_text(b, label_of((const char *)sqlite3_column_text(st, 3)));
	if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 part of ");
		html_link(b, req_printf(req, "/bodies/%s", sqlite3_column_text(st, 7)),
		    (const char *)sqlite3_column_text(st, 6));
	}
	html_lit(b, "</p>");
	if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
		html_lit(b, "<p>");
		html_text(b, (const char *)sqlite3_column_text(st, 5));
		html_lit(b, "</p>");
	}
	sqlite3_reset(st);
	staff_actions(req, req_printf(req, "/bodies/%s", slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/roles/new?body=");
		url_component(b, slug);
		html_lit(b, "\">Add role or seat</a></p>");
	}
	html_lit(b, "<p class=\"actions\">");
	page_export_link(b, query, "Export everyone who held a role (CSV)");
	html_lit(b, "</p>");
	terms(req, db, id);
	layout_end(req);
	return 200;
}
