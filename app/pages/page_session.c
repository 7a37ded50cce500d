/* page_session.c: /sessions/{id} — one session, its speakers and whom each represented. */
#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/session.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static void
speakers_html(struct request *req, const struct session_page *p)
{
	struct buf *b = &req->out;

	html_lit(b, "<h2>Speakers</h2><ul>");
	for (size_t i = 0; i < p->n_speakers; i++) {
		const struct speaker *s = &p->speakers[i];

		html_lit(b, "<li>");
		html_link(b, req_printf(req, "/people/%s", s->slug), s->name);
		html_lit(b, " <span class=\"muted\">");
		html_text(b, vocab_label(VOCAB_APPEARANCE_ROLE, s->role));
		html_lit(b, "</span>");
		if (s->org) {
			html_lit(b, ", for ");
			html_link(b, req_printf(req, "/orgs/%s", s->org_slug), s->org);
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
		html_text(b, p->starts_at);
		html_lit(b, " (");
		html_text(b, p->event_time_zone);
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

static void
session_json(struct request *req, const struct session_page *p)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_kint(&j, "id", p->id);
	json_kstr(&j, "title", p->title);
	json_kstr(&j, "subtitle", p->subtitle);
	json_kstr(&j, "kind", p->kind);
	json_kstr(&j, "status", p->status);
	json_kstr(&j, "track", p->track);
	json_kstr(&j, "room", p->room);
	json_kstr(&j, "starts_at", p->starts_at);
	json_kint_or_null(&j, "duration_min", p->duration_min != 0, p->duration_min);
	json_kstr(&j, "abstract", p->abstract);
	json_kstr(&j, "url", p->url);
	json_kstr(&j, "video_url", p->video_url);
	json_key(&j, "event");
	json_object(&j);
	json_kstr(&j, "name", p->event_name);
	json_kstr(&j, "slug", p->event_slug);
	json_end(&j);
	json_key(&j, "speakers");
	json_array(&j);
	for (size_t i = 0; i < p->n_speakers; i++) {
		json_object(&j);
		json_kstr(&j, "name", p->speakers[i].name);
		json_kstr(&j, "slug", p->speakers[i].slug);
		json_kstr(&j, "role", p->speakers[i].role);
		json_kstr(&j, "organization", p->speakers[i].org);
		json_kstr(&j, "org", p->speakers[i].org_slug);
		json_end(&j);
	}
	json_end(&j);
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
