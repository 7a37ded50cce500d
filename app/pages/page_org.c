/* page_org.c: /orgs and /orgs/{slug} — an organization's numbers, talks per year, milestones, sessions, people. */
#include <string.h>

#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char list_json_sql[] =
	"SELECT json_object('page', ?1, 'page_size', ?2, 'total', (SELECT count(*) FROM organizations),"
	" 'items', (SELECT json_group_array(json_object('name', name, 'slug', slug, 'kind', kind,"
	" 'eu_member', json(CASE eu_member WHEN 1 THEN 'true' ELSE 'false' END),"
	" 'keynotes', keynotes, 'talks', talks, 'url', '/orgs/' || slug)) FROM (SELECT o.*, f.keynotes,"
	" f.talks FROM organizations o JOIN org_figures f ON f.org_id = o.id"
	" ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?2 OFFSET ?3)))";

static const char list_sql[] =
	"SELECT o.name, o.slug, o.kind, o.eu_member, f.keynotes, f.talks, f.speakers"
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id"
	" ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?1 OFFSET ?2";

int
page_orgs(struct request *req)
{
	static const struct crumb crumbs[] = { { "Organizations", NULL }, { NULL, NULL } };
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
	layout_begin(req, "Organizations", crumbs);
	html_lit(b, "<h1>Organizations</h1>");
	staff_new_button(req, "/orgs/new", "New organization");
	html_lit(b, "<table><thead><tr><th scope=\"col\">Organization</th><th scope=\"col\">Kind</th>"
	    "<th scope=\"col\">Keynotes</th><th scope=\"col\">Talks</th><th scope=\"col\">Speakers</th>"
	    "</tr></thead><tbody>");
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE) {
		html_lit(b, "<tr><td><a href=\"/orgs/");
		html_attr(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "\">");
		html_text(b, (const char *)sqlite3_column_text(st, 0));
		html_lit(b, "</a>");
		if (sqlite3_column_int(st, 3))
			html_lit(b, " <span class=\"tag\">End User Community</span>");
		html_lit(b, "</td><td>");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 2)));
		buf_appendf(b, "</td><td>%d</td><td>%d</td><td>%d</td></tr>",
		    sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), sqlite3_column_int(st, 6));
	}
	sqlite3_reset(st);
	html_lit(b, "</tbody></table>");
	if (rows == 0)
		render_empty(b, page_number(req) > 1 ? "No organizations on this page." :
		    "No organizations yet.");
	render_pager(req, page_number(req), rows > PAGE_SIZE, NULL);
	layout_end(req);
	return 200;
}

static const char org_sql[] =
	"SELECT o.id, o.name, o.slug, o.kind, o.website, o.eu_member, o.member_since, o.tier, o.notes,"
	" f.keynotes, f.talks, f.speakers, f.colocated_talks, f.group_roles, f.toc_seats,"
	" f.toc_seats_current, f.projects"
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id WHERE o.slug = ?1";

static const char org_json_sql[] =
	"SELECT json_object('name', o.name, 'slug', o.slug, 'kind', o.kind, 'website', o.website,"
	" 'eu_member', json(CASE o.eu_member WHEN 1 THEN 'true' ELSE 'false' END),"
	" 'member_since', o.member_since, 'tier', o.tier,"
	" 'notes', CASE WHEN ?2 THEN o.notes END,"
	" 'figures', json_object('keynotes', f.keynotes, 'talks', f.talks, 'speakers', f.speakers,"
	"  'colocated_talks', f.colocated_talks, 'group_roles', f.group_roles, 'toc_seats', f.toc_seats,"
	"  'toc_seats_current', f.toc_seats_current, 'projects', f.projects),"
	" 'talks_per_year', (SELECT json_group_array(json_object('year', year, 'sessions', n)) FROM"
	"  (SELECT year, count(*) AS n FROM session_credits WHERE org_id = o.id GROUP BY year ORDER BY year)),"
	" 'sessions', (SELECT json_group_array(json_object('id', s.id, 'title', s.title, 'kind', s.kind,"
	"  'date', coalesce(substr(s.starts_at, 1, 10), e.starts_on), 'event', e.slug, 'url', '/sessions/' || s.id))"
	"  FROM (SELECT session_id, starts FROM session_credits WHERE org_id = o.id ORDER BY starts DESC,"
	"  session_id DESC LIMIT ?3 OFFSET ?4) c JOIN sessions s ON s.id = c.session_id"
	"  JOIN events e ON e.id = s.event_id),"
	" 'people', (SELECT json_group_array(json_object('name', p.name, 'slug', p.slug, 'sessions', n))"
	"  FROM (SELECT a.person_id, count(DISTINCT a.session_id) AS n FROM appearances a"
	"  JOIN sessions s ON s.id = a.session_id WHERE a.org_id = o.id AND s.status = 'scheduled'"
	"  GROUP BY a.person_id ORDER BY n DESC, a.person_id LIMIT 200) x JOIN people p ON p.id = x.person_id),"
	" 'projects', (SELECT json_group_array(json_object('name', name, 'slug', slug, 'maturity', maturity,"
	"  'accepted_on', accepted_on)) FROM projects WHERE org_id = o.id))"
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id WHERE o.slug = ?1";

static const char years_sql[] =
	"SELECT year, count(*) FROM session_credits WHERE org_id = ?1 AND year IS NOT NULL"
	" GROUP BY year ORDER BY year";

/* Talks per year as an SVG bar chart: server-drawn, labelled, readable without script. */
static void
chart(struct request *req, sqlite3 *db, long long org)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, years_sql);
	int years[64], counts[64], n = 0, max = 1;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, org);
	while (sqlite3_step(st) == SQLITE_ROW && n < 64) {
		years[n] = sqlite3_column_int(st, 0);
		counts[n] = sqlite3_column_int(st, 1);
		if (counts[n] > max)
			max = counts[n];
		n++;
	}
	sqlite3_reset(st);
	if (n == 0)
		return;
	html_lit(b, "<h2 id=\"per-year\">Sessions per year</h2><figure class=\"chart\">");
	buf_appendf(b, "<svg role=\"img\" aria-labelledby=\"per-year\" viewBox=\"0 0 %d 140\" "
	    "width=\"%d\" height=\"140\" xmlns=\"http://www.w3.org/2000/svg\">", n * 48 + 10, n * 48 + 10);
	for (int i = 0; i < n; i++) {
		int h = counts[i] * 100 / max;

		buf_appendf(b, "<g><title>%d: %d</title><rect x=\"%d\" y=\"%d\" width=\"36\" height=\"%d\"/>"
		    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>"
		    "<text x=\"%d\" y=\"136\" text-anchor=\"middle\">%d</text></g>",
		    years[i], counts[i], 10 + i * 48, 115 - h, h, 28 + i * 48, 110 - h, counts[i],
		    28 + i * 48, years[i]);
	}
	html_lit(b, "</svg><figcaption class=\"vh\">");
	for (int i = 0; i < n; i++)
		buf_appendf(b, "%d: %d. ", years[i], counts[i]);
	html_lit(b, "</figcaption></figure>");
}

static const char milestones_sql[] =
	"SELECT d, what, href FROM ("
	" SELECT o.member_since AS d, 'Joined the End User Community' AS what, NULL AS href"
	"  FROM organizations o WHERE o.id = ?1 AND o.member_since IS NOT NULL"
	" UNION ALL SELECT * FROM (SELECT substr(c.starts, 1, 10), 'First session: ' || s.title,"
	"  '/sessions/' || s.id FROM session_credits c JOIN sessions s ON s.id = c.session_id"
	"  WHERE c.org_id = ?1 ORDER BY c.starts LIMIT 1)"
	" UNION ALL SELECT substr(c.starts, 1, 10), CASE WHEN s.title LIKE 'Keynote%' THEN s.title"
	" ELSE 'Keynote: ' || s.title END, '/sessions/' || s.id"
	"  FROM session_credits c JOIN sessions s ON s.id = c.session_id"
	"  WHERE c.org_id = ?1 AND c.kind = 'keynote'"
	" UNION ALL SELECT r.starts_on, p.name || ': ' || CASE WHEN r.role = 'seat' THEN 'seat on the '"
	"  ELSE r.role || ' of ' END || b.name, '/bodies/' || b.slug FROM roles r"
	"  JOIN bodies b ON b.id = r.body_id JOIN people p ON p.id = r.person_id"
	"  WHERE r.org_id = ?1 AND r.role IN ('seat', 'chair', 'co-chair', 'tech-lead')"
	" UNION ALL SELECT accepted_on, 'Contributed ' || name || ' to the CNCF (' || maturity || ')', NULL"
	"  FROM projects WHERE org_id = ?1 AND accepted_on IS NOT NULL"
	") ORDER BY d LIMIT 100";

static void
milestones(struct request *req, sqlite3 *db, long long org)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, milestones_sql);
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, org);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *href = (const char *)sqlite3_column_text(st, 2);

		if (n++ == 0)
			html_lit(b, "<h2>Milestones</h2><ol class=\"timeline\">");
		html_lit(b, "<li><time>");
		html_text(b, (const char *)sqlite3_column_text(st, 0));
		html_lit(b, "</time> \xe2\x80\x94 ");
		if (href)
			html_link(b, href, (const char *)sqlite3_column_text(st, 1));
		else
			html_text(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "</li>");
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</ol>");
}

static const char sessions_sql[] =
	"SELECT " SESSION_COLS " FROM (SELECT session_id, starts FROM session_credits WHERE org_id = ?1"
	" ORDER BY starts DESC, session_id DESC LIMIT ?2 OFFSET ?3) c"
	" JOIN sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id"
	" ORDER BY c.starts DESC, s.id DESC";

static void
sessions(struct request *req, sqlite3 *db, long long org, long long total)
{
	static const char *const keep[] = { NULL };
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, sessions_sql);
	int rows = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int(st, 2, PAGE_SIZE + 1);
	sqlite3_bind_int64(st, 3, page_offset(req));
	buf_appendf(b, "<h2 id=\"sessions\">Sessions (%lld)</h2><ul class=\"results\">", total);
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE)
		render_session_row(req, st, 0);
	sqlite3_reset(st);
	html_lit(b, "</ul>");
	if (rows == 0)
		render_empty(b, page_number(req) > 1 ? "No sessions on this page." :
		    "No sessions credited to this organization yet.");
	render_pager(req, page_number(req), rows > PAGE_SIZE, keep);
}

static const char people_sql[] =
	"SELECT p.name, p.slug, x.n FROM (SELECT a.person_id, count(DISTINCT a.session_id) AS n"
	" FROM appearances a JOIN sessions s ON s.id = a.session_id"
	" WHERE a.org_id = ?1 AND s.status = 'scheduled' GROUP BY a.person_id"
	" ORDER BY n DESC, a.person_id LIMIT 200) x JOIN people p ON p.id = x.person_id ORDER BY x.n DESC, p.name";

static void
people(struct request *req, sqlite3 *db, long long org)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, people_sql);
	int n = 0;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, org);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0)
			html_lit(b, "<h2>People who spoke for it</h2><ul class=\"people\">");
		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/people/%s", sqlite3_column_text(st, 1)),
		    (const char *)sqlite3_column_text(st, 0));
		buf_appendf(b, " <span class=\"muted\">(%d)</span></li>", sqlite3_column_int(st, 2));
	}
	sqlite3_reset(st);
	if (n)
		html_lit(b, "</ul>");
}

int
page_org(struct request *req)
{
	struct buf *b = &req->out;
	const char *slug = req_arg(req, "slug");
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	struct crumb crumbs[] = { { "Organizations", "/orgs" }, { NULL, NULL }, { NULL, NULL } };
	const char *name, *query[] = { "org", slug, NULL };
	long long id, talks;

	if (db == NULL)
		return 503;
	if (req->want_json) {
		if ((st = db_stmt(db, org_json_sql)) == NULL)
			return 503;
		db_bind_text(st, 1, slug);
		sqlite3_bind_int(st, 2, auth_is_staff(req));
		sqlite3_bind_int(st, 3, PAGE_SIZE);
		sqlite3_bind_int64(st, 4, page_offset(req));
		return render_json(req, st);
	}
	if ((st = render_row(db, org_sql, slug)) == NULL)
		return 404;
	id = sqlite3_column_int64(st, 0);
	name = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	crumbs[1].label = name;
	render_page_head(req, name, crumbs);
	html_lit(b, "<p class=\"muted\">");
	html_text(b, label_of((const char *)sqlite3_column_text(st, 3)));
	if (sqlite3_column_int(st, 5)) {
		html_lit(b, " \xc2\xb7 End User Community member");
		if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
			html_lit(b, " since ");
			html_text(b, (const char *)sqlite3_column_text(st, 6));
		}
	}
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 ");
		html_link(b, (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 4));
	}
	html_lit(b, "</p>");
	staff_actions(req, req_printf(req, "/orgs/%s", slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/projects/new?org=");
		url_component(b, slug);
		html_lit(b, "\">Add project</a> <a class=\"button secondary\" href=\"/orgs/");
		url_component(b, slug);
		html_lit(b, "/merge\">Merge a duplicate</a></p>");
	}
	if (auth_is_staff(req) && sqlite3_column_type(st, 8) != SQLITE_NULL) {
		html_lit(b, "<p class=\"private\"><strong>Notes (staff only):</strong> ");
		html_text(b, (const char *)sqlite3_column_text(st, 8));
		html_lit(b, "</p>");
	}
	html_lit(b, "<h2 class=\"vh\">By the numbers</h2><ul class=\"numbers\">");
	render_figure(b, sqlite3_column_int64(st, 9), "Keynotes");
	render_figure(b, sqlite3_column_int64(st, 10), "Talks");
	render_figure(b, sqlite3_column_int64(st, 11), "Speakers");
	render_figure(b, sqlite3_column_int64(st, 12), "Co-located talks");
	render_figure(b, sqlite3_column_int64(st, 13), "SIG/TAG roles");
	render_figure(b, sqlite3_column_int64(st, 14), "TOC seats");
	render_figure(b, sqlite3_column_int64(st, 16), "Projects contributed");
	html_lit(b, "</ul>");
	talks = sqlite3_column_int64(st, 9) + sqlite3_column_int64(st, 10);
	sqlite3_reset(st);
	html_lit(b, "<p class=\"actions\">");
	page_export_link(b, query, "Export its speaker list (CSV)");
	html_lit(b, "</p>");
	chart(req, db, id);
	milestones(req, db, id);
	sessions(req, db, id, talks);
	people(req, db, id);
	layout_end(req);
	return 200;
}
