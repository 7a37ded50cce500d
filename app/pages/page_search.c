/* page_search.c: /search?q= — ranked full-text results across sessions, people and organizations. */
#include <string.h>

#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* Highlight markers put in by FTS5's highlight(): control characters that no stored text
 * contains (validators refuse them), so escaping the text first and then turning
 * them into <mark> can never let stored text open a tag. */
#define MARK_OPEN	"\x02"
#define MARK_CLOSE	"\x03"

static const char search_sql[] =
	"SELECT kind, ref, label, snip, extra FROM ("
	" SELECT 'session' AS kind, CAST(s.id AS TEXT) AS ref,"
	"  highlight(sessions_fts, 0, char(2), char(3)) AS label,"
	"  snippet(sessions_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16) AS snip,"
	"  e.name AS extra, bm25(sessions_fts, 8.0, 1.0) AS rank"
	"  FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid JOIN events e ON e.id = s.event_id"
	"  WHERE sessions_fts MATCH ?1"
	" UNION ALL SELECT 'person', p.slug, highlight(people_fts, 0, char(2), char(3)),"
	"  snippet(people_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16), NULL, bm25(people_fts, 12.0, 1.0) * 1.5"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid WHERE people_fts MATCH ?1"
	" UNION ALL SELECT 'organization', o.slug, highlight(organizations_fts, 0, char(2), char(3)), NULL,"
	"  o.kind, bm25(organizations_fts) * 2.0"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	"  WHERE organizations_fts MATCH ?1"
	") ORDER BY rank, kind, ref LIMIT ?2 OFFSET ?3";

static const char search_json_sql[] =
	"SELECT json_object('q', ?4, 'page', ?5, 'results', (SELECT json_group_array(json_object('kind', kind,"
	" 'title', title, 'url', url)) FROM ("
	" SELECT 'session' AS kind, s.title AS title, '/sessions/' || s.id AS url, bm25(sessions_fts, 8.0, 1.0) AS rank"
	"  FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid WHERE sessions_fts MATCH ?1"
	" UNION ALL SELECT 'person', p.name, '/people/' || p.slug, bm25(people_fts, 12.0, 1.0) * 1.5"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid WHERE people_fts MATCH ?1"
	" UNION ALL SELECT 'organization', o.name, '/orgs/' || o.slug, bm25(organizations_fts) * 2.0"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	"  WHERE organizations_fts MATCH ?1"
	" ORDER BY rank, kind, url LIMIT ?2 OFFSET ?3)))";

/*
 * Turns what a person typed into an FTS5 query that cannot be a syntax error:
 * every word becomes a quoted phrase (quotes doubled) with a prefix star, and
 * the words are ANDed. Returns NULL when nothing searchable is left.
 */
const char *
search_fts_query(struct request *req, const char *q)
{
	struct buf b = BUF_INIT;
	const char *p = q, *out;

	while (p && *p) {
		size_t n;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		n = strcspn(p, " \t\r\n");
		if (n == 0)
			break;
		if (b.len)
			buf_putc(&b, ' ');
		buf_putc(&b, '"');
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '"')
				buf_putc(&b, '"');
			buf_putc(&b, p[i]);
		}
		buf_puts(&b, "\"*");
		p += n;
	}
	out = b.len ? req_strndup(req, b.data, b.len) : NULL;
	buf_release(&b);
	return out;
}

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

int
page_search(struct request *req)
{
	static const struct crumb crumbs[] = { { "Search", NULL }, { NULL, NULL } };
	static const char *const keep[] = { "q", NULL };
	struct buf *b = &req->out;
	const char *q = req_arg(req, "q"), *fts = search_fts_query(req, q);
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int rows = 0;

	if (db == NULL)
		return 503;
	if (req->want_json) {
		if ((st = db_stmt(db, search_json_sql)) == NULL)
			return 503;
		db_bind_text(st, 1, fts ? fts : "\"\"");
		sqlite3_bind_int(st, 2, PAGE_SIZE);
		sqlite3_bind_int64(st, 3, page_offset(req));
		db_bind_text(st, 4, q);
		sqlite3_bind_int64(st, 5, page_number(req));
		return render_json(req, st);
	}
	layout_begin(req, q ? req_printf(req, "Search: %s", q) : "Search", crumbs);
	html_lit(b, "<h1>Search</h1><form class=\"filters\" role=\"search\" aria-label=\"Search again\" method=\"get\" action=\"/search\">"
	    "<label for=\"q\">Words</label><input id=\"q\" type=\"search\" name=\"q\" value=\"");
	html_attr(b, q);
	html_lit(b, "\"><button type=\"submit\">Search</button></form>");
	if (fts == NULL) {
		render_empty(b, "Type a name, an organization or words from a talk.");
		layout_end(req);
		return 200;
	}
	if ((st = db_stmt(db, search_sql)) == NULL)
		return 503;
	db_bind_text(st, 1, fts);
	sqlite3_bind_int(st, 2, PAGE_SIZE + 1);	/* one more than a page: is there a next one? */
	sqlite3_bind_int64(st, 3, page_offset(req));
	html_lit(b, "<ol class=\"results\">");
	while (sqlite3_step(st) == SQLITE_ROW && ++rows <= PAGE_SIZE)
		result(req, st);
	sqlite3_reset(st);
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
	layout_end(req);
	return 200;
}
