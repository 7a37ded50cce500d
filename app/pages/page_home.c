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
	for (size_t i = 0; i < o->n_latest; i++)
		render_event_item(b, o->latest[i].slug, o->latest[i].name, o->latest[i].starts_on);
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
		html_link_to(b, "/orgs/", o->top[i].slug, o->top[i].name);
		html_lit(b, " <span class=\"muted\">");
		render_count(b, o->top[i].sessions, "session", "sessions");
		html_lit(b, "</span></li>");
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

#define T(key, field)	JF(LONG, struct overview, key, totals.field)
static const struct json_field totals_json[] = {
	T("organizations", organizations), T("people", people), T("events", events), T("sessions", sessions),
	T("keynotes", keynotes),
};
static const struct json_field latest_json[] = {
	JF(STR, struct latest_event, "name", name), JF(STR, struct latest_event, "slug", slug),
	JF(STR, struct latest_event, "starts_on", starts_on),
};
static const struct json_field top_json[] = {
	JF(STR, struct org_count, "name", name), JF(STR, struct org_count, "slug", slug),
	JF(LONG, struct org_count, "sessions", sessions),
};

static void
home_json(struct request *req, const struct overview *o)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_key(&j, "totals");
	json_object(&j);
	json_fields(&j, JSON_FIELDS(totals_json), o);
	json_end(&j);
	json_objects(&j, "latest_events", o->latest, o->n_latest, sizeof(*o->latest), JSON_FIELDS(latest_json));
	json_objects(&j, "top_organizations", o->top, o->n_top, sizeof(*o->top), JSON_FIELDS(top_json));
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
