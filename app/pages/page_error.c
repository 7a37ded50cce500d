/* page_error.c: the error page for any status a handler leaves without a body; never echoes the raw request. */
#include "core/html.h"
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

void
page_error(struct request *req)
{
	const char *detail = req->error_detail ? req->error_detail : explain(req->status);
	struct buf *b = &req->out;

	buf_reset(b);
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
