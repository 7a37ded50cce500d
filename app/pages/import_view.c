/* import_view.c: the HTML of an import's preview: its summary, zone, column mapping, review list,
 * warnings and the forms that confirm or cancel it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "import/import.h"
#include "pages/import_view.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* A <datalist> or <option>s of every zone the system knows (first those in first, one a line). */
void
import_zone_options(struct buf *b, const char *first, const char *selected)
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

void
import_report_list(struct buf *b, const char *report)
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
void
import_warnings_list(struct buf *b, const struct import_warning *w, int n, int total)
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
		import_zone_options(b, sum->zone_fits.data, NULL);
		html_lit(b, "</select></div>");
	}
	html_lit(b, "<button type=\"submit\">Import</button></form>"
	    "<form method=\"post\" action=\"/admin/import/cancel\">");
	csrf_field(req);
	html_lit(b, "<input type=\"hidden\" name=\"token\" value=\"");
	html_attr(b, token);
	html_lit(b, "\"><button type=\"submit\" class=\"secondary\">Cancel</button></form></div>");
}

void
import_preview_page(struct request *req, const char *file, const char *token, const struct import_summary *sum,
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
	import_warnings_list(b, sum->warning, sum->nwarning, sum->warnings);
	import_report_list(b, sum->report.data);
	confirm_forms(req, token, sum, opt, ask);
	layout_end(req);
}

/* A sheet refused for its columns (no title, no date found): the reason, and the columns to
 * choose from for a second preview of the kept upload. */
void
import_columns_page(struct request *req, const char *message, const char *token, const char *columns,
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
