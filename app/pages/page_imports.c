/* page_imports.c: /admin/imports, the imports run so far, newest first, with a run's warnings. */
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
	import_warnings_list(&req->out, k.w, k.n, n);
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

