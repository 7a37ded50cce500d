/* page_search.c: /search?q= — ranked full-text results across sessions, people and organizations. */
#include <string.h>

#include "model/db.h"
#include "model/search_query.h"
#include "core/config.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* Highlight markers put in by FTS5's highlight(): control characters that no stored text
 * contains (validators refuse them), so escaping the text first and then turning
 * them into <mark> can never let stored text open a tag. */
#define MARK_OPEN	"\x02"
#define MARK_CLOSE	"\x03"

/*
 * A search may use config.search_budget_ms (80 by default) of the worker's CPU time
 * (db_budget_begin): the worst query of at most SEARCH_TERMS_MAX common words over
 * 60,000 sessions and 50,000 people takes about 110 ms, one common word 45 ms (make
 * bench's registry); SQLite looks at the clock between steps of its virtual machine,
 * and FTS5 weighing 8 words can take 15 ms or so without one, so a search ends within
 * about 100 ms on a quiet machine. Past the budget the search is too broad. CPU time,
 * not the wall clock, so that a busy server does not call an ordinary search too broad.
 */

/*
 * Each index ranks its own matches (FTS5 sorts by rank itself when asked ORDER BY rank
 * with its weights in a rank MATCH) and highlights only the rows of the page and those
 * before it: highlighting every match before sorting made one common word cost a
 * third of a second.
 */
static const char search_sql[] =
	"SELECT kind, ref, label, snip, extra FROM ("
	" SELECT * FROM (SELECT 'session' AS kind, CAST(s.id AS TEXT) AS ref,"
	"  highlight(sessions_fts, 0, char(2), char(3)) AS label,"
	"  snippet(sessions_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16) AS snip,"
	"  e.name AS extra, sessions_fts.rank AS rank"
	"  FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid JOIN events e ON e.id = s.event_id"
	"  WHERE sessions_fts MATCH ?1 AND sessions_fts.rank MATCH 'bm25(8.0, 1.0)'"
	"  ORDER BY sessions_fts.rank LIMIT ?2 + ?3)"
	" UNION ALL SELECT * FROM (SELECT 'person', p.slug, highlight(people_fts, 0, char(2), char(3)),"
	"  snippet(people_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16), NULL, people_fts.rank * 1.5"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid"
	"  WHERE people_fts MATCH ?1 AND people_fts.rank MATCH 'bm25(12.0, 1.0)'"
	"  ORDER BY people_fts.rank LIMIT ?2 + ?3)"
	" UNION ALL SELECT * FROM (SELECT 'organization', o.slug, highlight(organizations_fts, 0, char(2), char(3)),"
	"  NULL, o.kind, organizations_fts.rank * 2.0"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	"  WHERE organizations_fts MATCH ?1 AND organizations_fts.rank MATCH 'bm25()'"
	"  ORDER BY organizations_fts.rank LIMIT ?2 + ?3)"
	") ORDER BY rank, kind, ref LIMIT ?2 OFFSET ?3";

static const char search_json_sql[] =
	"SELECT json_object('q', ?4, 'page', ?5, 'results', (SELECT json_group_array(json_object('kind', kind,"
	" 'title', title, 'url', url)) FROM ("
	" SELECT * FROM (SELECT 'session' AS kind, s.title AS title, '/sessions/' || s.id AS url,"
	"  sessions_fts.rank AS rank FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid"
	"  WHERE sessions_fts MATCH ?1 AND sessions_fts.rank MATCH 'bm25(8.0, 1.0)'"
	"  ORDER BY sessions_fts.rank LIMIT ?2 + ?3)"
	" UNION ALL SELECT * FROM (SELECT 'person', p.name, '/people/' || p.slug, people_fts.rank * 1.5"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid"
	"  WHERE people_fts MATCH ?1 AND people_fts.rank MATCH 'bm25(12.0, 1.0)'"
	"  ORDER BY people_fts.rank LIMIT ?2 + ?3)"
	" UNION ALL SELECT * FROM (SELECT 'organization', o.name, '/orgs/' || o.slug, organizations_fts.rank * 2.0"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	"  WHERE organizations_fts MATCH ?1 AND organizations_fts.rank MATCH 'bm25()'"
	"  ORDER BY organizations_fts.rank LIMIT ?2 + ?3)"
	" ORDER BY rank, kind, url LIMIT ?2 OFFSET ?3)))";

static const char too_broad[] =
	"This search is too broad to answer quickly: add a word, or use longer words.";

/* Escapes text and turns the highlight markers into <mark> elements. */
static void
highlighted(struct buf *b, const char *s)
{
	while (s && *s) {
		size_t n = strcspn(s, MARK_OPEN MARK_CLOSE);

		html_textn(b, s, n);
		s += n;
		if (*s == MARK_OPEN[0])
			html_lit(b, "<mark>");
		else if (*s == MARK_CLOSE[0])
			html_lit(b, "</mark>");
		if (*s)
			s++;
	}
}

static void
result(struct request *req, sqlite3_stmt *st)
{
	struct buf *b = &req->out;
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	const char *ref = (const char *)sqlite3_column_text(st, 1);

	html_lit(b, "<li><span class=\"tag\">");
	html_text(b, kind[0] == 's' ? "Session" : kind[0] == 'p' ? "Person" : "Organization");
	html_lit(b, "</span> <a href=\"");
	html_attr(b, kind[0] == 's' ? "/sessions/" : kind[0] == 'p' ? "/people/" : "/orgs/");
	html_attr(b, ref);
	html_lit(b, "\">");
	highlighted(b, (const char *)sqlite3_column_text(st, 2));
	html_lit(b, "</a>");
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		html_lit(b, " <span class=\"muted\">");
		html_text(b, label_of((const char *)sqlite3_column_text(st, 4)));
		html_lit(b, "</span>");
	}
	if (sqlite3_column_type(st, 3) != SQLITE_NULL && sqlite3_column_bytes(st, 3) > 0) {
		html_lit(b, "<br><span class=\"snippet\">");
		highlighted(b, (const char *)sqlite3_column_text(st, 3));
		html_lit(b, "</span>");
	}
	html_lit(b, "</li>");
}

/* The JSON form: one query under the budget; 422 when the budget runs out. */
static int
search_json(struct request *req, sqlite3 *db, const char *q, const char *fts)
{
	sqlite3_stmt *st = db_stmt(db, search_json_sql);
	int rc;

	if (st == NULL)
		return 503;
	db_bind_text(st, 1, fts ? fts : "\"\"");
	sqlite3_bind_int(st, 2, PAGE_SIZE);
	sqlite3_bind_int64(st, 3, page_offset(req));
	db_bind_text(st, 4, q);
	sqlite3_bind_int64(st, 5, page_number(req));
	db_budget_begin(db, config.search_budget_ms);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_append(&req->out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
	sqlite3_reset(st);
	if (db_budget_end(db)) {
		buf_reset(&req->out);
		req->error_detail = too_broad;
		return 422;
	}
	return rc == SQLITE_ROW ? 200 : 503;
}

/* The result list under the budget; 422 (and no list) when the budget runs out. */
static int
search_results(struct request *req, sqlite3 *db, const char *q, const char *fts)
{
	static const char *const keep[] = { "q", NULL };
	struct buf *b = &req->out;
	size_t mark = b->len;
	sqlite3_stmt *st;
	int rows = 0;

	if ((st = db_stmt(db, search_sql)) == NULL)
		return 503;
	db_bind_text(st, 1, fts);
	sqlite3_bind_int(st, 2, PAGE_SIZE + 1);	/* one more than a page: is there a next one? */
	sqlite3_bind_int64(st, 3, page_offset(req));
	html_lit(b, "<ol class=\"results\">");
	db_budget_begin(db, config.search_budget_ms);
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE)
		result(req, st);
	sqlite3_reset(st);
	if (db_budget_end(db)) {
		buf_truncate(b, mark);
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, too_broad);
		html_lit(b, "</p>");
		return 422;
	}
	html_lit(b, "</ol>");
	if (rows == 0) {
		html_lit(b, "<p class=\"empty\">No results for \xe2\x80\x9c");
		html_text(b, q);
		html_lit(b, "\xe2\x80\x9d. Try fewer or shorter words.</p>");
	}
	render_pager(req, page_number(req), rows > PAGE_SIZE, keep);
	if (rows) {
		const char *query[] = { "q", q, NULL };

		html_lit(b, "<p class=\"actions\">");
		page_export_link(b, query, "Export these speakers (CSV)");
		html_lit(b, "</p>");
	}
	return 200;
}

/*
 * /search?q=: at most SEARCH_TERMS_MAX words, each matched as a prefix only when long
 * enough (search_query.h), and at most config.search_budget_ms of the database's CPU time; a
 * search that needs more is answered 422 with a request to narrow it.
 */
int
page_search(struct request *req)
{
	static const struct crumb crumbs[] = { { "Search", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;
	const char *q = req_arg(req, "q"), *fts = search_fts_query(req, q);
	sqlite3 *db = db_thread();
	int status = 200;

	if (db == NULL)
		return 503;
	if (req->want_json)
		return search_json(req, db, q, fts);
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
		status = search_results(req, db, q, fts);
	layout_end(req);
	return status;
}
