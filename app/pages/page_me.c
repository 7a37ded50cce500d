/* page_me.c: /me — a member's own speaking history, roles and seats, bio and links, password and logins. */
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/params.h"
#include "model/login.h"
#include "model/person.h"
#include "model/profile.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/when.h"

static void
profile_form(struct request *req, const char *bio, const char *links, long long version, const char *msg)
{
	struct buf *b = &req->out;

	html_lit(b, "<h2>Your bio and links</h2>");
	if (msg)
		flash_out(b, 1, msg);
	html_lit(b, "<form method=\"post\" action=\"/me\">");
	csrf_field(req);
	buf_appendf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">", version);
	html_lit(b, "<div class=\"field\"><label for=\"bio\">Bio</label><textarea id=\"bio\" name=\"bio\" rows=\"4\">");
	html_text(b, bio);
	html_lit(b, "</textarea></div><div class=\"field\"><label for=\"links\">Links, one per line "
	    "(https://\xe2\x80\xa6)</label><textarea id=\"links\" name=\"links\" rows=\"3\">");
	html_text(b, links);
	html_lit(b, "</textarea></div><p><button type=\"submit\">Save</button></p></form>");
}

/* Their own password, and their logins with a button to end each but this one. */
static enum model_status
account_out(struct request *req)
{
	struct buf *b = &req->out;
	unsigned char own[AUTH_HASH_BYTES];
	struct login_item *l;
	enum model_status rc;
	size_t n;

	if (auth_own_login(req, own) == -1)
		memset(own, 0, sizeof(own));
	if ((rc = login_list(req, req->user->id, own, sizeof(own), &l, &n)) != MODEL_OK)
		return rc;
	html_lit(b, "<h2>Your password</h2><form method=\"post\" action=\"/me/password\">");
	csrf_field(req);
	html_lit(b, "<div class=\"field\"><label for=\"current\">Current password</label><input id=\"current\""
	    " name=\"current\" type=\"password\" autocomplete=\"current-password\" required></div>"
	    "<div class=\"field\"><label for=\"password\">New password (12 characters or more)</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></div>"
	    "<div class=\"field\"><label for=\"again\">New password again</label><input id=\"again\" name=\"again\""
	    " type=\"password\" autocomplete=\"new-password\" required></div>"
	    "<p><button type=\"submit\">Change the password</button> <span class=\"muted\">Your other logins end."
	    "</span></p></form><h2>Your logins</h2><table class=\"logins\"><thead><tr><th scope=\"col\">From</th>"
	    "<th scope=\"col\">Since</th><th scope=\"col\">Last used</th><th scope=\"col\"></th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		char since[64], used[64];

		when_epoch(l[i].created, since, sizeof(since));
		when_epoch(l[i].used, used, sizeof(used));
		html_lit(b, "<tr><td>");
		html_text(b, l[i].address ? l[i].address : "?");
		html_lit(b, "</td><td>");
		html_text(b, since);
		html_lit(b, "</td><td>");
		html_text(b, used);
		html_lit(b, "</td><td>");
		if (l[i].current)
			html_lit(b, "this one");
		else {
			html_lit(b, "<form method=\"post\" action=\"/me/logins/end\">");
			csrf_field(req);
			html_lit(b, "<input type=\"hidden\" name=\"key\" value=\"");
			html_attr(b, l[i].key);
			html_lit(b, "\"><button type=\"submit\" class=\"secondary\">End it</button></form>");
		}
		html_lit(b, "</td></tr>");
	}
	html_lit(b, "</tbody></table>");
	return MODEL_OK;
}

/* The member's history and roles, as on their public page. */
static enum model_status
own_record(struct request *req, long long person)
{
	struct appearance_item *history;
	struct role_item *roles;
	size_t n_history, n_roles;
	enum model_status rc;

	if ((rc = person_history(req, person, &history, &n_history)) != MODEL_OK ||
	    (rc = person_roles(req, person, &roles, &n_roles)) != MODEL_OK)
		return rc;
	person_history_html(req, history, n_history);
	person_roles_html(req, roles, n_roles);
	return MODEL_OK;
}

int
page_me(struct request *req)
{
	struct buf *b = &req->out;
	static const struct crumb crumbs[] = { { "Me", NULL }, { NULL, NULL } };
	struct profile p;
	enum model_status rc;

	if ((rc = profile_of(req, req->user->id, &p)) != MODEL_OK)
		return page_status(rc);
	layout_begin(req, "My history", crumbs);
	html_lit(b, "<h1>");
	html_text(b, req->user->display_name);
	html_lit(b, "</h1>");
	if (req_arg(req, "saved"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Saved.</p>");
	if (req_arg(req, "password"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Your password is changed; your other logins ended.</p>");
	if (req_arg(req, "ended"))
		html_lit(b, "<p class=\"flash\" role=\"status\">That login ended.</p>");
	if (p.org_slug) {
		html_lit(b, "<p>Your organization: ");
		html_link_to(b, "/orgs/", p.org_slug, p.org);
		html_lit(b, " \xc2\xb7 <a href=\"/me/organization/speakers.csv\">its speaker list (CSV)</a></p>");
	}
	if (p.person == 0) {
		render_empty(b, "Your account is not linked to a person in the registry yet; ask the staff to link it.");
		if ((rc = account_out(req)) != MODEL_OK) {
			buf_reset(b);
			return page_status(rc);
		}
		layout_end(req);
		return 200;
	}
	html_lit(b, "<p class=\"actions\"><a href=\"/people/");
	html_attr(b, p.slug);
	html_lit(b, "\">Your public page</a> <a href=\"/me/history.csv\">Download your history (CSV)</a></p>");
	profile_form(req, p.bio, p.links, p.version, NULL);
	if ((rc = own_record(req, p.person)) != MODEL_OK || (rc = account_out(req)) != MODEL_OK) {
		buf_reset(b);
		return page_status(rc);
	}
	layout_end(req);
	return 200;
}

/* The links as a JSON array, each line checked as any URL field is; NULL with req->error_detail set. */
static const char *
links_json(struct request *req, const char *links)
{
	static const struct param_rule url = { "links", P_URL, PF_FORM, 0, 500, 0 };
	struct buf json = BUF_INIT;
	const char *why, *out;

	html_lit(&json, "[");
	for (const char *p = links; p && *p;) {
		size_t n = strcspn(p, "\r\n");

		if (n && param_check(&url, p, n, &why) == -1) {
			req->error_detail = req_printf(req, "Each link %s.", why);
			buf_release(&json);
			return NULL;
		}
		if (n) {
			if (json.len > 1)
				buf_putc(&json, ',');
			json_string(&json, req_strndup(req, p, n));
		}
		p += n;
		p += strspn(p, "\r\n");
	}
	html_lit(&json, "]");
	out = req_strndup(req, json.data, json.len);
	buf_release(&json);
	return out;
}

/* POST /me: a member edits their own bio and links (nobody else's: the person is the user's own). */
int
page_me_save(struct request *req)
{
	long long person = req->user->person_id;
	const char *links;
	enum model_status rc;

	if (person == 0)
		return 403;
	/* Each line must be an http(s) address: the same rule as any URL field. */
	if ((links = links_json(req, req_arg(req, "links"))) == NULL)
		return 400;
	rc = profile_save(req, person, req_arg(req, "bio"), links, req_arg_int(req, "version", 0));
	if (rc == MODEL_STALE) {
		req->error_detail = "Your profile changed since you opened this page (perhaps in "
		    "another tab). Reload it to see the current text, then edit again.";
		return 409;
	}
	if (rc != MODEL_OK)
		return page_status(rc);
	return resp_redirect(req, "/me?saved=1");
}

/* POST /me/logins/end: ends one of the member's own logins. */
int
page_me_login_end(struct request *req)
{
	enum model_status rc = login_end(req->user->id, req_arg(req, "key"));

	if (rc != MODEL_OK)
		return page_status(rc);
	return resp_redirect(req, "/me?ended=1");
}
