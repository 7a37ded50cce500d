/* editor.c: checking a form against its fields' rules, and saving or deleting one record with its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/editor.h"
#include "model/lookalike.h"
#include "model/slugs.h"

static int
error_none(const struct field_error *e, const char *name)
{
	for (; e; e = e->next)
		if (strcmp(e->name, name) == 0)
			return 0;
	return 1;
}

static void
add_error(struct request *req, struct field_error **list, const char *name, const char *msg)
{
	struct field_error *e = req_alloc(req, sizeof(*e));

	e->name = name;
	e->message = msg;
	e->next = *list;
	*list = e;
}

/* Whether v is a local time with its UTC offset SQLite reads: 1 or 0, -1 on a database error. */
static int
timestamp_valid(const char *v)
{
	static const char sql[] = "SELECT ?1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]*'"
	    " AND datetime(?1) IS NOT NULL AND date(substr(?1, 1, 10), '+0 days') = substr(?1, 1, 10)";
	sqlite3_stmt *st;

	if (db_query(sql, &st) != MODEL_OK)
		return -1;
	db_bind_text(st, 1, v);
	return db_one_int(st, 0) == 1;
}

/* A slug typed for record self of kind k: "new" is the creation form's address, and one
 * record's address is not another's. */
static enum model_status
check_slug(struct request *req, const struct record_kind *k, long long self, const char *v,
    struct field_error **errors)
{
	enum model_status ms;
	long long other;

	if (strcmp(v, "new") == 0) {
		add_error(req, errors, "slug", "cannot be \xe2\x80\x9cnew\xe2\x80\x9d, the address of the form for a new record");
		return MODEL_OK;
	}
	if ((ms = record_id(k, v, &other)) == MODEL_OK && other != self)
		add_error(req, errors, "slug", "is the address of another record already");
	return ms == MODEL_NOT_FOUND ? MODEL_OK : ms;
}

/* Checks one field's value v; a W_REF's id goes to *id. */
static enum model_status
check_field(struct request *req, const struct field *f, const char *v, long long *id,
    struct field_error **errors)
{
	struct param_rule r = { f->name, f->kind, 0, f->min, f->max, f->set };
	enum model_status ms = MODEL_OK;
	const char *why;
	int valid;

	if (param_check(&r, v, strlen(v), &why) == -1) {
		add_error(req, errors, f->name, why);
		return MODEL_OK;
	}
	if (f->widget == W_REF) {
		ms = record_resolve(f->ref, v, id);
		if (ms == MODEL_NOT_FOUND)
			add_error(req, errors, f->name, req_printf(req, "names no %s we know", f->ref));
		else if (ms == MODEL_CONFLICT)
			add_error(req, errors, f->name, "matches several records: use the slug");
		if (ms == MODEL_NOT_FOUND || ms == MODEL_CONFLICT)
			ms = MODEL_OK, *id = 0;
	}
	if (ms == MODEL_OK && (f->flags & FIELD_TIMESTAMP) && (valid = timestamp_valid(v)) != 1) {
		if (valid == -1)
			return MODEL_UNAVAILABLE;
		add_error(req, errors, f->name, f->widget == W_WHEN ? "needs both a date and a time of day" :
		    "must be a local time with its UTC offset, like 2019-05-22T09:40:00+02:00");
	}
	return ms;
}

enum model_status
editor_check(struct request *req, const struct record_kind *k, long long self, long long *ids,
    struct field_error **errors)
{
	static const char *const spans[][2] = { { "since", "until" }, { "starts_on", "ends_on" } };
	enum model_status ms;
	int i = 0;

	*errors = NULL;
	for (const struct field *f = k->fields; f->name; f++, i++) {
		const char *v = req_arg(req, f->name);

		ids[i] = 0;
		if (v == NULL || *v == '\0') {
			if (f->required)
				add_error(req, errors, f->name, "is required");
		} else if ((ms = check_field(req, f, v, &ids[i], errors)) != MODEL_OK)
			return ms;
		else if ((f->flags & FIELD_SLUG) && error_none(*errors, f->name) &&
		    (ms = check_slug(req, k, self, v, errors)) != MODEL_OK)
			return ms;
	}
	/* Terms and spans that end before they start are refused by the schema too;
	 * saying so beside the field is kinder than a constraint error. */
	for (size_t p = 0; p < sizeof(spans) / sizeof(spans[0]); p++) {
		const char *a = req_arg(req, spans[p][0]), *b = req_arg(req, spans[p][1]);

		if (a && b && *a && *b && strcmp(b, a) < 0)
			add_error(req, errors, spans[p][1], "is before the start");
	}
	return MODEL_OK;
}

/* One save: the kind, the record, and where its failure is put in words. */
struct save {
	struct request		*req;
	const struct record_kind *k;
	long long		 id, version;
	const long long		*ids;
	long long		 saved;
	const char		**why;
};

/* The database's message as the reason, copied before a rollback takes it away. */
static enum model_status
save_failed(struct save *s, sqlite3 *db, int rc)
{
	*s->why = req_strdup(s->req, sqlite3_errmsg(db));
	return db_failed(db, rc, s->k->kind);
}

static void
bind_field(sqlite3_stmt *st, int i, const struct field *f, const char *v, long long id)
{
	if (f->widget == W_REF) {
		if (id > 0)
			sqlite3_bind_int64(st, i, id);
		else
			sqlite3_bind_null(st, i);
	} else if (f->widget == W_CHECK)
		sqlite3_bind_int(st, i, v && strcmp(v, "1") == 0);
	else if (f->widget == W_NUMBER && v && *v)
		sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	else
		db_bind_text(st, i, v);
}

/* The INSERT (with a slug for kinds addressed by one) or the versioned UPDATE of s's record.
 * Column names come from the descriptors (our own source), quoted with %w anyway. */
static char *
save_sql(const struct save *s)
{
	struct buf cols = BUF_INIT, vals = BUF_INIT;
	char tmp[64], *sql;
	int n = 0;

	for (const struct field *f = s->k->fields; f->name; f++, n++) {
		const char *c = field_column(f, tmp, sizeof(tmp));
		/* An empty slug keeps the record's own (a new record's is made from its name). */
		char *q = s->id == 0 ? sqlite3_mprintf("%s%w", n ? ", " : "", c) : (f->flags & FIELD_SLUG) ?
		    sqlite3_mprintf("%s%w = coalesce(?%d, %w)", n ? ", " : "", c, n + 1, c) :
		    sqlite3_mprintf("%s%w = ?%d", n ? ", " : "", c, n + 1);

		buf_puts(&cols, q);
		sqlite3_free(q);
		if (s->id == 0)
			buf_appendf(&vals, "%s?%d", n ? ", " : "", n + 1);
	}
	if (s->id == 0)
		sql = sqlite3_mprintf("INSERT INTO %w(%s) VALUES (%s)", s->k->table, cols.data, vals.data);
	else
		sql = sqlite3_mprintf("UPDATE %w SET %s, version = version + 1, updated_at ="
		    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') WHERE id = ?%d AND version = ?%d",
		    s->k->table, cols.data, n + 1, n + 2);
	buf_release(&cols);
	buf_release(&vals);
	return sql;
}

/* Binds the form's values (and the new slug, or the id and version) to the statement. */
static void
save_bind(const struct save *s, sqlite3_stmt *st, const struct buf *slug)
{
	int n = 0;

	for (const struct field *f = s->k->fields; f->name; f++, n++) {
		const char *v = req_arg(s->req, f->name);

		if ((f->flags & FIELD_SLUG) && s->id == 0 && (v == NULL || *v == '\0'))
			sqlite3_bind_text(st, n + 1, slug->data, (int)slug->len, SQLITE_TRANSIENT);
		else
			bind_field(st, n + 1, f, v, s->ids[n]);
	}
	if (s->id) {
		sqlite3_bind_int64(st, n + 1, s->id);
		sqlite3_bind_int64(st, n + 2, s->version);
	}
}

static int
typed_slug(const struct request *req)
{
	const char *v = req_arg(req, "slug");

	return v && *v;
}

/* The row itself: s->saved gets its id; MODEL_STALE when the update found no such version. */
static enum model_status
save_row(sqlite3 *db, struct save *s)
{
	struct buf slug = BUF_INIT;
	sqlite3_stmt *st = NULL;
	enum model_status ms = MODEL_OK;
	char *sql = NULL;
	int rc;

	if (s->id == 0 && s->k->by_slug && !typed_slug(s->req) &&
	    slug_unique(db, s->k->table, req_arg(s->req, "name"), &slug) == -1) {
		*s->why = "no free slug for this name";
		ms = MODEL_CONFLICT;
	} else if ((sql = save_sql(s)) == NULL || (rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		ms = save_failed(s, db, sql ? rc : SQLITE_NOMEM);
	else {
		save_bind(s, st, &slug);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			ms = save_failed(s, db, rc);
		else if (s->id == 0)
			s->saved = sqlite3_last_insert_rowid(db);
		else if (sqlite3_changes(db) == 0)
			ms = MODEL_STALE;
		else
			s->saved = s->id;
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	buf_release(&slug);
	return ms;
}

static const char clear_sql[] = "DELETE FROM appearances WHERE session_id = ?1";
static const char speaker_sql[] =
	"INSERT INTO appearances(session_id, person_id, org_id, role, position) VALUES (?1, ?2, ?3, ?4, ?5)";

/*
 * The person of speaker row i: the one typed (slug or exact name), or, with s<i>_new ticked,
 * a new person of that name, unless someone of a name like it is in Lectern already and
 * s<i>_distinct does not say that this is someone else.
 */
static enum model_status
speaker_person(sqlite3 *db, struct save *s, int i, const char *person, long long *pid)
{
	struct lookalike like[LOOKALIKES_MAX];
	const char *fresh = req_arg(s->req, req_printf(s->req, "s%d_new", i));
	const char *distinct = req_arg(s->req, req_printf(s->req, "s%d_distinct", i));
	enum model_status ms;
	size_t n = 0;

	if (fresh == NULL || strcmp(fresh, "1") != 0) {
		if (record_resolve("person", person, pid) == MODEL_OK)
			return MODEL_OK;
		*s->why = req_printf(s->req, "Speaker %d: no single person is called \xe2\x80\x9c%s\xe2\x80\x9d; "
		    "tick \xe2\x80\x9cNew\xe2\x80\x9d to add them", i, person);
		return MODEL_CONFLICT;
	}
	if ((distinct == NULL || strcmp(distinct, "1") != 0) &&
	    (ms = person_lookalikes(s->req, person, NULL, like, &n)) != MODEL_OK)
		return ms;
	if (n > 0) {
		*s->why = req_printf(s->req, "Speaker %d: \xe2\x80\x9c%s\xe2\x80\x9d may be %s (%s), already in "
		    "Lectern; name them by that slug, or tick \xe2\x80\x9cSomeone else\xe2\x80\x9d", i, person,
		    like[0].name, like[0].slug);
		return MODEL_CONFLICT;
	}
	if ((ms = person_insert(db, s->req, person, pid)) != MODEL_OK)
		*s->why = req_printf(s->req, "Speaker %d: the new person could not be saved", i);
	return ms;
}

/* Speaker row i of the form (s<i>_person, s<i>_org, s<i>_role) as the next appearance. */
static enum model_status
save_speaker(sqlite3 *db, struct save *s, int i, int position)
{
	char name[24];
	const char *person, *org, *role;
	long long pid, oid = 0;
	sqlite3_stmt *st;
	enum model_status ms;
	int rc;

	snprintf(name, sizeof(name), "s%d_person", i);
	person = req_arg(s->req, name);
	snprintf(name, sizeof(name), "s%d_org", i);
	org = req_arg(s->req, name);
	snprintf(name, sizeof(name), "s%d_role", i);
	role = req_arg(s->req, name);
	if (org && *org && record_resolve("organization", org, &oid) != MODEL_OK) {
		*s->why = req_printf(s->req, "Speaker %d: no single organization is called \xe2\x80\x9c%s\xe2\x80\x9d", i, org);
		return MODEL_CONFLICT;
	}
	if ((ms = speaker_person(db, s, i, person, &pid)) != MODEL_OK)
		return ms;
	if ((st = db_stmt(db, speaker_sql)) == NULL)
		return save_failed(s, db, 0);
	sqlite3_bind_int64(st, 1, s->saved);
	sqlite3_bind_int64(st, 2, pid);
	if (oid > 0)
		sqlite3_bind_int64(st, 3, oid);	/* else: credited from the affiliation of the day */
	db_bind_text(st, 4, role && *role ? role : "speaker");
	sqlite3_bind_int(st, 5, position);
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		return db_done(st, rc, "speaker");
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		*s->why = req_printf(s->req, "Speaker %d is listed twice", i);
	else
		*s->why = req_strdup(s->req, sqlite3_errmsg(db));
	return db_done(st, rc, "speaker");
}

/* Replaces the session's speakers with the form's rows. */
static enum model_status
save_speakers(sqlite3 *db, struct save *s)
{
	sqlite3_stmt *st = db_stmt(db, clear_sql);
	enum model_status ms = MODEL_OK;
	int position = 0, rc;

	if (st == NULL)
		return save_failed(s, db, 0);
	sqlite3_bind_int64(st, 1, s->saved);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
		ms = save_failed(s, db, rc);
		sqlite3_reset(st);
		return ms;
	}
	sqlite3_reset(st);
	for (int i = 1; ms == MODEL_OK && i <= SPEAKER_ROWS; i++) {
		char name[24];
		const char *person;

		snprintf(name, sizeof(name), "s%d_person", i);
		if ((person = req_arg(s->req, name)) != NULL && *person)
			ms = save_speaker(db, s, i, ++position);
	}
	return ms;
}

static enum model_status
save_in(sqlite3 *db, void *arg)
{
	struct save *s = arg;
	const char *before = NULL;
	enum model_status ms;

	if (s->id && (ms = audit_capture(db, s->req, s->k->kind, s->id, &before)) != MODEL_OK)
		return ms;
	if (s->id && before == NULL)
		return MODEL_NOT_FOUND;
	if ((ms = save_row(db, s)) != MODEL_OK)
		return ms;
	if (s->k->by_slug && (ms = slug_follow(db, s->req, s->k, s->saved, before)) != MODEL_OK)
		return ms;
	if ((s->k->flags & RECORD_SPEAKERS) && (ms = save_speakers(db, s)) != MODEL_OK)
		return ms;
	if ((ms = audit_write(db, s->req, s->k->kind, s->saved, s->id ? "update" : "create", before,
	    NULL)) != MODEL_OK)
		*s->why = "the history could not be written";
	return ms;
}

enum model_status
editor_save(struct request *req, const struct record_kind *k, long long id, long long version,
    const long long *ids, long long *saved, const char **why)
{
	struct save s = { req, k, id, version, ids, 0, why };
	enum model_status ms;

	*why = NULL;
	ms = db_transaction(db_thread(), save_in, &s);
	*saved = s.saved;
	return ms;
}

struct removal {
	struct request		*req;
	const struct record_kind *k;
	long long		 id, version;
};

static enum model_status
delete_in(sqlite3 *db, void *arg)
{
	struct removal *d = arg;
	const char *before;
	char *sql;
	enum model_status ms;
	int rc;

	if ((ms = audit_capture(db, d->req, d->k->kind, d->id, &before)) != MODEL_OK)
		return ms;
	sql = sqlite3_mprintf("DELETE FROM %w WHERE id = %lld AND version = %lld", d->k->table, d->id, d->version);
	rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return db_failed(db, rc, "delete");
	if (sqlite3_changes(db) == 0)
		return MODEL_STALE;
	return audit_write(db, d->req, d->k->kind, d->id, "delete", before, NULL);
}

enum model_status
editor_delete(struct request *req, const struct record_kind *k, long long id, long long version)
{
	struct removal d = { req, k, id, version };

	return db_transaction(db_thread(), delete_in, &d);
}
