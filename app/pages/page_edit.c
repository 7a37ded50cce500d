/* page_edit.c: staff forms for every kind of record: new, edit, delete, with versions and audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "auth/auth.h"
#include "model/db.h"
#include "model/editor.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

static const char *
error_for(const struct field_error *e, const char *name)
{
	for (; e; e = e->next)
		if (strcmp(e->name, name) == 0)
			return e->message;
	return NULL;
}

static void
select_options(struct buf *b, const char *options, const char *value)
{
	const char *p = options;

	while (*p) {
		size_t n = strcspn(p, "|"), v = strcspn(p, "=");
		const char *label = p + v + 1;

		html_lit(b, "<option value=\"");
		html_textn(b, p, v);
		html_lit(b, "\"");
		if (value && strlen(value) == v && strncmp(value, p, v) == 0)
			html_lit(b, " selected");
		html_lit(b, ">");
		html_textn(b, label, n - v - 1);
		html_lit(b, "</option>");
		p += n;
		if (*p)
			p++;
	}
}

static void
field_out(struct request *req, const struct field *f, const char *value, const char *error)
{
	struct buf *b = &req->out;

	html_lit(b, "<div class=\"field\"><label for=\"f-");
	html_attr(b, f->name);
	html_lit(b, "\">");
	html_text(b, f->label);
	if (f->required)
		html_lit(b, " <span class=\"muted\">(required)</span>");
	html_lit(b, "</label>");
	switch (f->widget) {
	case W_TEXTAREA:
		html_lit(b, "<textarea rows=\"4\"");
		break;
	case W_SELECT:
		html_lit(b, "<select");
		break;
	case W_CHECK:
		html_lit(b, "<select");
		break;
	default:
		html_lit(b, "<input");
		if (f->widget == W_DATE)
			html_lit(b, " type=\"date\"");
		else if (f->widget == W_NUMBER)
			html_lit(b, " type=\"number\" min=\"1\"");
		else if (f->widget == W_REF) {
			html_lit(b, " list=\"dl-");
			html_attr(b, f->ref);
			html_lit(b, "\"");
		}
		html_lit(b, " value=\"");
		html_attr(b, value);
		html_lit(b, "\"");
	}
	html_lit(b, " id=\"f-");
	html_attr(b, f->name);
	html_lit(b, "\" name=\"");
	html_attr(b, f->name);
	html_lit(b, "\"");
	if (f->required && f->widget != W_SELECT && f->widget != W_CHECK)
		html_lit(b, " required");
	if (error)
		html_lit(b, " aria-invalid=\"true\"");
	html_lit(b, " aria-describedby=\"h-");
	html_attr(b, f->name);
	html_lit(b, "\">");
	if (f->widget == W_TEXTAREA) {
		html_text(b, value);
		html_lit(b, "</textarea>");
	} else if (f->widget == W_SELECT) {
		select_options(b, f->options, value);
		html_lit(b, "</select>");
	} else if (f->widget == W_CHECK) {
		select_options(b, "0=No|1=Yes", value ? value : "0");
		html_lit(b, "</select>");
	}
	html_lit(b, "<span class=\"muted\" id=\"h-");
	html_attr(b, f->name);
	html_lit(b, "\">");
	html_text(b, f->hint);
	html_lit(b, "</span>");
	if (error) {
		html_lit(b, "<span class=\"msg\" role=\"alert\">");
		html_text(b, f->label);
		html_lit(b, " ");
		html_text(b, error);
		html_lit(b, ".</span>");
	}
	html_lit(b, "</div>");
}

/* Options for the pickers: a <datalist> of slugs and names, so a browser suggests them
 * while the plain text field still works without it. */
static void
datalists(struct request *req, sqlite3 *db, const struct record_kind *k, int speakers)
{
	static const char people_sql[] = "SELECT slug, name FROM people ORDER BY updated_at DESC LIMIT 300";
	static const char orgs_sql[] = "SELECT slug, name FROM organizations ORDER BY updated_at DESC LIMIT 300";
	static const char events_sql[] = "SELECT slug, name FROM events ORDER BY starts_on DESC LIMIT 300";
	static const char bodies_sql[] = "SELECT slug, name FROM bodies ORDER BY name LIMIT 300";
	static const struct { const char *ref, *sql; } lists[] = {
		{ "person", people_sql }, { "organization", orgs_sql }, { "event", events_sql },
		{ "body", bodies_sql },
	};
	struct buf *b = &req->out;

	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		int used = speakers && (i == 0 || i == 1);
		sqlite3_stmt *st;

		for (const struct field *f = k->fields; f->name && !used; f++)
			used = f->widget == W_REF && strcmp(f->ref, lists[i].ref) == 0;
		if (!used || (st = db_stmt(db, lists[i].sql)) == NULL)
			continue;
		html_lit(b, "<datalist id=\"dl-");
		html_attr(b, lists[i].ref);
		html_lit(b, "\">");
		while (sqlite3_step(st) == SQLITE_ROW) {
			html_lit(b, "<option value=\"");
			html_attr(b, (const char *)sqlite3_column_text(st, 0));
			html_lit(b, "\">");
			html_text(b, (const char *)sqlite3_column_text(st, 1));
			html_lit(b, "</option>");
		}
		sqlite3_reset(st);
		html_lit(b, "</datalist>");
	}
}

static const char speakers_sql[] =
	"SELECT p.slug, o.slug, a.role FROM appearances a JOIN people p ON p.id = a.person_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.session_id = ?1 ORDER BY a.position, a.id";

static void
speaker_rows(struct request *req, sqlite3 *db, long long session, int from_form)
{
	struct buf *b = &req->out;
	sqlite3_stmt *st = NULL;
	char name[24];

	html_lit(b, "<fieldset><legend>Speakers</legend><p class=\"muted\">Person and organization by slug "
	    "or exact name; leave the organization empty to credit the person's affiliation on the "
	    "session's date.</p><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Person</th>"
	    "<th scope=\"col\">Organization represented</th><th scope=\"col\">Role</th></tr></thead><tbody>");
	if (!from_form && session && (st = db_stmt(db, speakers_sql)) != NULL)
		sqlite3_bind_int64(st, 1, session);
	for (int i = 1; i <= SPEAKER_ROWS; i++) {
		const char *person = NULL, *org = NULL, *role = NULL;

		/* Stop at the end: stepping a finished statement would start it over. */
		if (st && sqlite3_step(st) == SQLITE_ROW) {
			person = req_strdup(req, (const char *)sqlite3_column_text(st, 0));
			org = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
			role = req_strdup(req, (const char *)sqlite3_column_text(st, 2));
		} else if (st) {
			sqlite3_reset(st);
			st = NULL;
		} else if (from_form) {
			snprintf(name, sizeof(name), "s%d_person", i);
			person = req_arg(req, name);
			snprintf(name, sizeof(name), "s%d_org", i);
			org = req_arg(req, name);
			snprintf(name, sizeof(name), "s%d_role", i);
			role = req_arg(req, name);
		}
		buf_appendf(b, "<tr><td>%d</td><td><input name=\"s%d_person\" list=\"dl-person\" "
		    "aria-label=\"Speaker %d person\" value=\"", i, i, i);
		html_attr(b, person);
		buf_appendf(b, "\"></td><td><input name=\"s%d_org\" list=\"dl-organization\" "
		    "aria-label=\"Speaker %d organization\" value=\"", i, i);
		html_attr(b, org);
		buf_appendf(b, "\"></td><td><select name=\"s%d_role\" aria-label=\"Speaker %d role\">", i, i);
		select_options(b, "speaker=Speaker|moderator=Moderator|panelist=Panelist|host=Host", role);
		html_lit(b, "</select></td></tr>");
	}
	if (st)
		sqlite3_reset(st);
	html_lit(b, "</tbody></table></fieldset>");
}

/* The value a field shows: what was typed (after an error), else the stored one. */
static const char *
stored_value(struct request *req, sqlite3 *db, const struct field *f, const char *snapshot)
{
	static const char sql[] = "SELECT json_extract(?1, '$.' || ?2)";
	const struct record_kind *ref;
	sqlite3_stmt *st;
	struct buf v = BUF_INIT;
	char col[64], key[128];
	const char *out = NULL;

	if (snapshot == NULL || (st = db_stmt(db, sql)) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, snapshot, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, field_column(f, col, sizeof(col)), -1, SQLITE_TRANSIENT);
	if (db_one_text(st, &v) == 0 && v.len)
		out = req_strndup(req, v.data, v.len);
	buf_release(&v);
	if (out && f->widget == W_REF && (ref = record_kind_by_name(f->ref)) != NULL)
		out = req_strdup(req, record_key(db, ref, strtoll(out, NULL, 10), key, sizeof(key)));
	return out;
}

/* Renders the whole form page. snapshot: the stored record (edit), errors: after a failed save. */
static void
form_page(struct request *req, sqlite3 *db, const struct record_kind *k, const char *key,
    long long id, long long version, const char *snapshot, const struct field_error *errors,
    const char *message)
{
	struct buf *b = &req->out;
	const char *title = id ? req_printf(req, "Edit %s", k->kind) : req_printf(req, "New %s", k->kind);
	struct crumb crumbs[] = { { k->title, k->path }, { title, NULL }, { NULL, NULL } };
	int from_form = req->method == HTTP_POST;

	layout_begin(req, title, crumbs);
	html_lit(b, "<h1>");
	html_text(b, title);
	html_lit(b, "</h1>");
	if (message) {
		html_lit(b, "<div class=\"flash error\" role=\"alert\">");
		html_text(b, message);
		html_lit(b, "</div>");
	}
	html_lit(b, "<form method=\"post\" class=\"record\" action=\"");
	html_attr(b, id ? req_printf(req, "%s/%s/edit", k->path, key) : req_printf(req, "%s/new", k->path));
	html_lit(b, "\">");
	csrf_field(req);
	buf_appendf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">", version);
	for (const struct field *f = k->fields; f->name; f++)
		field_out(req, f, from_form || snapshot == NULL ? req_arg(req, f->name) :
		    stored_value(req, db, f, snapshot), error_for(errors, f->name));
	if (strcmp(k->kind, "session") == 0)
		speaker_rows(req, db, id, from_form);
	datalists(req, db, k, strcmp(k->kind, "session") == 0);
	html_lit(b, "<p class=\"actions\"><button type=\"submit\">Save</button></p></form>");
	if (id) {
		html_lit(b, "<form method=\"post\" data-confirm=\"Delete this record? It stays in its history.\" action=\"");
		html_attr(b, req_printf(req, "%s/%s/delete", k->path, key));
		html_lit(b, "\">");
		csrf_field(req);
		buf_appendf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">", version);
		html_lit(b, "<button type=\"submit\" class=\"danger\">Delete</button></form>");
	}
	layout_end(req);
}

static const char *
view_path(struct request *req, sqlite3 *db, const struct record_kind *k, long long id)
{
	static const char role_sql[] = "SELECT b.slug FROM roles r JOIN bodies b ON b.id = r.body_id WHERE r.id = ?1";
	static const char aff_sql[] = "SELECT p.slug FROM affiliations a JOIN people p ON p.id = a.person_id WHERE a.id = ?1";
	static const char proj_sql[] = "SELECT o.slug FROM projects p JOIN organizations o ON o.id = p.org_id WHERE p.id = ?1";
	struct buf s = BUF_INIT;
	sqlite3_stmt *st = NULL;
	const char *base = NULL, *out;
	char key[128];

	/* Kinds without a page of their own lead to the page that shows them. */
	if (strcmp(k->kind, "role") == 0)
		st = db_stmt(db, role_sql), base = "/bodies/";
	else if (strcmp(k->kind, "affiliation") == 0)
		st = db_stmt(db, aff_sql), base = "/people/";
	else if (strcmp(k->kind, "project") == 0)
		st = db_stmt(db, proj_sql), base = "/orgs/";
	if (base == NULL)
		return req_printf(req, "%s/%s", k->path, record_key(db, k, id, key, sizeof(key)));
	if (st == NULL)
		return "/";
	sqlite3_bind_int64(st, 1, id);
	out = db_one_text(st, &s) == 0 ? req_printf(req, "%s%s", base, s.data) : "/";
	buf_release(&s);
	return out;
}

int
page_record_new(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	sqlite3 *db = db_thread();

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	form_page(req, db, k, NULL, 0, 0, NULL, NULL, NULL);
	return 200;
}

int
page_record_edit(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *key = req_arg(req, "key"), *snapshot;
	sqlite3 *db = db_thread();
	long long id, version;
	int err = 0;

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	if ((id = record_id(db, k, key)) <= 0)
		return 404;
	snapshot = audit_capture(db, req, k->kind, id, &err);
	if (err || snapshot == NULL)
		return err ? 503 : 404;
	{
		static const char sql[] = "SELECT json_extract(?1, '$.version')";
		sqlite3_stmt *st = db_stmt(db, sql);

		if (st == NULL)
			return 503;
		sqlite3_bind_text(st, 1, snapshot, -1, SQLITE_STATIC);
		version = db_one_int(st, 0);
	}
	form_page(req, db, k, key, id, version, snapshot, NULL, NULL);
	return 200;
}

/* After a stale save: what the other person changed, field by field, beside what was sent. */
static const char *
conflict_message(struct request *req, sqlite3 *db, const struct record_kind *k, const char *now)
{
	struct buf msg = BUF_INIT;
	const char *out;

	buf_puts(&msg, "Someone else saved this record after you opened it; nothing of yours was saved. Now stored:");
	for (const struct field *f = k->fields; f->name; f++) {
		const char *stored = stored_value(req, db, f, now), *sent = req_arg(req, f->name);

		if ((stored ? stored : "")[0] == '\0' && (sent ? sent : "")[0] == '\0')
			continue;
		if (stored && sent && strcmp(stored, sent) == 0)
			continue;
		buf_appendf(&msg, " %s \xe2\x80\x9c%s\xe2\x80\x9d (yours: \xe2\x80\x9c%s\xe2\x80\x9d);", f->label,
		    stored ? stored : "", sent ? sent : "");
	}
	buf_puts(&msg, " Your values are kept below: check them and save again.");
	out = req_strndup(req, msg.data, msg.len);
	buf_release(&msg);
	return out;
}

static int
save(struct request *req, const struct record_kind *k, const char *key, long long id)
{
	sqlite3 *db = db_thread();
	long long ids[32], version = req_arg_int(req, "version", 0), saved;
	struct field_error *errors;
	const char *why = NULL, *before = NULL;
	int err = 0;

	if (db == NULL)
		return 503;
	if ((errors = editor_check(req, db, k, ids)) != NULL) {
		form_page(req, db, k, key, id, version, NULL, errors, "Some fields need attention.");
		return 422;
	}
	if (db_begin(db) == -1)
		return 503;
	if (id)
		before = audit_capture(db, req, k->kind, id, &err);
	if (err || (id && before == NULL)) {
		db_rollback(db);
		return err ? 503 : 404;
	}
	saved = editor_save(req, db, k, id, version, ids, &why);
	if (saved > 0 && strcmp(k->kind, "session") == 0 && editor_save_speakers(req, db, saved, &why) == -1)
		saved = -1;
	if (saved > 0 && audit_write(db, req, k->kind, saved, id ? "update" : "create", before) == -1)
		saved = -1, why = "the history could not be written";
	if (saved <= 0) {
		int dberr = sqlite3_errcode(db) & 0xff;	/* before ROLLBACK resets it */

		db_rollback(db);
		if (saved == 0) {
			/* Stale: show the new state and keep what the person typed. */
			const char *now = audit_capture(db, req, k->kind, id, &err);
			long long fresh = 0;
			static const char vsql[] = "SELECT json_extract(?1, '$.version')";
			sqlite3_stmt *st = db_stmt(db, vsql);

			if (st && now) {
				sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
				fresh = db_one_int(st, 0);
			}
			form_page(req, db, k, key, id, fresh, NULL, NULL,
			    now ? conflict_message(req, db, k, now) : "The record was deleted meanwhile.");
			return 409;
		}
		form_page(req, db, k, key, id, version, NULL, NULL,
		    req_printf(req, "Not saved: %s.", why ? why : "a database error"));
		/* The storage failing (full, read-only, locked) is ours, not the form's. */
		switch (dberr) {
		case SQLITE_FULL: case SQLITE_READONLY: case SQLITE_IOERR: case SQLITE_BUSY:
		case SQLITE_LOCKED: case SQLITE_CANTOPEN:
			return 503;
		default:
			return 422;
		}
	}
	if (db_commit(db) == -1)
		return 503;
	return resp_redirect(req, view_path(req, db, k, saved));
}

int
page_record_create(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);

	return k ? save(req, k, NULL, 0) : 404;
}

int
page_record_update(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	sqlite3 *db = db_thread();
	long long id;

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	if ((id = record_id(db, k, req_arg(req, "key"))) <= 0)
		return 404;
	return save(req, k, req_arg(req, "key"), id);
}

int
page_record_delete(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	sqlite3 *db = db_thread();
	const char *before;
	char *sql;
	long long id;
	int err = 0, rc;

	if (k == NULL)
		return 404;
	if (db == NULL)
		return 503;
	if ((id = record_id(db, k, req_arg(req, "key"))) <= 0)
		return 404;
	if (db_begin(db) == -1)
		return 503;
	before = audit_capture(db, req, k->kind, id, &err);
	sql = sqlite3_mprintf("DELETE FROM %w WHERE id = %lld AND version = %lld", k->table, id,
	    req_arg_int(req, "version", 0));
	rc = err || sql == NULL ? SQLITE_ERROR : sqlite3_exec(db, sql, NULL, NULL, NULL) & 0xff;
	sqlite3_free(sql);
	if (rc == SQLITE_OK && sqlite3_changes(db) == 0)
		rc = SQLITE_BUSY, req->error_detail = "The record changed since you opened it; reload and try again.";
	else if (rc == SQLITE_CONSTRAINT)
		req->error_detail = "Other records still refer to this one (sessions, roles, affiliations...). "
		    "Move or delete those first, or merge this record into another.";
	if (rc == SQLITE_OK && audit_write(db, req, k->kind, id, "delete", before) == -1)
		rc = SQLITE_ERROR;
	if (rc != SQLITE_OK) {
		db_rollback(db);
		return rc == SQLITE_BUSY ? 409 : rc == SQLITE_CONSTRAINT ? 409 : 500;
	}
	if (db_commit(db) == -1)
		return 503;
	/* Back to the list of that kind, or to the history where the deletion can be undone. */
	return resp_redirect(req, page_route_exists(req, k->path) ? k->path : "/history");
}
