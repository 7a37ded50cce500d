/* search.c: the six full-text indexes, counted and ranked, with typo tolerance (see search.h). */
#include <string.h>

#include "core/config.h"
#include "core/fuzzy.h"
#include "model/db.h"
#include "model/search.h"
#include "model/search_query.h"

const char *const search_kind_codes[SEARCH_KIND__MAX] = {
	"session", "person", "organization", "event", "body", "project",
};

int
search_kind_of(const char *code)
{
	for (int k = 0; code && k < SEARCH_KIND__MAX; k++)
		if (strcmp(code, search_kind_codes[k]) == 0)
			return k;
	return -1;
}

/*
 * A word "c++" must be found as written (?5, a JSON array of literals: each must be in the
 * text, ASCII case folded); the index alone only knows "c". TEXT is the record's indexed text.
 */
#define LITERALS(text) \
	" AND (?5 IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(?5) WHERE instr(lower(" text "), value) = 0))"
#define SESSION_TEXT	"s.title || ' ' || coalesce(s.abstract, '')"
#define PERSON_TEXT	"p.name || ' ' || coalesce(p.bio, '')"
#define ORG_TEXT	"o.name"
#define EVENT_TEXT	"e.name || ' ' || coalesce(e.series, '') || ' ' || coalesce(e.city, '') || ' ' || coalesce(e.country, '')"
#define BODY_TEXT	"b.name || ' ' || b.slug || ' ' || coalesce(b.description, '')"
#define PROJECT_TEXT	"j.name || ' ' || coalesce(j.description, '')"

/*
 * Each index ranks its own matches (FTS5 sorts by rank itself when asked ORDER BY rank with
 * its weights in a rank MATCH) and highlights only the rows of the page and those before it:
 * highlighting every match before sorting made one common word cost a third of a second.
 * An index is not even read when another kind is asked for (?4: a constant condition, tested
 * once before its loop). Names weigh more than text; ties go by address, so the order is
 * the same every time.
 */
#define KIND_ONLY(k)	" WHERE (?4 IS NULL OR ?4 = '" k "') AND "
static const char search_sql[] =
	"SELECT kind, ref, title, label, snip, extra FROM ("
	" SELECT * FROM (SELECT 'session' AS kind, CAST(s.id AS TEXT) AS ref, s.title AS title,"
	"  highlight(sessions_fts, 0, char(2), char(3)) AS label,"
	"  snippet(sessions_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16) AS snip,"
	"  e.name AS extra, sessions_fts.rank AS rank"
	"  FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid JOIN events e ON e.id = s.event_id"
	KIND_ONLY("session") "sessions_fts MATCH ?1 AND sessions_fts.rank MATCH 'bm25(8.0, 1.0)'"
	LITERALS(SESSION_TEXT) " ORDER BY sessions_fts.rank LIMIT ?2 OFFSET ?3)"
	" UNION ALL SELECT * FROM (SELECT 'person', p.slug, p.name, highlight(people_fts, 0, char(2), char(3)),"
	"  snippet(people_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16), NULL, people_fts.rank"
	"  FROM people_fts JOIN people p ON p.id = people_fts.rowid"
	KIND_ONLY("person") "people_fts MATCH ?1 AND people_fts.rank MATCH 'bm25(12.0, 1.0)'"
	LITERALS(PERSON_TEXT) " ORDER BY people_fts.rank LIMIT ?2 OFFSET ?3)"
	" UNION ALL SELECT * FROM (SELECT 'organization', o.slug, o.name,"
	"  highlight(organizations_fts, 0, char(2), char(3)), NULL, o.kind, organizations_fts.rank"
	"  FROM organizations_fts JOIN organizations o ON o.id = organizations_fts.rowid"
	KIND_ONLY("organization") "organizations_fts MATCH ?1 AND organizations_fts.rank MATCH 'bm25()'"
	LITERALS(ORG_TEXT) " ORDER BY organizations_fts.rank LIMIT ?2 OFFSET ?3)"
	" UNION ALL SELECT * FROM (SELECT 'event', e.slug, e.name, highlight(events_fts, 0, char(2), char(3)),"
	"  NULL, e.starts_on, events_fts.rank FROM events_fts JOIN events e ON e.id = events_fts.rowid"
	KIND_ONLY("event") "events_fts MATCH ?1 AND events_fts.rank MATCH 'bm25(10.0, 4.0, 1.0, 1.0)'"
	LITERALS(EVENT_TEXT) " ORDER BY events_fts.rank LIMIT ?2 OFFSET ?3)"
	" UNION ALL SELECT * FROM (SELECT 'body', b.slug, b.name, highlight(bodies_fts, 0, char(2), char(3)),"
	"  snippet(bodies_fts, 2, char(2), char(3), '\xe2\x80\xa6', 16), b.kind, bodies_fts.rank"
	"  FROM bodies_fts JOIN bodies b ON b.id = bodies_fts.rowid"
	KIND_ONLY("body") "bodies_fts MATCH ?1 AND bodies_fts.rank MATCH 'bm25(10.0, 10.0, 1.0)'"
	LITERALS(BODY_TEXT) " ORDER BY bodies_fts.rank LIMIT ?2 OFFSET ?3)"
	" UNION ALL SELECT * FROM (SELECT 'project', o.slug, j.name, highlight(projects_fts, 0, char(2), char(3)),"
	"  snippet(projects_fts, 1, char(2), char(3), '\xe2\x80\xa6', 16), o.name, projects_fts.rank"
	"  FROM projects_fts JOIN projects j ON j.id = projects_fts.rowid LEFT JOIN organizations o ON o.id = j.org_id"
	KIND_ONLY("project") "projects_fts MATCH ?1 AND projects_fts.rank MATCH 'bm25(10.0, 1.0)'"
	LITERALS(PROJECT_TEXT) " ORDER BY projects_fts.rank LIMIT ?2 OFFSET ?3)"
	") ORDER BY kind, rank, ref";

/* How many of each kind match: the index alone, or (with literals, ?2) its rows too. */
#define COUNT(fts, join, text) \
	"(SELECT CASE WHEN ?2 IS NULL THEN (SELECT count(*) FROM " fts " WHERE " fts " MATCH ?1)" \
	" ELSE (SELECT count(*) FROM " fts " " join " WHERE " fts " MATCH ?1" \
	" AND NOT EXISTS (SELECT 1 FROM json_each(?2) WHERE instr(lower(" text "), value) = 0)) END)"
static const char counts_sql[] =
	"SELECT " COUNT("sessions_fts", "JOIN sessions s ON s.id = sessions_fts.rowid", SESSION_TEXT) ", "
	COUNT("people_fts", "JOIN people p ON p.id = people_fts.rowid", PERSON_TEXT) ", "
	COUNT("organizations_fts", "JOIN organizations o ON o.id = organizations_fts.rowid", ORG_TEXT) ", "
	COUNT("events_fts", "JOIN events e ON e.id = events_fts.rowid", EVENT_TEXT) ", "
	COUNT("bodies_fts", "JOIN bodies b ON b.id = bodies_fts.rowid", BODY_TEXT) ", "
	COUNT("projects_fts", "JOIN projects j ON j.id = projects_fts.rowid", PROJECT_TEXT);

/* Whether any index knows a word that starts with ?1 (below ?2: ?1 with its last letter
 * the next one). */
#define KNOWN(v)	"EXISTS (SELECT 1 FROM " v " WHERE term >= ?1 AND term < ?2)"
static const char known_sql[] =
	"SELECT " KNOWN("search_vocab_sessions") " OR " KNOWN("search_vocab_people") " OR "
	KNOWN("search_vocab_orgs") " OR " KNOWN("search_vocab_events") " OR " KNOWN("search_vocab_bodies")
	" OR " KNOWN("search_vocab_projects");
/* The known words with the same first letter (from ?1 below ?2) and about the same length
 * (?3 to ?4), with the records that hold them: the candidates for a word no index knows. */
#define NEAR(v)	"SELECT term, doc FROM " v " WHERE term >= ?1 AND term < ?2 AND length(term) BETWEEN ?3 AND ?4"
static const char near_sql[] =
	"SELECT term, sum(doc) FROM (" NEAR("search_vocab_sessions") " UNION ALL " NEAR("search_vocab_people")
	" UNION ALL " NEAR("search_vocab_orgs") " UNION ALL " NEAR("search_vocab_events")
	" UNION ALL " NEAR("search_vocab_bodies") " UNION ALL " NEAR("search_vocab_projects") ")"
	" GROUP BY term ORDER BY sum(doc) DESC, term";

static void
kind_of(struct request *req, sqlite3_stmt *st, void *row)
{
	int k = search_kind_of((const char *)sqlite3_column_text(st, 0));

	(void)req;
	((struct search_result *)row)->kind = k < 0 ? SEARCH_SESSION : (enum search_kind)k;
}

#define R(type, field)	COL(type, struct search_result, field)
static const struct column result_cols[] = {
	COL_PASS, R(TEXT, ref), R(TEXT, title), R(TEXT, label), R(TEXT, snippet), R(TEXT, extra),
};
static const struct row_type result_row = ROW_TYPE(struct search_result, result_cols, kind_of, "search");

/* Whether t may be a typo: a word of plain letters, long enough, and nothing else asked of it. */
static int
correctable(const struct search_term *t, char *lower, size_t size)
{
	if (t->phrase || t->literal || t->len < 4 || t->len >= size)
		return 0;
	for (size_t i = 0; i < t->len; i++) {
		char c = t->text[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return 0;
		lower[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	lower[t->len] = '\0';
	return 1;
}

/* Binds the range of words that start with the n bytes of w: ?1 from w, ?2 below its successor. */
static void
bind_range(sqlite3_stmt *st, const char *w, size_t n, char *upper)
{
	memcpy(upper, w, n);
	upper[n - 1]++;
	upper[n] = '\0';
	sqlite3_bind_text(st, 1, w, (int)n, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, upper, (int)n, SQLITE_TRANSIENT);
}

/* The known words nearest lower (the fewest edits, then the most records) into t->alts. */
static enum model_status
alternatives(struct request *req, const char *lower, size_t n, struct search_term *t)
{
	int allowed = fuzzy_allowance(n), best = allowed + 1, k = 0, rc;
	char upper[FUZZY_MAX_LEN + 1];
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = db_query(near_sql, &st)) != MODEL_OK)
		return ms;
	bind_range(st, lower, 1, upper);
	sqlite3_bind_int64(st, 3, (long long)n - allowed);
	sqlite3_bind_int64(st, 4, (long long)n + allowed);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		int d = fuzzy_distance(lower, n, term, (size_t)sqlite3_column_bytes(st, 0), allowed);

		if (d > allowed || d > best)
			continue;
		if (d < best)
			best = d, k = 0;	/* nearer than all before: start again */
		if (k < SEARCH_ALTS_MAX)
			t->alts[k++] = db_col(req, st, 0);
		t->alts[k] = NULL;
	}
	return db_done(st, rc, "search: near words");
}

/* Every word no index knows gets the known words nearest it as alternatives. */
static enum model_status
fix_typos(struct request *req, struct search_words *w, struct search_page *p)
{
	char lower[FUZZY_MAX_LEN + 1], upper[FUZZY_MAX_LEN + 1];
	enum model_status ms;
	sqlite3_stmt *st;

	p->fixes = req_alloc(req, (size_t)(w->n + 1) * sizeof(*p->fixes));
	for (int i = 0; i < w->n; i++) {
		struct search_term *t = &w->terms[i];

		if (!correctable(t, lower, sizeof(lower)))
			continue;
		if ((ms = db_query(known_sql, &st)) != MODEL_OK)
			return ms;
		bind_range(st, lower, t->len, upper);
		if ((ms = db_row(st, "search: known words")) != MODEL_OK)
			return ms;
		if (sqlite3_column_int(st, 0)) {
			sqlite3_reset(st);
			continue;
		}
		sqlite3_reset(st);
		if ((ms = alternatives(req, lower, t->len, t)) != MODEL_OK)
			return ms;
		if (t->alts[0]) {
			struct search_fix *f = &p->fixes[p->n_fixes++];

			memset(f, 0, sizeof(*f));
			f->typed = t->text;
			for (int a = 0; t->alts[a]; a++)
				f->words[a] = t->alts[a];
		}
	}
	return MODEL_OK;
}

static enum model_status
count(sqlite3_stmt *st, const char *fts, const char *literals, struct search_page *p)
{
	enum model_status ms;

	db_bind_text(st, 1, fts);
	db_bind_text(st, 2, literals);
	if ((ms = db_row(st, "search: counts")) != MODEL_OK)
		return ms;
	for (int k = 0; k < SEARCH_KIND__MAX; k++)
		p->total += p->counts[k] = sqlite3_column_int64(st, k);
	sqlite3_reset(st);
	return MODEL_OK;
}

/* The typos, the counts, the results: the statements of one search. */
static enum model_status
run(struct request *req, struct search_words *w, int kind, long long offset, int limit, struct search_page *p)
{
	const char *fts, *literals;
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = fix_typos(req, w, p)) != MODEL_OK)
		return ms;
	fts = search_fts(req, w);
	literals = search_literals(req, w);
	if ((ms = db_query(counts_sql, &st)) != MODEL_OK || (ms = count(st, fts, literals, p)) != MODEL_OK)
		return ms;
	if ((ms = db_query(search_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, fts);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	db_bind_text(st, 4, kind >= 0 ? search_kind_codes[kind] : NULL);
	db_bind_text(st, 5, literals);
	p->results = db_rows(req, st, &result_row, &p->n, &ms);
	return ms;
}

enum model_status
search(struct request *req, const char *q, int kind, long long offset, int limit, struct search_page *p)
{
	struct search_words w;
	enum model_status ms;
	sqlite3 *db = db_thread();

	memset(p, 0, sizeof(*p));
	search_parse(req, q, &w);
	p->typed = w.typed;
	if (w.n == 0) {
		p->empty = 1;
		return MODEL_OK;	/* nothing searchable: no results */
	}
	if (db == NULL)
		return MODEL_UNAVAILABLE;
	/* A search may use config.search_budget_ms of the worker's CPU time (db.h): past it,
	 * the search is too broad, whatever rows it found by then. */
	db_budget_begin(db, config.search_budget_ms);
	ms = run(req, &w, kind, offset, limit, p);
	if (db_budget_end(db))
		ms = MODEL_TOO_COSTLY;
	return ms;
}
