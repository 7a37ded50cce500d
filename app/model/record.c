/* record.c: the descriptors of every editable kind of record (see record.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/slug.h"
#include "core/vocab.h"
#include "model/db.h"
#include "model/record.h"

/* One macro per kind of field: its widget and the rule its value must follow. */
#define F_TEXT(n, l, req, hint)	{ n, l, W_TEXT, NULL, NULL, req, hint, P_LINE, 0, 500, NULL, 0, NULL }
#define F_URL(n, l)		{ n, l, W_TEXT, NULL, NULL, 0, NULL, P_URL, 0, 500, NULL, 0, NULL }
#define F_AREA(n, l)		{ n, l, W_TEXTAREA, NULL, NULL, 0, NULL, P_TEXT, 0, 20000, NULL, 0, NULL }
#define F_DATE(n, l, req, hint)	{ n, l, W_DATE, NULL, NULL, req, hint, P_DATE, 0, 500, NULL, 0, NULL }
#define F_NUMBER(n, l)		{ n, l, W_NUMBER, NULL, NULL, 0, NULL, P_INT, 1, 100000, NULL, 0, NULL }
#define F_CHECK(n, l)		{ n, l, W_CHECK, NULL, NULL, 0, NULL, P_ENUM, 0, 500, "0|1", 0, NULL }
#define F_REF(n, l, kind, req, hint) { n, l, W_REF, NULL, kind, req, hint, P_LINE, 0, 200, NULL, 0, NULL }
/* A select of a vocabulary (core/vocab.h): required, or with "None" first. */
#define F_SELECT(n, l, TERMS)	{ n, l, W_SELECT, VOCAB_OPTIONS(TERMS), NULL, 1, NULL, P_ENUM, 0, 500, \
				  VOCAB_SET(TERMS), 0, NULL }
#define F_SELECT_OPT(n, l, TERMS, hint) { n, l, W_SELECT, VOCAB_OPTIONS_OR_NONE(TERMS), NULL, 0, hint, \
				  P_ENUM, 0, 500, VOCAB_SET(TERMS), 0, NULL }
/* The address: staff may change it (the old one then leads to the record); empty, made from the name. */
#define F_SLUG			{ "slug", "Address (slug)", W_TEXT, NULL, NULL, 0, \
				  "letters, digits and dashes; empty: made from the name", P_SLUG, 0, 120, NULL, \
				  FIELD_SLUG, NULL }
#define F_END			{ NULL, NULL, 0, NULL, NULL, 0, NULL, 0, 0, 0, NULL, 0, NULL }

static const struct field org_fields[] = {
	F_TEXT("name", "Name", 1, NULL),
	F_SLUG,
	F_SELECT("kind", "Kind", TERMS_ORG_KIND),
	{ "website", "Website", W_TEXT, NULL, NULL, 0, "https://\xe2\x80\xa6", P_URL, 0, 500, NULL, 0, NULL },
	F_CHECK("eu_member", "End User Community member"),
	F_DATE("member_since", "Member since", 0, NULL),
	F_SELECT_OPT("tier", "Membership tier", TERMS_TIER, NULL),
	F_AREA("notes", "Notes (private)"),
	F_END
};

static const struct field person_fields[] = {
	F_TEXT("name", "Name", 1, NULL),
	F_SLUG,
	{ "email", "Email (private)", W_TEXT, NULL, NULL, 0, NULL, P_EMAIL, 0, 500, NULL, 0, NULL },
	/* GitHub's own limits: letters, digits and dashes, 39 at most. */
	{ "github", "GitHub handle", W_TEXT, NULL, NULL, 0, NULL, P_TOKEN, 0, 39, NULL, 0, NULL },
	F_AREA("bio", "Bio"),
	F_AREA("notes", "Notes (private)"),
	F_END
};

static const struct field affiliation_fields[] = {
	F_REF("person", "Person", "person", 1, "slug or exact name"),
	F_REF("org", "Organization", "organization", 1, "slug or exact name"),
	F_TEXT("title", "Title", 0, NULL),
	F_DATE("since", "From", 0, NULL),
	F_DATE("until", "Until", 0, "empty: still there"),
	F_END
};

static const struct field event_fields[] = {
	F_TEXT("name", "Name", 1, NULL),
	F_SLUG,
	F_TEXT("series", "Series", 0, "KubeCon + CloudNativeCon Europe"),
	F_REF("parent", "Co-located with", "event", 0, "slug of the main event"),
	F_TEXT("city", "City", 0, NULL),
	F_TEXT("country", "Country", 0, NULL),
	F_DATE("starts_on", "First day", 1, NULL),
	F_DATE("ends_on", "Last day", 1, NULL),
	F_TEXT("time_zone", "Time zone", 1, "IANA name, e.g. Europe/Madrid"),
	F_URL("url", "Web page"),
	F_AREA("notes", "Notes (private)"),
	F_END
};

static const struct field session_fields[] = {
	F_REF("event", "Event", "event", 1, "slug of the event"),
	F_TEXT("title", "Title", 1, NULL),
	F_TEXT("subtitle", "Subtitle", 0, NULL),
	/* Most sessions are talks; a keynote is the exception staff choose. */
	{ "kind", "Kind", W_SELECT, VOCAB_OPTIONS(TERMS_SESSION_KIND), NULL, 1, NULL, P_ENUM, 0, 500,
	  VOCAB_SET(TERMS_SESSION_KIND), 0, "talk" },
	F_TEXT("track", "Track", 0, NULL),
	F_TEXT("room", "Room", 0, NULL),
	{ "starts_at", "Starts", W_WHEN, NULL, NULL, 0, NULL, P_LINE, 0, 25, NULL, FIELD_TIMESTAMP, NULL },
	F_NUMBER("duration_min", "Minutes"),
	F_AREA("abstract", "Abstract"),
	F_URL("url", "Session page"),
	F_URL("video_url", "Video"),
	F_SELECT("status", "Status", TERMS_SESSION_STATUS),
	F_END
};

static const struct field body_fields[] = {
	F_TEXT("name", "Name", 1, NULL),
	F_SLUG,
	F_SELECT("kind", "Kind", TERMS_BODY_KIND),
	F_REF("parent", "Part of", "body", 0, "slug"),
	F_URL("url", "Web page"),
	F_AREA("description", "Description"),
	F_END
};

static const struct field role_fields[] = {
	F_REF("person", "Person", "person", 1, "slug or exact name"),
	F_REF("body", "Body", "body", 1, "slug, e.g. toc"),
	F_SELECT("role", "Role", TERMS_ROLE),
	F_SELECT_OPT("seat_type", "Seat type", TERMS_SEAT_TYPE, "for TOC seats"),
	F_REF("org", "Representing", "organization", 0, "slug or exact name"),
	F_DATE("starts_on", "Term starts", 1, NULL),
	F_DATE("ends_on", "Term ends", 0, "empty: still held"),
	F_AREA("notes", "Notes (private)"),
	F_END
};

static const struct field project_fields[] = {
	F_TEXT("name", "Name", 1, NULL),
	F_SLUG,
	F_SELECT("maturity", "Maturity", TERMS_MATURITY),
	F_DATE("accepted_on", "Accepted", 0, NULL),
	F_DATE("incubating_on", "Incubating since", 0, NULL),
	F_DATE("graduated_on", "Graduated", 0, NULL),
	F_REF("org", "Contributed by", "organization", 0, "slug or exact name"),
	F_URL("url", "Web page"),
	F_AREA("description", "Description"),
	F_END
};

/* What staff add to an organization's report (0012); the rest of it is a query. */
static const struct field report_fields[] = {
	F_REF("org", "Organization", "organization", 1, "slug or exact name"),
	{ "intro", "Introduction", W_TEXTAREA, NULL, NULL, 0, "shown above the numbers; a blank line between "
	  "paragraphs", P_TEXT, 0, 4000, NULL, 0, NULL },
	{ "quotes", "Quotes", W_TEXTAREA, NULL, NULL, 0, "one per paragraph, with who said it",
	  P_TEXT, 0, 8000, NULL, 0, NULL },
	F_CHECK("round_talks", "Talks rounded down (15+)"),
	F_END
};

/* Snapshots: every stored column, so a restore can put the row back exactly. */
#define STAMP ", 'version', version, 'created_at', created_at, 'updated_at', updated_at"
const struct record_kind record_kinds[] = {
	{ "organization", "Organization", "organizations", "/orgs", 1, org_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'kind', kind, 'website', website,"
	  " 'eu_member', eu_member, 'member_since', member_since, 'tier', tier, 'notes', notes" STAMP ")"
	  " FROM organizations WHERE id = ?1", RECORD_MERGES, NULL, NULL },
	{ "person", "Person", "people", "/people", 1, person_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'email', email, 'github', github,"
	  " 'bio', bio, 'links', links, 'notes', notes" STAMP ") FROM people WHERE id = ?1",
	  RECORD_APPEARS | RECORD_MERGES,
	  NULL, NULL },
	{ "affiliation", "Affiliation", "affiliations", "/affiliations", 0, affiliation_fields,
	  "SELECT json_object('id', id, 'person_id', person_id, 'org_id', org_id, 'title', title,"
	  " 'since', since, 'until', until" STAMP ") FROM affiliations WHERE id = ?1", 0, "/people/",
	  "SELECT p.slug FROM affiliations a JOIN people p ON p.id = a.person_id WHERE a.id = ?1" },
	{ "event", "Event", "events", "/events", 1, event_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'series', series, 'parent_id', parent_id,"
	  " 'city', city, 'country', country, 'starts_on', starts_on, 'ends_on', ends_on,"
	  " 'time_zone', time_zone, 'url', url, 'notes', notes" STAMP ") FROM events WHERE id = ?1", 0,
	  NULL, NULL },
	{ "session", "Session", "sessions", "/sessions", 0, session_fields,
	  "SELECT json_object('id', id, 'event_id', event_id, 'title', title, 'subtitle', subtitle,"
	  " 'kind', kind, 'track', track, 'room', room, 'starts_at', starts_at, 'duration_min', duration_min,"
	  " 'abstract', abstract, 'url', url, 'video_url', video_url, 'status', status" STAMP ","
	  " 'speakers', (SELECT json_group_array(json_object('person_id', person_id, 'org_id', org_id,"
	  "  'role', role, 'position', position)) FROM (SELECT * FROM appearances WHERE session_id = ?1"
	  "  ORDER BY position, id))) FROM sessions WHERE id = ?1", RECORD_SPEAKERS, NULL, NULL },
	{ "body", "Body", "bodies", "/bodies", 1, body_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'kind', kind, 'parent_id', parent_id,"
	  " 'url', url, 'description', description" STAMP ") FROM bodies WHERE id = ?1", 0, NULL, NULL },
	{ "role", "Role or seat", "roles", "/roles", 0, role_fields,
	  "SELECT json_object('id', id, 'person_id', person_id, 'body_id', body_id, 'role', role,"
	  " 'seat_type', seat_type, 'org_id', org_id, 'starts_on', starts_on, 'ends_on', ends_on,"
	  " 'notes', notes" STAMP ") FROM roles WHERE id = ?1", 0, "/bodies/",
	  "SELECT b.slug FROM roles r JOIN bodies b ON b.id = r.body_id WHERE r.id = ?1" },
	{ "project", "Project", "projects", "/projects", 1, project_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'maturity', maturity,"
	  " 'accepted_on', accepted_on, 'incubating_on', incubating_on, 'graduated_on', graduated_on,"
	  " 'org_id', org_id, 'url', url, 'description', description" STAMP ") FROM projects WHERE id = ?1", 0,
	  "/orgs/", "SELECT o.slug FROM projects p JOIN organizations o ON o.id = p.org_id WHERE p.id = ?1" },
	{ "report", "Report", "reports", "/reports", 0, report_fields,
	  "SELECT json_object('id', id, 'org_id', org_id, 'intro', intro, 'quotes', quotes,"
	  " 'round_talks', round_talks" STAMP ") FROM reports WHERE id = ?1", 0,
	  "/orgs/", "SELECT o.slug || '/report' FROM reports r JOIN organizations o ON o.id = r.org_id"
	  " WHERE r.id = ?1" },
};
const unsigned record_kinds_count = sizeof(record_kinds) / sizeof(record_kinds[0]);

const struct record_kind *
record_kind_by_path(const char *path)
{
	for (unsigned i = 0; i < record_kinds_count; i++) {
		size_t n = strlen(record_kinds[i].path);

		if (strncmp(path, record_kinds[i].path, n) == 0 && (path[n] == '/' || path[n] == '\0'))
			return &record_kinds[i];
	}
	return NULL;
}

const struct record_kind *
record_kind_by_name(const char *kind)
{
	for (unsigned i = 0; kind && i < record_kinds_count; i++)
		if (strcmp(kind, record_kinds[i].kind) == 0)
			return &record_kinds[i];
	return NULL;
}

const char *
field_column(const struct field *f, char *tmp, size_t size)
{
	if (f->widget != W_REF)
		return f->name;
	snprintf(tmp, size, "%s_id", f->name);
	return tmp;
}

const char *
field_value_label(struct request *req, const struct field *f, const char *v)
{
	const char *opts = f->widget == W_CHECK ? "0=No|1=Yes" : f->widget == W_SELECT ? f->options : NULL;
	size_t len = v ? strlen(v) : 0;

	for (const char *p = opts; len && p && *p; p += strcspn(p, "|"), p += *p == '|')
		if (strcspn(p, "=") == len && strncmp(p, v, len) == 0)
			return req_strndup(req, p + len + 1, strcspn(p, "|") - len - 1);
	return v;
}

/* The id of the row of table whose column holds value: MODEL_OK, MODEL_NOT_FOUND, or
 * MODEL_CONFLICT when there are several. The SQL is built from constant names. */
static enum model_status
lookup(const char *table, const char *column, const char *value, long long *id)
{
	sqlite3 *db = db_thread();
	char *sql;
	sqlite3_stmt *st = NULL;
	enum model_status ms = MODEL_NOT_FOUND;
	int rc = SQLITE_NOMEM;

	*id = 0;
	if (db == NULL)
		return MODEL_UNAVAILABLE;
	sql = sqlite3_mprintf("SELECT id FROM %w WHERE %w = ?1 LIMIT 2", table, column);
	if (sql && (rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*id = sqlite3_column_int64(st, 0);
			ms = (rc = sqlite3_step(st)) == SQLITE_ROW ? MODEL_CONFLICT : MODEL_OK;
		}
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ms = db_failed(db, rc, "lookup");
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return ms;
}

enum model_status
record_id(const struct record_kind *k, const char *key, long long *id)
{
	char *end;

	*id = 0;
	if (key == NULL)
		return MODEL_NOT_FOUND;
	if (k->by_slug)
		return lookup(k->table, "slug", key, id);
	if (strtoll(key, &end, 10) <= 0 || *end != '\0')
		return MODEL_NOT_FOUND;
	return lookup(k->table, "id", key, id);
}

enum model_status
record_resolve(const char *ref_kind, const char *typed, long long *id)
{
	const struct record_kind *k = record_kind_by_name(ref_kind);
	enum model_status ms;

	*id = 0;
	if (k == NULL || typed == NULL || *typed == '\0')
		return MODEL_NOT_FOUND;
	if (!k->by_slug)
		return record_id(k, typed, id);
	if ((ms = lookup(k->table, "slug", typed, id)) != MODEL_NOT_FOUND)
		return ms;
	return lookup(k->table, "name", typed, id);
}

const char *
record_key(struct request *req, const struct record_kind *k, long long id)
{
	sqlite3 *db = db_thread();
	sqlite3_stmt *st = NULL;
	const char *key = "";
	char *sql;

	if (!k->by_slug)
		return req_printf(req, "%lld", id);
	sql = db ? sqlite3_mprintf("SELECT slug FROM %w WHERE id = ?1", k->table) : NULL;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			key = db_col(req, st, 0);
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return key;
}

int
slug_unique(sqlite3 *db, const char *table, const char *name, struct buf *out)
{
	static const struct { const char *table, *sql; } lookups[] = {
		{ "organizations", "SELECT count(*) FROM organizations WHERE slug = ?1" },
		{ "people", "SELECT count(*) FROM people WHERE slug = ?1" },
		{ "events", "SELECT count(*) FROM events WHERE slug = ?1" },
		{ "bodies", "SELECT count(*) FROM bodies WHERE slug = ?1" },
		{ "projects", "SELECT count(*) FROM projects WHERE slug = ?1" },
	};
	sqlite3_stmt *st = NULL;
	size_t base;
	int taken = 1;

	for (size_t i = 0; i < sizeof(lookups) / sizeof(lookups[0]) && st == NULL; i++)
		if (strcmp(lookups[i].table, table) == 0)
			st = db_stmt(db, lookups[i].sql);
	if (st == NULL)
		return log_err("slug: no table %s", table);
	slug_from_name(out, name);
	base = out->len;
	for (int n = 2; taken && n < 10000; n++) {
		sqlite3_bind_text(st, 1, out->data, (int)out->len, SQLITE_STATIC);
		/* "new" would be read as the address of the creation form. */
		taken = strcmp(out->data, "new") == 0 ||
		    (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0);
		sqlite3_reset(st);
		if (taken) {
			buf_truncate(out, base);
			buf_appendf(out, "-%d", n);
		}
	}
	return taken ? -1 : 0;
}
