/* history.c: the audit trail's listing, made readable (see history.h); restoring is restore.c's. */
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/history.h"
#include "model/record.h"

/* Where a record is shown now, by kind (record.h's paths and shown_on, as SQL): NULL once gone. */
#define SHOWN_NOW(kind, id) \
	"CASE " kind \
	" WHEN 'organization' THEN (SELECT '/orgs/' || slug FROM organizations WHERE id = " id ")" \
	" WHEN 'person' THEN (SELECT '/people/' || slug FROM people WHERE id = " id ")" \
	" WHEN 'event' THEN (SELECT '/events/' || slug FROM events WHERE id = " id ")" \
	" WHEN 'session' THEN (SELECT '/sessions/' || id FROM sessions WHERE id = " id ")" \
	" WHEN 'body' THEN (SELECT '/bodies/' || slug FROM bodies WHERE id = " id ")" \
	" WHEN 'affiliation' THEN (SELECT '/people/' || p.slug FROM affiliations x JOIN people p ON p.id = x.person_id" \
	"  WHERE x.id = " id ")" \
	" WHEN 'role' THEN (SELECT '/bodies/' || b.slug FROM roles x JOIN bodies b ON b.id = x.body_id WHERE x.id = " id ")" \
	" WHEN 'project' THEN (SELECT '/orgs/' || o.slug FROM projects x JOIN organizations o ON o.id = x.org_id" \
	"  WHERE x.id = " id ")" \
	" WHEN 'user' THEN (SELECT '/admin/users' FROM users WHERE id = " id ")" \
	" END"
#define STATE	"coalesce(a.after, a.before)"
#define NAME_OF(table, id)	"(SELECT name FROM " table " WHERE id = " id ")"

/* ?1 user login, ?2 kind, ?3 from date, ?4 to date, ?5 record id (0: all), ?6 limit, ?7 offset.
 * The changed fields come packed "field US before US after RS ..." (US = char(31), RS = char(30)). */
static const char list_sql[] =
	"SELECT a.id, a.at, coalesce(a.user_login, '(command line)'), a.kind, a.record_id, a.action,"
	" CASE a.kind WHEN 'affiliation' THEN " NAME_OF("people", "json_extract(" STATE ", '$.person_id')")
	"  || ' at ' || " NAME_OF("organizations", "json_extract(" STATE ", '$.org_id')")
	" WHEN 'role' THEN " NAME_OF("people", "json_extract(" STATE ", '$.person_id')")
	"  || ', ' || json_extract(" STATE ", '$.role') || ' of ' || " NAME_OF("bodies", "json_extract(" STATE ", '$.body_id')")
	" ELSE coalesce(json_extract(a.after, '$.name'), json_extract(a.before, '$.name'),"
	"  json_extract(a.before, '$.record.name'), json_extract(" STATE ", '$.title'),"
	"  json_extract(" STATE ", '$.login'), '#' || a.record_id) END,"
	" " SHOWN_NOW("a.kind", "a.record_id") ","
	" CASE WHEN a.action = 'merge' THEN CASE a.kind"
	"  WHEN 'person' THEN " NAME_OF("people", "json_extract(a.after, '$.into')")
	"  WHEN 'organization' THEN " NAME_OF("organizations", "json_extract(a.after, '$.into')") " END END,"
	" CASE WHEN a.action = 'merge' THEN " SHOWN_NOW("a.kind", "json_extract(a.after, '$.into')") " END,"
	" a.undone_by IS NOT NULL, (SELECT group_concat(k || char(31) || coalesce(b, '') || char(31) || coalesce(v, ''), char(30))"
	"  FROM (SELECT key AS k, json_extract(a.before, '$.' || key) AS b, json_extract(a.after, '$.' || key) AS v"
	"  FROM (SELECT key FROM json_each(coalesce(a.after, '{}')) UNION SELECT key FROM json_each(coalesce(a.before, '{}')))"
	"  WHERE key NOT IN ('id', 'version', 'updated_at', 'created_at') AND a.action <> 'merge'"
	"  AND json_extract(a.before, '$.' || key) IS NOT json_extract(a.after, '$.' || key))),"
	" a.before IS NOT NULL"
	" FROM audit a WHERE (?1 IS NULL OR a.user_login = ?1) AND (?2 IS NULL OR a.kind = ?2)"
	" AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < date(?4, '+1 day'))"
	" AND (?5 = 0 OR a.record_id = ?5) ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static void
unpack_changes(struct request *req, const char *p, struct history_entry *e)
{
	size_t cap = 0;

	while (p && *p) {
		size_t n = strcspn(p, "\x1e");
		const char *u1 = memchr(p, '\x1f', n), *u2 = NULL;

		if (u1)
			u2 = memchr(u1 + 1, '\x1f', n - (size_t)(u1 + 1 - p));
		if (u2) {
			struct field_change *c;

			e->changes = req_grow(req, e->changes, e->n_changes, &cap, sizeof(*c));
			c = &e->changes[e->n_changes++];
			c->field = req_strndup(req, p, (size_t)(u1 - p));
			c->label = c->field;
			c->before = req_strndup(req, u1 + 1, (size_t)(u2 - u1 - 1));
			c->after = req_strndup(req, u2 + 1, (size_t)(p + n - u2 - 1));
		}
		p += n;
		if (*p)
			p++;
	}
}

static void
changes(struct request *req, sqlite3_stmt *st, void *row)
{
	unpack_changes(req, (const char *)sqlite3_column_text(st, 11), row);
}

#define E(type, field)	COL(type, struct history_entry, field)
static const struct column entry_cols[] = {
	E(LONG, id), E(TEXT, at), E(TEXT, who), E(TEXT, kind), E(LONG, record_id), E(TEXT, action),
	E(TEXT, record), E(TEXT, href), E(TEXT, into), E(TEXT, into_href), E(INT, undone), COL_PASS,
	E(INT, has_before),
};
static const struct row_type entry_row = ROW_TYPE(struct history_entry, entry_cols, changes, "history");

/* A value as people read it: sql gives it from ?1, the stored value (a reference's name, the
 * speakers by name, the links one by one); the value itself when it names nothing. */
static const char *
shown(struct request *req, const char *sql, const char *v)
{
	sqlite3_stmt *st;
	const char *out = NULL;

	if (v == NULL || *v == '\0' || db_query(sql, &st) != MODEL_OK)
		return v;
	sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
	if (db_row(st, "history") == MODEL_OK) {
		out = db_col(req, st, 0);
		sqlite3_reset(st);
	}
	return out ? out : v;
}

/* The names of the records a W_REF field refers to, by the kind referred to. */
static const struct { const char *ref, *sql; } ref_names[] = {
	{ "person", "SELECT name FROM people WHERE id = ?1" },
	{ "organization", "SELECT name FROM organizations WHERE id = ?1" },
	{ "event", "SELECT name FROM events WHERE id = ?1" },
	{ "body", "SELECT name FROM bodies WHERE id = ?1" },
};

static const char speakers_sql[] =
	"SELECT group_concat(coalesce(p.name, '#' || json_extract(j.value, '$.person_id'))"
	" || coalesce(' (' || o.name || ')', '') || CASE json_extract(j.value, '$.role') WHEN 'speaker' THEN ''"
	" ELSE ', ' || json_extract(j.value, '$.role') END, '; ') FROM json_each(?1) j"
	" LEFT JOIN people p ON p.id = json_extract(j.value, '$.person_id')"
	" LEFT JOIN organizations o ON o.id = json_extract(j.value, '$.org_id')";
static const char links_sql[] = "SELECT coalesce(group_concat(value, ' '), '') FROM json_each(?1)";

/* One value of field f as people read it. */
static const char *
value_of(struct request *req, const struct field *f, const char *v)
{
	if (f->widget == W_REF) {
		for (size_t i = 0; i < sizeof(ref_names) / sizeof(ref_names[0]); i++)
			if (strcmp(ref_names[i].ref, f->ref) == 0)
				return shown(req, ref_names[i].sql, v);
		return v;
	}
	return field_value_label(req, f, v);
}

/* An account's keys (kind "user", which no form edits: user.c's snapshot). */
static const struct { const char *key, *label; } user_labels[] = {
	{ "login", "Login" }, { "display_name", "Name" }, { "role", "Role" }, { "disabled", "Disabled" },
	{ "person_id", "Linked person" }, { "org_id", "Linked organization" },
	{ "password_set_at", "Password set" }, { "reset_link_until", "Reset link works until" },
};

/* The change's label and values as people read them, from the kind's fields. */
static void
readable(struct request *req, const struct record_kind *k, struct field_change *c)
{
	char col[64];

	for (size_t i = 0; k == NULL && i < sizeof(user_labels) / sizeof(user_labels[0]); i++)
		if (strcmp(user_labels[i].key, c->field) == 0)
			c->label = user_labels[i].label;

	if (strcmp(c->field, "speakers") == 0 || strcmp(c->field, "links") == 0) {
		const char *sql = c->field[0] == 's' ? speakers_sql : links_sql;

		c->label = c->field[0] == 's' ? "Speakers" : "Links";
		c->before = shown(req, sql, c->before);
		c->after = shown(req, sql, c->after);
		return;
	}
	for (const struct field *f = k ? k->fields : NULL; f && f->name; f++)
		if (strcmp(field_column(f, col, sizeof(col)), c->field) == 0) {
			c->label = f->label;
			c->before = value_of(req, f, c->before);
			c->after = value_of(req, f, c->after);
			return;
		}
}

enum model_status
history_list(struct request *req, const struct history_filter *f, long long offset, int limit,
    struct history_entry **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, f->user);
	db_bind_text(st, 2, f->kind);
	db_bind_text(st, 3, f->from);
	db_bind_text(st, 4, f->to);
	sqlite3_bind_int64(st, 5, f->record);
	sqlite3_bind_int(st, 6, limit);
	sqlite3_bind_int64(st, 7, offset);
	*out = db_rows(req, st, &entry_row, n, &ms);
	for (size_t i = 0; ms == MODEL_OK && i < *n; i++)
		for (size_t j = 0; j < (*out)[i].n_changes; j++)
			readable(req, record_kind_by_name((*out)[i].kind), &(*out)[i].changes[j]);
	return ms;
}

enum model_status
history_entry_kind(struct request *req, long long id, const char **kind, const char **action)
{
	static const char sql[] = "SELECT kind, action FROM audit WHERE id = ?1";
	sqlite3_stmt *st;
	enum model_status ms;

	*kind = *action = NULL;
	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, id);
	if ((ms = db_row(st, "history")) != MODEL_OK)
		return ms;
	*kind = db_col(req, st, 0);
	*action = db_col(req, st, 1);
	sqlite3_reset(st);
	return MODEL_OK;
}
