/* speaker_rows.c: the speaker lists' query (see speaker_rows.h). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/mem.h"
#include "model/current_org.h"
#include "model/db.h"
#include "model/speaker_rows.h"

/*
 * The filtered appearances. Every filter is a named parameter that is NULL
 * when not given, so one prepared statement serves every combination.
 * :email is 1 only when the caller has checked the reader is staff. The track is a term only
 * when it is asked for: any further term on sessions turns SQLite's plan for the whole list from
 * reading the sessions in the order of the output (streamed) to sorting all of it first.
 */
#define FILTERED_(track) \
	" FROM appearances a" \
	" JOIN sessions s ON s.id = a.session_id" \
	" JOIN events e ON e.id = s.event_id" \
	" JOIN people p ON p.id = a.person_id" \
	" LEFT JOIN organizations o ON o.id = a.org_id" \
	" WHERE (:event IS NULL OR e.slug = :event OR (:colocated AND e.parent_id =" \
	"   (SELECT id FROM events WHERE slug = :event)))" \
	" AND (:org IS NULL OR o.slug = :org)" \
	" AND (:kind IS NULL OR s.kind = :kind)" \
	track \
	" AND (:from IS NULL OR coalesce(substr(s.starts_at, 1, 10), e.starts_on) >= :from)" \
	" AND (:to IS NULL OR coalesce(substr(s.starts_at, 1, 10), e.starts_on) <= :to)" \
	" AND (:body IS NULL OR EXISTS (SELECT 1 FROM roles r JOIN bodies b ON b.id = r.body_id" \
	"   WHERE r.person_id = p.id AND b.slug = :body" \
	"   AND (:role IS NULL OR r.role = :role OR r.seat_type = :role)))" \
	" AND (:person IS NULL OR p.slug = :person)" \
	" AND (:match IS NULL OR s.id IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH :match)" \
	"   OR p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH :match)" \
	"   OR o.id IN (SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH :match))"
#define FILTERED	FILTERED_("")
#define ON_TRACK	FILTERED_(" AND s.track = :track")

#define APPEARANCES(filtered) \
	"SELECT p.name, o.name, " CURRENT_ORG("p.id") "," \
	" CASE WHEN :email THEN p.email END, p.github, e.name, s.title, s.kind," \
	" coalesce(substr(s.starts_at, 1, 10), e.starts_on), a.role, coalesce(s.url, :base || '/sessions/' || s.id)" \
	filtered \
	" ORDER BY s.starts_utc, e.id, s.id, a.position, a.id"

#define SPEAKERS(filtered) \
	"WITH f AS (SELECT a.person_id AS pid, a.org_id AS oid, s.title AS title," \
	"  s.starts_utc AS su, s.id AS sid" filtered ")," \
	" po AS (SELECT pid, group_concat(name, '; ') AS names FROM" \
	"  (SELECT DISTINCT f.pid, o.name FROM f JOIN organizations o ON o.id = f.oid" \
	"   ORDER BY f.pid, o.name) GROUP BY pid)," \
	" pt AS (SELECT pid, count(*) AS n, group_concat(title, '; ') AS titles FROM" \
	"  (SELECT pid, title FROM f ORDER BY pid, su, sid) GROUP BY pid)" \
	" SELECT p.name, po.names, " CURRENT_ORG("p.id") "," \
	" CASE WHEN :email THEN p.email END, p.github, pt.n, pt.titles" \
	" FROM pt JOIN people p ON p.id = pt.pid LEFT JOIN po ON po.pid = pt.pid" \
	" ORDER BY p.name, p.id"

/* [per speaker][on a track] */
static const char *const list_sql[2][2] = {
	{ APPEARANCES(FILTERED), APPEARANCES(ON_TRACK) },
	{ SPEAKERS(FILTERED), SPEAKERS(ON_TRACK) },
};

struct speaker_rows {
	sqlite3_stmt	*st;
	int		 per_speaker;
};

/* Binds text (NULL or empty as NULL) to the named parameter if the statement has it. */
static void
bind_named(sqlite3_stmt *st, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i)
		db_bind_text(st, i, value);
}

static void
bind_query(sqlite3_stmt *st, const struct speaker_query *q)
{
	bind_named(st, ":event", q->event);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":colocated"), q->colocated != 0);
	bind_named(st, ":org", q->org);
	bind_named(st, ":kind", q->kind);
	bind_named(st, ":track", q->track);
	if (sqlite3_bind_parameter_index(st, ":base"))
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":base"), q->base ? q->base : "", -1, SQLITE_STATIC);
	bind_named(st, ":from", q->from);
	bind_named(st, ":to", q->to);
	bind_named(st, ":body", q->body);
	bind_named(st, ":role", q->role);
	bind_named(st, ":person", q->person);
	bind_named(st, ":match", q->match);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":email"), q->include_email != 0);
}

struct speaker_rows *
speaker_rows_open(struct db_conn *c, const struct speaker_query *q)
{
	sqlite3 *db = conn_db(c);
	struct speaker_rows *r = xcalloc(1, sizeof(*r));

	/* The stream's own statement, not the db_stmt cache: see conn.h. */
	if (sqlite3_prepare_v2(db, list_sql[q->per_speaker != 0][q->track != NULL && *q->track], -1, &r->st,
	    NULL)) {
		log_err("export: %s", sqlite3_errmsg(db));
		speaker_rows_close(r);
		return NULL;
	}
	r->per_speaker = q->per_speaker;
	bind_query(r->st, q);
	return r;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
speaker_rows_next(struct speaker_rows *r, struct speaker_row *row)
{
	sqlite3_stmt *st = r->st;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return log_err("export: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	memset(row, 0, sizeof(*row));
	row->name = col(st, 0);
	row->current_organization = col(st, 2);
	row->email = col(st, 3);
	row->github = col(st, 4);
	if (r->per_speaker) {
		row->organizations = col(st, 1);
		row->sessions = sqlite3_column_int64(st, 5);
		row->titles = col(st, 6);
		return 1;
	}
	row->organization = col(st, 1);
	row->event = col(st, 5);
	row->session = col(st, 6);
	row->kind = col(st, 7);
	row->date = col(st, 8);
	row->role = col(st, 9);
	row->url = col(st, 10);
	return 1;
}

void
speaker_rows_close(struct speaker_rows *r)
{
	if (r == NULL)
		return;
	sqlite3_finalize(r->st);
	free(r);
}
