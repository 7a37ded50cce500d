/* page_search.c: /search?q= — what matches, counted and grouped by kind, each group best first. */
#include <string.h>

#include "core/html.h"
#include "core/vocab.h"
#include "core/json.h"
#include "model/search.h"
#include "model/search_query.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/when.h"

#define GROUP_SIZE	5	/* results of each kind on the page of all kinds */

/* The groups in the order the page shows them: names first, sessions (the most) last. */
static const enum search_kind shown[SEARCH_KIND__MAX] = {
	SEARCH_ORG, SEARCH_PERSON, SEARCH_EVENT, SEARCH_BODY, SEARCH_PROJECT, SEARCH_SESSION,
};
static const char *const one[SEARCH_KIND__MAX] = {
	"session", "person", "organization", "event", "body", "project",
};
static const char *const many[SEARCH_KIND__MAX] = {
	"sessions", "people", "organizations", "events", "bodies", "projects",
};
static const char *const heading[SEARCH_KIND__MAX] = {
	"Sessions", "People", "Organizations", "Events", "Bodies", "Projects",
};
static const char *const kind_path[SEARCH_KIND__MAX] = {
	"/sessions/", "/people/", "/orgs/", "/events/", "/bodies/", "/orgs/",
};

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

/* What follows a result's name: its event, date, kind or organization. */
static void
extra_html(struct buf *b, const struct search_result *r)
{
	if (r->extra == NULL)
		return;
	html_lit(b, " <span class=\"muted\">");
	if (r->kind == SEARCH_ORG)
		html_text(b, vocab_label(VOCAB_ORG_KIND, r->extra));
	else if (r->kind == SEARCH_BODY)
		html_text(b, vocab_label(VOCAB_BODY_KIND, r->extra));
	else if (r->kind == SEARCH_EVENT)
		when_date(b, r->extra);
	else if (r->kind == SEARCH_PROJECT) {
		html_lit(b, "contributed by ");
		html_text(b, r->extra);
	} else
		html_text(b, r->extra);
	html_lit(b, "</span>");
}

static void
result_html(struct buf *b, const struct search_result *r)
{
	html_lit(b, "<li>");
	if (r->ref) {
		html_lit(b, "<a href=\"");
		html_attr(b, kind_path[r->kind]);
		html_attr(b, r->ref);
		html_lit(b, "\">");
	}
	highlighted(b, r->label);
	if (r->ref)
		html_lit(b, "</a>");
	extra_html(b, r);
	if (r->snippet && *r->snippet) {
		html_lit(b, "<br><span class=\"snippet\">");
		highlighted(b, r->snippet);
		html_lit(b, "</span>");
	}
	html_lit(b, "</li>");
}

/* "12 results: 2 organizations, 10 sessions". */
static void
count_html(struct buf *b, const struct search_page *p)
{
	int first = 1;

	html_lit(b, "<p class=\"count\" role=\"status\">");
	render_count(b, p->total, "result", "results");
	for (int i = 0; i < SEARCH_KIND__MAX; i++) {
		enum search_kind k = shown[i];

		if (p->counts[k] == 0)
			continue;
		if (first)
			html_lit(b, ": ");
		else
			html_lit(b, ", ");
		render_count(b, p->counts[k], one[k], many[k]);
		first = 0;
	}
	html_lit(b, "</p>");
}

/* "kubernets" is in no record: the words searched with it. */
static void
fixes_html(struct buf *b, const struct search_page *p)
{
	for (size_t i = 0; i < p->n_fixes; i++) {
		html_lit(b, "<p class=\"note\">No record has \xe2\x80\x9c");
		html_text(b, p->fixes[i].typed);
		html_lit(b, "\xe2\x80\x9d; also searched for ");
		for (int w = 0; p->fixes[i].words[w]; w++) {
			if (w)
				html_lit(b, " or ");
			html_lit(b, "\xe2\x80\x9c");
			html_text(b, p->fixes[i].words[w]);
			html_lit(b, "\xe2\x80\x9d");
		}
		html_lit(b, ".</p>");
	}
}

static void
group_link(struct request *req, const char *q, enum search_kind k, const char *text)
{
	struct buf *b = &req->out;

	html_lit(b, "<p><a href=\"/search?q=");
	url_component(b, q);
	if ((int)k >= 0) {
		html_lit(b, "&amp;kind=");
		url_component(b, search_kind_codes[k]);
	}
	html_lit(b, "\">");
	html_text(b, text);
	html_lit(b, "</a></p>");
}

/* One kind's results: a heading with its count, the list, a link to all of them. */
static void
group_html(struct request *req, const char *q, const struct search_page *p, enum search_kind k, int all)
{
	struct buf *b = &req->out;
	size_t shown_n = 0;

	html_lit(b, "<section class=\"group\"><h2 id=\"found-");
	html_attr(b, search_kind_codes[k]);
	html_lit(b, "\">");
	html_text(b, heading[k]);
	buf_appendf(b, " <span class=\"muted\">(%lld)</span></h2><ol class=\"results\">", p->counts[k]);
	for (size_t i = 0; i < p->n && shown_n < (size_t)(all ? PAGE_SIZE : GROUP_SIZE); i++)
		if (p->results[i].kind == k) {
			result_html(b, &p->results[i]);
			shown_n++;
		}
	html_lit(b, "</ol>");
	if (!all && p->counts[k] > GROUP_SIZE)
		group_link(req, q, k, req_printf(req, "All %lld %s", p->counts[k], many[k]));
	html_lit(b, "</section>");
}

static const char too_broad[] =
	"This search is too broad to answer quickly: add a word, or use longer words.";

/* The groups, or (the budget spent) the request to narrow the search. */
static void
results_html(struct request *req, const char *q, int kind, const struct search_page *p, enum model_status rc)
{
	static const char *const keep[] = { "q", "kind", NULL };
	const char *query[] = { "q", q, NULL };
	struct buf *b = &req->out;

	if (rc == MODEL_TOO_COSTLY) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, too_broad);
		html_lit(b, "</p>");
		return;
	}
	fixes_html(b, p);
	count_html(b, p);
	for (int i = 0; i < SEARCH_KIND__MAX; i++)
		if ((kind < 0 || (int)shown[i] == kind) && (p->counts[shown[i]] || kind >= 0))
			group_html(req, q, p, shown[i], kind >= 0);
	if (p->total == 0) {
		html_lit(b, "<p class=\"empty\">No results for \xe2\x80\x9c");
		html_text(b, q);
		html_lit(b, "\xe2\x80\x9d. Try fewer or shorter words.</p>");
	}
	if (kind >= 0) {
		render_pager(req, page_number(req), p->n > PAGE_SIZE, keep);
		group_link(req, q, (enum search_kind)-1, "Every kind of record");
	}
	if (p->counts[SEARCH_SESSION] || p->counts[SEARCH_PERSON] || p->counts[SEARCH_ORG]) {
		html_lit(b, "<p class=\"actions\">");
		page_export_link(b, query, "Export these speakers (CSV)");
		html_lit(b, "</p>");
	}
}

static void
search_html(struct request *req, const char *q, int kind, const struct search_page *p, enum model_status rc)
{
	static const struct crumb crumbs[] = { { "Search", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, q ? req_printf(req, "Search: %s", q) : "Search", crumbs);
	html_lit(b, "<h1>Search</h1><form class=\"filters\" role=\"search\" aria-label=\"Search again\" method=\"get\" action=\"/search\">"
	    "<label for=\"q\">Words</label><input id=\"q\" type=\"search\" name=\"q\" value=\"");
	html_attr(b, q);
	html_lit(b, "\" aria-describedby=\"q-help\"><button type=\"submit\">Search</button></form>"
	    "<p class=\"muted\" id=\"q-help\">\"Quoted words\" as a phrase; OR between two words for "
	    "either.</p>");
	if (p->typed > SEARCH_TERMS_MAX)
		buf_appendf(b, "<p class=\"note\">Only the first %d words were searched.</p>",
		    SEARCH_TERMS_MAX);
	if (p->empty)
		render_empty(b, "Type a name, an organization, an event or words from a talk.");
	else
		results_html(req, q, kind, p, rc);
	layout_end(req);
}

/* The same results as the page: the groups' first ones, or a page of one kind. */
static void
search_json(struct request *req, const char *q, int kind, const struct search_page *p)
{
	struct json j;
	size_t per[SEARCH_KIND__MAX] = { 0 };

	json_begin(&j, &req->out);
	json_object(&j);
	json_kstr(&j, "q", q && *q ? q : NULL);
	json_kstr(&j, "kind", kind >= 0 ? search_kind_codes[kind] : NULL);
	json_kint(&j, "page", page_number(req));
	json_kint(&j, "total", p->total);
	json_key(&j, "counts");
	json_object(&j);
	for (int k = 0; k < SEARCH_KIND__MAX; k++)
		json_kint(&j, search_kind_codes[k], p->counts[k]);
	json_end(&j);
	json_key(&j, "fixes");
	json_array(&j);
	for (size_t i = 0; i < p->n_fixes; i++) {
		json_object(&j);
		json_kstr(&j, "typed", p->fixes[i].typed);
		json_key(&j, "searched");
		json_array(&j);
		for (int w = 0; p->fixes[i].words[w]; w++)
			json_str(&j, p->fixes[i].words[w]);
		json_end(&j);
		json_end(&j);
	}
	json_end(&j);
	json_key(&j, "results");
	json_array(&j);
	for (size_t i = 0; i < p->n; i++) {
		const struct search_result *r = &p->results[i];

		if (per[r->kind]++ >= (size_t)(kind >= 0 ? PAGE_SIZE : GROUP_SIZE))
			continue;
		json_object(&j);
		json_kstr(&j, "kind", search_kind_codes[r->kind]);
		json_kstr(&j, "title", r->title);
		if (r->ref)
			json_kstrf(&j, "url", "%s%s", kind_path[r->kind], r->ref);
		else
			json_kstr(&j, "url", NULL);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
}

/*
 * /search?q=[&kind=]: at most SEARCH_TERMS_MAX words, each matched as a prefix only when
 * long enough (search_query.h), and at most config.search_budget_ms of the database's CPU
 * time; a search that needs more is answered 422 with a request to narrow it. Without a
 * kind, the first GROUP_SIZE of each; with one, a page of it.
 */
int
page_search(struct request *req)
{
	const char *q = req_arg(req, "q");
	int kind = search_kind_of(req_arg(req, "kind"));
	struct search_page p;
	enum model_status rc;

	/* One more than a page: is there a next one? */
	rc = kind >= 0 ? search(req, q, kind, page_offset(req), PAGE_SIZE + 1, &p) :
	    search(req, q, -1, 0, GROUP_SIZE, &p);
	if (rc != MODEL_OK && rc != MODEL_TOO_COSTLY)
		return page_status(rc);
	if (req->want_json) {
		if (rc == MODEL_TOO_COSTLY) {
			req->error_detail = too_broad;
			return 422;
		}
		search_json(req, q, kind, &p);
		return 200;
	}
	search_html(req, q, kind, &p, rc);
	return rc == MODEL_OK ? 200 : 422;
}
