/* page_me.c: /me — a member's own speaking history, roles and seats, and their own bio and links. */
#include <string.h>

#include "model/audit.h"
#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "core/params.h"
#include "pages/render.h"

static const char me_sql[] =
	"SELECT p.id, p.name, p.slug, p.bio, (SELECT group_concat(value, char(10)) FROM json_each(p.links)),"
	" p.version, o.name, o.slug FROM users u LEFT JOIN people p ON p.id = u.person_id"
	" LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = ?1";

static void
profile_form(struct request *req, const char *bio, const char *links, long long version, const char *msg)
{
	struct buf *b = &req->out;

	html_lit(b, "<h2>Your bio and links</h2>");
	if (msg) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, msg);
		html_lit(b, "</p>");
	}
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

int
page_me(struct request *req)
{
	struct buf *b = &req->out;
	static const struct crumb crumbs[] = { { "Me", NULL }, { NULL, NULL } };
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	long long person;

	if (db == NULL || (st = db_stmt(db, me_sql)) == NULL)
		return 503;
	sqlite3_bind_int64(st, 1, req->user->id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return 404;
	}
	layout_begin(req, "My history", crumbs);
	html_lit(b, "<h1>");
	html_text(b, req->user->display_name);
	html_lit(b, "</h1>");
	if (req_arg(req, "saved"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Saved.</p>");
	person = sqlite3_column_int64(st, 0);
	if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
		html_lit(b, "<p>Your organization: ");
		html_link(b, req_printf(req, "/orgs/%s", sqlite3_column_text(st, 7)),
		    (const char *)sqlite3_column_text(st, 6));
		html_lit(b, " \xc2\xb7 <a href=\"/me/organization/speakers.csv\">its speaker list (CSV)</a></p>");
	}
	if (person == 0) {
		sqlite3_reset(st);
		render_empty(b, "Your account is not linked to a person in the registry yet; ask the staff to link it.");
		layout_end(req);
		return 200;
	}
	html_lit(b, "<p class=\"actions\"><a href=\"/people/");
	html_attr(b, (const char *)sqlite3_column_text(st, 2));
	html_lit(b, "\">Your public page</a> <a href=\"/me/history.csv\">Download your history (CSV)</a></p>");
	profile_form(req, (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4),
	    sqlite3_column_int64(st, 5), NULL);
	sqlite3_reset(st);
	person_history(req, db, person);
	person_roles(req, db, person);
	layout_end(req);
	return 200;
}

static const char update_sql[] =
	"UPDATE people SET bio = ?2, links = json(?3), version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND version = ?4";

/* POST /me: a member edits their own bio and links (nobody else's: the person is the user's own). */
int
page_me_save(struct request *req)
{
	const char *links = req_arg(req, "links"), *p, *why;
	struct buf json = BUF_INIT;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	long long person = req->user->person_id;
	const char *before;
	int rc = 0, err = 0;

	if (db == NULL)
		return 503;
	if (person == 0)
		return 403;
	/* Each line must be an http(s) address: the same rule as any URL field. */
	html_lit(&json, "[");
	for (p = links; p && *p;) {
		static const struct param_rule url = { "links", P_URL, PF_FORM, 0, 500, 0 };
		size_t n = strcspn(p, "\r\n");

		if (n && param_check(&url, p, n, &why) == -1) {
			req->error_detail = req_printf(req, "Each link %s.", why);
			buf_release(&json);
			return 400;
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
	if (db_begin(db) == -1) {
		buf_release(&json);
		return 503;
	}
	before = audit_capture(db, req, "person", person, &err);
	if (err || (st = db_stmt(db, update_sql)) == NULL)
		rc = 503;
	else {
		sqlite3_bind_int64(st, 1, person);
		db_bind_text(st, 2, req_arg(req, "bio"));
		sqlite3_bind_text(st, 3, json.data, (int)json.len, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, req_arg_int(req, "version", 0));
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = 500;
		else if (sqlite3_changes(db) == 0)
			rc = 409;
		sqlite3_reset(st);
	}
	if (rc == 0 && audit_write(db, req, "person", person, "update", before) == -1)
		rc = 500;
	buf_release(&json);
	if (rc) {
		db_rollback(db);
		if (rc == 409)
			req->error_detail = "Your profile changed since you opened this page (perhaps in "
			    "another tab). Reload it to see the current text, then edit again.";
		return rc;
	}
	if (db_commit(db) == -1)
		return 503;
	return resp_redirect(req, "/me?saved=1");
}
