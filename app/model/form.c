/* form.c: what the edit forms show of a stored record, what their pickers offer, where a save leads. */
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/db.h"
#include "model/editor.h"

/* Field f's value in the snapshot: text, a W_REF as the other record's key; NULL when empty. */
static enum model_status
stored_value(struct request *req, const struct field *f, const char *snapshot, const char **out)
{
	static const char sql[] = "SELECT json_extract(?1, '$.' || ?2)";
	const struct record_kind *ref;
	sqlite3_stmt *st;
	enum model_status ms;
	char col[64];

	*out = NULL;
	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_text(st, 1, snapshot, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, field_column(f, col, sizeof(col)), -1, SQLITE_TRANSIENT);
	if ((ms = db_row(st, "form")) != MODEL_OK)
		return ms;
	*out = db_col(req, st, 0);
	sqlite3_reset(st);
	if (*out && **out == '\0')
		*out = NULL;
	if (*out && f->widget == W_REF && (ref = record_kind_by_name(f->ref)) != NULL)
		*out = record_key(req, ref, strtoll(*out, NULL, 10));
	return MODEL_OK;
}

static const char speakers_sql[] =
	"SELECT p.slug, o.slug, a.role FROM appearances a JOIN people p ON p.id = a.person_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.session_id = ?1 ORDER BY a.position, a.id";

static const struct column speaker_cols[] = {
	COL(TEXT, struct form_speaker, person), COL(TEXT, struct form_speaker, org),
	COL(TEXT, struct form_speaker, role),
};
static const struct row_type speaker_row = ROW_TYPE(struct form_speaker, speaker_cols, NULL, "the form's speakers");

static enum model_status
stored_speakers(struct request *req, struct record_form *r)
{
	enum model_status ms;

	r->speakers = db_rows_of(req, speakers_sql, r->id, 0, 0, &speaker_row, &r->n_speakers, &ms);
	if (r->n_speakers > SPEAKER_ROWS)
		r->n_speakers = SPEAKER_ROWS;
	return ms;
}

enum model_status
editor_load(struct request *req, const struct record_kind *k, long long id, struct record_form *r)
{
	static const char version_sql[] = "SELECT json_extract(?1, '$.version')";
	sqlite3 *db = db_thread();
	const char *snapshot;
	sqlite3_stmt *st;
	enum model_status ms;
	size_t n = 0;

	memset(r, 0, sizeof(*r));
	if (db == NULL)
		return MODEL_UNAVAILABLE;
	if ((ms = audit_capture(db, req, k->kind, id, &snapshot)) != MODEL_OK)
		return ms;
	if (snapshot == NULL)
		return MODEL_NOT_FOUND;
	if ((ms = db_query(version_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_text(st, 1, snapshot, -1, SQLITE_STATIC);
	r->id = id;
	r->version = db_one_int(st, 0);
	for (const struct field *f = k->fields; f->name; f++)
		n++;
	r->values = req_alloc(req, n * sizeof(*r->values));
	for (size_t i = 0; i < n; i++)
		if ((ms = stored_value(req, &k->fields[i], snapshot, &r->values[i])) != MODEL_OK)
			return ms;
	return k->flags & RECORD_SPEAKERS ? stored_speakers(req, r) : MODEL_OK;
}

/* The text at key of the JSON object json (NULL when absent or empty). */
static enum model_status
json_text(struct request *req, const char *json, const char *key, const char **out)
{
	static const char sql[] = "SELECT json_extract(?1, '$.' || json_quote(?2))";
	sqlite3_stmt *st;
	enum model_status ms;

	*out = NULL;
	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
	if ((ms = db_row(st, "form")) != MODEL_OK)
		return ms;
	*out = db_col(req, st, 0);
	sqlite3_reset(st);
	if (*out && **out == '\0')
		*out = NULL;
	return MODEL_OK;
}

static enum model_status
opened_speakers(struct request *req, const char *json, struct record_form *r)
{
	enum model_status ms = MODEL_OK;

	r->speakers = req_alloc(req, SPEAKER_ROWS * sizeof(*r->speakers));
	for (int i = 1; i <= SPEAKER_ROWS && ms == MODEL_OK; i++) {
		struct form_speaker *sp = &r->speakers[i - 1];

		if ((ms = json_text(req, json, req_printf(req, "s%d_person", i), &sp->person)) == MODEL_OK &&
		    (ms = json_text(req, json, req_printf(req, "s%d_org", i), &sp->org)) == MODEL_OK)
			ms = json_text(req, json, req_printf(req, "s%d_role", i), &sp->role);
		if (sp->person)
			r->n_speakers = (size_t)i;
	}
	return ms;
}

enum model_status
editor_opened(struct request *req, const struct record_kind *k, const char *json, struct record_form *r)
{
	static const char valid_sql[] = "SELECT json_valid(?1) AND json_type(?1) = 'object'";
	sqlite3_stmt *st;
	enum model_status ms;
	size_t n = 0;

	memset(r, 0, sizeof(*r));
	if (json == NULL)
		return MODEL_INVALID;
	if ((ms = db_query(valid_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	if (db_one_int(st, 0) != 1)
		return MODEL_INVALID;
	for (const struct field *f = k->fields; f->name; f++)
		n++;
	r->values = req_alloc(req, n * sizeof(*r->values));
	for (size_t i = 0; i < n; i++)
		if ((ms = json_text(req, json, k->fields[i].name, &r->values[i])) != MODEL_OK)
			return ms;
	return k->flags & RECORD_SPEAKERS ? opened_speakers(req, json, r) : MODEL_OK;
}

static const struct column choice_cols[] = { COL(TEXT, struct choice, slug), COL(TEXT, struct choice, name) };
static const struct row_type choice_row = ROW_TYPE(struct choice, choice_cols, NULL, "choices");

enum model_status
editor_choices(struct request *req, const char *ref_kind, struct choice **out, size_t *n)
{
	static const struct { const char *ref, *sql; } lists[] = {
		{ "person", "SELECT slug, name FROM people ORDER BY updated_at DESC LIMIT 300" },
		{ "organization", "SELECT slug, name FROM organizations ORDER BY updated_at DESC LIMIT 300" },
		{ "event", "SELECT slug, name FROM events ORDER BY starts_on DESC LIMIT 300" },
		{ "body", "SELECT slug, name FROM bodies ORDER BY name LIMIT 300" },
	};
	enum model_status ms = MODEL_NOT_FOUND;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (strcmp(lists[i].ref, ref_kind) == 0)
			*out = db_rows_of(req, lists[i].sql, 0, 0, 0, &choice_row, n, &ms);
	return ms;
}

const char *
editor_view_path(struct request *req, const struct record_kind *k, long long id)
{
	sqlite3_stmt *st;
	const char *path = "/";

	if (k->shown_on == NULL)
		return req_printf(req, "%s/%s", k->path, record_key(req, k, id));
	/* Kinds without a page of their own lead to the page that shows them. */
	if (db_query(k->shown_sql, &st) != MODEL_OK)
		return path;
	sqlite3_bind_int64(st, 1, id);
	if (db_row(st, "view path") == MODEL_OK) {
		path = req_printf(req, "%s%s", k->shown_on, sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	return path;
}
