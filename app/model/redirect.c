/* redirect.c: slugs that moved (slug_redirects, 0010): where an old address leads, and keeping that in step. */
#include <string.h>

#include "model/db.h"
#include "model/record.h"
#include "model/redirect.h"
#include "model/slugs.h"

/* The record's table comes from its kind's descriptor, so the record's slug now is read by
 * a statement built from our own names: one per kind, in this table of constants. */
static const struct { const char *kind, *sql; } now_sql[] = {
	{ "organization", "SELECT o.slug FROM slug_redirects r JOIN organizations o ON o.id = r.record_id"
	  " WHERE r.kind = 'organization' AND r.old_slug = ?1" },
	{ "person", "SELECT p.slug FROM slug_redirects r JOIN people p ON p.id = r.record_id"
	  " WHERE r.kind = 'person' AND r.old_slug = ?1" },
	{ "event", "SELECT e.slug FROM slug_redirects r JOIN events e ON e.id = r.record_id"
	  " WHERE r.kind = 'event' AND r.old_slug = ?1" },
	{ "body", "SELECT b.slug FROM slug_redirects r JOIN bodies b ON b.id = r.record_id"
	  " WHERE r.kind = 'body' AND r.old_slug = ?1" },
	{ "project", "SELECT p.slug FROM slug_redirects r JOIN projects p ON p.id = r.record_id"
	  " WHERE r.kind = 'project' AND r.old_slug = ?1" },
};

enum model_status
redirect_find(struct request *req, const char *kind, const char *old_slug, const char **slug_now)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*slug_now = NULL;
	for (size_t i = 0; i < sizeof(now_sql) / sizeof(now_sql[0]); i++) {
		if (strcmp(now_sql[i].kind, kind) != 0)
			continue;
		if ((ms = db_query(now_sql[i].sql, &st)) != MODEL_OK)
			return ms;
		db_bind_text(st, 1, old_slug);
		if ((ms = db_row(st, "redirect")) != MODEL_OK)
			return ms;
		*slug_now = db_col(req, st, 0);
		sqlite3_reset(st);
		return MODEL_OK;
	}
	return MODEL_NOT_FOUND;
}

/* Runs one of the statements below: ?1 kind, ?2 text, ?3 and ?4 ids. */
static enum model_status
run(sqlite3 *db, const char *sql, const char *kind, const char *text, long long a, long long b)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return db_failed(db, 0, "slug redirect");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	db_bind_text(st, 2, text);
	sqlite3_bind_int64(st, 3, a);
	sqlite3_bind_int64(st, 4, b);
	return db_done(st, sqlite3_step(st), "slug redirect");
}

enum model_status
slug_moved(sqlite3 *db, const char *kind, const char *old, long long id)
{
	static const char sql[] = "INSERT INTO slug_redirects(kind, old_slug, record_id) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (kind, old_slug) DO UPDATE SET record_id = excluded.record_id,"
	    " created_at = excluded.created_at";

	return old && *old ? run(db, sql, kind, old, id, 0) : MODEL_OK;
}

enum model_status
slug_forget(sqlite3 *db, const char *kind, const char *slug)
{
	static const char sql[] = "DELETE FROM slug_redirects WHERE kind = ?1 AND old_slug = ?2";

	return run(db, sql, kind, slug, 0, 0);
}

enum model_status
slug_repoint(sqlite3 *db, const char *kind, long long from, long long into)
{
	static const char sql[] = "UPDATE slug_redirects SET record_id = ?4 WHERE kind = ?1 AND record_id = ?3";

	return run(db, sql, kind, NULL, from, into);
}

enum model_status
slug_repoint_back(sqlite3 *db, const char *kind, const char *slugs_json, long long to)
{
	static const char sql[] = "UPDATE slug_redirects SET record_id = ?3 WHERE kind = ?1"
	    " AND old_slug IN (SELECT value FROM json_each(?2))";

	return slugs_json ? run(db, sql, kind, slugs_json, to, 0) : MODEL_OK;
}

enum model_status
slug_list(sqlite3 *db, const char *kind, long long id, struct buf *out)
{
	static const char sql[] = "SELECT json_group_array(old_slug) FROM slug_redirects"
	    " WHERE kind = ?1 AND record_id = ?3";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return db_failed(db, 0, "slug redirect");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	return db_one_text(st, out) == 0 ? MODEL_OK : db_failed(db, 0, "slug redirect");
}

enum model_status
slug_follow(sqlite3 *db, struct request *req, const struct record_kind *k, long long id, const char *before)
{
	static const char old_sql[] = "SELECT json_extract(?1, '$.slug')";
	sqlite3_stmt *st;
	const char *now = record_key(req, k, id), *old = NULL;
	enum model_status ms;

	if (!k->by_slug || *now == '\0')
		return MODEL_OK;
	if (before) {
		if ((st = db_stmt(db, old_sql)) == NULL)
			return db_failed(db, 0, "slug");
		sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
		if ((ms = db_row(st, "slug")) != MODEL_OK)
			return ms;
		old = db_col(req, st, 0);
		sqlite3_reset(st);
	}
	if (old && strcmp(old, now) == 0)
		return MODEL_OK;
	if ((ms = slug_forget(db, k->kind, now)) != MODEL_OK)
		return ms;
	return old ? slug_moved(db, k->kind, old, id) : MODEL_OK;
}
