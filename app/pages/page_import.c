/* page_import.c: /admin/import (upload, preview, confirm or cancel) and /admin/imports — the same
 * importer as `lectern import`, the preview being its dry run. */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "import/schedule.h"

static void
upload_form(struct request *req, const char *message)
{
	struct buf *b = &req->out;
	static const struct crumb crumbs[] = { { "Imports", "/admin/imports" }, { "Import a schedule", NULL },
	    { NULL, NULL } };

	layout_begin(req, "Import a schedule", crumbs);
	html_lit(b, "<h1>Import a schedule</h1>");
	if (message) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, message);
		html_lit(b, "</p>");
	}
	html_lit(b, "<p>A frab/Pentabarf <code>schedule.xml</code> as pretalx, frab, Pentabarf or wafer publish it. "
	    "You will see what would change before anything is written.</p>"
	    "<form method=\"post\" action=\"/admin/import\" enctype=\"multipart/form-data\">");
	csrf_field(req);
	html_lit(b, "<div class=\"field\"><label for=\"schedule\">Schedule file</label>"
	    "<input id=\"schedule\" name=\"schedule\" type=\"file\" accept=\".xml,application/xml,text/xml\" required></div>"
	    "<div class=\"field\"><label for=\"event\">Into the event (slug, optional)</label>"
	    "<input id=\"event\" name=\"event\" list=\"dl-event\"><span class=\"muted\">empty: found or created "
	    "from the file's conference</span></div>"
	    "<div class=\"field\"><label for=\"tz\">Time zone when the file names none (optional)</label>"
	    "<input id=\"tz\" name=\"tz\" placeholder=\"Europe/Brussels\"></div>"
	    "<p><button type=\"submit\">Preview</button></p></form>");
	layout_end(req);
}

int
page_import_form(struct request *req)
{
	upload_form(req, NULL);
	return 200;
}

static void
summary_list(struct buf *b, const struct import_summary *sum)
{
	html_lit(b, "<ul class=\"numbers\">");
	render_figure(b, sum->sessions_new, "New sessions");
	render_figure(b, sum->sessions_changed, "Changed");
	render_figure(b, sum->sessions_unchanged, "Unchanged");
	render_figure(b, sum->sessions_cancelled, "Missing: cancelled");
	render_figure(b, sum->people_new, "New people");
	render_figure(b, sum->orgs_new, "New organizations");
	render_figure(b, sum->review, "To review");
	render_figure(b, sum->conflicts, "Conflicts");
	html_lit(b, "</ul>");
}

static void
report_list(struct buf *b, const char *report)
{
	const char *p = report;

	if (p == NULL || *p == '\0')
		return;
	html_lit(b, "<h2>Details</h2><ul class=\"report\">");
	while (*p) {
		size_t n = strcspn(p, "\n");

		html_lit(b, "<li>");
		html_textn(b, p, n);
		html_lit(b, "</li>");
		p += n;
		if (*p)
			p++;
	}
	html_lit(b, "</ul>");
}

static const char keep_sql[] =
	"INSERT INTO import_uploads(token_hash, user_id, file_name, event_slug, tz, data, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char forget_old_sql[] = "DELETE FROM import_uploads WHERE created_at < ?1";

/* POST /admin/import: the dry run, and the upload kept for the confirmation. */
int
page_import_preview(struct request *req)
{
	struct import_options opt = { 0 };
	struct import_summary sum;
	struct buf err = BUF_INIT, *b = &req->out;
	const char *data = req_arg(req, "schedule");
	size_t len = 0;
	unsigned char raw[32], h[crypto_generichash_BYTES];
	char token[65];
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	static const struct crumb crumbs[] = { { "Imports", "/admin/imports" }, { "Preview", NULL },
	    { NULL, NULL } };

	if (db == NULL)
		return 503;
	for (const struct param *p = req->args; p; p = p->next)
		if (strcmp(p->name, "schedule") == 0)
			len = p->len;
	if (data == NULL || len == 0) {
		upload_form(req, "Choose a schedule file.");
		return 422;
	}
	opt.file_name = req_arg(req, "schedule.filename") ? req_arg(req, "schedule.filename") : "schedule.xml";
	opt.event_slug = req_arg(req, "event");
	opt.tz = req_arg(req, "tz");
	opt.user_login = req->user->login;
	opt.dry_run = 1;
	if (import_schedule_memory(db, data, len, &opt, &sum, &err) == -1) {
		upload_form(req, req_printf(req, "Nothing was imported: %s", err.data));
		buf_release(&err);
		return 422;
	}
	buf_release(&err);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(token, sizeof(token), raw, sizeof(raw));
	crypto_generichash(h, sizeof(h), (unsigned char *)token, 64, NULL, 0);
	if ((st = db_stmt(db, forget_old_sql)) != NULL) {
		sqlite3_bind_int64(st, 1, (long long)time(NULL) - 86400);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	if ((st = db_stmt(db, keep_sql)) == NULL) {
		import_summary_release(&sum);
		return 503;
	}
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, req->user->id);
	sqlite3_bind_text(st, 3, opt.file_name, -1, SQLITE_STATIC);
	db_bind_text(st, 4, opt.event_slug);
	db_bind_text(st, 5, opt.tz);
	sqlite3_bind_blob64(st, 6, data, len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, (long long)time(NULL));
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		import_summary_release(&sum);
		return 503;
	}
	sqlite3_reset(st);
	layout_begin(req, "Preview of the import", crumbs);
	html_lit(b, "<h1>Preview: ");
	html_text(b, opt.file_name);
	html_lit(b, "</h1><p>Nothing has been written yet.</p>");
	summary_list(b, &sum);
	report_list(b, sum.report.data);
	html_lit(b, "<div class=\"actions\"><form method=\"post\" action=\"/admin/import/confirm\">");
	csrf_field(req);
	html_lit(b, "<input type=\"hidden\" name=\"token\" value=\"");
	html_attr(b, token);
	html_lit(b, "\"><button type=\"submit\">Import</button></form>"
	    "<form method=\"post\" action=\"/admin/import/cancel\">");
	csrf_field(req);
	html_lit(b, "<input type=\"hidden\" name=\"token\" value=\"");
	html_attr(b, token);
	html_lit(b, "\"><button type=\"submit\" class=\"secondary\">Cancel</button></form></div>");
	layout_end(req);
	import_summary_release(&sum);
	return 200;
}

static const char take_sql[] =
	"SELECT file_name, event_slug, tz, data FROM import_uploads WHERE token_hash = ?1 AND user_id = ?2";
static const char drop_sql[] = "DELETE FROM import_uploads WHERE token_hash = ?1";

static void
token_hash(struct request *req, unsigned char h[crypto_generichash_BYTES])
{
	const char *t = req_arg(req, "token");

	crypto_generichash(h, crypto_generichash_BYTES, (const unsigned char *)t, strlen(t), NULL, 0);
}

/* POST /admin/import/confirm */
int
page_import_confirm(struct request *req)
{
	struct import_options opt = { 0 };
	struct import_summary sum;
	struct buf err = BUF_INIT;
	unsigned char h[crypto_generichash_BYTES];
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int rc;

	if (db == NULL || (st = db_stmt(db, take_sql)) == NULL)
		return 503;
	token_hash(req, h);
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, req->user->id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		req->error_detail = "This preview has expired or was already used: upload the file again.";
		return 409;
	}
	opt.file_name = req_strdup(req, (const char *)sqlite3_column_text(st, 0));
	opt.event_slug = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	opt.tz = req_strdup(req, (const char *)sqlite3_column_text(st, 2));
	opt.user_login = req->user->login;
	rc = import_schedule_memory(db, sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3),
	    &opt, &sum, &err);
	sqlite3_reset(st);
	if (rc == -1) {
		req->error_detail = req_printf(req, "Nothing was imported: %s", err.data);
		buf_release(&err);
		return 422;
	}
	buf_release(&err);
	import_summary_release(&sum);
	if ((st = db_stmt(db, drop_sql)) != NULL) {
		sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	return resp_redirect(req, req_printf(req, "/admin/imports?done=%lld", sum.run_id));
}

/* POST /admin/import/cancel */
int
page_import_cancel(struct request *req)
{
	unsigned char h[crypto_generichash_BYTES];
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;

	if (db == NULL || (st = db_stmt(db, drop_sql)) == NULL)
		return 503;
	token_hash(req, h);
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_reset(st);
	return resp_redirect(req, "/admin/imports");
}

/* POST /admin/imports/{id}/undo */
int
page_import_undo(struct request *req)
{
	struct buf err = BUF_INIT;
	sqlite3 *db = db_thread();
	int rc;

	if (db == NULL)
		return 503;
	rc = import_undo(db, req_arg_int(req, "id", 0), &err);
	if (rc == -1)
		req->error_detail = req_printf(req, "Not undone: %s.", err.data);
	buf_release(&err);
	return rc == -1 ? 409 : resp_redirect(req, "/admin/imports?undone=1");
}

static const char runs_sql[] =
	"SELECT r.id, r.at, coalesce(r.user_login, '(command line)'), r.file_name, r.sha256, e.slug, e.name,"
	" json_extract(r.counts, '$.new'), json_extract(r.counts, '$.changed'),"
	" json_extract(r.counts, '$.unchanged'), json_extract(r.counts, '$.cancelled'),"
	" json_extract(r.counts, '$.conflicts'), r.undone_at"
	" FROM import_runs r LEFT JOIN events e ON e.id = r.event_id ORDER BY r.id DESC LIMIT ?1 OFFSET ?2";

/* GET /admin/imports */
int
page_imports(struct request *req)
{
	static const struct crumb crumbs[] = { { "Imports", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int rows = 0;

	if (db == NULL || (st = list_stmt(req, db, runs_sql)) == NULL)
		return 503;
	layout_begin(req, "Imports", crumbs);
	html_lit(b, "<h1>Imports</h1>");
	if (req_arg(req, "done"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Imported.</p>");
	if (req_arg(req, "undone"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Undone.</p>");
	html_lit(b, "<p class=\"actions\"><a class=\"button\" href=\"/admin/import\">Import a schedule</a></p>"
	    "<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
	    "<th scope=\"col\">File</th><th scope=\"col\">Event</th><th scope=\"col\">New / changed / unchanged / "
	    "cancelled / conflicts</th><th scope=\"col\"></th></tr></thead><tbody>");
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE) {
		buf_appendf(b, "<tr><td>%lld</td><td>", sqlite3_column_int64(st, 0));
		html_text(b, (const char *)sqlite3_column_text(st, 1));
		html_lit(b, "</td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 2));
		html_lit(b, "</td><td>");
		html_text(b, (const char *)sqlite3_column_text(st, 3));
		html_lit(b, "<br><code class=\"muted\">");
		html_textn(b, (const char *)sqlite3_column_text(st, 4), 16);
		html_lit(b, "\xe2\x80\xa6</code></td><td>");
		if (sqlite3_column_type(st, 5) != SQLITE_NULL)
			html_link(b, req_printf(req, "/events/%s", sqlite3_column_text(st, 5)),
			    (const char *)sqlite3_column_text(st, 6));
		buf_appendf(b, "</td><td>%d / %d / %d / %d / %d</td><td>", sqlite3_column_int(st, 7),
		    sqlite3_column_int(st, 8), sqlite3_column_int(st, 9), sqlite3_column_int(st, 10),
		    sqlite3_column_int(st, 11));
		if (sqlite3_column_type(st, 12) != SQLITE_NULL)
			html_lit(b, "<span class=\"tag\">undone</span>");
		else {
			buf_appendf(b, "<form method=\"post\" data-confirm=\"Undo this import?\" "
			    "action=\"/admin/imports/%lld/undo\">", sqlite3_column_int64(st, 0));
			csrf_field(req);
			html_lit(b, "<button type=\"submit\" class=\"secondary\">Undo</button></form>");
		}
		html_lit(b, "</td></tr>");
	}
	sqlite3_reset(st);
	html_lit(b, "</tbody></table>");
	if (rows == 0)
		render_empty(b, "No imports yet.");
	render_pager(req, page_number(req), rows > PAGE_SIZE, NULL);
	layout_end(req);
	return 200;
}
