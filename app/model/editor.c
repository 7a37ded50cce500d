/* editor.c: turns a validated form into an INSERT or a versioned UPDATE of one record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/editor.h"
#include "core/log.h"
#include "core/slug.h"
#include "model/record.h"

/* The rule a field's value must follow, from its widget (and, for text, its name). */
static void
rule_for(const struct field *f, struct param_rule *r, char *set, size_t setsize)
{
	memset(r, 0, sizeof(*r));
	r->name = f->name;
	r->max = 500;
	switch (f->widget) {
	case W_DATE: r->kind = P_DATE; break;
	case W_NUMBER: r->kind = P_INT; r->min = 1; r->max = 100000; break;
	case W_CHECK: r->kind = P_ENUM; r->set = "0|1"; break;
	case W_TEXTAREA: r->kind = P_TEXT; r->max = 20000; break;
	case W_REF: r->kind = P_LINE; r->max = 200; break;
	case W_SELECT: {
		/* "a=A|b=B" -> "a|b" */
		const char *p = f->options;
		size_t n = 0;

		while (*p && n + 1 < setsize) {
			size_t v = strcspn(p, "=");

			if (n && n + 1 < setsize)
				set[n++] = '|';
			for (size_t i = 0; i < v && n + 1 < setsize; i++)
				set[n++] = p[i];
			p += strcspn(p, "|");
			if (*p)
				p++;
		}
		set[n] = '\0';
		r->kind = P_ENUM;
		r->set = set;
		break;
	}
	default:
		r->kind = P_LINE;
		if (!strcmp(f->name, "website") || !strcmp(f->name, "url") || !strcmp(f->name, "video_url"))
			r->kind = P_URL;
		else if (!strcmp(f->name, "email"))
			r->kind = P_EMAIL;
		else if (!strcmp(f->name, "github"))
			r->kind = P_TOKEN, r->max = 39;
		else if (!strcmp(f->name, "starts_at"))
			r->max = 25;
		break;
	}
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

static int
timestamp_valid(sqlite3 *db, const char *v)
{
	static const char sql[] = "SELECT ?1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]*'"
	    " AND datetime(?1) IS NOT NULL AND date(substr(?1, 1, 10), '+0 days') = substr(?1, 1, 10)";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return 0;
	db_bind_text(st, 1, v);
	return db_one_int(st, 0) == 1;
}

struct field_error *
editor_check(struct request *req, sqlite3 *db, const struct record_kind *k, long long *ids)
{
	struct field_error *errors = NULL;
	const char *v, *why;
	char set[256];
	int i = 0;

	for (const struct field *f = k->fields; f->name; f++, i++) {
		struct param_rule r;

		ids[i] = 0;
		v = req_arg(req, f->name);
		if (v == NULL || *v == '\0') {
			if (f->required)
				add_error(req, &errors, f->name, "is required");
			continue;
		}
		rule_for(f, &r, set, sizeof(set));
		if (param_check(&r, v, strlen(v), &why) == -1) {
			add_error(req, &errors, f->name, why);
			continue;
		}
		if (f->widget == W_REF) {
			ids[i] = record_resolve(db, f->ref, v);
			if (ids[i] == 0)
				add_error(req, &errors, f->name, req_printf(req, "names no %s we know", f->ref));
			else if (ids[i] < 0)
				add_error(req, &errors, f->name, "matches several records: use the slug");
		}
		if (!strcmp(f->name, "starts_at") && !timestamp_valid(db, v))
			add_error(req, &errors, f->name, "must be a local time with its UTC offset, "
			    "like 2019-05-22T09:40:00+02:00");
	}
	/* Terms and spans that end before they start are refused by the schema too;
	 * saying so beside the field is kinder than a constraint error. */
	{
		static const char *const pairs[][2] = { { "since", "until" }, { "starts_on", "ends_on" } };

		for (size_t p = 0; p < 2; p++) {
			const char *a = req_arg(req, pairs[p][0]), *b = req_arg(req, pairs[p][1]);

			if (a && b && *a && *b && strcmp(b, a) < 0)
				add_error(req, &errors, pairs[p][1], "is before the start");
		}
	}
	return errors;
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

long long
editor_save(struct request *req, sqlite3 *db, const struct record_kind *k, long long id,
    long long version, const long long *ids, const char **why)
{
	struct buf cols = BUF_INIT, vals = BUF_INIT, slug = BUF_INIT;
	sqlite3_stmt *st = NULL;
	char tmp[64], *sql;
	int n = 0, rc;

	for (const struct field *f = k->fields; f->name; f++, n++) {
		const char *col = field_column(f, tmp, sizeof(tmp));
		char *q;

		if (id == 0) {
			q = sqlite3_mprintf("%s%w", n ? ", " : "", col);
			buf_puts(&cols, q);
			buf_appendf(&vals, "%s?%d", n ? ", " : "", n + 1);
		} else {
			q = sqlite3_mprintf("%s%w = ?%d", n ? ", " : "", col, n + 1);
			buf_puts(&cols, q);
		}
		sqlite3_free(q);
	}
	if (id == 0 && k->by_slug) {
		if (slug_unique(db, k->table, req_arg(req, "name"), &slug) == -1) {
			*why = "no free slug for this name";
			buf_release(&cols), buf_release(&vals);
			return -1;
		}
		buf_appendf(&cols, ", slug");
		buf_appendf(&vals, ", ?%d", n + 1);
	}
	/* Column names come from the descriptors (our own source), quoted with %w anyway. */
	if (id == 0)
		sql = sqlite3_mprintf("INSERT INTO %w(%s) VALUES (%s)", k->table, cols.data, vals.data);
	else
		sql = sqlite3_mprintf("UPDATE %w SET %s, version = version + 1, updated_at ="
		    " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') WHERE id = ?%d AND version = ?%d",
		    k->table, cols.data, n + 1, n + 2);
	buf_release(&cols);
	buf_release(&vals);
	if (sql == NULL || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		*why = sqlite3_errmsg(db);
		sqlite3_free(sql);
		buf_release(&slug);
		return log_err("save %s: %s", k->kind, *why);
	}
	sqlite3_free(sql);
	n = 0;
	for (const struct field *f = k->fields; f->name; f++, n++)
		bind_field(st, n + 1, f, req_arg(req, f->name), ids[n]);
	if (id == 0 && k->by_slug)
		sqlite3_bind_text(st, n + 1, slug.data, (int)slug.len, SQLITE_TRANSIENT);
	if (id) {
		sqlite3_bind_int64(st, n + 1, id);
		sqlite3_bind_int64(st, n + 2, version);
	}
	rc = sqlite3_step(st);
	buf_release(&slug);
	if (rc != SQLITE_DONE) {
		*why = req_strdup(req, sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (id == 0)
		return sqlite3_last_insert_rowid(db);
	return sqlite3_changes(db) ? id : 0;
}

static const char clear_sql[] = "DELETE FROM appearances WHERE session_id = ?1";
static const char speaker_sql[] =
	"INSERT INTO appearances(session_id, person_id, org_id, role, position) VALUES (?1, ?2, ?3, ?4, ?5)";

int
editor_save_speakers(struct request *req, sqlite3 *db, long long session, const char **why)
{
	sqlite3_stmt *st = db_stmt(db, clear_sql);
	int position = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	sqlite3_step(st);
	sqlite3_reset(st);
	for (int i = 1; i <= SPEAKER_ROWS; i++) {
		char name[24];
		const char *person, *org, *role;
		long long pid, oid = 0;
		int rc;

		snprintf(name, sizeof(name), "s%d_person", i);
		if ((person = req_arg(req, name)) == NULL || *person == '\0')
			continue;
		snprintf(name, sizeof(name), "s%d_org", i);
		org = req_arg(req, name);
		snprintf(name, sizeof(name), "s%d_role", i);
		role = req_arg(req, name);
		if ((pid = record_resolve(db, "person", person)) <= 0) {
			*why = req_printf(req, "Speaker %d: no single person is called \xe2\x80\x9c%s\xe2\x80\x9d.", i, person);
			return -1;
		}
		if (org && *org && (oid = record_resolve(db, "organization", org)) <= 0) {
			*why = req_printf(req, "Speaker %d: no single organization is called \xe2\x80\x9c%s\xe2\x80\x9d.", i, org);
			return -1;
		}
		if ((st = db_stmt(db, speaker_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, session);
		sqlite3_bind_int64(st, 2, pid);
		if (oid > 0)
			sqlite3_bind_int64(st, 3, oid);	/* else: credited from the affiliation of the day */
		db_bind_text(st, 4, role && *role ? role : "speaker");
		sqlite3_bind_int(st, 5, ++position);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			*why = rc == SQLITE_CONSTRAINT ? req_printf(req, "Speaker %d is listed twice.", i) :
			    req_strdup(req, sqlite3_errmsg(db));
			return -1;
		}
	}
	return 0;
}
