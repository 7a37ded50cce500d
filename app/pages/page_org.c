/* page_org.c: /orgs and /orgs/{slug} — an organization's numbers, talks per year, milestones, sessions, people. */
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/org.h"
#include "pages/chart.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static void
list_html(struct request *req, const struct org_list *l)
{
	static const struct crumb crumbs[] = { { "Organizations", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Organizations", crumbs);
	html_lit(b, "<h1>Organizations</h1>");
	staff_new_button(req, "/orgs/new", "New organization");
	html_lit(b, "<table><thead><tr><th scope=\"col\">Organization</th><th scope=\"col\">Kind</th>"
	    "<th scope=\"col\">Keynotes</th><th scope=\"col\">Talks</th><th scope=\"col\">Speakers</th>"
	    "</tr></thead><tbody>");
	for (size_t i = 0; i < l->n && i < PAGE_SIZE; i++) {
		const struct org_item *o = &l->items[i];

		html_lit(b, "<tr><td>");
		html_link_to(b, "/orgs/", o->slug, o->name);
		if (o->eu_member)
			html_lit(b, " <span class=\"tag\">End User Community</span>");
		html_lit(b, "</td><td>");
		html_text(b, vocab_label(VOCAB_ORG_KIND, o->kind));
		buf_appendf(b, "</td><td>%lld</td><td>%lld</td><td>%lld</td></tr>",
		    o->keynotes, o->talks, o->speakers);
	}
	html_lit(b, "</tbody></table>");
	if (l->n == 0)
		render_empty(b, page_number(req) > 1 ? "No organizations on this page." :
		    "No organizations yet.");
	render_pager(req, page_number(req), l->n > PAGE_SIZE, NULL);
	layout_end(req);
}

#define I(type, key, field)	JF(type, struct org_item, key, field)
static const struct json_field item_json[] = {
	I(STR, "name", name), I(STR, "slug", slug), I(STR, "kind", kind), I(BOOL, "eu_member", eu_member),
	I(LONG, "keynotes", keynotes), I(LONG, "talks", talks), JF_PATH(PATH, struct org_item, "url", "/orgs/", slug),
};

int
page_orgs(struct request *req)
{
	struct org_list l;
	enum model_status rc;

	if ((rc = org_list(req, page_offset(req), PAGE_SIZE + 1, !req->want_json, &l)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		json_list_page(req, l.total, l.items, l.n, sizeof(*l.items), JSON_FIELDS(item_json));
	else
		list_html(req, &l);
	return 200;
}

/* Sessions per year (the model gives every year of the range, zeros included) through chart.c. */
static void
chart(struct request *req, const struct org_page *p)
{
	long long *counts = req_alloc(req, (p->n_years + 1) * sizeof(*counts));
	size_t n = 0, first = 0;

	for (size_t i = 0; i < p->n_years; i++) {
		if (p->years[i].year == 0) {	/* no known year: not on the axis */
			first += n == 0;
			continue;
		}
		counts[n++] = p->years[i].sessions;
	}
	if (n == 0)
		return;
	html_lit(&req->out, "<h2 id=\"per-year\">Sessions per year</h2>");
	chart_bars(&req->out, &(struct chart_bars){ "ch-year", "Sessions per year", "Sessions",
	    p->years[first].year, n, (const char *const[]){ "Sessions" }, 1, counts });
}

static void
milestones(struct request *req, long long org)
{
	struct buf *b = &req->out;
	struct milestone *m;
	size_t n;

	if (org_milestones(req, org, &m, &n) != MODEL_OK || n == 0)
		return;
	html_lit(b, "<h2>Milestones</h2><ol class=\"timeline\">");
	for (size_t i = 0; i < n; i++) {
		html_lit(b, "<li><time>");
		html_text(b, m[i].date);
		html_lit(b, "</time> \xe2\x80\x94 ");
		if (m[i].href)
			html_link(b, m[i].href, m[i].what);
		else
			html_text(b, m[i].what);
		html_lit(b, "</li>");
	}
	html_lit(b, "</ol>");
}

static void
sessions_html(struct request *req, const struct org_page *p)
{
	static const char *const keep[] = { NULL };
	struct buf *b = &req->out;

	buf_appendf(b, "<h2 id=\"sessions\">Sessions (%lld)</h2><ul class=\"results\">",
	    p->fig.keynotes + p->fig.talks);
	for (size_t i = 0; i < p->n_sessions && i < PAGE_SIZE; i++) {
		html_lit(b, "<li>");
		render_session_line(b, &p->sessions[i]);
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul>");
	if (p->n_sessions == 0)
		render_empty(b, page_number(req) > 1 ? "No sessions on this page." :
		    "No sessions credited to this organization yet.");
	render_pager(req, page_number(req), p->n_sessions > PAGE_SIZE, keep);
}

static void
people_html(struct request *req, const struct org_page *p)
{
	struct buf *b = &req->out;

	if (p->n_people == 0)
		return;
	html_lit(b, "<h2 id=\"people\">People who spoke for it</h2><ul class=\"people\">");
	for (size_t i = 0; i < p->n_people; i++) {
		const struct person_count *c = p->by_name[i];

		html_lit(b, "<li>");
		html_link_to(b, "/people/", c->slug, c->name);
		buf_appendf(b, " <span class=\"muted\">(%lld)</span></li>", c->sessions);
	}
	html_lit(b, "</ul>");
}

/* The line under the name, the staff's buttons and notes. */
static void
org_intro(struct request *req, const struct org_page *p)
{
	struct buf *b = &req->out;

	html_lit(b, "<p class=\"muted\">");
	html_text(b, vocab_label(VOCAB_ORG_KIND, p->kind));
	if (p->eu_member) {
		html_lit(b, " \xc2\xb7 End User Community member");
		if (p->member_since) {
			html_lit(b, " since ");
			html_text(b, p->member_since);
		}
	}
	if (p->website) {
		html_lit(b, " \xc2\xb7 ");
		html_link(b, p->website, p->website);
	}
	html_lit(b, "</p>");
	staff_actions(req, req_printf(req, "/orgs/%s", p->slug));
	if (!auth_is_staff(req))
		return;
	html_lit(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/projects/new?org=");
	url_component(b, p->slug);
	html_lit(b, "\">Add project</a> <a class=\"button secondary\" href=\"/orgs/");
	url_component(b, p->slug);
	html_lit(b, "/merge\">Merge a duplicate</a></p>");
	if (p->notes) {
		html_lit(b, "<p class=\"private\"><strong>Notes (staff only):</strong> ");
		html_text(b, p->notes);
		html_lit(b, "</p>");
	}
}

static void
org_html(struct request *req, const struct org_page *p)
{
	struct buf *b = &req->out;
	struct crumb crumbs[] = { { "Organizations", "/orgs" }, { NULL, NULL }, { NULL, NULL } };
	const char *query[] = { "org", p->slug, NULL };

	crumbs[1].label = p->name;
	render_page_head(req, p->name, crumbs);
	org_intro(req, p);
	html_lit(b, "<h2 class=\"vh\">By the numbers</h2><ul class=\"numbers\">");
	render_figure(b, p->fig.keynotes, "Keynotes");
	render_figure(b, p->fig.talks, "Talks");
	render_figure(b, p->fig.speakers, "Speakers");
	render_figure(b, p->fig.colocated_talks, "Co-located talks");
	render_figure(b, p->fig.group_roles, "SIG/TAG roles");
	render_figure(b, p->fig.toc_seats, "TOC seats");
	render_figure(b, p->fig.projects, "Projects contributed");
	html_lit(b, "</ul><p class=\"actions\">");
	page_export_link(b, query, "Export its speaker list (CSV)");
	html_lit(b, " <a href=\"");
	html_attr(b, req_printf(req, "/orgs/%s/report", p->slug));
	html_lit(b, "\">Its End User Journey report</a></p>");
	chart(req, p);
	milestones(req, p->id);
	sessions_html(req, p);
	people_html(req, p);
	layout_end(req);
}

#define P(type, key, field)	JF(type, struct org_page, key, field)
static const struct json_field org_json_head[] = {
	P(STR, "name", name), P(STR, "slug", slug), P(STR, "kind", kind), P(STR, "website", website),
	P(BOOL, "eu_member", eu_member), P(STR, "member_since", member_since), P(STR, "tier", tier),
};
static const struct json_field figures_json[] = {
	P(LONG, "keynotes", fig.keynotes), P(LONG, "talks", fig.talks), P(LONG, "speakers", fig.speakers),
	P(LONG, "colocated_talks", fig.colocated_talks), P(LONG, "group_roles", fig.group_roles),
	P(LONG, "toc_seats", fig.toc_seats), P(LONG, "toc_seats_current", fig.toc_seats_current),
	P(LONG, "projects", fig.projects),
};
static const struct json_field year_json[] = {
	JF(INT_OR_NULL, struct year_count, "year", year), JF(LONG, struct year_count, "sessions", sessions),
};
#define S(type, key, field)	JF(type, struct session_item, key, field)
static const struct json_field session_json[] = {
	S(LONG, "id", id), S(STR, "title", title), S(STR, "kind", kind), S(STR, "date", date),
	S(STR, "event", event_slug), JF_PATH(PATH_ID, struct session_item, "url", "/sessions/", id),
};
static const struct json_field person_json[] = {
	JF(STR, struct person_count, "name", name), JF(STR, struct person_count, "slug", slug),
	JF(LONG, struct person_count, "sessions", sessions),
};
static const struct json_field project_json[] = {
	JF(STR, struct project_item, "name", name), JF(STR, struct project_item, "slug", slug),
	JF(STR, struct project_item, "maturity", maturity), JF(STR, struct project_item, "accepted_on", accepted_on),
};

static void
org_json(struct request *req, const struct org_page *p)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_fields(&j, JSON_FIELDS(org_json_head), p);
	json_kstr(&j, "notes", auth_is_staff(req) ? p->notes : NULL);
	json_key(&j, "figures");
	json_object(&j);
	json_fields(&j, JSON_FIELDS(figures_json), p);
	json_end(&j);
	json_objects(&j, "talks_per_year", p->years, p->n_years, sizeof(*p->years), JSON_FIELDS(year_json));
	json_objects(&j, "sessions", p->sessions, page_rows(p->n_sessions), sizeof(*p->sessions),
	    JSON_FIELDS(session_json));
	json_objects(&j, "people", p->people, p->n_people, sizeof(*p->people), JSON_FIELDS(person_json));
	json_objects(&j, "projects", p->projects, p->n_projects, sizeof(*p->projects), JSON_FIELDS(project_json));
	json_end(&j);
}

int
page_org(struct request *req)
{
	struct org_page p;
	enum model_status rc;

	rc = org_page(req, req_arg(req, "slug"), page_offset(req), PAGE_SIZE + 1, &p);
	if (rc != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		org_json(req, &p);
	else
		org_html(req, &p);
	return 200;
}
