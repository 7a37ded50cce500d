/* search.c: the ranked union of the three full-text indexes (see search.h). */
#include <string.h>

#include "model/db.h"
#include "model/search.h"

/* The rank weighs titles over text and people and organizations over sessions; ties go by
 * kind and address, so the order is the same every time. */
static const char search_sql[] =
	"SELECT kind, ref, title, label, snip, extra FROM ("
	" SELECT 'session' AS kind, CAST(s.id AS TEXT) AS ref, s.title AS title,"
	"  highlight(sessions_fts, 0, char(2), char(3)) AS label,"
	"  snippet(sessions_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16) AS snip,"
	"  e.name AS extra, bm25(sessions_fts, 8.0, 1.0) AS rank"
	"  FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid JOIN events e ON e.id = s.event_id"
	"  WHERE sessions_fts MATCH ?1"
	" UNION ALL SELECT 'person', p.slug, p.name, highlight(people_fts, 0, char(2), char(3)),"
	"  snippet(people_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16), NULL, bm25(people_fts, 12.0, 1.0) * 1.5"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid WHERE people_fts MATCH ?1"
	" UNION ALL SELECT 'organization', o.slug, o.name, highlight(organizations_fts, 0, char(2), char(3)), NULL,"
	"  o.kind, bm25(organizations_fts) * 2.0"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	"  WHERE organizations_fts MATCH ?1"
	") ORDER BY rank, kind, ref LIMIT ?2 OFFSET ?3";

static void
read_result(struct request *req, sqlite3_stmt *st, struct search_result *r)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);

	r->kind = kind[0] == 's' ? SEARCH_SESSION : kind[0] == 'p' ? SEARCH_PERSON : SEARCH_ORG;
	r->ref = db_col(req, st, 1);
	r->title = db_col(req, st, 2);
	r->label = db_col(req, st, 3);
	r->snippet = db_col(req, st, 4);
	r->extra = db_col(req, st, 5);
}

enum model_status
search(struct request *req, const char *fts, long long offset, int limit, struct search_result **out,
    size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (fts == NULL)
		return MODEL_OK;	/* nothing searchable: no results */
	if ((ms = db_query(search_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, fts);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = req_grow(req, *out, *n, &cap, sizeof(**out));
		read_result(req, st, &(*out)[(*n)++]);
	}
	return db_done(st, rc, "search");
}
