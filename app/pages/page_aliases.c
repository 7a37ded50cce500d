/* page_aliases.c: /admin/aliases — the organizations' other names every importer matches, for staff to review and edit. */
#include <string.h>

#include "core/html.h"
#include "model/alias.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static void
alias_row(struct request *req, const struct alias_item *a)
{
	struct buf *b = &req->out;

	html_lit(b, "<tr><td>");
	html_text(b, a->alias);
	html_lit(b, "</td><td>");
	html_link_to(b, "/orgs/", a->org_slug, a->org);
	html_lit(b, "</td><td>");
	html_text(b, a->created_by ? a->created_by : "(command line)");
	html_lit(b, "</td><td>");
	html_text(b, a->created_at);
	buf_appendf(b, "</td><td><form method=\"post\" action=\"/admin/aliases/%lld/delete\">", a->id);
	csrf_field(req);
	html_lit(b, "<button type=\"submit\" class=\"secondary\">Delete</button></form></td></tr>");
}

static void
aliases_html(struct request *req, const struct alias_item *a, size_t n, const char *message)
{
	static const struct crumb crumbs[] = { { "Aliases", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Organization aliases", crumbs);
	html_lit(b, "<h1>Organization aliases</h1>");
	if (message) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, message);
		html_lit(b, "</p>");
	}
	html_lit(b, "<p>Other names of an organization (\"International Business Machines\" for IBM). Every "
	    "import matches a company name to an alias before the organizations' own names; names that differ "
	    "only in case, punctuation or a legal form (\"Google LLC\", \"Google, Inc.\") match without one.</p>"
	    "<form method=\"post\" action=\"/admin/aliases\">");
	csrf_field(req);
	html_lit(b, "<div class=\"field\"><label for=\"alias\">Alias</label><input id=\"alias\" name=\"alias\" "
	    "maxlength=\"200\" required></div><div class=\"field\"><label for=\"org\">Organization (slug)</label>"
	    "<input id=\"org\" name=\"org\" required></div><p><button type=\"submit\">Add alias</button></p></form>"
	    "<table><thead><tr><th scope=\"col\">Alias</th><th scope=\"col\">Organization</th>"
	    "<th scope=\"col\">By</th><th scope=\"col\">When</th><th scope=\"col\"></th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		alias_row(req, &a[i]);
	html_lit(b, "</tbody></table>");
	if (n == 0)
		render_empty(b, "No aliases yet.");
	layout_end(req);
}

static int
aliases_page(struct request *req, const char *message)
{
	struct alias_item *a;
	enum model_status ms;
	size_t n;

	if ((ms = alias_list(req, &a, &n)) != MODEL_OK)
		return page_status(ms);
	aliases_html(req, a, n, message);
	return message ? 422 : 200;
}

int
page_aliases(struct request *req)
{
	return aliases_page(req, NULL);
}

int
page_alias_add(struct request *req)
{
	enum model_status ms = alias_add(req, req_arg(req, "alias"), req_arg(req, "org"));

	if (ms == MODEL_NOT_FOUND)
		return aliases_page(req, "There is no organization with that slug.");
	if (ms == MODEL_CONFLICT)
		return aliases_page(req, "That alias is already one (of this organization or another).");
	return ms == MODEL_OK ? resp_redirect(req, "/admin/aliases") : page_status(ms);
}

int
page_alias_delete(struct request *req)
{
	enum model_status ms = alias_delete(req, req_arg_int(req, "id", 0));

	return ms == MODEL_OK ? resp_redirect(req, "/admin/aliases") : page_status(ms);
}
