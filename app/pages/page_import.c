/* page_import.c: /admin/import (upload, preview, confirm or cancel, undo) — the same importer as
 * `lectern import`, the preview being its dry run, which takes no write lock. The preview's HTML
 * is import_view.c's; the list of runs, /admin/imports, page_imports.c's. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "import/import.h"
#include "model/handle.h"
#include "model/import_runs.h"
#include "pages/import_view.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* --- the upload form ------------------------------------------------------------------ */


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
	html_lit(b, "<p>A schedule as conferences publish it: Sched's iCal feed (<code>all.ics</code>) or API "
	    "export, any iCalendar file, a frab/Pentabarf <code>schedule.xml</code> or <code>schedule.json</code> "
	    "(pretalx, frab, the CCC hub), or a spreadsheet saved as CSV. You will see what would change, "
	    "and every warning, before anything is written.</p><p class=\"muted\">From an address: on the "
	    "server, <code>lectern import --db FILE https://&hellip;/all.ics</code> (the web server has no "
	    "network access of its own).</p>"
	    "<form method=\"post\" action=\"/admin/import\" enctype=\"multipart/form-data\">");
	csrf_field(req);
	html_lit(b, "<div class=\"field\"><label for=\"schedule\">Schedule file</label>"
	    "<input id=\"schedule\" name=\"schedule\" type=\"file\" accept=\".ics,.ical,.vcs,.xml,.json,.csv,"
	    ".yaml,.yml,.md,.txt,"
	    "text/calendar,application/xml,text/xml,application/json,text/csv\" required></div>"
	    "<div class=\"field\"><label for=\"format\">Format</label><select id=\"format\" name=\"format\">"
	    "<option value=\"\">as the file looks</option><option value=\"sched-ics\">Sched iCal feed</option>"
	    "<option value=\"ics\">iCalendar</option><option value=\"sched-json\">Sched API export</option>"
	    "<option value=\"xml\">schedule.xml</option><option value=\"json\">schedule.json</option>"
	    "<option value=\"csv\">CSV</option><option value=\"sigs-yaml\">sigs.yaml</option>"
	    "<option value=\"tags-yaml\">tags.yaml</option><option value=\"toc-readme\">The TOC's README</option>"
	    "<option value=\"gitdm\">gitdm affiliations</option></select></div>"
	    "<div class=\"field\"><label for=\"event\">Into the event (slug, optional)</label>"
	    "<input id=\"event\" name=\"event\" list=\"dl-event\"><span class=\"muted\">empty: found or created "
	    "from the file's conference</span></div>"
	    "<div class=\"field\"><label for=\"tz\">The conference's time zone (optional)</label>"
	    "<select id=\"tz\" name=\"tz\"><option value=\"\">as the file says</option>");
	import_zone_options(b, NULL, NULL);
	html_lit(b, "</select><span class=\"muted\">over anything the file says; files that say nothing "
	    "(Pentabarf) are read in UTC, and the preview asks</span></div>"
	    "<div class=\"field\"><label><input type=\"checkbox\" name=\"skip_logistics\" value=\"1\"> Leave "
	    "out breaks, meals and registration</label></div>"
	    "<div class=\"field\"><label for=\"as_of\">Governance records true on (optional)</label>"
	    "<input id=\"as_of\" name=\"as_of\" type=\"date\"><span class=\"muted\">sigs.yaml, tags.yaml, "
	    "the TOC's README: a role listed opens or continues a term on this date, one no longer listed "
	    "closes (empty: today)</span></div>"
	    "<div class=\"field\"><label><input type=\"checkbox\" name=\"strict\" value=\"1\"> Refuse the file "
	    "on its first warning</label></div>"
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
new_token(char token[65], unsigned char h[crypto_generichash_BYTES])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(token, 65, raw, sizeof(raw));
	crypto_generichash(h, crypto_generichash_BYTES, (unsigned char *)token, 64, NULL, 0);
}

static void
token_hash(struct request *req, unsigned char h[crypto_generichash_BYTES])
{
	const char *t = req_arg(req, "token");

	crypto_generichash(h, crypto_generichash_BYTES, (const unsigned char *)t, strlen(t), NULL, 0);
}

/* The columns chosen in a preview (map.FIELD = "#N" or "" for none), as --map writes them. */
static const char *
form_map(struct request *req)
{
	const char *fields = import_csv_fields(), *out = NULL;
	struct buf b = BUF_INIT;

	for (const char *f = fields; *f; f += strcspn(f, "|"), f += *f == '|') {
		size_t n = strcspn(f, "|");
		const char *v = req_arg(req, req_printf(req, "map.%.*s", (int)n, f));

		if (v)
			buf_appendf(&b, "%s%.*s=%s", b.len ? "," : "", (int)n, f, v);
	}
	if (b.len)
		out = req_strdup(req, b.data);
	buf_release(&b);
	return out ? out : req_arg(req, "map");
}

/* The options the forms carry besides the file. */
static void
form_options(struct request *req, struct import_options *opt)
{
	opt->format = req_arg(req, "format");
	opt->map = form_map(req);
	opt->skip_logistics = req_arg(req, "skip_logistics") != NULL;
	opt->strict = req_arg(req, "strict") != NULL;
	opt->user_login = req->user->login;
	opt->as_of = req_arg(req, "as_of");
	if (opt->as_of && *opt->as_of == '\0')
		opt->as_of = NULL;
}

/* POST /admin/import with a kept upload's token and no file: the preview again, with the
 * columns chosen in the first one (the upload is kept until it is confirmed or cancelled). */
static int
preview_again(struct request *req, struct sqlite3 *db)
{
	struct import_options opt = { 0 };
	struct import_summary sum;
	struct import_upload up;
	struct buf err = BUF_INIT, columns = BUF_INIT, mapping = BUF_INIT;
	unsigned char h[crypto_generichash_BYTES];
	int rc;

	token_hash(req, h);
	if ((rc = import_upload_take(db, h, sizeof(h), req->user->id, &up)) != 1) {
		import_upload_release(&up);
		upload_form(req, "This preview has expired or was already used: upload the file again.");
		return rc == 0 ? 409 : 503;
	}
	form_options(req, &opt);
	opt.file_name = up.file_name.data;
	opt.event_slug = up.event_slug.len ? up.event_slug.data : NULL;
	opt.tz = up.tz.len ? up.tz.data : NULL;
	opt.dry_run = 1;
	opt.columns_out = &columns, opt.mapping_out = &mapping;
	if (import_memory(db, up.data.data, up.data.len, &opt, &sum, &err) == -1) {
		if (columns.len)
			import_columns_page(req, req_printf(req, "Nothing was imported: %s", err.data), req_arg(req, "token"),
			    columns.data, mapping.data, &opt);
		else
			upload_form(req, req_printf(req, "Nothing was imported: %s", err.data));
		rc = 422;
	} else {
		import_preview_page(req, opt.file_name, req_arg(req, "token"), &sum, &opt);
		import_summary_release(&sum);
		rc = 200;
	}
	import_upload_release(&up);
	buf_release(&err), buf_release(&columns), buf_release(&mapping);
	return rc;
}

/* POST /admin/import: the dry run (a read transaction: other writers go on), then the upload
 * kept for the confirmation. */
int
page_import_preview(struct request *req)
{
	struct import_options opt = { 0 };
	struct import_summary sum;
	struct buf err = BUF_INIT, columns = BUF_INIT, mapping = BUF_INIT;
	const char *data = req_arg(req, "schedule");
	unsigned char h[crypto_generichash_BYTES];
	char token[65];
	size_t len = 0;
	int ok, rc = 0;
	struct sqlite3 *db = db_thread();

	if (db == NULL)
		return 503;
	for (const struct param *p = req->args; p; p = p->next)
		if (strcmp(p->name, "schedule") == 0)
			len = p->len;
	if ((data == NULL || len == 0) && req_arg(req, "token"))
		return preview_again(req, db);
	if (data == NULL || len == 0) {
		upload_form(req, "Choose a schedule file.");
		return 422;
	}
	form_options(req, &opt);
	opt.file_name = req_arg(req, "schedule.filename") ? req_arg(req, "schedule.filename") : "schedule.xml";
	opt.event_slug = req_arg(req, "event");
	opt.tz = req_arg(req, "tz");
	opt.dry_run = 1;
	if (opt.tz && !import_zone_known(opt.tz)) {
		upload_form(req, "That time zone is not one this system knows.");
		return 422;
	}
	opt.columns_out = &columns, opt.mapping_out = &mapping;
	ok = import_memory(db, data, len, &opt, &sum, &err) == 0;
	new_token(token, h);
	/* Kept for the confirmation, or for a second preview with other columns. */
	if ((ok || columns.len) && import_upload_keep(db, h, sizeof(h), req->user->id, opt.file_name,
	    opt.event_slug, opt.tz, data, len) == -1)
		rc = 503;
	else if (ok)
		import_preview_page(req, opt.file_name, token, &sum, &opt);
	else if (columns.len)
		import_columns_page(req, req_printf(req, "Nothing was imported: %s", err.data), token, columns.data,
		    mapping.data, &opt);
	else
		upload_form(req, req_printf(req, "Nothing was imported: %s", err.data));
	rc = rc ? rc : ok ? 200 : 422;
	if (ok)
		import_summary_release(&sum);
	buf_release(&err), buf_release(&columns), buf_release(&mapping);
	return rc;
}

/* --- confirm, cancel, undo ---------------------------------------------------------------- */

/* POST /admin/import/confirm: the import itself, with the zone picked in the preview if any. */
int
page_import_confirm(struct request *req)
{
	struct import_options opt = { 0 };
	struct import_summary sum;
	struct import_upload up;
	struct buf err = BUF_INIT;
	unsigned char h[crypto_generichash_BYTES];
	const char *tz = req_arg(req, "tz");
	struct sqlite3 *db = db_thread();
	int rc;

	if (db == NULL)
		return 503;
	if (tz && !import_zone_known(tz)) {
		req->error_detail = "That time zone is not one this system knows.";
		return 422;
	}
	token_hash(req, h);
	if ((rc = import_upload_take(db, h, sizeof(h), req->user->id, &up)) != 1) {
		import_upload_release(&up);
		req->error_detail = "This preview has expired or was already used: upload the file again.";
		return rc == 0 ? 409 : 503;
	}
	opt.file_name = up.file_name.data;
	opt.event_slug = up.event_slug.len ? up.event_slug.data : NULL;
	opt.tz = tz ? tz : up.tz.len ? up.tz.data : NULL;
	form_options(req, &opt);	/* the format, columns and logistics the preview was made with */
	opt.strict = 0;
	rc = import_memory(db, up.data.data, up.data.len, &opt, &sum, &err);
	import_upload_release(&up);
	if (rc == -1) {
		req->error_detail = req_printf(req, "Nothing was imported: %s", err.data);
		buf_release(&err);
		return 422;
	}
	buf_release(&err);
	import_summary_release(&sum);
	import_upload_drop(db, h, sizeof(h));
	return resp_redirect(req, req_printf(req, "/admin/imports?done=%lld", sum.run_id));
}

/* POST /admin/import/cancel */
int
page_import_cancel(struct request *req)
{
	unsigned char h[crypto_generichash_BYTES];
	struct sqlite3 *db = db_thread();

	if (db == NULL)
		return 503;
	token_hash(req, h);
	if (import_upload_drop(db, h, sizeof(h)) == -1)
		return 503;
	return resp_redirect(req, "/admin/imports");
}

/* POST /admin/imports/{id}/undo: sessions edited since the import are kept, and listed here. */
int
page_import_undo(struct request *req)
{
	static const struct crumb crumbs[] = { { "Imports", "/admin/imports" }, { "Undone", NULL },
	    { NULL, NULL } };
	struct buf err = BUF_INIT, kept = BUF_INIT, *b = &req->out;
	long long run = req_arg_int(req, "id", 0);
	struct sqlite3 *db = db_thread();
	int rc;

	if (db == NULL)
		return 503;
	rc = import_undo(db, run, req, &kept, &err);
	if (rc == -1)
		req->error_detail = req_printf(req, "Not undone: %s.", err.data);
	buf_release(&err);
	if (rc == -1 || kept.len == 0) {
		buf_release(&kept);
		return rc == -1 ? 409 : resp_redirect(req, "/admin/imports?undone=1");
	}
	layout_begin(req, "Import undone", crumbs);
	buf_appendf(b, "<h1>Import run %lld undone</h1><p class=\"flash\" role=\"status\">Undone. What it "
	    "deleted or put back is in the <a href=\"/history\">history</a>.</p><p>These sessions were "
	    "edited after the import, so they were kept as they are:</p>", run);
	import_report_list(b, kept.data);
	html_lit(b, "<p><a href=\"/admin/imports\">Back to the imports</a></p>");
	layout_end(req);
	buf_release(&kept);
	return 200;
}

