/* page_person.c: /people and /people/{slug} — a person's speaking history, roles and seats. */
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/person.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static void
list_html(struct request *req, const struct person_list *l)
{
	static const struct crumb crumbs[] = { { "People", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "People", crumbs);
	html_lit(b, "<h1>People</h1>");
	staff_new_button(req, "/people/new", "New person");
	html_lit(b, "<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Organization now</th>"
	    "<th scope=\"col\">Sessions</th></tr></thead><tbody>");
	for (size_t i = 0; i < l->n && i < PAGE_SIZE; i++) {
		html_lit(b, "<tr><td>");
		html_link_to(b, "/people/", l->items[i].slug, l->items[i].name);
		html_lit(b, "</td><td>");
		html_text(b, l->items[i].org_now);
		buf_appendf(b, "</td><td>%lld</td></tr>", l->items[i].sessions);
	}
	html_lit(b, "</tbody></table>");
	if (l->n == 0)
		render_empty(b, page_number(req) > 1 ? "No people on this page." : "No people yet.");
	render_pager(req, page_number(req), l->n > PAGE_SIZE, NULL);
	layout_end(req);
}

#define I(type, key, field)	JF(type, struct person_item, key, field)
static const struct json_field item_json[] = {
	I(STR, "name", name), I(STR, "slug", slug), I(STR, "github", github), I(LONG, "sessions", sessions),
	JF_PATH(PATH, struct person_item, "url", "/people/", slug),
};

int
page_people(struct request *req)
{
	struct person_list l;
	enum model_status rc;

	if ((rc = person_list(req, page_offset(req), PAGE_SIZE + 1, &l)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		json_list_page(req, l.total, l.items, l.n, sizeof(*l.items), JSON_FIELDS(item_json));
	else
		list_html(req, &l);
	return 200;
}

/* The session with the person's co-speakers alone: one is not one's own co-speaker. */
static const struct session_item *
co_speakers_only(struct request *req, const struct appearance_item *a)
{
	struct session_item *it = req_alloc(req, sizeof(*it));
	struct speaker *kept = req_alloc(req, (a->session.n_speakers + 1) * sizeof(*kept));

	*it = a->session;
	it->speakers = kept;
	it->n_speakers = 0;
	for (size_t i = 0; i < a->session.n_speakers; i++)
		for (size_t k = 0; k < a->n_co_speakers; k++)
			if (strcmp(a->session.speakers[i].slug, a->co_speakers[k]) == 0) {
				kept[it->n_speakers++] = a->session.speakers[i];
				break;
			}
	return it;
}

void
person_history_html(struct request *req, const struct appearance_item *h, size_t n)
{
	struct buf *b = &req->out;

	html_lit(b, "<h2>Speaking history</h2><ul class=\"results\">");
	for (size_t i = 0; i < n; i++) {
		html_lit(b, "<li>");
		render_session_line(b, co_speakers_only(req, &h[i]));
		/* The credit as a trailing line: in which role, for whom. */
		html_lit(b, "<br><span class=\"muted\">");
		html_text(b, vocab_label(VOCAB_APPEARANCE_ROLE, h[i].role));
		if (h[i].org) {
			html_lit(b, " for </span>");
			html_link_to(b, "/orgs/", h[i].org_slug, h[i].org);
			html_lit(b, "</li>");
		} else
			html_lit(b, "</span></li>");
	}
	html_lit(b, "</ul>");
	if (n == 0)
		render_empty(b, "No sessions recorded yet.");
}

void
person_roles_html(struct request *req, const struct role_item *r, size_t n)
{
	struct buf *b = &req->out;

	if (n == 0)
		return;
	html_lit(b, "<h2>Roles and seats</h2><ul>");
	for (size_t i = 0; i < n; i++) {
		html_lit(b, "<li>");
		render_role(b, r[i].role, r[i].seat_type);
		html_lit(b, ", ");
		html_link_to(b, "/bodies/", r[i].body_slug, r[i].body);
		html_lit(b, " <span class=\"muted\">");
		render_span(b, r[i].starts_on, r[i].ends_on);
		if (r[i].org) {
			html_lit(b, ", for ");
			html_text(b, r[i].org);
		}
		html_lit(b, "</span>");
		staff_edit_link(req, req_printf(req, "/roles/%lld/edit", r[i].id));
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul>");
}

static void
affiliations_html(struct request *req, const struct person_page *p)
{
	struct buf *b = &req->out;

	if (p->n_affiliations == 0)
		return;
	html_lit(b, "<h2>Affiliations</h2><ul>");
	for (size_t i = 0; i < p->n_affiliations; i++) {
		const struct affiliation_item *f = &p->affiliations[i];

		html_lit(b, "<li>");
		html_link_to(b, "/orgs/", f->org_slug, f->org);
		if (f->title) {
			html_lit(b, ", ");
			html_text(b, f->title);
		}
		html_lit(b, " <span class=\"muted\">");
		render_span(b, f->since, f->until);
		html_lit(b, "</span>");
		staff_edit_link(req, req_printf(req, "/affiliations/%lld/edit", f->id));
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul>");
}

/* Bio, GitHub, the staff's private fields and buttons, the exports. */
static void
person_intro(struct request *req, const struct person_page *p)
{
	struct buf *b = &req->out;
	const char *query[] = { "person", p->slug, NULL };

	if (p->bio) {
		html_lit(b, "<p>");
		html_text(b, p->bio);
		html_lit(b, "</p>");
	}
	if (p->github) {
		html_lit(b, "<p>GitHub: ");
		html_link(b, req_printf(req, "https://github.com/%s", p->github), p->github);
		html_lit(b, "</p>");
	}
	/* The private fields staff have filled, and nothing for those they have not. */
	if (auth_is_staff(req) && (p->email || p->notes)) {
		html_lit(b, "<p class=\"private\">");
		if (p->email) {
			html_lit(b, "<strong>Email (staff only):</strong> ");
			html_text(b, p->email);
		}
		if (p->notes) {
			if (p->email)
				html_lit(b, "<br><strong>Notes:</strong> ");
			else
				html_lit(b, "<strong>Notes (staff only):</strong> ");
			html_text(b, p->notes);
		}
		html_lit(b, "</p>");
	}
	staff_actions(req, req_printf(req, "/people/%s", p->slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button secondary\" href=\"/affiliations/new?person=");
		url_component(b, p->slug);
		html_lit(b, "\">Add affiliation</a> <a class=\"button secondary\" href=\"/roles/new?person=");
		url_component(b, p->slug);
		html_lit(b, "\">Add role or seat</a> <a class=\"button secondary\" href=\"/people/");
		url_component(b, p->slug);
		html_lit(b, "/merge\">Merge a duplicate</a></p>");
	}
	html_lit(b, "<p class=\"actions\">");
	page_export_link(b, query, "Export speaking history (CSV)");
	html_lit(b, " <a href=\"/people/");
	html_attr(b, p->slug);
	html_lit(b, "/talks.ics\">Calendar (iCal)</a></p>");
}

static void
person_html(struct request *req, const struct person_page *p)
{
	struct crumb crumbs[] = { { "People", "/people" }, { NULL, NULL }, { NULL, NULL } };

	crumbs[1].label = p->name;
	render_page_head(req, p->name, crumbs);
	person_intro(req, p);
	affiliations_html(req, p);
	person_history_html(req, p->history, p->n_history);
	person_roles_html(req, p->roles, p->n_roles);
	layout_end(req);
}

#define H(type, key, field)	JF(type, struct appearance_item, key, field)
static const struct json_field appearance_json[] = {
	H(LONG, "id", session.id), H(STR, "title", session.title), H(STR, "kind", session.kind),
	H(STR, "status", session.status), H(STR, "role", role), H(STR, "date", session.date),
	H(STR, "event", session.event_slug), H(STR, "event_name", session.event_name), H(STR, "organization", org),
	H(STR, "org", org_slug),
};
#define A(type, key, field)	JF(type, struct affiliation_item, key, field)
static const struct json_field affiliation_json[] = {
	A(STR, "organization", org), A(STR, "org", org_slug), A(STR, "title", title), A(STR, "since", since),
	A(STR, "until", until),
};
#define R(type, key, field)	JF(type, struct role_item, key, field)
static const struct json_field role_json[] = {
	R(STR, "body", body_slug), R(STR, "body_name", body), R(STR, "role", role), R(STR, "seat_type", seat_type),
	R(STR, "organization", org_slug), R(STR, "starts_on", starts_on), R(STR, "ends_on", ends_on),
};
#define P(type, key, field)	JF(type, struct person_page, key, field)
static const struct json_field person_json_head[] = {
	P(STR, "name", name), P(STR, "slug", slug), P(STR, "github", github), P(STR, "bio", bio),
	P(RAW, "links", links),
};

static void
history_json(struct json *j, const struct person_page *p)
{
	json_key(j, "sessions");
	json_array(j);
	for (size_t i = 0; i < p->n_history; i++) {
		const struct appearance_item *a = &p->history[i];

		json_object(j);
		json_fields(j, JSON_FIELDS(appearance_json), a);
		json_key(j, "co_speakers");
		json_array(j);
		for (size_t k = 0; k < a->n_co_speakers; k++)
			json_str(j, a->co_speakers[k]);
		json_end(j);
		json_end(j);
	}
	json_end(j);
}

static void
person_json(struct request *req, const struct person_page *p)
{
	int staff = auth_is_staff(req);
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_fields(&j, JSON_FIELDS(person_json_head), p);
	json_kstr(&j, "email", staff ? p->email : NULL);
	json_kstr(&j, "notes", staff ? p->notes : NULL);
	json_objects(&j, "affiliations", p->affiliations, p->n_affiliations, sizeof(*p->affiliations),
	    JSON_FIELDS(affiliation_json));
	history_json(&j, p);
	json_objects(&j, "roles", p->roles, p->n_roles, sizeof(*p->roles), JSON_FIELDS(role_json));
	json_end(&j);
}

int
page_person(struct request *req)
{
	struct person_page p;
	enum model_status rc;

	if ((rc = person_page(req, req_arg(req, "slug"), !req->want_json, &p)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		person_json(req, &p);
	else
		person_html(req, &p);
	return 200;
}
