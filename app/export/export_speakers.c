/* export_speakers.c: speaker lists (per appearance or per speaker) as CSV or a JSON array. */
#include <string.h>

#include "export/stream.h"
#include "core/html.h"

/*
 * The filtered appearances. Every filter is a named parameter that is NULL
 * when not given, so one prepared statement serves every combination.
 * :email is 1 only when the caller has checked the reader is staff.
 */
#define FILTERED \
	" FROM appearances a" \
	" JOIN sessions s ON s.id = a.session_id" \
	" JOIN events e ON e.id = s.event_id" \
	" JOIN people p ON p.id = a.person_id" \
	" LEFT JOIN organizations o ON o.id = a.org_id" \
	" WHERE (:event IS NULL OR e.slug = :event OR (:colocated AND e.parent_id =" \
	"   (SELECT id FROM events WHERE slug = :event)))" \
	" AND (:org IS NULL OR o.slug = :org)" \
	" AND (:kind IS NULL OR s.kind = :kind)" \
	" AND (:from IS NULL OR coalesce(substr(s.starts_at, 1, 10), e.starts_on) >= :from)" \
	" AND (:to IS NULL OR coalesce(substr(s.starts_at, 1, 10), e.starts_on) <= :to)" \
	" AND (:body IS NULL OR EXISTS (SELECT 1 FROM roles r JOIN bodies b ON b.id = r.body_id" \
	"   WHERE r.person_id = p.id AND b.slug = :body" \
	"   AND (:role IS NULL OR r.role = :role OR r.seat_type = :role)))" \
	" AND (:person IS NULL OR p.slug = :person)" \
	" AND (:match IS NULL OR s.id IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH :match)" \
	"   OR p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH :match)" \
	"   OR o.id IN (SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH :match))"

/* The organization a person is with today (an open or future-ending affiliation). */
#define CURRENT_ORG(person) \
	"(SELECT co.name FROM affiliations af JOIN organizations co ON co.id = af.org_id" \
	" WHERE af.person_id = " person \
	" AND (af.since IS NULL OR af.since <= date('now'))" \
	" AND (af.until IS NULL OR af.until > date('now'))" \
	" ORDER BY af.since IS NULL, af.since DESC LIMIT 1)"

#define APPEARANCES \
	"SELECT p.name AS name, o.name AS organization," \
	" " CURRENT_ORG("p.id") " AS current_organization," \
	" CASE WHEN :email THEN p.email END AS email, p.github AS github," \
	" e.name AS event, s.title AS session, s.kind AS kind," \
	" coalesce(substr(s.starts_at, 1, 10), e.starts_on) AS date, a.role AS role," \
	" coalesce(s.url, '/sessions/' || s.id) AS url" \
	FILTERED \
	" ORDER BY s.starts_utc, e.id, s.id, a.position, a.id"

#define SPEAKERS \
	"WITH f AS (SELECT a.person_id AS pid, a.org_id AS oid, s.title AS title," \
	"  s.starts_utc AS su, s.id AS sid" FILTERED ")," \
	" po AS (SELECT pid, group_concat(name, '; ') AS names FROM" \
	"  (SELECT DISTINCT f.pid, o.name FROM f JOIN organizations o ON o.id = f.oid" \
	"   ORDER BY f.pid, o.name) GROUP BY pid)," \
	" pt AS (SELECT pid, count(*) AS n, group_concat(title, '; ') AS titles FROM" \
	"  (SELECT pid, title FROM f ORDER BY pid, su, sid) GROUP BY pid)" \
	" SELECT p.name AS name, po.names AS organizations," \
	" " CURRENT_ORG("p.id") " AS current_organization," \
	" CASE WHEN :email THEN p.email END AS email, p.github AS github," \
	" pt.n AS sessions, pt.titles AS titles" \
	" FROM pt JOIN people p ON p.id = pt.pid LEFT JOIN po ON po.pid = pt.pid" \
	" ORDER BY p.name, p.id"

static const char sql_appearances[] = APPEARANCES;
static const char sql_speakers[] = SPEAKERS;
/* JSON rows come from SQLite's json_object; only the brackets and commas are ours.
 * The email key is removed, not just null, when it is not to be shown. */
static const char sql_appearances_json[] =
	"SELECT json_remove(json_object('name', name, 'organization', organization,"
	" 'current_organization', current_organization, 'email', email, 'github', github,"
	" 'event', event, 'session', session, 'kind', kind, 'date', date, 'role', role,"
	" 'url', url), CASE WHEN :email THEN '$.none' ELSE '$.email' END)"
	" FROM (" APPEARANCES ")";
static const char sql_speakers_json[] =
	"SELECT json_remove(json_object('name', name, 'organizations', organizations,"
	" 'current_organization', current_organization, 'email', email, 'github', github,"
	" 'sessions', sessions, 'titles', titles),"
	" CASE WHEN :email THEN '$.none' ELSE '$.email' END)"
	" FROM (" SPEAKERS ")";

#define EMAIL_COLUMN	3	/* in both shapes */

static const char *const appearance_cols[] = { "name", "organization",
	"current_organization", "email", "github", "event", "session", "kind", "date",
	"role", "url", NULL };
static const char *const speaker_cols[] = { "name", "organizations",
	"current_organization", "email", "github", "sessions", "titles", NULL };

static void
csv_row(struct export_stream *s, struct buf *out, const char *const *header)
{
	int n = header ? 0 : sqlite3_column_count(s->st), first = 1;

	if (header)
		while (header[n])
			n++;
	for (int i = 0; i < n; i++) {
		if (i == EMAIL_COLUMN && !s->f.include_email)
			continue;
		if (!first)
			buf_putc(out, ',');
		first = 0;
		csv_cell(out, header ? header[i] : export_col(s->st, i));
	}
	buf_append(out, "\r\n", 2);
}

static int
step_rows(struct export_stream *s, struct buf *out)
{
	int rc, json = s->f.format == EXPORT_JSON;

	if (!s->started) {
		s->started = 1;
		if (json)
			buf_putc(out, '[');
		else {
			if (s->f.bom)
				buf_append(out, "\xEF\xBB\xBF", 3);
			csv_row(s, out, s->f.shape == EXPORT_SPEAKERS ? speaker_cols : appearance_cols);
		}
		return 1;
	}
	/* A batch per call keeps the per-call overhead off the hot path. */
	for (int k = 0; k < 256; k++) {
		if ((rc = sqlite3_step(s->st)) == SQLITE_DONE) {
			if (json)
				buf_putc(out, ']');
			return 0;
		}
		if (rc != SQLITE_ROW)
			return -1;
		if (json) {
			if (s->rows)
				buf_putc(out, ',');
			buf_append(out, sqlite3_column_text(s->st, 0),
			    (size_t)sqlite3_column_bytes(s->st, 0));
		} else
			csv_row(s, out, NULL);
		s->rows++;
	}
	return 1;
}

struct export_stream *
export_speakers_new(sqlite3 *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = export_stream_new(db, own_db, f);
	const char *sql;
	int json = f->format == EXPORT_JSON;

	if (f->shape == EXPORT_SPEAKERS)
		sql = json ? sql_speakers_json : sql_speakers;
	else
		sql = json ? sql_appearances_json : sql_appearances;
	if ((s->st = export_prepare(s, sql)) == NULL) {
		export_free(s);
		return NULL;
	}
	export_bind(s->st, ":event", f->event);
	export_bind_int(s->st, ":colocated", f->colocated != 0);
	export_bind(s->st, ":org", f->org);
	export_bind(s->st, ":kind", f->kind);
	export_bind(s->st, ":from", f->from);
	export_bind(s->st, ":to", f->to);
	export_bind(s->st, ":body", f->body);
	export_bind(s->st, ":role", f->role);
	export_bind(s->st, ":person", f->person);
	export_bind(s->st, ":match", f->match);
	export_bind_int(s->st, ":email", f->include_email != 0);
	s->step = step_rows;
	return s;
}
