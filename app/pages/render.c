/* render.c: HTML fragments shared by the registry pages; all text goes through html.h. */
#include <string.h>

#include "core/html.h"
#include "core/vocab.h"
#include "model/record.h"
#include "pages/layout.h"
#include "pages/render.h"
#include "pages/when.h"

int
page_status(enum model_status rc)
{
	switch (rc) {
	case MODEL_OK: return 200;
	case MODEL_NOT_FOUND: return 404;
	case MODEL_CONFLICT: case MODEL_STALE: return 409;
	case MODEL_INVALID: case MODEL_TOO_COSTLY: return 422;
	case MODEL_UNAVAILABLE: return 503;
	default: return 500;
	}
}

void
render_role(struct buf *b, const char *role, const char *seat_type)
{
	html_text(b, vocab_label(VOCAB_ROLE, role));
	if (seat_type) {
		html_lit(b, " (");
		html_text(b, vocab_label(VOCAB_SEAT_TYPE, seat_type));
		html_lit(b, ")");
	}
}

void
render_kind(struct buf *b, const char *kind, const char *status)
{
	html_lit(b, "<span class=\"tag ");
	html_attr(b, kind);
	html_lit(b, "\">");
	html_text(b, vocab_label(VOCAB_SESSION_KIND, kind));
	html_lit(b, "</span>");
	if (status && strcmp(status, "cancelled") == 0)
		html_lit(b, " <span class=\"tag cancelled\">Cancelled</span>");
}

void
render_speaker_list(struct buf *b, const struct speaker *s, size_t n, int with_org)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			html_lit(b, ", ");
		html_link_to(b, "/people/", s[i].slug, s[i].name);
		if (with_org && s[i].org) {
			html_lit(b, " <span class=\"muted\">(");
			html_text(b, s[i].org);
			html_lit(b, ")</span>");
		}
	}
}

void
render_event_link(struct buf *b, const char *slug, const char *name, const char *date)
{
	struct buf label = BUF_INIT;
	char year[5] = "";

	if (date && strspn(date, "0123456789") >= 4)
		memcpy(year, date, 4);
	if (name && year[0] && strstr(name, year) == NULL) {
		buf_appendf(&label, "%s %.4s", name, date);
		name = label.data;
	}
	html_link_to(b, "/events/", slug, name);
	buf_release(&label);
}

void
render_session_line(struct buf *b, const struct session_item *it)
{
	buf_appendf(b, "<a href=\"/sessions/%lld\">", it->id);
	html_text(b, it->title);
	html_lit(b, "</a> ");
	render_kind(b, it->kind, it->status);
	html_lit(b, "<br><span class=\"muted\">");
	when_date(b, it->date);
	html_lit(b, " \xc2\xb7 </span>");
	render_event_link(b, it->event_slug, it->event_name, it->date);
	if (it->n_speakers) {
		html_lit(b, " \xc2\xb7 ");
		render_speaker_list(b, it->speakers, it->n_speakers, 1);
	}
}

void
render_event_item(struct buf *b, const char *slug, const char *name, const char *starts_on)
{
	html_lit(b, "<li>");
	render_event_link(b, slug, name, starts_on);
	html_lit(b, " <span class=\"muted\">");
	when_date(b, starts_on);
	html_lit(b, "</span></li>");
}

void
render_span(struct buf *b, const char *from, const char *until)
{
	when_days(b, from, until);
}

static void
pager_link(struct request *req, long long page, const char *const *keep, const char *rel,
    const char *text)
{
	struct buf *b = &req->out;

	html_lit(b, "<a rel=\"");
	html_attr(b, rel);
	html_lit(b, "\" href=\"");
	html_attr(b, req->path);
	buf_appendf(b, "?page=%lld", page);
	for (; keep && *keep; keep++) {
		const char *v = req_arg(req, *keep);

		if (v == NULL)
			continue;
		html_lit(b, "&amp;");
		url_component(b, *keep);
		html_lit(b, "=");
		url_component(b, v);
	}
	html_lit(b, "\">");
	html_text(b, text);
	html_lit(b, "</a>");
}

void
render_pager(struct request *req, long long page, int has_next, const char *const *keep)
{
	struct buf *b = &req->out;

	if (page <= 1 && !has_next)
		return;
	html_lit(b, "<nav class=\"pager\" aria-label=\"Pages\">");
	if (page > 1)
		pager_link(req, page - 1, keep, "prev", "\xe2\x86\x90 Previous");
	buf_appendf(b, "<span>Page %lld</span>", page);
	if (has_next)
		pager_link(req, page + 1, keep, "next", "Next \xe2\x86\x92");
	html_lit(b, "</nav>");
}

void
render_figure(struct buf *b, long long n, const char *label)
{
	buf_appendf(b, "<li><span class=\"n\">%lld</span><span class=\"l\">", n);
	html_text(b, label);
	html_lit(b, "</span></li>");
}

const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 || n == -1 ? one : many;
}

void
render_count(struct buf *b, long long n, const char *one, const char *many)
{
	buf_appendf(b, "%lld ", n);
	html_text(b, plural(n, one, many));
}

void
render_empty(struct buf *b, const char *text)
{
	html_lit(b, "<p class=\"empty\">");
	html_text(b, text);
	html_lit(b, "</p>");
}

long long
page_number(const struct request *req)
{
	return req_arg_int(req, "page", 1);
}

void
json_list_page(struct request *req, long long total, const void *rows, size_t n, size_t size,
    const struct json_field *f, size_t nfields)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_kint(&j, "page", page_number(req));
	json_kint(&j, "page_size", PAGE_SIZE);
	if (total >= 0)
		json_kint(&j, "total", total);
	json_objects(&j, "items", rows, page_rows(n), size, f, nfields);
	json_end(&j);
}

void
render_page_head(struct request *req, const char *title, const struct crumb *crumbs)
{
	layout_begin(req, title, crumbs);
	html_lit(&req->out, "<h1>");
	html_text(&req->out, title);
	html_lit(&req->out, "</h1>");
}

const char *
render_list_name(struct request *req, const struct record_kind *k)
{
	char *name = req_strdup(req, k->table);

	name[0] = (char)(name[0] - 'a' + 'A');
	return name;
}
