/* page_event.c: /events and /events/{slug} — the schedule by day and room, co-located events nested. */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/json.h"
#include "core/vocab.h"
#include "model/event.h"
#include "pages/event_schedule.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/when.h"

static void
event_line(struct buf *b, const struct event_item *e)
{
	render_event_link(b, e->slug, e->name, e->starts_on);
	html_lit(b, " <span class=\"muted\">");
	when_days(b, e->starts_on, e->ends_on);
	if (e->city) {
		html_lit(b, " \xc2\xb7 ");
		html_text(b, e->city);
	}
	html_lit(b, " \xc2\xb7 ");
	render_count(b, e->sessions, "session", "sessions");
	html_lit(b, "</span>");
}

static void
list_html(struct request *req, const struct event_list *l)
{
	static const struct crumb crumbs[] = { { "Events", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Events", crumbs);
	html_lit(b, "<h1>Events</h1>");
	staff_new_button(req, "/events/new", "New event");
	html_lit(b, "<ul class=\"events\">");
	for (size_t i = 0; i < l->n && i < PAGE_SIZE; i++) {
		html_lit(b, "<li>");
		event_line(b, &l->items[i]);
		for (size_t c = 0; c < l->items[i].n_colocated; c++) {
			html_lit(b, "<ul class=\"colocated\"><li>Co-located: ");
			event_line(b, &l->items[i].colocated[c]);
			html_lit(b, "</li></ul>");
		}
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul>");
	if (l->n == 0)
		render_empty(b, page_number(req) > 1 ? "No events on this page." : "No events yet.");
	render_pager(req, page_number(req), l->n > PAGE_SIZE, NULL);
	layout_end(req);
}

#define I(type, key, field)	JF(type, struct event_item, key, field)
static const struct json_field item_json[] = {
	I(STR, "name", name), I(STR, "slug", slug), I(STR, "series", series), I(STR, "city", city),
	I(STR, "country", country), I(STR, "starts_on", starts_on), I(STR, "ends_on", ends_on),
	I(LONG, "sessions", sessions),
};

static void
list_json(struct request *req, const struct event_list *l)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_kint(&j, "page", page_number(req));
	json_kint(&j, "page_size", PAGE_SIZE);
	json_kint(&j, "total", l->total);
	json_key(&j, "items");
	json_array(&j);
	for (size_t i = 0; i < page_rows(l->n); i++) {
		const struct event_item *e = &l->items[i];

		json_object(&j);
		json_fields(&j, JSON_FIELDS(item_json), e);
		json_key(&j, "colocated");
		json_array(&j);
		for (size_t k = 0; k < e->n_colocated; k++)
			json_str(&j, e->recorded[k]->slug);
		json_end(&j);
		json_kstrf(&j, "url", "/events/%s", e->slug);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
}

int
page_events(struct request *req)
{
	struct event_list l;
	enum model_status rc;

	if ((rc = event_list(req, page_offset(req), PAGE_SIZE + 1, &l)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		list_json(req, &l);
	else
		list_html(req, &l);
	return 200;
}

/* The schedule in the view asked for, or what to say when it is empty. */
static void
schedule(struct request *req, const struct event_page *p)
{
	const char *view = req_arg(req, "view");

	if (p->n_sessions == 0)
		render_empty(&req->out, req_arg(req, "kind") || req_arg(req, "track") ?
		    "No sessions match these filters." : "No sessions recorded for this event yet.");
	else if (view && strcmp(view, "grid") == 0)
		schedule_grid(req, p);
	else
		schedule_list(req, p);
}

static void
option(struct buf *b, const char *value, const char *label, const char *selected)
{
	html_lit(b, "<option value=\"");
	html_attr(b, value);
	html_lit(b, "\"");
	if (selected && strcmp(selected, value) == 0)
		html_lit(b, " selected");
	html_lit(b, ">");
	html_text(b, label);
	html_lit(b, "</option>");
}

/* A link to the schedule in view, with the filters kept; the current one is marked. */
static void
view_link(struct request *req, const char *view, const char *label)
{
	const char *now = req_arg(req, "view"), *kind = req_arg(req, "kind"), *track = req_arg(req, "track");
	struct buf *b = &req->out;

	if (strcmp(now ? now : "list", view) == 0) {
		html_lit(b, "<strong aria-current=\"page\">");
		html_text(b, label);
		html_lit(b, "</strong>");
		return;
	}
	html_lit(b, "<a href=\"?view=");
	url_component(b, view);
	if (kind) {
		html_lit(b, "&amp;kind=");
		url_component(b, kind);
	}
	if (track) {
		html_lit(b, "&amp;track=");
		url_component(b, track);
	}
	html_lit(b, "#schedule\">");
	html_text(b, label);
	html_lit(b, "</a>");
}

/* Filter form: kind and track, plain GET so it works without script; the view is kept. */
static void
filters(struct request *req, long long event)
{
	const struct vocab *kinds = &vocabs[VOCAB_SESSION_KIND];
	struct buf *b = &req->out;
	const char *kind = req_arg(req, "kind"), *track = req_arg(req, "track"), *view = req_arg(req, "view");
	struct event_track *tracks;
	size_t n = 0;

	html_lit(b, "<p class=\"views\">View: ");
	view_link(req, "list", "By time");
	html_lit(b, " \xc2\xb7 ");
	view_link(req, "grid", "Rooms and times");
	html_lit(b, "</p><form class=\"filters\" method=\"get\" action=\"#schedule\">");
	if (view) {
		html_lit(b, "<input type=\"hidden\" name=\"view\" value=\"");
		html_attr(b, view);
		html_lit(b, "\">");
	}
	html_lit(b, "<label>Kind <select name=\"kind\"><option value=\"\">All kinds</option>");
	for (size_t i = 0; i < kinds->n; i++)
		option(b, kinds->terms[i].code, kinds->terms[i].label, kind);
	html_lit(b, "</select></label><label>Track <select name=\"track\"><option value=\"\">All tracks</option>");
	if (event_tracks(req, event, &tracks, &n) == MODEL_OK)
		for (size_t i = 0; i < n; i++)
			option(b, tracks[i].name, tracks[i].name, track);
	html_lit(b, "</select></label><button type=\"submit\">Filter</button></form>");
}

/* Dates, place and time zone under the name; the staff's buttons. */
static void
event_intro(struct request *req, const struct event_page *p, const struct crumb *parent)
{
	struct buf *b = &req->out;

	html_lit(b, "<p class=\"muted\">");
	when_days(b, p->starts_on, p->ends_on);
	if (p->city) {
		html_lit(b, " \xc2\xb7 ");
		html_text(b, p->city);
		if (p->country) {
			html_lit(b, ", ");
			html_text(b, p->country);
		}
	}
	html_lit(b, " \xc2\xb7 times in ");
	html_text(b, p->time_zone);
	if (p->n_sessions && p->sessions[p->n_sessions - 1].starts_at) {
		html_lit(b, " (");
		when_offset(b, p->sessions[p->n_sessions - 1].starts_at);
		html_lit(b, ")");
	}
	if (p->parent) {
		html_lit(b, " \xc2\xb7 co-located with ");
		html_link(b, parent->href, parent->label);
	}
	html_lit(b, "</p>");
	staff_actions(req, req_printf(req, "/events/%s", p->slug));
	if (auth_is_staff(req)) {
		html_lit(b, "<p class=\"actions\"><a class=\"button\" href=\"/sessions/new?event=");
		url_component(b, p->slug);
		html_lit(b, "\">New session</a></p>");
	}
}

/* The co-located events and the exports: speakers (with the co-located ones), schedule, calendar. */
static void
colocated_and_exports(struct request *req, const struct event_page *p)
{
	const char *query[] = { "event", p->slug, "kind", req_arg(req, "kind"), "track", req_arg(req, "track"), NULL };
	const char *with_colocated[] = { "event", p->slug, "colocated", "1", "kind", req_arg(req, "kind"),
	    "track", req_arg(req, "track"), NULL };
	struct buf *b = &req->out;

	if (p->n_colocated)
		html_lit(b, "<h2>Co-located events</h2><ul>");
	for (size_t i = 0; i < p->n_colocated; i++)
		render_event_item(b, p->colocated[i].slug, p->colocated[i].name, p->colocated[i].starts_on);
	if (p->n_colocated)
		html_lit(b, "</ul>");
	html_lit(b, "<p class=\"actions\">");
	page_export_link(b, query, "Export speakers (CSV)");
	if (p->n_colocated) {
		html_lit(b, " ");
		page_export_link(b, with_colocated, "Export with co-located events");
	}
	html_lit(b, " <a href=\"/events/");
	html_attr(b, p->slug);
	html_lit(b, "/schedule.xml\">schedule.xml</a> <a href=\"/events/");
	html_attr(b, p->slug);
	html_lit(b, "/schedule.ics\">Calendar (iCal)</a></p>");
}

static void
event_html(struct request *req, const struct event_page *p)
{
	struct crumb crumbs[] = { { "Events", "/events" }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } };

	if (p->parent) {
		crumbs[1].label = p->parent;
		crumbs[1].href = req_printf(req, "/events/%s", p->parent_slug);
		crumbs[2].label = p->name;
	} else
		crumbs[1].label = p->name;
	render_page_head(req, p->name, crumbs);
	event_intro(req, p, &crumbs[1]);
	colocated_and_exports(req, p);
	html_lit(&req->out, "<h2 id=\"schedule\">Schedule</h2>");
	filters(req, p->id);
	schedule(req, p);
	layout_end(req);
}

#define S(type, key, field)	JF(type, struct schedule_item, key, field)
static const struct json_field session_json[] = {
	S(LONG, "id", session.id), S(STR, "title", session.title), S(STR, "kind", session.kind),
	S(STR, "status", session.status), S(STR, "track", track), S(STR, "room", room),
	S(STR, "starts_at", starts_at), S(LONG_OR_NULL, "duration_min", duration_min), S(STR, "ends_at", ends_at),
};
static const struct json_field speaker_json[] = {
	JF(STR, struct speaker, "name", name), JF(STR, struct speaker, "slug", slug),
	JF(STR, struct speaker, "organization", org),
};
#define P(type, key, field)	JF(type, struct event_page, key, field)
static const struct json_field event_json_head[] = {
	P(STR, "name", name), P(STR, "slug", slug), P(STR, "series", series), P(STR, "city", city),
	P(STR, "country", country), P(STR, "starts_on", starts_on), P(STR, "ends_on", ends_on),
	P(STR, "time_zone", time_zone), P(STR, "url", url), P(STR, "parent", parent_slug),
};

static void
event_json(struct request *req, const struct event_page *p)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_fields(&j, JSON_FIELDS(event_json_head), p);
	json_key(&j, "colocated");
	json_array(&j);
	for (size_t i = 0; i < p->n_colocated; i++) {
		json_object(&j);
		json_kstr(&j, "name", p->recorded[i]->name);
		json_kstr(&j, "slug", p->recorded[i]->slug);
		json_end(&j);
	}
	json_end(&j);
	json_key(&j, "sessions");
	json_array(&j);
	for (size_t i = 0; i < p->n_sessions; i++) {
		const struct schedule_item *s = &p->sessions[i];

		json_object(&j);
		json_fields(&j, JSON_FIELDS(session_json), s);
		json_objects(&j, "speakers", s->session.speakers, s->session.n_speakers, sizeof(struct speaker),
		    JSON_FIELDS(speaker_json));
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
}

int
page_event(struct request *req)
{
	struct schedule_filter f = { req_arg(req, "kind"), req_arg(req, "track") };
	struct event_page p;
	enum model_status rc;

	if ((rc = event_page(req, req_arg(req, "slug"), &f, &p)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		event_json(req, &p);
	else
		event_html(req, &p);
	return 200;
}
