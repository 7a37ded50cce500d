/* page_history.c: the audit trail for staff — all changes, one record's changes — and restore. */
#include <stdio.h>
#include <string.h>

#include "model/audit.h"
#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "model/record.h"
#include "pages/render.h"
#include "model/restore.h"

/* ?1 user login, ?2 kind, ?3 from date, ?4 to date, ?5 record id (0: all), ?6 limit, ?7 offset */
static const char list_sql[] =
	"SELECT a.id, a.at, coalesce(a.user_login, '(command line)'), a.kind, a.record_id, a.action,"
	" a.undone_by, (SELECT group_concat(k || char(31) || coalesce(b, '') || char(31) || coalesce(v, ''), char(30))"
	"  FROM (SELECT key AS k, json_extract(a.before, '$.' || key) AS b, json_extract(a.after, '$.' || key) AS v"
	"  FROM (SELECT key FROM json_each(coalesce(a.after, '{}')) UNION SELECT key FROM json_each(coalesce(a.before, '{}')))"
	"  WHERE key NOT IN ('version', 'updated_at', 'created_at')"
	"  AND json_extract(a.before, '$.' || key) IS NOT json_extract(a.after, '$.' || key))),"
	" a.before IS NOT NULL"
	" FROM audit a WHERE (?1 IS NULL OR a.user_login = ?1) AND (?2 IS NULL OR a.kind = ?2)"
	" AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < date(?4, '+1 day'))"
	" AND (?5 = 0 OR a.record_id = ?5) ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static void
changes(struct buf *b, const char *packed)
{
	const char *p = packed;

	html_lit(b, "<ul class=\"changes\">");
	while (p && *p) {
		size_t n = strcspn(p, "\x1e");
		const char *u1 = memchr(p, '\x1f', n), *u2 = u1 ? memchr(u1 + 1, '\x1f', n - (size_t)(u1 + 1 - p)) : NULL;

		if (u1 && u2) {
			html_lit(b, "<li><strong>");
			html_textn(b, p, (size_t)(u1 - p));
			html_lit(b, "</strong>: <del>");
			html_textn(b, u1 + 1, (size_t)(u2 - u1 - 1));
			html_lit(b, "</del> \xe2\x86\x92 <ins>");
			html_textn(b, u2 + 1, (size_t)(p + n - u2 - 1));
			html_lit(b, "</ins></li>");
		}
		p += n;
		if (*p)
			p++;
	}
	html_lit(b, "</ul>");
}

static void
entries(struct request *req, sqlite3 *db, const char *kind, long long record)
{
	static const char *const keep[] = { "user", "kind", "from", "to", NULL };
	struct buf *b = &req->out;
	sqlite3_stmt *st = db_stmt(db, list_sql);
	int rows = 0;

	if (st == NULL)
		return;
	db_bind_text(st, 1, req_arg(req, "user"));
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, req_arg(req, "from"));
	db_bind_text(st, 4, req_arg(req, "to"));
	sqlite3_bind_int64(st, 5, record);
	sqlite3_bind_int(st, 6, PAGE_SIZE + 1);
	sqlite3_bind_int64(st, 7, page_offset(req));
	html_lit(b, "<table class=\"history\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
	    "<th scope=\"col\">What</th><th scope=\"col\">Changes</th><th scope=\"col\"></th></tr></thead><tbody>");
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE) {
		long long id = sqlite3_column_int64(st, 0);

		html_lit(b, "<tr><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "</td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 2));
		html_lit(b, "</td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 5));
		html_lit(b, " ");
		html_text(b, (const char *)sqlite3_column_text(st, 3));
		buf_appendf(b, " #%lld", sqlite3_column_int64(st, 4));
		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			html_lit(b, " <span class=\"tag\">undone</span>");
		html_lit(b, "</td><td>");
		changes(b, (const char *)sqlite3_column_text(st, 7));
		html_lit(b, "</td><td>");
		if (sqlite3_column_int(st, 8) && sqlite3_column_type(st, 6) == SQLITE_NULL) {
			buf_appendf(b, "<form method=\"post\" action=\"/history/%lld/restore\">", id);
			csrf_field(req);
			html_lit(b, "<button type=\"submit\" class=\"secondary\">");
			if (strcmp((const char *)sqlite3_column_text(st, 5), "merge") == 0)
				html_lit(b, "Undo merge");
			else
				html_lit(b, "Restore before");
			html_lit(b, "</button></form>");
		}
		html_lit(b, "</td></tr>");
	}
	sqlite3_reset(st);
	html_lit(b, "</tbody></table>");
	if (rows == 0)
		render_empty(b, "No changes recorded.");
	render_pager(req, page_number(req), rows > PAGE_SIZE, keep);
}

int
page_history(struct request *req)
{
	static const struct crumb crumbs[] = { { "History", NULL }, { NULL, NULL } };
	static const char *const kinds[] = { "organization", "person", "affiliation", "event", "session",
	    "body", "role", "project", NULL };
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	const char *kind = req_arg(req, "kind");

	if (db == NULL)
		return 503;
	layout_begin(req, "History", crumbs);
	html_lit(b, "<h1>History</h1>");
	if (req_arg(req, "restored"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Restored.</p>");
	html_lit(b, "<form class=\"filters\" method=\"get\"><label>User <input name=\"user\" value=\"");
	html_attr(b, req_arg(req, "user"));
	html_lit(b, "\"></label><label>Kind <select name=\"kind\"><option value=\"\">All</option>");
	for (const char *const *k = kinds; *k; k++) {
		html_lit(b, "<option value=\"");
		html_attr(b, *k);
		html_lit(b, "\"");
		if (kind && strcmp(kind, *k) == 0)
			html_lit(b, " selected");
		html_lit(b, ">");
		html_text(b, *k);
		html_lit(b, "</option>");
	}
	html_lit(b, "</select></label><label>From <input type=\"date\" name=\"from\" value=\"");
	html_attr(b, req_arg(req, "from"));
	html_lit(b, "\"></label><label>To <input type=\"date\" name=\"to\" value=\"");
	html_attr(b, req_arg(req, "to"));
	html_lit(b, "\"></label><button type=\"submit\">Filter</button></form>");
	entries(req, db, kind, 0);
	layout_end(req);
	return 200;
}

int
page_record_history(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *key = req_arg(req, "key");
	sqlite3 *db = db_thread();
	long long id;
	struct crumb crumbs[] = { { NULL, NULL }, { NULL, NULL }, { "History", NULL }, { NULL, NULL } };

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	/* A deleted record keeps its history: look up by id when the key is a number. */
	if ((id = record_id(db, k, key)) <= 0)
		return 404;
	crumbs[0].label = k->title;
	crumbs[0].href = k->path;
	crumbs[1].label = key;
	crumbs[1].href = req_printf(req, "%s/%s", k->path, key);
	layout_begin(req, req_printf(req, "History of %s %s", k->kind, key), crumbs);
	html_lit(&req->out, "<h1>History</h1>");
	entries(req, db, k->kind, id);
	layout_end(req);
	return 200;
}

/* POST /history/{id}/restore */
int
page_restore(struct request *req)
{
	sqlite3 *db = db_thread();
	const char *why = NULL;

	if (db == NULL || db_begin(db) == -1)
		return 503;
	if (restore_entry(db, req, req_arg_int(req, "id", 0), &why) == -1) {
		db_rollback(db);
		req->error_detail = req_printf(req, "Nothing was restored: %s.", why ? why : "a database error");
		return 409;
	}
	if (db_commit(db) == -1)
		return 503;
	return resp_redirect(req, "/history?restored=1");
}

/* GET /people/{key}/merge and /orgs/{key}/merge: choose the record to keep. */
int
page_merge_form(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *key = req_arg(req, "key");
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	struct crumb crumbs[] = { { NULL, NULL }, { NULL, NULL }, { "Merge", NULL }, { NULL, NULL } };

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	if (record_id(db, k, key) <= 0)
		return 404;
	crumbs[0].label = k->title, crumbs[0].href = k->path;
	crumbs[1].label = key, crumbs[1].href = req_printf(req, "%s/%s", k->path, key);
	layout_begin(req, req_printf(req, "Merge %s", key), crumbs);
	html_lit(b, "<h1>Merge a duplicate</h1><p>Everything recorded for <strong>");
	html_text(b, key);
	html_lit(b, "</strong> moves to the record you name below, and this one is deleted. "
	    "The merge is recorded in the history and can be undone there.</p><form method=\"post\" action=\"");
	html_attr(b, req_printf(req, "%s/%s/merge", k->path, key));
	html_lit(b, "\">");
	csrf_field(req);
	html_lit(b, "<div class=\"field\"><label for=\"into\">Keep (slug or exact name)</label>"
	    "<input id=\"into\" name=\"into\" required></div><p><button type=\"submit\">Merge</button></p></form>");
	layout_end(req);
	return 200;
}

/* POST /people/{key}/merge and /orgs/{key}/merge */
int
page_merge(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	sqlite3 *db = db_thread();
	long long from, into;
	const char *why = NULL;
	char key[128];

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	if ((from = record_id(db, k, req_arg(req, "key"))) <= 0)
		return 404;
	if ((into = record_resolve(db, k->kind, req_arg(req, "into"))) <= 0) {
		req->error_detail = "The record to keep was not found (or the name is ambiguous: use its slug).";
		return 422;
	}
	if (db_begin(db) == -1)
		return 503;
	if (merge_records(db, req, k->kind, from, into, &why) == -1) {
		db_rollback(db);
		req->error_detail = req_printf(req, "Not merged: %s.", why ? why : "a database error");
		return 422;
	}
	if (db_commit(db) == -1)
		return 503;
	return resp_redirect(req, req_printf(req, "%s/%s", k->path, record_key(db, k, into, key, sizeof(key))));
}
