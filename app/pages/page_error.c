/* page_error.c: the error page for any status a handler leaves without a body; never echoes the raw request. */
#include <string.h>

#include "core/html.h"
#include "model/record.h"
#include "model/redirect.h"
#include "pages/layout.h"
#include "pages/pages.h"

static const char *
reason(int status)
{
	switch (status) {
	case 400: return "Bad request";
	case 401: return "Login required";
	case 403: return "Forbidden";
	case 404: return "Not found";
	case 405: return "Method not allowed";
	case 409: return "Conflict";
	case 413: return "Too large";
	case 422: return "Cannot process";
	case 429: return "Too many requests";
	case 503: return "Service unavailable";
	default: return status >= 500 ? "Server error" : "Error";
	}
}

static const char *
explain(int status)
{
	switch (status) {
	case 401: return "Please log in to see this page.";
	case 403: return "You are not allowed to do this.";
	case 404: return "There is nothing at this address.";
	case 405: return "This address does not accept that method.";
	case 413: return "The request is larger than this server accepts.";
	case 503: return "The database is not available right now. Try again shortly.";
	default: return status >= 500 ? "Something went wrong on our side; it has been logged." : "";
	}
}

/* The address a record's old one leads to now: its kind's path, its slug now, the rest of
 * the path and the query as they were. NULL when the path names no slug that moved. */
static const char *
moved_to(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *seg, *rest, *now;
	struct buf b = BUF_INIT;

	if (k == NULL || !k->by_slug || req->path[strlen(k->path)] != '/')
		return NULL;
	seg = req->path + strlen(k->path) + 1;
	rest = seg + strcspn(seg, "/");
	if (rest == seg || redirect_find(req, k->kind, req_strndup(req, seg, (size_t)(rest - seg)), &now) != MODEL_OK)
		return NULL;
	buf_puts(&b, k->path);
	buf_putc(&b, '/');
	url_component(&b, now);
	buf_puts(&b, rest);	/* our own path's rest: it matched a route */
	if (req->want_json)
		buf_puts(&b, ".json");
	for (const struct param *p = req->query; p; p = p->next) {
		buf_putc(&b, p == req->query ? '?' : '&');
		url_component(&b, p->name);
		buf_putc(&b, '=');
		url_component(&b, p->value);
	}
	now = req_strndup(req, b.data, b.len);
	buf_release(&b);
	return redirect_target_valid(now) ? now : NULL;
}

/*
 * A record merged into another or renamed keeps its old address: a GET of it that found
 * nothing is answered 301 to where the record is now. Only once a route has matched (its
 * access was checked: with public_read off an anonymous visitor learns nothing).
 */
static int
moved(struct request *req)
{
	const char *to;

	if (req->status != 404 || req->route == NULL || (req->method != HTTP_GET && req->method != HTTP_HEAD) ||
	    (to = moved_to(req)) == NULL)
		return 0;
	req->status = 301;
	resp_header(req, "Location", to);
	if (req->want_json) {
		html_lit(&req->out, "{\"status\":301,\"location\":");
		json_string(&req->out, to);
		html_lit(&req->out, "}");
		return 1;
	}
	layout_begin(req, "Moved", NULL);
	html_lit(&req->out, "<h1>Moved</h1><p>This record is now at ");
	html_link(&req->out, to, to);
	html_lit(&req->out, ".</p>");
	layout_end(req);
	return 1;
}

void
page_error(struct request *req)
{
	const char *detail = req->error_detail ? req->error_detail : explain(req->status);
	struct buf *b = &req->out;

	buf_reset(b);
	if (moved(req))
		return;
	if (req->want_json) {
		html_lit(b, "{\"status\":");
		buf_appendf(b, "%d", req->status);
		html_lit(b, ",\"error\":");
		json_string(b, reason(req->status));
		html_lit(b, ",\"detail\":");
		json_string(b, detail);
		html_lit(b, "}");
		return;
	}
	layout_begin(req, reason(req->status), NULL);
	html_lit(b, "<section class=\"error\"><h1>");
	html_text(b, reason(req->status));
	html_lit(b, "</h1><p>");
	html_text(b, detail);
	html_lit(b, "</p>");
	if (req->status == 401)
		login_link(req);
	html_lit(b, "<p><a href=\"/\">Back to the home page</a></p></section>");
	layout_end(req);
}
