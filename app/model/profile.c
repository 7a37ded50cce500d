/* profile.c: a member's own profile (see profile.h). */
#include <string.h>

#include "model/audit.h"
#include "model/db.h"
#include "model/profile.h"

static const char me_sql[] =
	"SELECT p.id, p.slug, p.bio, (SELECT group_concat(value, char(10)) FROM json_each(p.links)),"
	" p.version, o.name, o.slug FROM users u LEFT JOIN people p ON p.id = u.person_id"
	" LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = ?1";

#define P(type, field)	COL(type, struct profile, field)
static const struct column profile_cols[] = {
	P(LONG, person), P(TEXT, slug), P(TEXT, bio), P(TEXT, links), P(LONG, version), P(TEXT, org),
	P(TEXT, org_slug),
};
static const struct row_type profile_row = ROW_TYPE(struct profile, profile_cols, NULL, "profile");

enum model_status
profile_of(struct request *req, long long user, struct profile *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	if ((ms = db_query(me_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, user);
	if ((ms = db_row(st, "profile")) != MODEL_OK)
		return ms;
	db_read(req, st, &profile_row, p);
	sqlite3_reset(st);
	return MODEL_OK;
}

static const char update_sql[] =
	"UPDATE people SET bio = ?2, links = json(?3), version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND version = ?4";

/* The update itself, inside the transaction: MODEL_STALE when the version moved on. */
static enum model_status
update(sqlite3 *db, long long person, const char *bio, const char *links_json, long long version)
{
	sqlite3_stmt *st = db_stmt(db, update_sql);
	int rc;

	if (st == NULL)
		return db_failed(db, 0, "profile");
	sqlite3_bind_int64(st, 1, person);
	db_bind_text(st, 2, bio);
	sqlite3_bind_text(st, 3, links_json, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, version);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		return db_done(st, rc, "profile");
	sqlite3_reset(st);
	return sqlite3_changes(db) ? MODEL_OK : MODEL_STALE;
}

struct edit {
	struct request	*req;
	long long	 person, version;
	const char	*bio, *links_json;
};

static enum model_status
save_in(sqlite3 *db, void *arg)
{
	struct edit *e = arg;
	const char *before;
	enum model_status ms;

	if ((ms = audit_capture(db, e->req, "person", e->person, &before)) == MODEL_OK &&
	    (ms = update(db, e->person, e->bio, e->links_json, e->version)) == MODEL_OK)
		ms = audit_write(db, e->req, "person", e->person, "update", before, NULL);
	return ms;
}

enum model_status
profile_save(struct request *req, long long person, const char *bio, const char *links_json,
    long long version)
{
	struct edit e = { req, person, version, bio, links_json };

	return db_transaction(db_thread(), save_in, &e);
}
