/* page_admin.c: /admin/users — admins list, add, disable and re-role accounts, and make reset links. */
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/password.h"
#include "model/user.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

#define RESET_HOURS		24
#define RESET_HOURS_TEXT	"24 hours"

static void
user_row(struct request *req, const struct user_item *u)
{
	struct buf *b = &req->out;

	html_lit(b, "<tr><td>");
	html_text(b, u->login);
	html_lit(b, "</td><td>");
	html_text(b, u->display_name);
	html_lit(b, "</td><td>");
	html_text(b, u->person_slug);
	html_lit(b, " ");
	html_text(b, u->org_slug);
	html_lit(b, "</td><td>");
	html_text(b, u->last_login ? u->last_login : "never");
	buf_appendf(b, "</td><td><form method=\"post\" class=\"actions\" action=\"/admin/users/%lld\">", u->id);
	csrf_field(req);
	html_lit(b, "<select name=\"role\" aria-label=\"Role\">");
	for (enum user_role r = ROLE_MEMBER; r < ROLE__MAX; r++) {
		html_lit(b, "<option value=\"");
		html_attr(b, role_name(r));
		html_lit(b, "\"");
		if (strcmp(role_name(r), u->role) == 0)
			html_lit(b, " selected");
		html_lit(b, ">");
		html_text(b, role_name(r));
		html_lit(b, "</option>");
	}
	html_lit(b, "</select><select name=\"disabled\" aria-label=\"State\">");
	if (u->disabled)
		html_lit(b, "<option value=\"0\">active</option><option value=\"1\" selected>disabled</option>");
	else
		html_lit(b, "<option value=\"0\" selected>active</option><option value=\"1\">disabled</option>");
	html_lit(b, "</select><button type=\"submit\" class=\"secondary\">Save</button></form>");
	if (!u->disabled) {
		buf_appendf(b, "<form method=\"post\" class=\"actions\" action=\"/admin/users/%lld/reset\">", u->id);
		csrf_field(req);
		html_lit(b, "<button type=\"submit\" class=\"secondary\">Make a password-reset link</button></form>");
	}
	html_lit(b, "</td></tr>");
}

/* message: an error; link: a reset link just made, shown this once. */
static void
users_page(struct request *req, const char *message, const char *link)
{
	static const struct crumb crumbs[] = { { "Users", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	struct user_item *users = NULL;
	size_t n = 0;

	layout_begin(req, "Users", crumbs);
	html_lit(b, "<h1>Users</h1>");
	if (message)
		flash_out(b, 1, message);
	if (link) {
		html_lit(b, "<div class=\"flash\" role=\"status\"><p>A reset link, working once and for "
		    RESET_HOURS_TEXT ". Send it to its owner; it is shown only now:</p><p><code class=\"reset-link\">");
		html_text(b, link);
		html_lit(b, "</code></p></div>");
	}
	html_lit(b, "<table><thead><tr><th scope=\"col\">Login</th><th scope=\"col\">Name</th>"
	    "<th scope=\"col\">Linked to</th><th scope=\"col\">Last login</th><th scope=\"col\">Role and state"
	    "</th></tr></thead><tbody>");
	user_list(req, &users, &n);
	for (size_t i = 0; i < n; i++)
		user_row(req, &users[i]);
	html_lit(b, "</tbody></table><h2>Add a user</h2><form method=\"post\" action=\"/admin/users\">");
	csrf_field(req);
	html_lit(b, "<div class=\"field\"><label for=\"login\">Login</label><input id=\"login\" name=\"login\" required></div>"
	    "<div class=\"field\"><label for=\"name\">Display name</label><input id=\"name\" name=\"name\"></div>"
	    "<div class=\"field\"><label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\"></div>"
	    "<div class=\"field\"><label for=\"role\">Role</label><select id=\"role\" name=\"role\">"
	    "<option value=\"member\">member</option><option value=\"staff\">staff</option>"
	    "<option value=\"admin\">admin</option></select></div>"
	    "<div class=\"field\"><label for=\"person\">Linked person (slug)</label><input id=\"person\" name=\"person\"></div>"
	    "<div class=\"field\"><label for=\"org\">Linked organization (slug)</label><input id=\"org\" name=\"org\"></div>"
	    "<div class=\"field\"><label for=\"password\">Password (12 characters or more)</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></div>"
	    "<p><button type=\"submit\">Add</button></p></form>");
	layout_end(req);
}

int
page_admin_users(struct request *req)
{
	users_page(req, NULL, NULL);
	return 200;
}

int
page_admin_user_add(struct request *req)
{
	struct new_user u = { req_arg(req, "login"), req_arg(req, "name"), req_arg(req, "email"),
	    req_arg(req, "role"), req_arg(req, "person"), req_arg(req, "org"), req_arg(req, "password") };
	const char *why;
	enum model_status rc;

	if (password_check_policy(u.password, u.login, &why) == -1) {
		users_page(req, req_printf(req, "The password %s.", why), NULL);
		return 422;
	}
	if ((rc = users_create(&u, 1)) == MODEL_INVALID || rc == MODEL_CONFLICT) {
		users_page(req, "The user was not added: the login is taken, or the person or organization "
		    "slug names nothing.", NULL);
		return 422;
	}
	if (rc != MODEL_OK)
		return page_status(rc);
	return resp_redirect(req, "/admin/users");
}

int
page_admin_user_update(struct request *req)
{
	long long id = req_arg_int(req, "id", 0);
	int disabled = req_arg_int(req, "disabled", 0) == 1;
	enum model_status rc;

	if (id == req->user->id && (disabled || role_of(req_arg(req, "role")) != ROLE_ADMIN)) {
		req->error_detail = "You cannot disable yourself or take away your own admin role.";
		return 422;
	}
	/* Disabling ends the user's logins at once, in the same transaction. */
	if ((rc = user_update(req, id, req_arg(req, "role"), disabled)) != MODEL_OK)
		return page_status(rc);
	return resp_redirect(req, "/admin/users");
}

/* POST /admin/users/{id}/reset: a one-time link to set a new password, instead of typing one for
 * someone; the database keeps only its hash. */
int
page_admin_user_reset(struct request *req)
{
	char token[AUTH_TOKEN_CHARS + 1];
	unsigned char hash[AUTH_HASH_BYTES];
	long long now = (long long)time(NULL);
	const char *origin = auth_origin(req);
	enum model_status rc;

	auth_reset_token(token, hash);
	rc = user_reset_add(req, req_arg_int(req, "id", 0), hash, sizeof(hash), now, now + RESET_HOURS * 3600);
	if (rc == MODEL_NOT_FOUND) {
		req->error_detail = "There is no such enabled account.";
		return 404;
	}
	if (rc != MODEL_OK)
		return page_status(rc);
	resp_header(req, "Cache-Control", "no-store");
	users_page(req, NULL, req_printf(req, "%s/reset?token=%s", origin ? origin : "", token));
	return 200;
}
