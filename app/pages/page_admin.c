/* page_admin.c: /admin/users — admins list, add, disable and re-role accounts. */
#include <string.h>

#include "auth/auth.h"
#include "model/user.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "core/log.h"
#include "pages/pages.h"
#include "core/password.h"
#include "pages/render.h"

static const char list_sql[] =
	"SELECT u.id, u.login, u.display_name, u.role, u.disabled, coalesce(u.last_login, 'never'),"
	" p.slug, o.slug FROM users u LEFT JOIN people p ON p.id = u.person_id"
	" LEFT JOIN organizations o ON o.id = u.org_id ORDER BY u.login";

static void
user_row(struct request *req, sqlite3_stmt *st)
{
	struct buf *b = &req->out;
	long long id = sqlite3_column_int64(st, 0);

	html_lit(b, "<tr><td>");
	html_text(b, (const char *)sqlite3_column_text(st, 1));
	html_lit(b, "</td><td>");
	html_text(b, (const char *)sqlite3_column_text(st, 2));
	html_lit(b, "</td><td>");
	html_text(b, (const char *)sqlite3_column_text(st, 6));
	html_lit(b, " ");
	html_text(b, (const char *)sqlite3_column_text(st, 7));
	html_lit(b, "</td><td>");
	html_text(b, (const char *)sqlite3_column_text(st, 5));
	buf_appendf(b, "</td><td><form method=\"post\" class=\"actions\" action=\"/admin/users/%lld\">", id);
	csrf_field(req);
	html_lit(b, "<select name=\"role\" aria-label=\"Role\">");
	for (enum user_role r = ROLE_MEMBER; r < ROLE__MAX; r++) {
		html_lit(b, "<option value=\"");
		html_attr(b, role_name(r));
		html_lit(b, "\"");
		if (strcmp(role_name(r), (const char *)sqlite3_column_text(st, 3)) == 0)
			html_lit(b, " selected");
		html_lit(b, ">");
		html_text(b, role_name(r));
		html_lit(b, "</option>");
	}
	html_lit(b, "</select><select name=\"disabled\" aria-label=\"State\">");
	if (sqlite3_column_int(st, 4))
		html_lit(b, "<option value=\"0\">active</option><option value=\"1\" selected>disabled</option>");
	else
		html_lit(b, "<option value=\"0\" selected>active</option><option value=\"1\">disabled</option>");
	html_lit(b, "</select><button type=\"submit\" class=\"secondary\">Save</button></form></td></tr>");
}

static void
users_page(struct request *req, const char *message)
{
	static const struct crumb crumbs[] = { { "Users", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st = db ? db_stmt(db, list_sql) : NULL;

	layout_begin(req, "Users", crumbs);
	html_lit(b, "<h1>Users</h1>");
	if (message) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, message);
		html_lit(b, "</p>");
	}
	html_lit(b, "<table><thead><tr><th scope=\"col\">Login</th><th scope=\"col\">Name</th>"
	    "<th scope=\"col\">Linked to</th><th scope=\"col\">Last login</th><th scope=\"col\">Role and state"
	    "</th></tr></thead><tbody>");
	while (st && sqlite3_step(st) == SQLITE_ROW)
		user_row(req, st);
	if (st)
		sqlite3_reset(st);
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
	users_page(req, NULL);
	return 200;
}

int
page_admin_user_add(struct request *req)
{
	sqlite3 *db = db_thread();
	const char *why;

	if (db == NULL)
		return 503;
	if (password_check_policy(req_arg(req, "password"), req_arg(req, "login"), &why) == -1) {
		users_page(req, req_printf(req, "The password %s.", why));
		return 422;
	}
	if (user_create(db, req_arg(req, "login"), req_arg(req, "name"), req_arg(req, "email"),
	    req_arg(req, "role"), req_arg(req, "person"), req_arg(req, "org"), req_arg(req, "password")) == -1) {
		users_page(req, "The user was not added: the login is taken, or the person or organization "
		    "slug names nothing.");
		return 422;
	}
	return resp_redirect(req, "/admin/users");
}

static const char update_sql[] =
	"UPDATE users SET role = ?2, disabled = ?3, version = version + 1 WHERE id = ?1";
static const char drop_sql[] = "DELETE FROM logins WHERE user_id = ?1 AND ?2";

int
page_admin_user_update(struct request *req)
{
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	long long id = req_arg_int(req, "id", 0);
	int disabled = req_arg_int(req, "disabled", 0) == 1;

	if (db == NULL || (st = db_stmt(db, update_sql)) == NULL)
		return 503;
	if (id == req->user->id && (disabled || role_of(req_arg(req, "role")) != ROLE_ADMIN)) {
		req->error_detail = "You cannot disable yourself or take away your own admin role.";
		return 422;
	}
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, req_arg(req, "role"));
	sqlite3_bind_int(st, 3, disabled);
	sqlite3_step(st);
	sqlite3_reset(st);
	if (sqlite3_changes(db) == 0)
		return 404;
	/* Disabling ends the user's logins at once. */
	if ((st = db_stmt(db, drop_sql)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, disabled);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	return resp_redirect(req, "/admin/users");
}
