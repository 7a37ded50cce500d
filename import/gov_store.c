/* gov_store.c: the governance import's reads and writes, each write recorded for undo (gov_store.h). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/gov_store.h"
#include "model/db.h"

#define STAMP	"version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static long long
virtual(struct store *s)
{
	return --s->virtual_id;
}

static const char *
text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Records a change of row id of kind, with its state before (a buffer the caller filled, or
 * NULL for a creation) and after it. 0 or -1. */
static int
recorded(struct store *s, const char *kind, long long id, const char *action, const char *before)
{
	struct buf after = BUF_INIT;
	int rc = -1;

	if (gov_row_state(s->db, kind, id, &after) == 0)
		rc = store_change(s, kind, id, action, before, NULL, NULL, after.len ? after.data : NULL);
	buf_release(&after);
	return rc;
}

static int
state_before(struct store *s, const char *kind, long long id, struct buf *before)
{
	return gov_row_state(s->db, kind, id, before) == -1 ?
	    report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db)) : 0;
}

static const char begin_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS gov_added(person_id INTEGER, org_id INTEGER, since TEXT, until TEXT);"
	"CREATE INDEX IF NOT EXISTS temp.gov_added_person ON gov_added(person_id);"
	"CREATE TEMP TABLE IF NOT EXISTS gov_gone(id INTEGER PRIMARY KEY);"
	"DELETE FROM temp.gov_added; DELETE FROM temp.gov_gone;";

int
gov_store_begin(struct store *s)
{
	return db_exec(s->db, begin_sql) == -1 ? report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db)) : 0;
}

/* --- people ----------------------------------------------------------------------------- */

static const char by_github_sql[] =
	"SELECT id, name, email FROM people WHERE github = ?1 COLLATE NOCASE ORDER BY id LIMIT 1";

long long
gov_store_person_by_github(struct store *s, const char *login, struct gov_person_row *row, struct buf *t)
{
	sqlite3_stmt *st = store_prep(s, by_github_sql);
	size_t email;
	int rc;

	memset(row, 0, sizeof(*row));
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row->id = sqlite3_column_int64(st, 0);
		buf_puts(t, text(st, 1));
		buf_putc(t, '\0');
		email = t->len;
		buf_puts(t, text(st, 2) ? text(st, 2) : "");
		row->name = t->data;
		row->email = text(st, 2) ? t->data + email : NULL;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	return row->id;
}

/* As store.c's people_named_sql: one range of the slug index, people made before this run
 * (?3), with whether they have represented the organization asked about (?2) and any. */
static const char named_sql[] =
	"SELECT p.id, p.name, p.slug, p.github, ?2 > 0 AND (EXISTS (SELECT 1 FROM appearances"
	" WHERE person_id = p.id AND org_id = ?2) OR EXISTS (SELECT 1 FROM affiliations WHERE person_id = p.id"
	" AND org_id = ?2) OR EXISTS (SELECT 1 FROM roles WHERE person_id = p.id AND org_id = ?2)),"
	" EXISTS (SELECT 1 FROM appearances WHERE person_id = p.id AND org_id IS NOT NULL)"
	" OR EXISTS (SELECT 1 FROM affiliations WHERE person_id = p.id)"
	" OR EXISTS (SELECT 1 FROM roles WHERE person_id = p.id AND org_id IS NOT NULL)"
	" FROM people p WHERE p.slug >= ?1 AND p.slug < ?1 || '-:' AND p.id < ?3 ORDER BY p.slug LIMIT 50";

int
gov_store_people_named(struct store *s, const char *slug, long long org,
    int (*each)(void *, const struct gov_person_row *), void *arg)
{
	sqlite3_stmt *st = store_prep(s, named_sql);
	int rc, stop = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, org);
	sqlite3_bind_int64(st, 3, s->people_from);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct gov_person_row p = { sqlite3_column_int64(st, 0), text(st, 1), text(st, 2), text(st, 3),
		    NULL, sqlite3_column_int(st, 4), sqlite3_column_int(st, 5) };

		stop = each(arg, &p);
	}
	sqlite3_reset(st);
	return stop || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}

static const char person_add_sql[] =
	"INSERT INTO people(name, slug, github, email, notes) VALUES (?1, ?2, ?3, ?4,"
	" 'Created by a governance import.')";

long long
gov_store_person_add(struct store *s, const char *name, const char *github, const char *email)
{
	struct buf slug = BUF_INIT;
	sqlite3_stmt *st;
	long long id = -1;

	if (s->dry)
		return virtual(s);
	if ((st = store_prep(s, person_add_sql)) == NULL)
		return -1;
	if (slug_unique(s->db, "people", name, &slug) == -1)
		return report_fail(s->r, 0, "cannot name the new person \"%s\"", name);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, slug.data, (int)slug.len, SQLITE_STATIC);
	db_bind_text(st, 3, github);
	db_bind_text(st, 4, email);
	if (store_done(s, st) == 0) {
		id = sqlite3_last_insert_rowid(s->db);
		if (recorded(s, "person", id, "create", NULL) == -1)
			id = -1;
	}
	buf_release(&slug);
	return id;
}

static const char person_set_sql[] =
	"UPDATE people SET name = coalesce(?2, name), github = coalesce(?3, github), email = coalesce(?4, email), "
	STAMP " WHERE id = ?1";

int
gov_store_person_set(struct store *s, long long id, const char *name, const char *github, const char *email)
{
	struct buf before = BUF_INIT;
	sqlite3_stmt *st;
	int rc = -1;

	if (s->dry || id < 0)
		return 0;
	if ((st = store_prep(s, person_set_sql)) == NULL || state_before(s, "person", id, &before) == -1)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, github);
	db_bind_text(st, 4, email);
	if (store_done(s, st) == 0)
		rc = recorded(s, "person", id, "update", before.data);
out:
	buf_release(&before);
	return rc;
}

static const char org_on_sql[] =
	"SELECT org_id FROM affiliations WHERE person_id = ?1 AND (since IS NULL OR since <= ?2)"
	" AND (until IS NULL OR until > ?2) ORDER BY since IS NULL, since DESC LIMIT 1";

long long
gov_store_org_on(struct store *s, long long person, const char *date)
{
	sqlite3_stmt *st = store_prep(s, org_on_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	return db_one_int(st, 0);
}

/* --- bodies ----------------------------------------------------------------------------- */

static const char body_sql[] =
	"SELECT id, name, kind, coalesce(parent_id, 0), url, description, source FROM bodies WHERE slug = ?1";

/* Column i's text appended to t (with its NUL), as an offset + 1 (0: NULL). */
static size_t
keep(struct buf *t, sqlite3_stmt *st, int i)
{
	size_t at = t->len + 1;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return 0;
	buf_puts(t, text(st, i));
	buf_putc(t, '\0');
	return at;
}

#define AT(t, off)	((off) ? (t)->data + (off) - 1 : NULL)

int
gov_store_body(struct store *s, const char *slug, struct gov_body_row *row, struct buf *t)
{
	sqlite3_stmt *st = store_prep(s, body_sql);
	size_t off[5];
	int rc;

	memset(row, 0, sizeof(*row));
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row->id = sqlite3_column_int64(st, 0);
		row->parent = sqlite3_column_int64(st, 3);
		off[0] = keep(t, st, 1), off[1] = keep(t, st, 2), off[2] = keep(t, st, 4);
		off[3] = keep(t, st, 5), off[4] = keep(t, st, 6);
		row->name = AT(t, off[0]), row->kind = AT(t, off[1]), row->url = AT(t, off[2]);
		row->description = AT(t, off[3]), row->source = AT(t, off[4]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s",
	    sqlite3_errmsg(s->db));
}

static const char body_add_sql[] =
	"INSERT INTO bodies(name, slug, kind, parent_id, url, description, source)"
	" VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7)";

long long
gov_store_body_add(struct store *s, const struct gov_body_in *in, const char *source)
{
	sqlite3_stmt *st;
	long long id;

	if (s->dry)
		return virtual(s);
	if ((st = store_prep(s, body_add_sql)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, in->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, in->slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, in->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, in->parent > 0 ? in->parent : 0);
	db_bind_text(st, 5, in->url);
	db_bind_text(st, 6, in->description);
	db_bind_text(st, 7, source);
	if (store_done(s, st) == -1)
		return -1;
	id = sqlite3_last_insert_rowid(s->db);
	return recorded(s, "body", id, "create", NULL) == -1 ? -1 : id;
}

static const char body_update_sql[] =
	"UPDATE bodies SET name = ?2, kind = ?3, parent_id = nullif(?4, 0), url = ?5, description = ?6, "
	STAMP " WHERE id = ?1";

/* The value a field takes: the file's, when it gives one and may (fill: only where none is). */
static const char *
field(const char *now, const char *file, int fill, int *changed)
{
	if (file == NULL || (fill && now && *now) || (now && strcmp(now, file) == 0))
		return now;
	*changed = 1;
	return file;
}

int
gov_store_body_update(struct store *s, const struct gov_body_row *now, const struct gov_body_in *in, int fill)
{
	struct buf before = BUF_INIT;
	int changed = 0, rc = -1;
	const char *name = field(now->name, in->name, fill, &changed);
	const char *kind = field(now->kind, in->kind, fill, &changed);
	const char *url = field(now->url, in->url, fill, &changed);
	const char *description = field(now->description, in->description, fill, &changed);
	long long parent = now->parent;
	sqlite3_stmt *st;

	if (in->parent > 0 && in->parent != now->parent && (!fill || now->parent == 0) && in->parent != now->id)
		parent = in->parent, changed = 1;
	if (!changed || s->dry)
		return changed;
	if ((st = store_prep(s, body_update_sql)) == NULL || state_before(s, "body", now->id, &before) == -1)
		goto out;
	sqlite3_bind_int64(st, 1, now->id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, parent);
	db_bind_text(st, 5, url);
	db_bind_text(st, 6, description);
	if (store_done(s, st) == 0 && recorded(s, "body", now->id, "update", before.data) == 0)
		rc = 1;
out:
	buf_release(&before);
	return rc;
}

/* --- roles ------------------------------------------------------------------------------ */

#define ROLE_COLS \
	"SELECT id, coalesce(org_id, 0), starts_on, coalesce(ends_on, ''), coalesce(seat_type, ''), source IS NULL" \
	" FROM roles WHERE body_id = ?1 AND person_id = ?2 AND role = ?3"
static const char role_started_sql[] = ROLE_COLS " AND starts_on = ?4 ORDER BY source IS NOT ?5, id LIMIT 1";
static const char role_held_sql[] = ROLE_COLS
	" AND starts_on <= ?4 AND (ends_on IS NULL OR ends_on > ?4) ORDER BY source IS NOT ?5, starts_on DESC, id DESC"
	" LIMIT 1";

int
gov_store_role(struct store *s, const struct gov_role_in *in, const char *start, const char *date,
    const char *source, struct gov_role_row *row)
{
	sqlite3_stmt *st;
	int rc;

	memset(row, 0, sizeof(*row));
	if (in->body < 0 || in->person < 0)
		return 0;	/* a dry run's new body or person holds nothing yet */
	if ((st = store_prep(s, start ? role_started_sql : role_held_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, in->body);
	sqlite3_bind_int64(st, 2, in->person);
	sqlite3_bind_text(st, 3, in->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, start ? start : date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, source, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row->id = sqlite3_column_int64(st, 0);
		row->org = sqlite3_column_int64(st, 1);
		snprintf(row->starts_on, sizeof(row->starts_on), "%s", text(st, 2));
		snprintf(row->ends_on, sizeof(row->ends_on), "%s", text(st, 3));
		snprintf(row->seat_type, sizeof(row->seat_type), "%s", text(st, 4));
		row->by_hand = sqlite3_column_int(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s",
	    sqlite3_errmsg(s->db));
}

static const char role_add_sql[] =
	"INSERT INTO roles(person_id, body_id, role, seat_type, org_id, starts_on, ends_on, notes, source)"
	" VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, ?8, ?9)";

long long
gov_store_role_add(struct store *s, const struct gov_role_in *in)
{
	sqlite3_stmt *st;
	long long id;

	if (s->dry || in->body < 0 || in->person < 0)
		return virtual(s);
	if ((st = store_prep(s, role_add_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, in->person);
	sqlite3_bind_int64(st, 2, in->body);
	sqlite3_bind_text(st, 3, in->role, -1, SQLITE_STATIC);
	db_bind_text(st, 4, in->seat_type);
	sqlite3_bind_int64(st, 5, in->org > 0 ? in->org : 0);
	sqlite3_bind_text(st, 6, in->starts_on, -1, SQLITE_STATIC);
	db_bind_text(st, 7, in->ends_on);
	db_bind_text(st, 8, in->notes);
	db_bind_text(st, 9, in->source);
	if (store_done(s, st) == -1)
		return -1;
	id = sqlite3_last_insert_rowid(s->db);
	return recorded(s, "role", id, "create", NULL) == -1 ? -1 : id;
}

static const char role_set_sql[] =
	"UPDATE roles SET org_id = CASE WHEN ?2 > 0 THEN ?2 ELSE org_id END, seat_type = coalesce(?3, seat_type),"
	" ends_on = CASE WHEN ?4 IS NULL THEN ends_on ELSE nullif(?4, '') END, " STAMP " WHERE id = ?1";

int
gov_store_role_set(struct store *s, long long id, long long org, const char *seat_type, const char *ends_on)
{
	struct buf before = BUF_INIT;
	sqlite3_stmt *st;
	int rc = -1;

	if (s->dry || id < 0)
		return 0;
	if ((st = store_prep(s, role_set_sql)) == NULL || state_before(s, "role", id, &before) == -1)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, org);
	db_bind_text(st, 3, seat_type);
	db_bind_text(st, 4, ends_on);
	if (store_done(s, st) == 0)
		rc = recorded(s, "role", id, "update", before.data);
out:
	buf_release(&before);
	return rc;
}

#define OPEN_TERMS \
	"SELECT r.id, p.name, r.role, b.slug, r.starts_on, r.source IS NULL FROM roles r" \
	" JOIN people p ON p.id = r.person_id JOIN bodies b ON b.id = r.body_id" \
	" WHERE r.starts_on <= ?3 AND (r.ends_on IS NULL OR r.ends_on > ?3)"
static const char source_terms_sql[] = OPEN_TERMS " AND r.source = ?1 ORDER BY r.id";
static const char hand_terms_sql[] = OPEN_TERMS " AND r.body_id = ?2 AND r.source IS NULL ORDER BY r.id";

int
gov_store_open_terms(struct store *s, const char *source, long long body, const char *date,
    int (*each)(void *, const struct gov_open_term *), void *arg)
{
	sqlite3_stmt *st = store_prep(s, source ? source_terms_sql : hand_terms_sql);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, source);
	sqlite3_bind_int64(st, 2, body);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct gov_open_term t = { sqlite3_column_int64(st, 0), text(st, 1), text(st, 2), text(st, 3),
		    text(st, 4), sqlite3_column_int(st, 5) };

		if (each(arg, &t) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s",
	    sqlite3_errmsg(s->db));
}

/* --- affiliations ------------------------------------------------------------------------ */

static const char affiliations_sql[] =
	"SELECT id, org_id, since, until, source FROM affiliations WHERE person_id = ?1 ORDER BY since, id";

int
gov_store_affiliations(struct store *s, long long person,
    int (*each)(void *, const struct gov_affiliation_row *), void *arg)
{
	sqlite3_stmt *st = store_prep(s, affiliations_sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct gov_affiliation_row r = { sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		    text(st, 2), text(st, 3), text(st, 4) };

		if (each(arg, &r) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : report_fail(s->r, 0, "database: %s",
	    sqlite3_errmsg(s->db));
}

/* A dry run writes nothing: what it would add and delete goes to temp tables of the connection
 * (no lock taken), so that the appearances it would credit can be counted. */
static const char added_sql[] = "INSERT INTO temp.gov_added(person_id, org_id, since, until) VALUES (?1, ?2, ?3, ?4)";
static const char gone_sql[] = "INSERT INTO temp.gov_gone(id) VALUES (?1)";
static const char affiliation_add_sql[] =
	"INSERT INTO affiliations(person_id, org_id, since, until, source) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char affiliation_delete_sql[] = "DELETE FROM affiliations WHERE id = ?1";

long long
gov_store_affiliation_add(struct store *s, long long person, long long org, const char *since,
    const char *until, const char *source)
{
	sqlite3_stmt *st = store_prep(s, s->dry ? added_sql : affiliation_add_sql);
	long long id;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, org);
	db_bind_text(st, 3, since);
	db_bind_text(st, 4, until);
	if (!s->dry)
		db_bind_text(st, 5, source);
	if (store_done(s, st) == -1)
		return -1;
	if (s->dry || person < 0 || org < 0)
		return virtual(s);
	id = sqlite3_last_insert_rowid(s->db);
	return recorded(s, "affiliation", id, "create", NULL) == -1 ? -1 : id;
}

int
gov_store_affiliation_delete(struct store *s, long long id)
{
	struct buf before = BUF_INIT;
	sqlite3_stmt *st = store_prep(s, s->dry ? gone_sql : affiliation_delete_sql);
	int rc = -1;

	if (st == NULL || (!s->dry && state_before(s, "affiliation", id, &before) == -1))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	if (store_done(s, st) == 0)
		rc = s->dry ? 0 : store_change(s, "affiliation", id, "delete", before.data, NULL, NULL, NULL);
out:
	buf_release(&before);
	return rc;
}

/* --- appearances credited from the affiliations ------------------------------------------ */

/* The organization each appearance without one gets: the person's affiliation on the session's
 * date (as the appearances_credit trigger gives a new one), the run's own changes included. */
static const char credit_sql[] =
	"SELECT a.id, p.name, s.title, e.slug, o.id, o.name FROM (SELECT a.id, a.person_id, a.session_id,"
	"  (SELECT f.org_id FROM (SELECT org_id, since, until FROM affiliations WHERE person_id = a.person_id"
	"   AND id NOT IN (SELECT id FROM temp.gov_gone) UNION ALL SELECT org_id, since, until FROM temp.gov_added"
	"   WHERE person_id = a.person_id) f, sessions s, events e WHERE s.id = a.session_id AND e.id = s.event_id"
	"   AND (f.since IS NULL OR f.since <= coalesce(date(s.starts_at), e.starts_on))"
	"   AND (f.until IS NULL OR f.until > coalesce(date(s.starts_at), e.starts_on))"
	"   ORDER BY f.since IS NULL, f.since DESC LIMIT 1) AS org"
	"  FROM appearances a WHERE a.org_id IS NULL AND a.person_id IN (SELECT person_id FROM affiliations"
	"  UNION SELECT person_id FROM temp.gov_added)) a"
	" JOIN organizations o ON o.id = a.org JOIN people p ON p.id = a.person_id"
	" JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id ORDER BY a.id";
static const char credit_one_sql[] = "UPDATE appearances SET org_id = ?2 WHERE id = ?1 AND org_id IS NULL";

static int
credit(struct store *s, long long id, long long org)
{
	sqlite3_stmt *st = store_prep(s, credit_one_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, org);
	return store_done(s, st) == -1 ? -1 : recorded(s, "appearance", id, "update", "{\"org_id\":null}");
}

int
gov_store_recredit(struct store *s)
{
	sqlite3_stmt *st = store_prep(s, credit_sql);
	long long (*todo)[2] = NULL;
	int n = 0, rc;

	if (st == NULL)
		return -1;
	/* Read them all first: the cursor must not meet its own writes. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n % 256 == 0)
			todo = xrealloc(todo, (size_t)(n + 256) * sizeof(*todo));
		todo[n][0] = sqlite3_column_int64(st, 0), todo[n][1] = sqlite3_column_int64(st, 4);
		n++;
		report_line(s->r, "credited: %s in \"%s\" (%s) to %s", text(st, 1), text(st, 2), text(st, 3),
		    text(st, 5));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		n = report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
	for (int i = 0; i < n && !s->dry; i++)
		if (credit(s, todo[i][0], todo[i][1]) == -1)
			n = -1;
	free(todo);
	return n;
}

/* --- runs -------------------------------------------------------------------------------- */

static const char last_sql[] =
	"SELECT coalesce(max(as_of), '') FROM import_runs WHERE scope = ?1 AND undone_at IS NULL";

int
gov_store_last_as_of(struct store *s, const char *scope, char out[11])
{
	sqlite3_stmt *st = store_prep(s, last_sql);
	struct buf b = BUF_INIT;
	int rc;

	out[0] = '\0';
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, scope, -1, SQLITE_STATIC);
	if ((rc = db_one_text(st, &b)) == 0)
		snprintf(out, 11, "%s", b.data);
	buf_release(&b);
	return rc == 0 ? 0 : report_fail(s->r, 0, "database: %s", sqlite3_errmsg(s->db));
}
