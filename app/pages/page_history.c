/* page_history.c: the audit trail for staff — all changes, one record's changes — restore and merge. */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "model/editor.h"
#include "model/history.h"
#include "model/record.h"
#include "model/restore.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/when.h"

static void
changes(struct buf *b, const struct history_entry *e)
{
	html_lit(b, "<ul class=\"changes\">");
	for (size_t i = 0; i < e->n_changes; i++) {
		const struct field_change *c = &e->changes[i];

		if (*c->before == '\0' && *c->after == '\0')
			continue;	/* nothing then, nothing now: an empty list */
		html_lit(b, "<li><strong>");
		html_text(b, c->label);
		html_lit(b, "</strong>: ");
		if (*c->before) {
			html_lit(b, "<del>");
			html_text(b, c->before);
			html_lit(b, "</del> \xe2\x86\x92 ");
		}
		if (*c->after) {
			html_lit(b, "<ins>");
			html_text(b, c->after);
			html_lit(b, "</ins>");
		} else
			html_lit(b, "<em>(removed)</em>");
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul>");
}

/* A name, linked to href when the record still has a page. */
static void
named(struct buf *b, const char *name, const char *href)
{
	if (href) {
		html_lit(b, "<a href=\"");
		html_attr(b, href);
		html_lit(b, "\">");
	}
	html_text(b, name);
	if (href)
		html_lit(b, "</a>");
	else
		html_lit(b, " <span class=\"muted\">(gone)</span>");
}

/* "Created person Dave Zolotusky", "Merged organization X into Y". */
static void
what_cell(struct buf *b, const struct history_entry *e)
{
	static const struct { const char *action, *verb; } verbs[] = {
		{ "create", "Created" }, { "update", "Changed" }, { "delete", "Deleted" },
		{ "restore", "Restored" }, { "merge", "Merged" }, { "unmerge", "Unmerged" },
	};
	const char *verb = e->action;

	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(verbs[i].action, e->action) == 0)
			verb = verbs[i].verb;
	html_text(b, verb);
	html_lit(b, " ");
	html_text(b, e->kind);
	html_lit(b, " ");
	named(b, e->record, e->href);
	if (e->into) {
		html_lit(b, " into ");
		named(b, e->into, e->into_href);
	}
	if (e->undone)
		html_lit(b, " <span class=\"tag\">undone</span>");
}

/* The button that undoes entry e, when there is something to undo. */
static void
undo_form(struct request *req, const struct history_entry *e)
{
	struct buf *b = &req->out;
	const char *label;

	if (e->undone || record_kind_by_name(e->kind) == NULL)
		return;	/* an account's changes are kept, not undone */
	if (strcmp(e->action, "merge") == 0)
		label = "Undo merge";
	else if (!e->has_before && strcmp(e->action, "create") == 0 && e->href)
		label = "Undo creation (delete)";
	else if (e->has_before)
		label = "Restore before";
	else
		return;
	buf_appendf(b, "<form method=\"post\" action=\"/history/%lld/restore\">", e->id);
	csrf_field(req);
	html_lit(b, "<button type=\"submit\" class=\"secondary\">");
	html_text(b, label);
	html_lit(b, "</button></form>");
}

static void
entry_row(struct request *req, const struct history_entry *e)
{
	struct buf *b = &req->out;
	char local[64];

	when_local(e->at, local, sizeof(local));
	html_lit(b, "<tr><td><time datetime=\"");
	html_attr(b, e->at);
	html_lit(b, "\">");
	html_text(b, local);
	html_lit(b, "</time></td><td>");
	html_text(b, e->who);
	html_lit(b, "</td><td>");
	what_cell(b, e);
	html_lit(b, "</td><td>");
	changes(b, e);
	html_lit(b, "</td><td>");
	undo_form(req, e);
	html_lit(b, "</td></tr>");
}

/* The entries of f as a table with a pager; MODEL_OK or why not (nothing written then). */
static enum model_status
entries(struct request *req, const struct history_filter *f)
{
	static const char *const keep[] = { "user", "kind", "from", "to", NULL };
	struct buf *b = &req->out;
	struct history_entry *e;
	enum model_status rc;
	size_t n;

	if ((rc = history_list(req, f, page_offset(req), PAGE_SIZE + 1, &e, &n)) != MODEL_OK)
		return rc;
	html_lit(b, "<div class=\"scroll\"><table class=\"history\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
	    "<th scope=\"col\">What</th><th scope=\"col\">Changes</th><th scope=\"col\"></th></tr></thead><tbody>");
	for (size_t i = 0; i < n && i < PAGE_SIZE; i++)
		entry_row(req, &e[i]);
	html_lit(b, "</tbody></table></div>");
	if (n == 0)
		render_empty(b, "No changes recorded.");
	render_pager(req, page_number(req), n > PAGE_SIZE, keep);
	return MODEL_OK;
}

static void
filter_form(struct request *req, const char *kind)
{
	struct buf *b = &req->out;

	html_lit(b, "<form class=\"filters\" method=\"get\"><label>User <input name=\"user\" value=\"");
	html_attr(b, req_arg(req, "user"));
	html_lit(b, "\"></label><label>Kind <select name=\"kind\"><option value=\"\">All</option>");
	for (unsigned i = 0; i < record_kinds_count; i++) {
		html_lit(b, "<option value=\"");
		html_attr(b, record_kinds[i].kind);
		html_lit(b, "\"");
		if (kind && strcmp(kind, record_kinds[i].kind) == 0)
			html_lit(b, " selected");
		html_lit(b, ">");
		html_text(b, record_kinds[i].kind);
		html_lit(b, "</option>");
	}
	html_lit(b, "</select></label><label>From <input type=\"date\" name=\"from\" value=\"");
	html_attr(b, req_arg(req, "from"));
	html_lit(b, "\"></label><label>To <input type=\"date\" name=\"to\" value=\"");
	html_attr(b, req_arg(req, "to"));
	html_lit(b, "\"></label><button type=\"submit\">Filter</button></form>");
}

int
page_history(struct request *req)
{
	static const struct crumb crumbs[] = { { "History", NULL }, { NULL, NULL } };
	struct history_filter f = { req_arg(req, "user"), req_arg(req, "kind"), req_arg(req, "from"),
	    req_arg(req, "to"), 0 };
	struct buf *b = &req->out;
	enum model_status rc;

	layout_begin(req, "History", crumbs);
	html_lit(b, "<h1>History</h1>");
	if (req_arg(req, "restored"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Restored.</p>");
	filter_form(req, f.kind);
	if ((rc = entries(req, &f)) != MODEL_OK) {
		buf_reset(b);
		return page_status(rc);
	}
	layout_end(req);
	return 200;
}

/* The record as the breadcrumbs name it: its name or title now, or its key (a deleted one). */
static const char *
record_label(struct request *req, const struct record_kind *k, long long id, const char *key)
{
	struct record_form now;
	size_t i = 0;

	if (editor_load(req, k, id, &now) != MODEL_OK)
		return key;
	for (const struct field *f = k->fields; f->name; f++, i++)
		if ((strcmp(f->name, "name") == 0 || strcmp(f->name, "title") == 0) && now.values[i] &&
		    *now.values[i])
			return now.values[i];
	return key;
}

int
page_record_history(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *key = req_arg(req, "key");
	struct crumb crumbs[] = { { NULL, NULL }, { NULL, NULL }, { "History", NULL }, { NULL, NULL } };
	struct history_filter f = { NULL, NULL, NULL, NULL, 0 };
	const char *label;
	enum model_status rc;

	if (k == NULL)
		return 404;
	/* A deleted record keeps its history: look up by id when the key is a number. */
	if ((rc = record_id(k, key, &f.record)) != MODEL_OK)
		return page_status(rc);
	f.kind = k->kind;
	label = record_label(req, k, f.record, key);
	crumbs[0].label = render_list_name(req, k);
	crumbs[0].href = k->path;
	crumbs[1].label = label;
	crumbs[1].href = req_printf(req, "%s/%s", k->path, key);
	if (!page_route_exists(req, k->path))	/* no list of its own (sessions): no link to one */
		crumbs[0] = crumbs[1], crumbs[1] = crumbs[2], crumbs[2] = crumbs[3];
	layout_begin(req, req_printf(req, "History of %s", label), crumbs);
	html_lit(&req->out, "<h1>History</h1>");
	if ((rc = entries(req, &f)) != MODEL_OK) {
		buf_reset(&req->out);
		return page_status(rc);
	}
	layout_end(req);
	return 200;
}

/* POST /history/{id}/restore */
int
page_restore(struct request *req)
{
	const char *why;
	enum model_status rc = restore_entry(req, req_arg_int(req, "id", 0), &why);

	if (rc == MODEL_UNAVAILABLE)
		return 503;
	if (rc != MODEL_OK) {
		req->error_detail = req_printf(req, "Nothing was restored: %s.", why ? why : "a database error");
		return 409;
	}
	return resp_redirect(req, "/history?restored=1");
}
