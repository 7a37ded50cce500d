/* page_import.c: /admin/import (upload, preview, confirm or cancel) and /admin/imports — the same
 * importer as `lectern import`, the preview being its dry run, which takes no write lock. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "import/import.h"
#include "model/handle.h"
#include "model/import_runs.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* --- the upload form ------------------------------------------------------------------ */

/* A <datalist> or <option>s of every zone the system knows (first those in first, one a line). */
static void
zone_options(struct buf *b, const char *first, const char *selected)
{
	struct buf names = BUF_INIT;
	const char *groups[2] = { first, NULL };

	import_zone_names(&names);
	groups[1] = names.data;
	for (int g = 0; g < 2; g++) {
		if (groups[g] == NULL || *groups[g] == '\0')
			continue;
		html_lit(b, "<optgroup label=\"");
		if (g == 0)
			html_lit(b, "Zones that fit the file's UTC offsets");
		else
			html_lit(b, "All zones");
		html_lit(b, "\">");
		for (const char *p = groups[g]; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != '\0')) {
			char *zone = strndup(p, strcspn(p, "\n"));

			html_lit(b, "<option value=\"");
			html_attr(b, zone);
			html_lit(b, "\"");
			if (selected && strcmp(zone, selected) == 0)
				html_lit(b, " selected");
			html_lit(b, ">");
			html_text(b, zone);
			html_lit(b, "</option>");
			free(zone);
		}
		html_lit(b, "</optgroup>");
	}
	buf_release(&names);
}

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
	zone_options(b, NULL, NULL);
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

/* --- the preview ------------------------------------------------------------------------ */

/* A governance file's figures (gov_run.c): bodies, terms, affiliations. */
static void
governance_list(struct buf *b, const struct import_summary *sum)
{
	const struct import_gov_counts *g = &sum->gov;

	html_lit(b, "<p>True as of <strong>");
	html_text(b, sum->as_of);
	html_lit(b, "</strong>.</p><ul class=\"numbers\">");
	render_figure(b, g->bodies_new, "New bodies");
	render_figure(b, g->terms_opened, "Terms opened");
	render_figure(b, g->terms_continued, "Continued");
	render_figure(b, g->terms_changed, "Changed");
	render_figure(b, g->terms_closed, "Closed");
	render_figure(b, g->affiliations_new, "New affiliations");
	render_figure(b, g->affiliations_replaced, "Replaced");
	render_figure(b, g->appearances_credited, "Appearances credited");
	render_figure(b, sum->people_new, "New people");
	render_figure(b, sum->orgs_new, "New organizations");
	render_figure(b, sum->review, "To review");
	render_figure(b, sum->conflicts, "Conflicts");
	render_figure(b, sum->warnings, "Warnings");
	html_lit(b, "</ul>");
}

static void
summary_list(struct buf *b, const struct import_summary *sum)
{
	if (sum->governance) {
		governance_list(b, sum);
		return;
	}
	html_lit(b, "<ul class=\"numbers\">");
	render_figure(b, sum->sessions_new, "New sessions");
	render_figure(b, sum->sessions_changed, "Changed");
	render_figure(b, sum->sessions_unchanged, "Unchanged");
	render_figure(b, sum->sessions_cancelled, "Missing: cancelled");
	render_figure(b, sum->people_new, "New people");
	render_figure(b, sum->orgs_new, "New organizations");
	render_figure(b, sum->review, "To review");
	render_figure(b, sum->conflicts, "Conflicts");
	render_figure(b, sum->warnings, "Warnings");
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

		if (strncmp(p, "review: ", 8) != 0) {	/* (listed apart: review_list) */
			html_lit(b, "<li>");
			html_textn(b, p, n);
			html_lit(b, "</li>");
		}
		p += n;
		if (*p)
			p++;
	}
	html_lit(b, "</ul>");
}

/* What staff should look at before confirming: names read two ways, people who may be others. */
static void
review_list(struct buf *b, const char *report, int total)
{
	if (total == 0)
		return;
	buf_appendf(b, "<section class=\"review\"><h2>To review (%d)</h2><p>Imported as shown; check these "
	    "after the import, on the session's or the person's page.</p><ul>", total);
	for (const char *p = report; p && *p; p += strcspn(p, "\n"), p += *p == '\n')
		if (strncmp(p, "review: ", 8) == 0) {
			html_lit(b, "<li>");
			html_textn(b, p + 8, strcspn(p, "\n") - 8);
			html_lit(b, "</li>");
		}
	html_lit(b, "</ul></section>");
}

/* The options a preview was made with, carried to the confirmation and a second preview. */
static void
hidden(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	html_lit(b, "<input type=\"hidden\" name=\"");
	html_attr(b, name);
	html_lit(b, "\" value=\"");
	html_attr(b, value);
	html_lit(b, "\">");
}

/* The column (#N) a field was read from, in the summary's mapping, or NULL. */
static const char *
mapped_column(const char *mapping, const char *field, size_t n, char col[16])
{
	for (const char *p = mapping; p && *p; p += strcspn(p, "\n"), p += *p == '\n')
		if (strncmp(p, field, n) == 0 && p[n] == '=') {
			snprintf(col, 16, "%.*s", (int)strcspn(p + n + 1, "\n"), p + n + 1);
			return col;
		}
	return NULL;
}

/* The mapping as --map writes it, every field named ("title=#2,...,url="): the confirmation
 * imports exactly the columns the preview showed. */
static const char *
map_string(struct request *req, const struct import_summary *sum)
{
	const char *fields = import_csv_fields();
	struct buf b = BUF_INIT;
	char col[16];
	const char *out;

	for (const char *f = fields; *f; f += strcspn(f, "|"), f += *f == '|') {
		size_t n = strcspn(f, "|");
		const char *c = mapped_column(sum->mapping.data, f, n, col);

		buf_appendf(&b, "%s%.*s=%s", b.len ? "," : "", (int)n, f, c ? c : "");
	}
	out = req_strdup(req, b.data);
	buf_release(&b);
	return out;
}

/* A CSV's columns: which field each was taken for, to change before confirming. */
static void
mapping_form(struct request *req, const char *token, const char *columns, const char *mapping,
    const struct import_options *opt)
{
	struct buf *b = &req->out;
	const char *fields = import_csv_fields();
	char col[16];

	if (columns == NULL || *columns == '\0')
		return;
	html_lit(b, "<section class=\"mapping\"><h2>Columns</h2><p>Which column of the sheet each field was "
	    "read from. Change them and preview again.</p><form method=\"post\" action=\"/admin/import\" "
	    "enctype=\"multipart/form-data\">");
	csrf_field(req);
	hidden(b, "token", token), hidden(b, "format", opt->format), hidden(b, "skip_logistics",
	    opt->skip_logistics ? "1" : NULL), hidden(b, "strict", opt->strict ? "1" : NULL);
	html_lit(b, "<table><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Column</th></tr></thead><tbody>");
	for (const char *f = fields; *f; f += strcspn(f, "|"), f += *f == '|') {
		size_t n = strcspn(f, "|"), k = 1;
		const char *have = mapped_column(mapping, f, n, col);
		char *field = req_printf(req, "%.*s", (int)n, f);

		html_lit(b, "<tr><td><label for=\"map-");
		html_attr(b, field);
		html_lit(b, "\">");
		html_text(b, field);
		html_lit(b, "</label></td><td><select id=\"map-");
		html_attr(b, field);
		html_lit(b, "\" name=\"map.");
		html_attr(b, field);
		html_lit(b, "\"><option value=\"\">(none)</option>");
		for (const char *c = columns; *c; c += strcspn(c, "\n"), c += *c == '\n', k++) {
			buf_appendf(b, "<option value=\"#%zu\"%s>", k, have && atoi(have + 1) == (int)k ? " selected" : "");
			html_textn(b, c, strcspn(c, "\n"));
			html_lit(b, "</option>");
		}
		html_lit(b, "</select></td></tr>");
	}
	html_lit(b, "</tbody></table><p><button type=\"submit\" class=\"secondary\">Preview again</button></p>"
	    "</form></section>");
}

static const struct { const char *category, *label; } categories[] = {
	{ "time", "Times and time zones" }, { "duration", "Durations" }, { "text", "Text cut or left out" },
	{ "kind", "Kinds" }, { "people", "People" }, { "structure", "Sessions left out" },
};

static const char *
category_label(const char *category)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (strcmp(category, categories[i].category) == 0)
			return categories[i].label;
	return "Other";
}

static void
warning_item(struct buf *b, const struct import_warning *w)
{
	html_lit(b, "<li>");
	if (w->line > 0)
		buf_appendf(b, "<span class=\"line\">line %d</span> ", w->line);
	if (w->event) {
		html_text(b, w->event);
		html_lit(b, ": ");
	}
	html_text(b, w->text);
	html_lit(b, "</li>");
}

/* The warnings grouped by category, each group counted and folded (open when few). */
static void
warnings_list(struct buf *b, const struct import_warning *w, int n, int total)
{
	const char *seen[32];
	int nseen = 0;

	if (total == 0)
		return;
	buf_appendf(b, "<section class=\"warnings\"><h2>Warnings (%d)</h2>", total);
	for (int i = 0; i < n; i++) {
		int count = 0, dup = 0;

		for (int k = 0; k < nseen; k++)
			dup |= strcmp(seen[k], w[i].category) == 0;
		if (dup || nseen == 32)
			continue;
		seen[nseen++] = w[i].category;
		for (int k = i; k < n; k++)
			count += strcmp(w[k].category, w[i].category) == 0;
		buf_appendf(b, "<details%s><summary>", count <= 3 ? " open" : "");
		html_text(b, category_label(w[i].category));
		buf_appendf(b, " <span class=\"count\">%d</span></summary><ul>", count);
		for (int k = i; k < n; k++)
			if (strcmp(w[k].category, w[i].category) == 0)
				warning_item(b, &w[k]);
		html_lit(b, "</ul></details>");
	}
	if (total > n)
		buf_appendf(b, "<p class=\"muted\">and %d more %s not listed</p>", total - n,
		    plural(total - n, "warning", "warnings"));
	html_lit(b, "</section>");
}

/* Where the times were read, and when nothing said where: a notice (the picker is in the form). */
static int
zone_notice(struct buf *b, const struct import_summary *sum)
{
	static const char *const from[] = { "as you chose", "as the file says", "the event's zone",
	    "the only zone the file's UTC offsets fit" };

	if (sum->zone_from <= ZONE_INFERRED) {
		html_lit(b, "<p>Times are read in <strong>");
		html_text(b, sum->zone);
		html_lit(b, "</strong> (");
		html_text(b, from[sum->zone_from]);
		html_lit(b, ").</p>");
		return 0;
	}
	html_lit(b, "<div class=\"notice\" role=\"alert\"><p><strong>Where does this conference take place?</strong> ");
	if (sum->zone_from == ZONE_OFFSETS)
		html_lit(b, "The file names no time zone. Its times carry UTC offsets, which fit more than one "
		    "zone (or none exactly), so they are kept as given and the event would be in ");
	else
		html_lit(b, "The file names no time zone and gives no UTC offsets, so every time would be taken "
		    "as ");
	html_text(b, sum->zone);
	html_lit(b, ". Choose the conference's zone below before importing.</p></div>");
	return 1;
}

/* The confirm and cancel forms; with a zone picker when the file did not say where. */
static void
confirm_forms(struct request *req, const char *token, const struct import_summary *sum,
    const struct import_options *opt, int ask)
{
	struct buf *b = &req->out;

	html_lit(b, "<div class=\"actions\"><form method=\"post\" action=\"/admin/import/confirm\">");
	csrf_field(req);
	html_lit(b, "<input type=\"hidden\" name=\"token\" value=\"");
	html_attr(b, token);
	html_lit(b, "\">");
	hidden(b, "format", opt->format);
	hidden(b, "skip_logistics", opt->skip_logistics ? "1" : NULL);
	hidden(b, "as_of", sum->governance ? sum->as_of : NULL);	/* the date previewed, today or not */
	if (sum->columns.len)
		hidden(b, "map", map_string(req, sum));
	if (ask) {
		html_lit(b, "<div class=\"field\"><label for=\"confirm-tz\">The conference's time zone</label>"
		    "<select id=\"confirm-tz\" name=\"tz\" required><option value=\"\">Choose a zone</option>");
		zone_options(b, sum->zone_fits.data, NULL);
		html_lit(b, "</select></div>");
	}
	html_lit(b, "<button type=\"submit\">Import</button></form>"
	    "<form method=\"post\" action=\"/admin/import/cancel\">");
	csrf_field(req);
	html_lit(b, "<input type=\"hidden\" name=\"token\" value=\"");
	html_attr(b, token);
	html_lit(b, "\"><button type=\"submit\" class=\"secondary\">Cancel</button></form></div>");
}

static void
preview_page(struct request *req, const char *file, const char *token, const struct import_summary *sum,
    const struct import_options *opt)
{
	static const struct crumb crumbs[] = { { "Imports", "/admin/imports" }, { "Preview", NULL },
	    { NULL, NULL } };
	struct buf *b = &req->out;
	int ask;

	layout_begin(req, "Preview of the import", crumbs);
	html_lit(b, "<h1>Preview: ");
	html_text(b, file);
	html_lit(b, "</h1><p>Nothing has been written yet. Read as <strong>");
	html_text(b, sum->format);
	html_lit(b, "</strong>");
	if (sum->skipped)
		buf_appendf(b, "; %d %s left out (logistics, cancelled in the file, older copies)",
		    sum->skipped, plural(sum->skipped, "session", "sessions"));
	html_lit(b, ".</p>");
	summary_list(b, sum);
	ask = sum->governance ? 0 : zone_notice(b, sum);
	mapping_form(req, token, sum->columns.data, sum->mapping.data, opt);
	review_list(b, sum->report.data, sum->review);
	warnings_list(b, sum->warning, sum->nwarning, sum->warnings);
	report_list(b, sum->report.data);
	confirm_forms(req, token, sum, opt, ask);
	layout_end(req);
}

/* A sheet refused for its columns (no title, no date found): the reason, and the columns to
 * choose from for a second preview of the kept upload. */
static void
columns_page(struct request *req, const char *message, const char *token, const char *columns,
    const char *mapping, const struct import_options *opt)
{
	static const struct crumb crumbs[] = { { "Imports", "/admin/imports" }, { "Columns", NULL },
	    { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Which column is which?", crumbs);
	html_lit(b, "<h1>Which column is which?</h1><p class=\"flash error\" role=\"alert\">");
	html_text(b, message);
	html_lit(b, "</p>");
	mapping_form(req, token, columns, mapping, opt);
	html_lit(b, "<p><a href=\"/admin/import\">Upload another file</a></p>");
	layout_end(req);
}

/* A new token for the confirmation, and the hash it is kept under. */
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
			columns_page(req, req_printf(req, "Nothing was imported: %s", err.data), req_arg(req, "token"),
			    columns.data, mapping.data, &opt);
		else
			upload_form(req, req_printf(req, "Nothing was imported: %s", err.data));
		rc = 422;
	} else {
		preview_page(req, opt.file_name, req_arg(req, "token"), &sum, &opt);
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
		preview_page(req, opt.file_name, token, &sum, &opt);
	else if (columns.len)
		columns_page(req, req_printf(req, "Nothing was imported: %s", err.data), token, columns.data,
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
	report_list(b, kept.data);
	html_lit(b, "<p><a href=\"/admin/imports\">Back to the imports</a></p>");
	layout_end(req);
	buf_release(&kept);
	return 200;
}

/* --- the list of runs ---------------------------------------------------------------------- */

struct runs_page {
	struct request	*req;
	int		 rows;
};

static int
run_row(void *arg, const struct import_run_row *r)
{
	struct runs_page *rp = arg;
	struct request *req = rp->req;
	struct buf *b = &req->out;

	if (++rp->rows > PAGE_SIZE)
		return 1;
	buf_appendf(b, "<tr><td>%lld</td><td>", r->id);
	html_text(b, r->at);
	html_lit(b, "</td><td>");
	html_text(b, r->user);
	html_lit(b, "</td><td>");
	html_text(b, r->file);
	html_lit(b, "<br><code class=\"muted\">");
	html_textn(b, r->sha256, 16);
	html_lit(b, "\xe2\x80\xa6</code></td><td>");
	if (r->event_slug)
		html_link(b, req_printf(req, "/events/%s", r->event_slug), r->event_name);
	buf_appendf(b, "</td><td>%d / %d / %d / %d / %d</td><td>", r->n_new, r->n_changed, r->n_unchanged,
	    r->n_cancelled, r->n_conflicts);
	if (r->n_warnings)
		html_link(b, req_printf(req, "/admin/imports?run=%lld", r->id), req_printf(req, "%d", r->n_warnings));
	else
		html_lit(b, "0");
	html_lit(b, "</td><td>");
	if (r->undone)
		html_lit(b, "<span class=\"tag\">undone</span>");
	else {
		buf_appendf(b, "<form method=\"post\" data-confirm=\"Undo this import? Sessions edited since "
		    "are kept.\" action=\"/admin/imports/%lld/undo\">", r->id);
		csrf_field(req);
		html_lit(b, "<button type=\"submit\" class=\"secondary\">Undo</button></form>");
	}
	html_lit(b, "</td></tr>");
	return 0;
}

struct kept_warnings {
	struct request		*req;
	struct import_warning	*w;
	int			 n;
};

static int
keep_warning(void *arg, const struct import_run_warning *w)
{
	struct kept_warnings *k = arg;
	struct import_warning *to = &k->w[k->n++];

	to->line = w->line;
	to->category = req_strdup(k->req, w->category ? w->category : "other");
	to->event = w->event ? req_strdup(k->req, w->event) : NULL;
	to->text = req_strdup(k->req, w->text ? w->text : "");
	return k->n == IMPORT_KEPT;
}

/* The warnings kept with one run (?run=N). */
static int
run_warnings(struct request *req, struct sqlite3 *db, long long run)
{
	struct kept_warnings k = { req, req_alloc(req, IMPORT_KEPT * sizeof(struct import_warning)), 0 };
	int n = import_run_warnings(db, run, keep_warning, &k);

	if (n < 0)
		return -1;
	buf_appendf(&req->out, "<h2>Run %lld</h2>", run);
	if (n == 0)
		render_empty(&req->out, "This run had no warnings.");
	warnings_list(&req->out, k.w, k.n, n);
	return 0;
}

/* GET /admin/imports */
int
page_imports(struct request *req)
{
	static const struct crumb crumbs[] = { { "Imports", NULL }, { NULL, NULL } };
	struct runs_page rp = { req, 0 };
	struct buf *b = &req->out;
	struct sqlite3 *db = db_thread();

	if (db == NULL)
		return 503;
	layout_begin(req, "Imports", crumbs);
	html_lit(b, "<h1>Imports</h1>");
	if (req_arg(req, "done"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Imported.</p>");
	if (req_arg(req, "undone"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Undone. What it deleted or put back is in the "
		    "<a href=\"/history\">history</a>.</p>");
	if (req_arg(req, "run") && run_warnings(req, db, req_arg_int(req, "run", 0)) == -1)
		return buf_reset(b), 503;
	html_lit(b, "<p class=\"actions\"><a class=\"button\" href=\"/admin/import\">Import a file</a> "
	    "<a class=\"button secondary\" href=\"/admin/aliases\">Organization aliases</a></p>"
	    "<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
	    "<th scope=\"col\">File</th><th scope=\"col\">Event</th><th scope=\"col\">New / changed / unchanged / "
	    "cancelled / conflicts</th><th scope=\"col\">Warnings</th><th scope=\"col\"></th></tr></thead><tbody>");
	if (import_runs_each(db, 0, PAGE_SIZE + 1, (int)page_offset(req), run_row, &rp) < 0)
		return buf_reset(b), 503;
	html_lit(b, "</tbody></table>");
	if (rp.rows == 0)
		render_empty(b, "No imports yet.");
	render_pager(req, page_number(req), rp.rows > PAGE_SIZE, NULL);
	layout_end(req);
	return 200;
}
