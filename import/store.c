/* store.c: the import's reads and writes of events, organizations, people and sessions, each
 * change recorded for undo (store.h); store_run.c holds the run itself. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/store.h"
#include "model/db.h"
#include "model/record.h"

const char *const store_field_names[SF__MAX] = {
	"title", "subtitle", "kind", "track", "room", "starts_at", "duration_min", "abstract", "url",
	"speakers"
};

/* --- statements ------------------------------------------------------------------ */

sqlite3_stmt *
store_prep(struct store *s, const char *sql)
{
	sqlite3_stmt *st = db_stmt(s->db, sql);

	if (st == NULL)
		report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	return st;
}

int
store_done(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

#define prep	store_prep
#define done	store_done
#define change	store_change

static long long
virtual(struct store *s)
{
	return --s->virtual_id;
}

static const char change_sql[] =
	"INSERT INTO import_changes(run_id, seq, kind, local_id, action, before, source_key, key_before,"
	" after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

int
store_change(struct store *s, const char *kind, long long id, const char *action, const char *before,
    const char *key, const char *key_before, const char *after)
{
	sqlite3_stmt *st = prep(s, change_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, s->run);
	sqlite3_bind_int(st, 2, ++s->seq);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	sqlite3_bind_text(st, 5, action, -1, SQLITE_STATIC);
	db_bind_text(st, 6, before);
	db_bind_text(st, 7, key);
	db_bind_text(st, 8, key_before);
	db_bind_text(st, 9, after);
	return done(s, st);
}

/* A new row of table named name: its unique slug, bound to parameter 2 of st. */
static int
bind_slug(struct store *s, sqlite3_stmt *st, const char *table, const char *name)
{
	struct buf slug = BUF_INIT;
	int rc = slug_unique(s->db, table, name, &slug);

	if (rc == 0)
		sqlite3_bind_text(st, 2, slug.data, (int)slug.len, SQLITE_TRANSIENT);
	buf_release(&slug);
	return rc == 0 ? 0 : report_fail(s->r, 0, "cannot name the new %s \"%s\"", table, name);
}

/* A new row of table (?1 name, ?2 a unique slug for it, through sql) of kind, its creation
 * recorded with key; a dry run's gets a virtual id. */
static long long
named_add(struct store *s, const char *sql, const char *table, const char *kind, const char *name,
    const char *key)
{
	sqlite3_stmt *st;
	long long id;

	if (s->dry)
		return virtual(s);
	if ((st = prep(s, sql)) == NULL || bind_slug(s, st, table, name) == -1)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (done(s, st) == -1)
		return -1;
	id = sqlite3_last_insert_rowid(s->db);
	return change(s, kind, id, "create", NULL, key, NULL, NULL) == -1 ? -1 : id;
}

/* --- keys -------------------------------------------------------------------------- */

static const char key_put_sql[] =
	"INSERT INTO source_keys(source, kind, key, local_id, imported, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(source, kind, key) DO UPDATE SET local_id = excluded.local_id, imported = excluded.imported,"
	" run_id = excluded.run_id";

int
store_key_put(struct store *s, const char *source, const char *kind, const char *key, long long id,
    const char *values)
{
	sqlite3_stmt *st;

	if (s->dry)
		return 0;
	if ((st = prep(s, key_put_sql)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	db_bind_text(st, 5, values);
	sqlite3_bind_int64(st, 6, s->run);
	return done(s, st);
}

/* --- events ------------------------------------------------------------------------ */

static long long
event_row(struct store *s, sqlite3_stmt *st, const char *arg, struct buf *zone)
{
	long long id = 0;
	int rc;

	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		buf_puts(zone, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id :
	    report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}

static const char event_by_slug_sql[] = "SELECT id, time_zone FROM events WHERE slug = ?1";
static const char event_by_key_sql[] =
	"SELECT e.id, e.time_zone FROM source_keys k JOIN events e ON e.id = k.local_id"
	" WHERE k.source = 'conference' AND k.kind = 'event' AND k.key = ?1";

long long
store_event_by_slug(struct store *s, const char *slug, struct buf *zone)
{
	sqlite3_stmt *st = prep(s, event_by_slug_sql);

	return st ? event_row(s, st, slug, zone) : -1;
}

long long
store_event_by_key(struct store *s, const char *key, struct buf *zone)
{
	sqlite3_stmt *st = prep(s, event_by_key_sql);

	return st ? event_row(s, st, key, zone) : -1;
}

static const char event_add_sql[] =
	"INSERT INTO events(name, slug, starts_on, ends_on, time_zone, notes) VALUES (?1, ?2, ?3, ?4, ?5,"
	" 'Created by a schedule import.')";

long long
store_event_add(struct store *s, const char *name, const char *slug_base, const char *starts_on,
    const char *ends_on, const char *zone, const char *key)
{
	sqlite3_stmt *st;
	long long id;

	if (s->dry)
		return virtual(s);
	if ((st = prep(s, event_add_sql)) == NULL || bind_slug(s, st, "events", slug_base) == -1)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, starts_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, strcmp(ends_on, starts_on) < 0 ? starts_on : ends_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, zone, -1, SQLITE_STATIC);
	if (done(s, st) == -1)
		return -1;
	id = sqlite3_last_insert_rowid(s->db);
	if (store_key_put(s, "conference", "event", key, id, NULL) == -1 ||
	    change(s, "event", id, "create", NULL, key, NULL, NULL) == -1)
		return -1;
	return id;
}

static const char event_dates_sql[] =
	"UPDATE events SET starts_on = min(starts_on, ?2), ends_on = max(ends_on, ?3), version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND (starts_on > ?2 OR ends_on < ?3)";

int
store_event_dates(struct store *s, long long id, const char *first, const char *last)
{
	sqlite3_stmt *st;

	if (s->dry || id <= 0 || first[0] == '\0')
		return 0;
	if ((st = prep(s, event_dates_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	return done(s, st);
}

/* --- organizations ------------------------------------------------------------------ */

static const char org_key_find_sql[] = "SELECT id FROM temp.org_keys WHERE key = ?1";
static const char org_key_add_sql[] = "INSERT OR IGNORE INTO temp.org_keys(key, id) VALUES (?1, ?2)";
static const char org_add_sql[] =
	"INSERT INTO organizations(name, slug, notes) VALUES (?1, ?2, 'Created by a schedule import.')";

long long
store_org_find(struct store *s, const char *match_key)
{
	sqlite3_stmt *st = prep(s, org_key_find_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, match_key, -1, SQLITE_STATIC);
	return db_one_int(st, 0);
}

long long
store_org_add(struct store *s, const char *name, const char *match_key)
{
	sqlite3_stmt *st;
	long long id = named_add(s, org_add_sql, "organizations", "organization", name, NULL);

	if (id == -1 || s->dry || (st = prep(s, org_key_add_sql)) == NULL)
		return id;
	sqlite3_bind_text(st, 1, match_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	return done(s, st) == -1 ? -1 : id;
}

/* --- people ------------------------------------------------------------------------- */

static const char person_by_key_sql[] =
	"SELECT k.local_id, p.name FROM source_keys k JOIN people p ON p.id = k.local_id"
	" WHERE k.source = ?1 AND k.kind = 'person' AND k.key = ?2";
static const char person_exists_sql[] = "SELECT count(*) FROM people WHERE id = ?1";

long long
store_person_by_key(struct store *s, const char *source, const char *key, struct buf *name)
{
	sqlite3_stmt *st = prep(s, person_by_key_sql);
	long long id = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		buf_puts(name, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return id;
}

/* The one number sql (bound to id) answers; -1 on error. */
static long long
number_of(struct store *s, const char *sql, long long id)
{
	sqlite3_stmt *st = prep(s, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_one_int(st, -1);
}

int
store_person_exists(struct store *s, long long id)
{
	long long n = number_of(s, person_exists_sql, id);

	return n < 0 ? -1 : n > 0;
}

/* Everyone whose slug is ?1 or ?1-N: one range of the slug index, as slugs are [a-z0-9-] (a
 * pattern in a bound GLOB would make SQLite prepare the statement again at every new binding;
 * "?1-smith" lies past "?1-:", "?1a" too; the caller compares the names), made before this run
 * (?5), with what matching weighs, each asked only when it can matter: their guid keys (when
 * the file gives a guid, ?6), the organization asked about (?3, 0: none), any organization,
 * the event (?4; when the organization asked about is not theirs and they have none). */
#define HAS_ORG(p) \
	"(EXISTS (SELECT 1 FROM appearances WHERE person_id = " p " AND org_id IS NOT NULL)" \
	" OR EXISTS (SELECT 1 FROM affiliations WHERE person_id = " p "))"
static const char people_named_sql[] =
	"SELECT id, name, slug, guids, org_link, CASE WHEN ?3 <> 0 AND NOT org_link THEN " HAS_ORG("c.id")
	"  ELSE 0 END, CASE WHEN ?3 <> 0 AND NOT org_link AND NOT " HAS_ORG("c.id")
	/* (CROSS JOIN: from the person's few appearances, not from every session of the event,
	 * which SQLite chose, walking a large event for each name: a 6,000-session re-import of a
	 * feed without person ids took 5 s, not 1) */
	"  THEN EXISTS (SELECT 1 FROM appearances a CROSS JOIN sessions s ON s.id = a.session_id"
	"  WHERE a.person_id = c.id AND s.event_id = ?4) ELSE 0 END"
	" FROM (SELECT p.id, p.name, p.slug, CASE WHEN ?6 THEN coalesce((SELECT group_concat(k.key)"
	"  FROM source_keys k WHERE k.kind = 'person' AND k.local_id = p.id AND length(k.key) = 36"
	"  AND k.key GLOB '*-*-*-*-*'), '') ELSE '' END AS guids,"
	" ?3 > 0 AND (EXISTS (SELECT 1 FROM appearances WHERE person_id = p.id AND org_id = ?3)"
	"  OR EXISTS (SELECT 1 FROM affiliations WHERE person_id = p.id AND org_id = ?3)) AS org_link"
	" FROM people p WHERE p.slug >= ?1 AND p.slug < ?1 || '-:' AND p.id < ?5 ORDER BY p.slug LIMIT 50) c";

int
store_people_named(struct store *s, const char *slug, long long org, long long event, int guid,
    int (*each)(void *, const struct store_person *), void *arg)
{
	sqlite3_stmt *st = prep(s, people_named_sql);
	int rc, stop = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, org);
	sqlite3_bind_int64(st, 4, event);
	sqlite3_bind_int64(st, 5, s->people_from);
	sqlite3_bind_int(st, 6, guid);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_person p = { sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
		    sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), sqlite3_column_int(st, 6) };

		stop = each(arg, &p);
	}
	sqlite3_reset(st);
	return stop || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}

static const char person_add_sql[] =
	"INSERT INTO people(name, slug, notes) VALUES (?1, ?2, 'Created by a schedule import.')";

long long
store_person_add(struct store *s, const char *name, const char *key)
{
	return named_add(s, person_add_sql, "people", "person", name, key);
}

/* --- sessions ------------------------------------------------------------------------ */

static const char session_by_key_sql[] =
	"SELECT s.id, coalesce(k.imported, ''), s.status = 'cancelled' FROM source_keys k"
	" JOIN sessions s ON s.id = k.local_id WHERE k.source = ?1 AND k.kind = 'session' AND k.key = ?2";

int
store_session_by_key(struct store *s, const char *source, const char *key, struct store_session *out)
{
	sqlite3_stmt *st = prep(s, session_by_key_sql);
	int rc;

	out->id = 0;
	out->cancelled = 0;
	buf_reset(&out->imported);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	/* A key whose session was deleted here finds nothing: the source's copy comes back new. */
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		buf_puts(&out->imported, (const char *)sqlite3_column_text(st, 1));
		out->cancelled = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s",
	    sqlite3_errmsg(s->db));
}

static const char session_key_of_sql[] =
	"SELECT s.event_id = ?2, (SELECT key FROM source_keys WHERE kind = 'session' AND local_id = s.id"
	" AND source = ?3) FROM sessions s WHERE s.id = ?1";

int
store_session_key_of(struct store *s, long long id, long long event, const char *source, struct buf *key)
{
	sqlite3_stmt *st = prep(s, session_key_of_sql);
	int mine = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, event);
	sqlite3_bind_text(st, 3, source, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && (mine = sqlite3_column_int(st, 0)) &&
	    sqlite3_column_type(st, 1) != SQLITE_NULL)
		buf_puts(key, (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return mine;
}

/* The values a file gives a session, as kept in source_keys.imported. */
static const char values_sql[] =
	"SELECT json_object('title', ?1, 'subtitle', ?2, 'kind', ?3, 'track', ?4, 'room', ?5,"
	" 'starts_at', ?6, 'duration_min', nullif(?7, 0), 'abstract', ?8, 'url', ?9, 'speakers', json(?10),"
	" 'source_id', CAST(?11 AS INTEGER))";

int
store_session_values(struct store *s, const char *const field[SF__MAX], int duration,
    const char *source_id, struct buf *out)
{
	sqlite3_stmt *st = prep(s, values_sql);

	if (st == NULL)
		return -1;
	for (int f = 0; f < SF__MAX; f++)
		if (f != SF_DURATION)
			db_bind_text(st, f + 1, field[f]);
	sqlite3_bind_int(st, 7, duration);
	db_bind_text(st, 11, source_id);
	buf_reset(out);
	return db_one_text(st, out) == 0 ? 0 : report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}

static const char speakers_clear_sql[] = "DELETE FROM appearances WHERE session_id = ?1";
static const char speaker_add_sql[] =
	"INSERT OR IGNORE INTO appearances(session_id, person_id, org_id, position) VALUES (?1, ?2, nullif(?3, 0), ?4)";

/* The speakers of session, in order; clear: it may have some already. */
static int
speakers_write(struct store *s, long long session, const long long *people, const long long *orgs, int n,
    int clear)
{
	sqlite3_stmt *st;

	if (clear) {
		if ((st = prep(s, speakers_clear_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, session);
		if (done(s, st) == -1)
			return -1;
	}
	for (int i = 0; i < n; i++) {
		if ((st = prep(s, speaker_add_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, session);
		sqlite3_bind_int64(st, 2, people[i]);
		sqlite3_bind_int64(st, 3, orgs[i]);
		sqlite3_bind_int(st, 4, i + 1);
		if (done(s, st) == -1)
			return -1;
	}
	return 0;
}

static const char session_add_sql[] =
	"INSERT INTO sessions(event_id, title, subtitle, kind, track, room, starts_at, duration_min, abstract, url)"
	" VALUES (?11, ?1, ?2, ?3, ?4, ?5, nullif(?6, ''), nullif(?7, 0), ?8, ?9)";

long long
store_session_add(struct store *s, long long event, const char *const field[SF__MAX], int duration,
    const long long *people, const long long *orgs, int n, const char *key)
{
	sqlite3_stmt *st;
	long long id;

	if (s->dry)
		return virtual(s);
	if ((st = prep(s, session_add_sql)) == NULL)
		return -1;
	for (int f = 0; f < SF_SPEAKERS; f++)
		if (f != SF_DURATION)
			db_bind_text(st, f + 1, field[f]);
	sqlite3_bind_int(st, 7, duration);
	sqlite3_bind_int64(st, 11, event);
	if (done(s, st) == -1)
		return -1;
	id = sqlite3_last_insert_rowid(s->db);
	if (speakers_write(s, id, people, orgs, n, 0) == -1 ||
	    change(s, "session", id, "create", NULL, key, NULL, NULL) == -1)
		return -1;
	return id;
}

static const char session_state_sql[] =
	"SELECT json_object('title', title, 'subtitle', subtitle, 'kind', kind, 'track', track, 'room', room,"
	" 'starts_at', starts_at, 'duration_min', duration_min, 'abstract', abstract, 'url', url,"
	" 'speakers', (SELECT json_group_array(json_array(person_id, org_id)) FROM (SELECT person_id, org_id"
	" FROM appearances WHERE session_id = ?1 ORDER BY position, id))), version FROM sessions WHERE id = ?1";

int
store_session_state(struct store *s, long long id, struct buf *now, long long *version)
{
	sqlite3_stmt *st = prep(s, session_state_sql);
	int rc;

	buf_reset(now);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_puts(now, (const char *)sqlite3_column_text(st, 0));
		*version = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}

/* One bit per field (store_field order): where a and b differ, a and c, c and b. */
static const char session_diff_sql[] =
	"SELECT coalesce(sum(CASE WHEN json_extract(?1, '$.' || value) IS NOT json_extract(?2, '$.' || value)"
	"  THEN 1 << key END), 0),"
	" coalesce(sum(CASE WHEN json_extract(?1, '$.' || value) IS NOT json_extract(?3, '$.' || value)"
	"  THEN 1 << key END), 0),"
	" coalesce(sum(CASE WHEN json_extract(?3, '$.' || value) IS NOT json_extract(?2, '$.' || value)"
	"  THEN 1 << key END), 0)"
	" FROM json_each('[\"title\",\"subtitle\",\"kind\",\"track\",\"room\",\"starts_at\",\"duration_min\","
	"\"abstract\",\"url\",\"speakers\"]')";

int
store_session_diff(struct store *s, const char *a, const char *b, const char *c, unsigned *ab,
    unsigned *ac, unsigned *cb)
{
	sqlite3_stmt *st = prep(s, session_diff_sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ab = (unsigned)sqlite3_column_int(st, 0);
		*ac = (unsigned)sqlite3_column_int(st, 1);
		*cb = (unsigned)sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}

#define SET(f, bit) \
	" " f " = CASE WHEN ?3 & " #bit " THEN json_extract(?2, '$." f "') ELSE " f " END,"

/* Every field the mask names, the status when rescheduled, one version up. */
static const char session_update_sql[] =
	"UPDATE sessions SET" SET("title", 1) SET("subtitle", 2) SET("kind", 4) SET("track", 8)
	SET("room", 16) SET("starts_at", 32) SET("duration_min", 64) SET("abstract", 128) SET("url", 256)
	" status = CASE WHEN ?4 THEN 'scheduled' ELSE status END, version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";

int
store_session_update(struct store *s, long long id, unsigned mask, int reschedule, const char *values,
    const long long *people, const long long *orgs, int n, const char *before, const char *key,
    const char *key_before)
{
	struct buf after = BUF_INIT;
	sqlite3_stmt *st;
	long long version;
	int rc = -1;

	if (s->dry)
		return 0;
	if ((st = prep(s, session_update_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, values, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)mask);
	sqlite3_bind_int(st, 4, reschedule);
	if (done(s, st) == 0 &&
	    (!(mask & (1u << SF_SPEAKERS)) || speakers_write(s, id, people, orgs, n, 1) == 0) &&
	    store_session_state(s, id, &after, &version) == 0)
		rc = change(s, "session", id, "update", before, key, key_before, after.data);
	buf_release(&after);
	return rc;
}

static const char rooms_sql[] =
	"SELECT count(DISTINCT room) FROM sessions WHERE event_id = ?1 AND status = 'scheduled'";

int
store_rooms(struct store *s, long long event)
{
	return (int)number_of(s, rooms_sql, event);
}
