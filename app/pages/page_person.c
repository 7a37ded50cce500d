/* page_person.c: /people and /people/{slug} — a person's speaking history, roles and seats. */
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
		html_lit(b, "<tr><td><a href=\"/people/");
		html_attr(b, l->items[i].slug);
		html_lit(b, "\">");
		html_text(b, l->items[i].name);
		html_lit(b, "</a></td><td>");
		html_text(b, l->items[i].org_now);
		buf_appendf(b, "</td><td>%lld</td></tr>", l->items[i].sessions);
	}
	html_lit(b, "</tbody></table>");
	if (l->n == 0)
		render_empty(b, page_number(req) > 1 ? "No people on this page." : "No people yet.");
	render_pager(req, page_number(req), l->n > PAGE_SIZE, NULL);
	layout_end(req);
}

static void
list_json(struct request *req, const struct person_list *l)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_kint(&j, "page", page_number(req));
	json_kint(&j, "page_size", PAGE_SIZE);
	json_kint(&j, "total", l->total);
	json_key(&j, "items");
	json_array(&j);
	for (size_t i = 0; i < l->n && i < PAGE_SIZE; i++) {
		json_object(&j);
		json_kstr(&j, "name", l->items[i].name);
		json_kstr(&j, "slug", l->items[i].slug);
		json_kstr(&j, "github", l->items[i].github);
		json_kint(&j, "sessions", l->items[i].sessions);
		json_kstrf(&j, "url", "/people/%s", l->items[i].slug);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
}

int
page_people(struct request *req)
{
	struct person_list l;
	enum model_status rc;

	if ((rc = person_list(req, page_offset(req), PAGE_SIZE + 1, &l)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		list_json(req, &l);
	else
		list_html(req, &l);
	return 200;
}

void
person_history_html(struct request *req, const struct appearance_item *h, size_t n)
{
	struct buf *b = &req->out;

	html_lit(b, "<h2>Speaking history</h2><ul class=\"results\">");
	for (size_t i = 0; i < n; i++) {
		html_lit(b, "<li>");
		render_session_line(b, &h[i].session);
		/* The credit as a trailing line: in which role, for whom. */
		html_lit(b, "<br><span class=\"muted\">");
		html_text(b, vocab_label(VOCAB_APPEARANCE_ROLE, h[i].role));
		if (h[i].org) {
			html_lit(b, " for </span><a href=\"/orgs/");
			html_attr(b, h[i].org_slug);
			html_lit(b, "\">");
			html_text(b, h[i].org);
			html_lit(b, "</a></li>");
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
		html_link(b, req_printf(req, "/bodies/%s", r[i].body_slug), r[i].body);
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
		html_link(b, req_printf(req, "/orgs/%s", f->org_slug), f->org);
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
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"private\"><strong>Email (staff only):</strong> ");
		html_text(b, p->email);
		if (p->notes) {
			html_lit(b, "<br><strong>Notes:</strong> ");
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

static void
history_json(struct json *j, const struct person_page *p)
{
	json_key(j, "sessions");
	json_array(j);
	for (size_t i = 0; i < p->n_history; i++) {
		const struct appearance_item *a = &p->history[i];

		json_object(j);
		json_kint(j, "id", a->session.id);
		json_kstr(j, "title", a->session.title);
		json_kstr(j, "kind", a->session.kind);
		json_kstr(j, "status", a->session.status);
		json_kstr(j, "role", a->role);
		json_kstr(j, "date", a->session.date);
		json_kstr(j, "event", a->session.event_slug);
		json_kstr(j, "event_name", a->session.event_name);
		json_kstr(j, "organization", a->org);
		json_kstr(j, "org", a->org_slug);
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
affiliations_roles_json(struct json *j, const struct person_page *p)
{
	json_key(j, "affiliations");
	json_array(j);
	for (size_t i = 0; i < p->n_affiliations; i++) {
		json_object(j);
		json_kstr(j, "organization", p->affiliations[i].org);
		json_kstr(j, "org", p->affiliations[i].org_slug);
		json_kstr(j, "title", p->affiliations[i].title);
		json_kstr(j, "since", p->affiliations[i].since);
		json_kstr(j, "until", p->affiliations[i].until);
		json_end(j);
	}
	json_end(j);
	history_json(j, p);
	json_key(j, "roles");
	json_array(j);
	for (size_t i = 0; i < p->n_roles; i++) {
		json_object(j);
		json_kstr(j, "body", p->roles[i].body_slug);
		json_kstr(j, "body_name", p->roles[i].body);
		json_kstr(j, "role", p->roles[i].role);
		json_kstr(j, "seat_type", p->roles[i].seat_type);
		json_kstr(j, "organization", p->roles[i].org_slug);
		json_kstr(j, "starts_on", p->roles[i].starts_on);
		json_kstr(j, "ends_on", p->roles[i].ends_on);
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
	json_kstr(&j, "name", p->name);
	json_kstr(&j, "slug", p->slug);
	json_kstr(&j, "github", p->github);
	json_kstr(&j, "bio", p->bio);
	json_key(&j, "links");
	json_raw(&j, p->links);
	json_kstr(&j, "email", staff ? p->email : NULL);
	json_kstr(&j, "notes", staff ? p->notes : NULL);
	affiliations_roles_json(&j, p);
	json_end(&j);
}

int
page_person(struct request *req)
{
	struct person_page p;
	enum model_status rc;

	if ((rc = person_page(req, req_arg(req, "slug"), &p)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		person_json(req, &p);
	else
		person_html(req, &p);
	return 200;
}
