/* layout.c: the frame shared by every HTML page; all variable text goes through html.h. */
#include <string.h>

#include "auth/auth.h"
#include "core/assets.h"
#include "core/html.h"
#include "pages/layout.h"

void
html_link(struct buf *b, const char *href, const char *text)
{
	html_lit(b, "<a href=\"");
	html_attr(b, href);
	html_lit(b, "\">");
	html_text(b, text);
	html_lit(b, "</a>");
}

void
html_link_to(struct buf *b, const char *base, const char *key, const char *text)
{
	html_lit(b, "<a href=\"");
	html_attr(b, base);
	html_attr(b, key);
	html_lit(b, "\">");
	html_text(b, text);
	html_lit(b, "</a>");
}

static void
nav_item(struct request *req, const char *href, const char *label)
{
	struct buf *b = &req->out;
	size_t n = strlen(href);
	int here = strncmp(req->path, href, n) == 0 &&
	    (req->path[n] == '\0' || req->path[n] == '/');

	html_lit(b, "<li><a href=\"");
	html_attr(b, href);
	html_lit(b, "\"");
	if (here)
		html_lit(b, " aria-current=\"page\"");
	html_lit(b, ">");
	html_text(b, label);
	html_lit(b, "</a></li>");
}

/* The header's account area: a log-in link, or the user, their staff links and a log-out button. */
static void
account_nav(struct request *req)
{
	struct buf *b = &req->out;

	html_lit(b, "<div class=\"account\">");
	if (req->user == NULL) {
		login_link(req);
		html_lit(b, "</div>");
		return;
	}
	html_lit(b, "<a href=\"/me\">");
	html_text(b, req->user->display_name);
	html_lit(b, "</a>");
	if (req->user->role >= ROLE_STAFF)
		html_lit(b, "<a href=\"/admin/imports\">Imports</a><a href=\"/history\">History</a>");
	if (req->user->role >= ROLE_ADMIN)
		html_lit(b, "<a href=\"/admin/users\">Users</a>");
	html_lit(b, "<form method=\"post\" action=\"/logout\">");
	csrf_field(req);
	html_lit(b, "<button type=\"submit\" class=\"secondary\">Log out</button></form></div>");
}

void
login_link(struct request *req)
{
	html_lit(&req->out, "<a href=\"/login?next=");
	url_component(&req->out, req->path);
	html_lit(&req->out, "\">Log in</a>");
}

void
csrf_field(struct request *req)
{
	if (req->csrf_token == NULL)
		return;
	html_lit(&req->out, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(&req->out, req->csrf_token);
	html_lit(&req->out, "\">");
}

int
page_route_exists(const struct request *req, const char *path)
{
	return req->route_exists != NULL && req->route_exists(HTTP_GET, path);
}

static void
crumbs_out(struct buf *b, const struct crumb *c)
{
	if (c == NULL || c->label == NULL)
		return;
	html_lit(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumbs\"><ol>"
	    "<li><a href=\"/\">Home</a></li>");
	for (; c->label; c++) {
		html_lit(b, "<li>");
		if (c->href)
			html_link(b, c->href, c->label);
		else {
			html_lit(b, "<span aria-current=\"page\">");
			html_text(b, c->label);
			html_lit(b, "</span>");
		}
		html_lit(b, "</li>");
	}
	html_lit(b, "</ol></nav>");
}

#define FLASH_COOKIE	"lectern_flash"

/* What a flash cookie may say: a code of ours, never text from a request. */
static const struct { const char *code, *text; } flashes[] = {
	{ "created", "Created." },
	{ "saved", "Saved." },
	{ "deleted", "Deleted. It can be restored from the History page." },
	{ "restored", "Restored." },
	{ "undone", "Undone: the record was deleted, and its history kept." },
	{ "merged", "Merged. The merge can be undone from the History page." },
	{ "password", "Your password was changed, and your other logins were ended." },
	{ "logins", "The login was ended." },
	{ "reset", "Your password was set. Log in with it." },
	{ "user", "The account was saved." },
};

void
flash_set(struct request *req, const char *code)
{
	resp_header(req, "Set-Cookie", req_printf(req, "%s=%s; Path=/; Max-Age=60; HttpOnly; SameSite=Lax%s",
	    FLASH_COOKIE, code, req->tls ? "; Secure" : ""));
}

void
flash_out(struct buf *b, int error, const char *text)
{
	if (error)
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
	else
		html_lit(b, "<p class=\"flash\" role=\"status\">");
	html_text(b, text);
	html_lit(b, "</p>");
}

/* The message a flash cookie carries, shown once: the cookie is cleared by this answer. */
static void
flash_shown(struct request *req)
{
	const char *code = req_cookie(req, FLASH_COOKIE);

	if (code == NULL)
		return;
	for (size_t i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++)
		if (strcmp(code, flashes[i].code) == 0)
			flash_out(&req->out, 0, flashes[i].text);
	resp_header(req, "Set-Cookie", req_printf(req, "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
	    FLASH_COOKIE, req->tls ? "; Secure" : ""));
}

void
layout_begin(struct request *req, const char *title, const struct crumb *crumbs)
{
	struct buf *b = &req->out;

	html_lit(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	    "<title>");
	html_text(b, title);
	html_lit(b, " \xe2\x80\x94 Lectern</title><link rel=\"stylesheet\" href=\"");
	html_attr(b, asset_url("style.css"));
	html_lit(b, "\"><link rel=\"icon\" href=\"");
	html_attr(b, asset_url("favicon.svg"));
	html_lit(b, "\" type=\"image/svg+xml\"><link rel=\"canonical\" href=\"");
	html_attr(b, req->path);
	html_lit(b, "\"><script src=\"");
	html_attr(b, asset_url("lectern.js"));
	html_lit(b, "\" defer></script></head>\n<body><a class=\"skip\" href=\"#main\">"
	    "Skip to content</a><header class=\"site\"><a class=\"brand\" href=\"/\">"
	    "<img src=\"");
	html_attr(b, asset_url("logo.svg"));
	html_lit(b, "\" alt=\"\" width=\"28\" height=\"28\">Lectern</a>"
	    "<nav aria-label=\"Main\"><ul>");
	nav_item(req, "/orgs", "Organizations");
	nav_item(req, "/people", "People");
	nav_item(req, "/events", "Events");
	nav_item(req, "/bodies", "Bodies");
	html_lit(b, "</ul></nav><form class=\"search\" role=\"search\" aria-label=\"Site\" action=\"/search\" method=\"get\">"
	    "<label for=\"site-q\" class=\"vh\">Search</label>"
	    "<input id=\"site-q\" type=\"search\" name=\"q\" placeholder=\"Search talks, people, organizations, events\">"
	    "<button type=\"submit\">Search</button></form>");
	account_nav(req);
	html_lit(b, "</header>\n<main id=\"main\">");
	crumbs_out(b, crumbs);
	flash_shown(req);
}

void
layout_end(struct request *req)
{
	html_lit(&req->out, "</main>\n<footer class=\"site\"><p>Lectern keeps the record of who "
	    "speaks for whom in the cloud-native community. "
	    "<a href=\"/search\">Search</a> \xc2\xb7 <a href=\"/healthz\">Status</a></p>"
	    "</footer></body></html>\n");
}

void
staff_new_button(struct request *req, const char *href, const char *label)
{
	if (!auth_is_staff(req) || !page_route_exists(req, href))
		return;
	html_lit(&req->out, "<p class=\"actions\"><a class=\"button\" href=\"");
	html_attr(&req->out, href);
	html_lit(&req->out, "\">");
	html_text(&req->out, label);
	html_lit(&req->out, "</a></p>");
}

void
staff_actions(struct request *req, const char *base)
{
	const char *edit, *history;

	if (!auth_is_staff(req))
		return;
	edit = req_printf(req, "%s/edit", base);
	history = req_printf(req, "%s/history", base);
	html_lit(&req->out, "<p class=\"actions\">");
	if (page_route_exists(req, edit)) {
		html_lit(&req->out, "<a class=\"button\" href=\"");
		html_attr(&req->out, edit);
		html_lit(&req->out, "\">Edit</a> ");
	}
	if (page_route_exists(req, history)) {
		html_lit(&req->out, "<a class=\"button secondary\" href=\"");
		html_attr(&req->out, history);
		html_lit(&req->out, "\">History</a>");
	}
	html_lit(&req->out, "</p>");
}

void
staff_edit_link(struct request *req, const char *href)
{
	if (!auth_is_staff(req))
		return;
	html_lit(&req->out, " <a class=\"edit\" href=\"");
	html_attr(&req->out, href);
	html_lit(&req->out, "\">edit</a>");
}
