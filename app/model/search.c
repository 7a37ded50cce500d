/* search.c: the ranked union of the three full-text indexes (see search.h). */
#include <string.h>

#include "core/config.h"
#include "model/db.h"
#include "model/search.h"

/*
 * Each index ranks its own matches (FTS5 sorts by rank itself when asked ORDER BY rank
 * with its weights in a rank MATCH) and highlights only the rows of the page and those
 * before it: highlighting every match before sorting made one common word cost a
 * third of a second. The rank weighs titles over text and people and organizations over
 * sessions; ties go by kind and address, so the order is the same every time.
 */
static const char search_sql[] =
	"SELECT kind, ref, title, label, snip, extra FROM ("
	" SELECT * FROM (SELECT 'session' AS kind, CAST(s.id AS TEXT) AS ref, s.title AS title,"
	"  highlight(sessions_fts, 0, char(2), char(3)) AS label,"
	"  snippet(sessions_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16) AS snip,"
	"  e.name AS extra, sessions_fts.rank AS rank"
	"  FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid JOIN events e ON e.id = s.event_id"
	"  WHERE sessions_fts MATCH ?1 AND sessions_fts.rank MATCH 'bm25(8.0, 1.0)'"
	"  ORDER BY sessions_fts.rank LIMIT ?2 + ?3)"
	" UNION ALL SELECT * FROM (SELECT 'person', p.slug, p.name, highlight(people_fts, 0, char(2), char(3)),"
	"  snippet(people_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16), NULL, people_fts.rank * 1.5"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid"
	"  WHERE people_fts MATCH ?1 AND people_fts.rank MATCH 'bm25(12.0, 1.0)'"
	"  ORDER BY people_fts.rank LIMIT ?2 + ?3)"
	" UNION ALL SELECT * FROM (SELECT 'organization', o.slug, o.name,"
	"  highlight(organizations_fts, 0, char(2), char(3)), NULL, o.kind, organizations_fts.rank * 2.0"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	"  WHERE organizations_fts MATCH ?1 AND organizations_fts.rank MATCH 'bm25()'"
	"  ORDER BY organizations_fts.rank LIMIT ?2 + ?3)"
	") ORDER BY rank, kind, ref LIMIT ?2 OFFSET ?3";

static void
kind_of(struct request *req, sqlite3_stmt *st, void *row)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);

	(void)req;
	((struct search_result *)row)->kind = kind[0] == 's' ? SEARCH_SESSION : kind[0] == 'p' ? SEARCH_PERSON :
	    SEARCH_ORG;
}

#define R(type, field)	COL(type, struct search_result, field)
static const struct column result_cols[] = {
	COL_PASS, R(TEXT, ref), R(TEXT, title), R(TEXT, label), R(TEXT, snippet), R(TEXT, extra),
};
static const struct row_type result_row = ROW_TYPE(struct search_result, result_cols, kind_of, "search");

enum model_status
search(struct request *req, const char *fts, long long offset, int limit, struct search_result **out,
    size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*out = NULL;
	*n = 0;
	if (fts == NULL)
		return MODEL_OK;	/* nothing searchable: no results */
	if ((ms = db_query(search_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, fts);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	/* A search may use config.search_budget_ms of the worker's CPU time (db.h): past it,
	 * the search is too broad, whatever rows it found by then. */
	db_budget_begin(sqlite3_db_handle(st), config.search_budget_ms);
	*out = db_rows(req, st, &result_row, n, &ms);
	if (db_budget_end(sqlite3_db_handle(st)))
		ms = MODEL_TOO_COSTLY;
	return ms;
}
