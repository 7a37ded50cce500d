/* page_body.c: /bodies and /bodies/{slug} — who held which role or seat, and when. */
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/body.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static void
list_html(struct request *req, const struct body_item *bodies, size_t n)
{
	static const struct crumb crumbs[] = { { "Bodies", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Bodies", crumbs);
	html_lit(b, "<h1>Bodies</h1><p>The TOC, the Governing Board, TAGs, SIGs and working groups.</p>");
	staff_new_button(req, "/bodies/new", "New body");
	html_lit(b, "<table><thead><tr><th scope=\"col\">Body</th><th scope=\"col\">Kind</th>"
	    "<th scope=\"col\">Part of</th><th scope=\"col\">Current roles</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html_lit(b, "<tr><td>");
		html_link_to(b, "/bodies/", bodies[i].slug, bodies[i].name);
		html_lit(b, "</td><td>");
		html_text(b, vocab_label(VOCAB_BODY_KIND, bodies[i].kind));
		html_lit(b, "</td><td>");
		html_text(b, bodies[i].parent);
		buf_appendf(b, "</td><td>%lld</td></tr>", bodies[i].current_roles);
	}
	html_lit(b, "</tbody></table>");
	if (n == 0)
		render_empty(b, "No bodies yet.");
	layout_end(req);
}

#define I(type, key, field)	JF(type, struct body_item, key, field)
static const struct json_field item_json[] = {
	I(STR, "name", name), I(STR, "slug", slug), I(STR, "kind", kind), I(STR, "parent", parent_slug),
	I(LONG, "roles", roles), JF_PATH(PATH, struct body_item, "url", "/bodies/", slug),
};

int
page_bodies(struct request *req)
{
	struct body_item *bodies;
	enum model_status rc;
	size_t n;

	if ((rc = body_list(req, &bodies, &n)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json) {
		struct json j;

		/* One page of every body: no page, page size or total. */
		json_begin(&j, &req->out);
		json_object(&j);
		json_objects(&j, "items", bodies, n, sizeof(*bodies), JSON_FIELDS(item_json));
		json_end(&j);
	}
	else
		list_html(req, bodies, n);
	return 200;
}

static void
term_row(struct request *req, const struct role_item *r)
{
	struct buf *b = &req->out;

	html_lit(b, "<tr><td>");
	html_link_to(b, "/people/", r->person_slug, r->person);
	html_lit(b, "</td><td>");
	render_role(b, r->role, r->seat_type);
	html_lit(b, "</td><td>");
	if (r->org)
		html_link_to(b, "/orgs/", r->org_slug, r->org);
	html_lit(b, "</td><td>");
	render_span(b, r->starts_on, r->ends_on);
	staff_edit_link(req, req_printf(req, "/roles/%lld/edit", r->id));
	html_lit(b, "</td></tr>");
}

/* Current terms first, then past ones: a TOC page reads as its seats over time. */
static void
terms(struct request *req, const struct body_page *p)
{
	struct buf *b = &req->out;
	int past = -1;

	for (size_t i = 0; i < p->n_roles; i++) {
		const struct role_item *r = p->by_term[i];

		if (i == 0 || past != !r->current) {
			if (i)
				html_lit(b, "</tbody></table>");
			if (r->current)
				html_lit(b, "<h2>Current</h2>");
			else
				html_lit(b, "<h2>Past terms</h2>");
			html_lit(b, "<table><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Role</th>"
			    "<th scope=\"col\">For</th><th scope=\"col\">Term</th></tr></thead><tbody>");
			past = !r->current;
		}
		term_row(req, r);
	}
	if (p->n_roles)
		html_lit(b, "</tbody></table>");
	else
		render_empty(b, "No roles recorded for this body yet.");
}

/* The TOC's seats by type, each type's terms latest first: who sat in which seat when. */
static void
seats_by_type(struct request *req, const struct body_page *p)
{
#define SEAT_CODE(code, label)	code,
	static const char *const types[] = { TERMS_SEAT_TYPE(SEAT_CODE) NULL };
#undef SEAT_CODE
	struct buf *b = &req->out;

	html_lit(b, "<h2>Seats by type</h2>");
	for (size_t t = 0; types[t]; t++) {
		int shown = 0;

		for (size_t i = 0; i < p->n_roles; i++) {
			const struct role_item *r = &p->roles[i];

			if (strcmp(r->role, "seat") != 0 || r->seat_type == NULL || strcmp(r->seat_type, types[t]) != 0)
				continue;
			if (!shown++) {
				html_lit(b, "<h3>");
				html_text(b, vocab_label(VOCAB_SEAT_TYPE, types[t]));
				html_lit(b, "</h3><table><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">For</th>"
				    "<th scope=\"col\">Term</th></tr></thead><tbody>");
			}
			html_lit(b, "<tr><td>");
			html_link_to(b, "/people/", r->person_slug, r->person);
			html_lit(b, "</td><td>");
			if (r->org)
				html_link_to(b, "/orgs/", r->org_slug, r->org);
			html_lit(b, "</td><td>");
			render_span(b, r->starts_on, r->ends_on);
			html_lit(b, "</td></tr>");
		}
		if (shown)
			html_lit(b, "</tbody></table>");
	}
}

static void
body_html(struct request *req, const struct body_page *p)
{
	struct buf *b = &req->out;
	struct crumb crumbs[] = { { "Bodies", "/bodies" }, { NULL, NULL }, { NULL, NULL } };
	const char *query[] = { "body", p->slug, NULL };

	crumbs[1].label = p->name;
	render_page_head(req, p->name, crumbs);
	html_lit(b, "<p class=\"muted\">");
	html_text(b, vocab_label(VOCAB_BODY_KIND, p->kind));
	if (p->parent) {
		html_lit(b, " \xc2\xb7 part of ");
		html_link_to(b, "/bodies/", p->parent_slug, p->parent);
	}
	html_lit(b, "</p>");
	if (p->description) {
		html_lit(b, "<p>");
		html_text(b, p->description);
		html_lit(b, "</p>");
	}
	staff_actions(req, req_printf(req, "/bodies/%s", p->slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/roles/new?body=");
		url_component(b, p->slug);
		html_lit(b, "\">Add role or seat</a></p>");
	}
	html_lit(b, "<p class=\"actions\">");
	page_export_link_to(b, "/export/roles.csv", query, "Export everyone who held a role (CSV)");
	html_lit(b, " ");
	page_export_link_to(b, "/export/roles.xlsx", query, "(Excel)");
	html_lit(b, " ");
	page_export_link_to(b, "/export/roles.json", query, "(JSON)");
	html_lit(b, " ");
	page_export_link(b, query, "Export their talks (CSV)");
	html_lit(b, "</p>");
	terms(req, p);
	if (strcmp(p->kind, "toc") == 0 && p->n_roles)
		seats_by_type(req, p);
	layout_end(req);
}

#define P(type, key, field)	JF(type, struct body_page, key, field)
static const struct json_field body_json_head[] = {
	P(STR, "name", name), P(STR, "slug", slug), P(STR, "kind", kind), P(STR, "url", url),
	P(STR, "description", description), P(STR, "parent", parent_slug),
};
#define R(type, key, field)	JF(type, struct role_item, key, field)
static const struct json_field role_json[] = {
	R(STR, "person", person), R(STR, "slug", person_slug), R(STR, "role", role), R(STR, "seat_type", seat_type),
	R(STR, "organization", org), R(STR, "org", org_slug), R(STR, "starts_on", starts_on),
	R(STR, "ends_on", ends_on), R(BOOL, "current", current),
};

static void
body_json(struct request *req, const struct body_page *p)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_fields(&j, JSON_FIELDS(body_json_head), p);
	json_objects(&j, "roles", p->roles, p->n_roles, sizeof(*p->roles), JSON_FIELDS(role_json));
	json_end(&j);
}

int
page_body(struct request *req)
{
	struct body_page p;
	enum model_status rc;

	if ((rc = body_page(req, req_arg(req, "slug"), &p)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		body_json(req, &p);
	else
		body_html(req, &p);
	return 200;
}
