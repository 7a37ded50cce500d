/* page_search.c: /search?q= — ranked full-text results across sessions, people and organizations. */
#include <string.h>

#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/search.h"
#include "model/search_query.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* Escapes text and turns the highlight markers into <mark> elements. */
static void
highlighted(struct buf *b, const char *s)
{
	static const char marks[] = { SEARCH_MARK_OPEN, SEARCH_MARK_CLOSE, '\0' };

	while (s && *s) {
		size_t n = strcspn(s, marks);

		html_textn(b, s, n);
		s += n;
		if (*s == SEARCH_MARK_OPEN)
			html_lit(b, "<mark>");
		else if (*s == SEARCH_MARK_CLOSE)
			html_lit(b, "</mark>");
		if (*s)
			s++;
	}
}

static const char *const kind_label[SEARCH_KIND__MAX] = { "Session", "Person", "Organization" };
static const char *const kind_path[SEARCH_KIND__MAX] = { "/sessions/", "/people/", "/orgs/" };

static void
result_html(struct buf *b, const struct search_result *r)
{
	html_lit(b, "<li><span class=\"tag\">");
	html_text(b, kind_label[r->kind]);
	html_lit(b, "</span> <a href=\"");
	html_attr(b, kind_path[r->kind]);
	html_attr(b, r->ref);
	html_lit(b, "\">");
	highlighted(b, r->label);
	html_lit(b, "</a>");
	if (r->extra) {
		html_lit(b, " <span class=\"muted\">");
		html_text(b, r->kind == SEARCH_ORG ? vocab_label(VOCAB_ORG_KIND, r->extra) : r->extra);
		html_lit(b, "</span>");
	}
	if (r->snippet && *r->snippet) {
		html_lit(b, "<br><span class=\"snippet\">");
		highlighted(b, r->snippet);
		html_lit(b, "</span>");
	}
	html_lit(b, "</li>");
}

static const char too_broad[] =
	"This search is too broad to answer quickly: add a word, or use longer words.";

/* The result list, or (the budget spent) the request to narrow the search. */
static void
results_html(struct request *req, const char *q, const struct search_result *r, size_t n,
    enum model_status rc)
{
	static const char *const keep[] = { "q", NULL };
	const char *query[] = { "q", q, NULL };
	struct buf *b = &req->out;

	if (rc == MODEL_TOO_COSTLY) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, too_broad);
		html_lit(b, "</p>");
		return;
	}
	html_lit(b, "<ol class=\"results\">");
	for (size_t i = 0; i < n && i < PAGE_SIZE; i++)
		result_html(b, &r[i]);
	html_lit(b, "</ol>");
	if (n == 0) {
		html_lit(b, "<p class=\"empty\">No results for \xe2\x80\x9c");
		html_text(b, q);
		html_lit(b, "\xe2\x80\x9d. Try fewer or shorter words.</p>");
	}
	render_pager(req, page_number(req), n > PAGE_SIZE, keep);
	if (n) {
		html_lit(b, "<p class=\"actions\">");
		page_export_link(b, query, "Export these speakers (CSV)");
		html_lit(b, "</p>");
	}
}

static void
search_html(struct request *req, const char *q, const char *fts, const struct search_result *r, size_t n,
    enum model_status rc)
{
	static const struct crumb crumbs[] = { { "Search", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, q ? req_printf(req, "Search: %s", q) : "Search", crumbs);
	html_lit(b, "<h1>Search</h1><form class=\"filters\" role=\"search\" aria-label=\"Search again\" method=\"get\" action=\"/search\">"
	    "<label for=\"q\">Words</label><input id=\"q\" type=\"search\" name=\"q\" value=\"");
	html_attr(b, q);
	html_lit(b, "\"><button type=\"submit\">Search</button></form>");
	if (search_terms(q) > SEARCH_TERMS_MAX)
		buf_appendf(b, "<p class=\"note\">Only the first %d words were searched.</p>",
		    SEARCH_TERMS_MAX);
	if (fts == NULL)
		render_empty(b, "Type a name, an organization or words from a talk.");
	else
		results_html(req, q, r, n, rc);
	layout_end(req);
}

static void
search_json(struct request *req, const char *q, const struct search_result *r, size_t n)
{
	static const char *const kinds[SEARCH_KIND__MAX] = { "session", "person", "organization" };
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_kstr(&j, "q", q && *q ? q : NULL);
	json_kint(&j, "page", page_number(req));
	json_key(&j, "results");
	json_array(&j);
	for (size_t i = 0; i < n && i < PAGE_SIZE; i++) {
		json_object(&j);
		json_kstr(&j, "kind", kinds[r[i].kind]);
		json_kstr(&j, "title", r[i].title);
		json_kstrf(&j, "url", "%s%s", kind_path[r[i].kind], r[i].ref);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
}

/*
 * /search?q=: at most SEARCH_TERMS_MAX words, each matched as a prefix only when long
 * enough (search_query.h), and at most config.search_budget_ms of the database's CPU time; a
 * search that needs more is answered 422 with a request to narrow it.
 */
int
page_search(struct request *req)
{
	const char *q = req_arg(req, "q"), *fts = search_fts_query(req, q);
	struct search_result *r;
	enum model_status rc;
	size_t n;

	/* One more than a page: is there a next one? */
	rc = search(req, fts, page_offset(req), PAGE_SIZE + 1, &r, &n);
	if (rc != MODEL_OK && rc != MODEL_TOO_COSTLY)
		return page_status(rc);
	if (req->want_json) {
		if (rc == MODEL_TOO_COSTLY) {
			req->error_detail = too_broad;
			return 422;
		}
		search_json(req, q, r, n);
		return 200;
	}
	search_html(req, q, fts, r, n, rc);
	return rc == MODEL_OK ? 200 : 422;
}
