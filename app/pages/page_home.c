/* page_home.c: GET / — search, totals, latest events, the organizations with the most talks lately. */
#include "core/html.h"
#include "core/json.h"
#include "model/overview.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static void
lists_html(struct request *req, const struct overview *o)
{
	struct buf *b = &req->out;

	html_lit(b, "<div class=\"cols\"><section>");
	if (o->n_latest)
		html_lit(b, "<h2>Latest events</h2><ul>");
	for (size_t i = 0; i < o->n_latest; i++) {
		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/events/%s", o->latest[i].slug), o->latest[i].name);
		html_lit(b, " <span class=\"muted\">");
		html_text(b, o->latest[i].starts_on);
		html_lit(b, "</span></li>");
	}
	if (o->n_latest)
		html_lit(b, "</ul>");
	else
		render_empty(b, "No events yet.");
	html_lit(b, "</section><section>");
	if (o->n_top) {
		html_lit(b, "<h2>");
		html_text(b, o->to_now ? "Most sessions in the last 12 months" :
		    req_printf(req, "Most sessions in the 12 months to %s", o->to));
		html_lit(b, "</h2><ol>");
	}
	for (size_t i = 0; i < o->n_top; i++) {
		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/orgs/%s", o->top[i].slug), o->top[i].name);
		buf_appendf(b, " <span class=\"muted\">%lld sessions</span></li>", o->top[i].sessions);
	}
	if (o->n_top)
		html_lit(b, "</ol>");
	else
		render_empty(b, "No sessions recorded yet.");
	html_lit(b, "</section></div>");
}

static void
home_html(struct request *req, const struct overview *o)
{
	struct buf *b = &req->out;

	layout_begin(req, "Who speaks for whom", NULL);
	html_lit(b, "<h1>Who speaks for whom</h1><p>Keynotes, talks, roles and seats in the cloud-native "
	    "community, each credited to the person and to the organization they represented at the "
	    "time.</p><form class=\"filters\" role=\"search\" aria-label=\"Record\" method=\"get\" action=\"/search\">"
	    "<label for=\"home-q\" class=\"vh\">Search the record</label>"
	    "<input id=\"home-q\" type=\"search\" name=\"q\" placeholder=\"Spotify, Backstage, Dave Zolotusky\">"
	    "<button type=\"submit\">Search</button></form>");
	html_lit(b, "<ul class=\"numbers\">");
	render_figure(b, o->totals.organizations, "Organizations");
	render_figure(b, o->totals.people, "People");
	render_figure(b, o->totals.events, "Events");
	render_figure(b, o->totals.sessions, "Sessions");
	render_figure(b, o->totals.keynotes, "Keynotes");
	render_figure(b, o->totals.current_roles, "Current roles");
	html_lit(b, "</ul>");
	lists_html(req, o);
	layout_end(req);
}

static void
home_json(struct request *req, const struct overview *o)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_key(&j, "totals");
	json_object(&j);
	json_kint(&j, "organizations", o->totals.organizations);
	json_kint(&j, "people", o->totals.people);
	json_kint(&j, "events", o->totals.events);
	json_kint(&j, "sessions", o->totals.sessions);
	json_kint(&j, "keynotes", o->totals.keynotes);
	json_end(&j);
	json_key(&j, "latest_events");
	json_array(&j);
	for (size_t i = 0; i < o->n_latest; i++) {
		json_object(&j);
		json_kstr(&j, "name", o->latest[i].name);
		json_kstr(&j, "slug", o->latest[i].slug);
		json_kstr(&j, "starts_on", o->latest[i].starts_on);
		json_end(&j);
	}
	json_end(&j);
	json_key(&j, "top_organizations");
	json_array(&j);
	for (size_t i = 0; i < o->n_top; i++) {
		json_object(&j);
		json_kstr(&j, "name", o->top[i].name);
		json_kstr(&j, "slug", o->top[i].slug);
		json_kint(&j, "sessions", o->top[i].sessions);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
}

int
page_home(struct request *req)
{
	struct overview o;
	enum model_status rc;

	if ((rc = overview(req, &o)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		home_json(req, &o);
	else
		home_html(req, &o);
	return 200;
}
