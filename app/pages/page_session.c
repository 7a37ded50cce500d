/* page_session.c: /sessions/{id} — one session, its speakers and whom each represented. */
#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/session.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/when.h"

static void
speakers_html(struct request *req, const struct session_page *p)
{
	struct buf *b = &req->out;

	html_lit(b, "<h2>Speakers</h2><ul>");
	for (size_t i = 0; i < p->n_speakers; i++) {
		const struct speaker *s = &p->speakers[i];

		html_lit(b, "<li>");
		html_link_to(b, "/people/", s->slug, s->name);
		html_lit(b, " <span class=\"muted\">");
		html_text(b, vocab_label(VOCAB_APPEARANCE_ROLE, s->role));
		html_lit(b, "</span>");
		if (s->org) {
			html_lit(b, ", for ");
			html_link_to(b, "/orgs/", s->org_slug, s->org);
		}
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul>");
	if (p->n_speakers == 0)
		render_empty(b, "No speakers recorded.");
}

/* The line under the title: kind, event, time, length, room, track. */
static void
when_and_where(struct request *req, const struct session_page *p, const struct crumb *event)
{
	struct buf *b = &req->out;

	html_lit(b, "<p>");
	render_kind(b, p->kind, p->status);
	html_lit(b, " ");
	html_link(b, event->href, event->label);
	html_lit(b, "<br><span class=\"muted\">");
	if (p->starts_at) {
		html_lit(b, "<time datetime=\"");
		html_attr(b, p->starts_at);
		html_lit(b, "\">");
		when_session(b, p->starts_at, p->end_time);
		html_lit(b, "</time> (");
		html_text(b, p->event_time_zone);
		html_lit(b, ", ");
		when_offset(b, p->starts_at);
		html_lit(b, ")");
	}
	if (p->duration_min)
		buf_appendf(b, " \xc2\xb7 %lld min", p->duration_min);
	if (p->room) {
		html_lit(b, " \xc2\xb7 ");
		html_text(b, p->room);
	}
	if (p->track) {
		html_lit(b, " \xc2\xb7 track ");
		html_text(b, p->track);
	}
	html_lit(b, "</span></p>");
}

static void
session_html(struct request *req, const struct session_page *p)
{
	struct buf *b = &req->out;
	struct crumb crumbs[] = { { "Events", "/events" }, { NULL, NULL }, { NULL, NULL }, { NULL, NULL } };

	crumbs[1].label = p->event_name;
	crumbs[1].href = req_printf(req, "/events/%s", p->event_slug);
	crumbs[2].label = p->title;
	render_page_head(req, p->title, crumbs);
	if (p->subtitle) {
		html_lit(b, "<p class=\"subtitle\">");
		html_text(b, p->subtitle);
		html_lit(b, "</p>");
	}
	when_and_where(req, p, &crumbs[1]);
	if (p->abstract) {
		/* Abstracts may be Markdown or escaped HTML from an import: shown as text, always. */
		html_lit(b, "<h2>Abstract</h2><p class=\"abstract\">");
		html_text(b, p->abstract);
		html_lit(b, "</p>");
	}
	if (p->url || p->video_url) {
		html_lit(b, "<p class=\"actions\">");
		if (p->url)
			html_link(b, p->url, "Session page");
		if (p->video_url) {
			html_lit(b, " ");
			html_link(b, p->video_url, "Video");
		}
		html_lit(b, "</p>");
	}
	staff_actions(req, req_printf(req, "/sessions/%lld", p->id));
	speakers_html(req, p);
	layout_end(req);
}

#define P(type, key, field)	JF(type, struct session_page, key, field)
static const struct json_field session_json_head[] = {
	P(LONG, "id", id), P(STR, "title", title), P(STR, "subtitle", subtitle), P(STR, "kind", kind),
	P(STR, "status", status), P(STR, "track", track), P(STR, "room", room), P(STR, "starts_at", starts_at),
	P(LONG_OR_NULL, "duration_min", duration_min), P(STR, "abstract", abstract), P(STR, "url", url),
	P(STR, "video_url", video_url),
};
static const struct json_field session_json_event[] = {
	P(STR, "name", event_name), P(STR, "slug", event_slug),
};
#define S(type, key, field)	JF(type, struct speaker, key, field)
static const struct json_field speaker_json[] = {
	S(STR, "name", name), S(STR, "slug", slug), S(STR, "role", role), S(STR, "organization", org),
	S(STR, "org", org_slug),
};

static void
session_json(struct request *req, const struct session_page *p)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_fields(&j, JSON_FIELDS(session_json_head), p);
	json_key(&j, "event");
	json_object(&j);
	json_fields(&j, JSON_FIELDS(session_json_event), p);
	json_end(&j);
	json_objects(&j, "speakers", p->speakers, p->n_speakers, sizeof(*p->speakers), JSON_FIELDS(speaker_json));
	json_end(&j);
}

int
page_session(struct request *req)
{
	struct session_page p;
	enum model_status rc;

	if ((rc = session_page(req, req_arg_int(req, "id", 0), &p)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		session_json(req, &p);
	else
		session_html(req, &p);
	return 200;
}
