/* record.c: the descriptors of every editable kind of record (see record.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/slug.h"
#include "model/db.h"
#include "model/record.h"

#define KINDS_SESSION "keynote=Keynote|talk=Talk|lightning=Lightning talk|panel=Panel|" \
	"tutorial=Tutorial/workshop|maintainer=Maintainer track|other=Other"

static const struct field org_fields[] = {
	{ "name", "Name", W_TEXT, NULL, NULL, 1, NULL },
	{ "kind", "Kind", W_SELECT, "end_user=End user|vendor=Vendor|non_profit=Non-profit|"
	    "academic=Academic|other=Other", NULL, 1, NULL },
	{ "website", "Website", W_TEXT, NULL, NULL, 0, "https://\xe2\x80\xa6" },
	{ "eu_member", "End User Community member", W_CHECK, NULL, NULL, 0, NULL },
	{ "member_since", "Member since", W_DATE, NULL, NULL, 0, NULL },
	{ "tier", "Membership tier", W_SELECT, "=None|platinum=Platinum|gold=Gold|silver=Silver|"
	    "end_user_supporter=End User Supporter|academic=Academic|non_profit=Non-profit", NULL, 0, NULL },
	{ "notes", "Notes (private)", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field person_fields[] = {
	{ "name", "Name", W_TEXT, NULL, NULL, 1, NULL },
	{ "email", "Email (private)", W_TEXT, NULL, NULL, 0, NULL },
	{ "github", "GitHub handle", W_TEXT, NULL, NULL, 0, NULL },
	{ "bio", "Bio", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ "notes", "Notes (private)", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field affiliation_fields[] = {
	{ "person", "Person", W_REF, NULL, "person", 1, "slug or exact name" },
	{ "org", "Organization", W_REF, NULL, "organization", 1, "slug or exact name" },
	{ "title", "Title", W_TEXT, NULL, NULL, 0, NULL },
	{ "since", "From", W_DATE, NULL, NULL, 0, NULL },
	{ "until", "Until", W_DATE, NULL, NULL, 0, "empty: still there" },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field event_fields[] = {
	{ "name", "Name", W_TEXT, NULL, NULL, 1, NULL },
	{ "series", "Series", W_TEXT, NULL, NULL, 0, "KubeCon + CloudNativeCon Europe" },
	{ "parent", "Co-located with", W_REF, NULL, "event", 0, "slug of the main event" },
	{ "city", "City", W_TEXT, NULL, NULL, 0, NULL },
	{ "country", "Country", W_TEXT, NULL, NULL, 0, NULL },
	{ "starts_on", "First day", W_DATE, NULL, NULL, 1, NULL },
	{ "ends_on", "Last day", W_DATE, NULL, NULL, 1, NULL },
	{ "time_zone", "Time zone", W_TEXT, NULL, NULL, 1, "IANA name, e.g. Europe/Madrid" },
	{ "url", "Web page", W_TEXT, NULL, NULL, 0, NULL },
	{ "notes", "Notes (private)", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field session_fields[] = {
	{ "event", "Event", W_REF, NULL, "event", 1, "slug of the event" },
	{ "title", "Title", W_TEXT, NULL, NULL, 1, NULL },
	{ "subtitle", "Subtitle", W_TEXT, NULL, NULL, 0, NULL },
	{ "kind", "Kind", W_SELECT, KINDS_SESSION, NULL, 1, NULL },
	{ "track", "Track", W_TEXT, NULL, NULL, 0, NULL },
	{ "room", "Room", W_TEXT, NULL, NULL, 0, NULL },
	{ "starts_at", "Starts", W_TEXT, NULL, NULL, 0, "2019-05-22T09:40:00+02:00 (local time and UTC offset)" },
	{ "duration_min", "Minutes", W_NUMBER, NULL, NULL, 0, NULL },
	{ "abstract", "Abstract", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ "url", "Session page", W_TEXT, NULL, NULL, 0, NULL },
	{ "video_url", "Video", W_TEXT, NULL, NULL, 0, NULL },
	{ "status", "Status", W_SELECT, "scheduled=Scheduled|cancelled=Cancelled", NULL, 1, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field body_fields[] = {
	{ "name", "Name", W_TEXT, NULL, NULL, 1, NULL },
	{ "kind", "Kind", W_SELECT, "toc=TOC|board=Governing Board|tag=TAG|sig=SIG|k8s_sig=Kubernetes SIG|"
	    "end_user_sig=End User SIG|working_group=Working group|other=Other", NULL, 1, NULL },
	{ "parent", "Part of", W_REF, NULL, "body", 0, "slug" },
	{ "url", "Web page", W_TEXT, NULL, NULL, 0, NULL },
	{ "description", "Description", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field role_fields[] = {
	{ "person", "Person", W_REF, NULL, "person", 1, "slug or exact name" },
	{ "body", "Body", W_REF, NULL, "body", 1, "slug, e.g. toc" },
	{ "role", "Role", W_SELECT, "chair=Chair|co-chair=Co-chair|tech-lead=Tech lead|member=Member|"
	    "liaison=Liaison|seat=Seat", NULL, 1, NULL },
	{ "seat_type", "Seat type", W_SELECT, "=None|gb=GB-appointed|end_user=EndUser-appointed|"
	    "maintainer=Maintainer-appointed|toc=TOC-appointed|alternate=Alternate", NULL, 0, "for TOC seats" },
	{ "org", "Representing", W_REF, NULL, "organization", 0, "slug or exact name" },
	{ "starts_on", "Term starts", W_DATE, NULL, NULL, 1, NULL },
	{ "ends_on", "Term ends", W_DATE, NULL, NULL, 0, "empty: still held" },
	{ "notes", "Notes (private)", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

static const struct field project_fields[] = {
	{ "name", "Name", W_TEXT, NULL, NULL, 1, NULL },
	{ "maturity", "Maturity", W_SELECT, "sandbox=Sandbox|incubating=Incubating|graduated=Graduated|"
	    "archived=Archived", NULL, 1, NULL },
	{ "accepted_on", "Accepted", W_DATE, NULL, NULL, 0, NULL },
	{ "incubating_on", "Incubating since", W_DATE, NULL, NULL, 0, NULL },
	{ "graduated_on", "Graduated", W_DATE, NULL, NULL, 0, NULL },
	{ "org", "Contributed by", W_REF, NULL, "organization", 0, "slug or exact name" },
	{ "url", "Web page", W_TEXT, NULL, NULL, 0, NULL },
	{ "description", "Description", W_TEXTAREA, NULL, NULL, 0, NULL },
	{ NULL, NULL, 0, NULL, NULL, 0, NULL }
};

/* Snapshots: every stored column, so a restore can put the row back exactly. */
#define STAMP ", 'version', version, 'created_at', created_at, 'updated_at', updated_at"
const struct record_kind record_kinds[] = {
	{ "organization", "Organization", "organizations", "/orgs", 1, org_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'kind', kind, 'website', website,"
	  " 'eu_member', eu_member, 'member_since', member_since, 'tier', tier, 'notes', notes" STAMP ")"
	  " FROM organizations WHERE id = ?1" },
	{ "person", "Person", "people", "/people", 1, person_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'email', email, 'github', github,"
	  " 'bio', bio, 'links', links, 'notes', notes" STAMP ") FROM people WHERE id = ?1" },
	{ "affiliation", "Affiliation", "affiliations", "/affiliations", 0, affiliation_fields,
	  "SELECT json_object('id', id, 'person_id', person_id, 'org_id', org_id, 'title', title,"
	  " 'since', since, 'until', until" STAMP ") FROM affiliations WHERE id = ?1" },
	{ "event", "Event", "events", "/events", 1, event_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'series', series, 'parent_id', parent_id,"
	  " 'city', city, 'country', country, 'starts_on', starts_on, 'ends_on', ends_on,"
	  " 'time_zone', time_zone, 'url', url, 'notes', notes" STAMP ") FROM events WHERE id = ?1" },
	{ "session", "Session", "sessions", "/sessions", 0, session_fields,
	  "SELECT json_object('id', id, 'event_id', event_id, 'title', title, 'subtitle', subtitle,"
	  " 'kind', kind, 'track', track, 'room', room, 'starts_at', starts_at, 'duration_min', duration_min,"
	  " 'abstract', abstract, 'url', url, 'video_url', video_url, 'status', status" STAMP ","
	  " 'speakers', (SELECT json_group_array(json_object('person_id', person_id, 'org_id', org_id,"
	  "  'role', role, 'position', position)) FROM (SELECT * FROM appearances WHERE session_id = ?1"
	  "  ORDER BY position, id))) FROM sessions WHERE id = ?1" },
	{ "body", "Body", "bodies", "/bodies", 1, body_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'kind', kind, 'parent_id', parent_id,"
	  " 'url', url, 'description', description" STAMP ") FROM bodies WHERE id = ?1" },
	{ "role", "Role or seat", "roles", "/roles", 0, role_fields,
	  "SELECT json_object('id', id, 'person_id', person_id, 'body_id', body_id, 'role', role,"
	  " 'seat_type', seat_type, 'org_id', org_id, 'starts_on', starts_on, 'ends_on', ends_on,"
	  " 'notes', notes" STAMP ") FROM roles WHERE id = ?1" },
	{ "project", "Project", "projects", "/projects", 1, project_fields,
	  "SELECT json_object('id', id, 'name', name, 'slug', slug, 'maturity', maturity,"
	  " 'accepted_on', accepted_on, 'incubating_on', incubating_on, 'graduated_on', graduated_on,"
	  " 'org_id', org_id, 'url', url, 'description', description" STAMP ") FROM projects WHERE id = ?1" },
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

/* One lookup statement per kind and key; the SQL is built once from constant names. */
static long long
lookup(sqlite3 *db, const char *table, const char *column, const char *value)
{
	char *sql = sqlite3_mprintf("SELECT id FROM %w WHERE %w = ?1 LIMIT 2", table, column);
	sqlite3_stmt *st = NULL;
	long long id = 0;

	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			if (sqlite3_step(st) == SQLITE_ROW)
				id = -1;	/* ambiguous */
		}
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return id;
}

long long
record_id(sqlite3 *db, const struct record_kind *k, const char *key)
{
	if (key == NULL)
		return 0;
	if (!k->by_slug) {
		char *end;
		long long id = strtoll(key, &end, 10);

		return *end == '\0' && id > 0 ? lookup(db, k->table, "id", key) > 0 ? id : 0 : 0;
	}
	return lookup(db, k->table, "slug", key);
}

long long
record_resolve(sqlite3 *db, const char *ref_kind, const char *typed)
{
	const struct record_kind *k = record_kind_by_name(ref_kind);
	long long id;

	if (k == NULL || typed == NULL || *typed == '\0')
		return 0;
	if (!k->by_slug)
		return record_id(db, k, typed);
	if ((id = lookup(db, k->table, "slug", typed)) != 0)
		return id;
	return lookup(db, k->table, "name", typed);
}

const char *
record_key(sqlite3 *db, const struct record_kind *k, long long id, char *tmp, size_t size)
{
	char *sql;
	sqlite3_stmt *st = NULL;

	if (!k->by_slug) {
		snprintf(tmp, size, "%lld", id);
		return tmp;
	}
	tmp[0] = '\0';
	sql = sqlite3_mprintf("SELECT slug FROM %w WHERE id = ?1", k->table);
	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(tmp, size, "%s", sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return tmp;
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
