/* page_edit.c: staff forms for every kind of record: new, edit, delete, with versions and audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/vocab.h"
#include "model/editor.h"
#include "pages/edit_assist.h"
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

/* The field's control up to its attributes: <textarea, <select, or <input with its type and value. */
static void
control_open(struct buf *b, const struct field *f, const char *value)
{
	switch (f->widget) {
	case W_TEXTAREA:
		html_lit(b, "<textarea rows=\"4\"");
		break;
	case W_SELECT:
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
}

/* What the control holds and how it ends: a textarea's text, a select's options. */
static void
control_close(struct buf *b, const struct field *f, const char *value)
{
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
}

static void
field_out(struct request *req, const struct field *f, const char *value, const char *error)
{
	struct buf *b = &req->out;

	if (f->widget == W_WHEN) {
		when_field(req, f, value, error);
		return;
	}
	html_lit(b, "<div class=\"field\"><label for=\"f-");
	html_attr(b, f->name);
	html_lit(b, "\">");
	html_text(b, f->label);
	if (f->required)
		html_lit(b, " <span class=\"muted\">(required)</span>");
	html_lit(b, "</label>");
	control_open(b, f, value);
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
	control_close(b, f, value);
	html_lit(b, "<span class=\"muted\" id=\"h-");
	html_attr(b, f->name);
	html_lit(b, "\">");
	html_text(b, f->hint);
	html_lit(b, "</span>");
	field_message(b, f, error);
	html_lit(b, "</div>");
}

/* Options for the pickers: a <datalist> of slugs and names, so a browser suggests them
 * while the plain text field still works without it. */
static void
datalists(struct request *req, const struct record_kind *k, int speakers)
{
	static const char *const refs[] = { "person", "organization", "event", "body" };
	struct buf *b = &req->out;

	for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		int used = speakers && (i == 0 || i == 1);
		struct choice *c;
		size_t n;

		for (const struct field *f = k->fields; f->name && !used; f++)
			used = f->widget == W_REF && strcmp(f->ref, refs[i]) == 0;
		if (!used || editor_choices(req, refs[i], &c, &n) != MODEL_OK)
			continue;
		html_lit(b, "<datalist id=\"dl-");
		html_attr(b, refs[i]);
		html_lit(b, "\">");
		for (size_t j = 0; j < n; j++) {
			html_lit(b, "<option value=\"");
			html_attr(b, c[j].slug);
			html_lit(b, "\">");
			html_text(b, c[j].name);
			html_lit(b, "</option>");
		}
		html_lit(b, "</datalist>");
	}
}

/* Speaker row i: the stored one, or what the form sent. */
static void
speaker_row(struct request *req, int i, const struct form_speaker *s)
{
	struct buf *b = &req->out;
	char name[24];
	const char *person, *org, *role;

	if (s) {
		person = s->person, org = s->org, role = s->role;
	} else {
		snprintf(name, sizeof(name), "s%d_person", i);
		person = req_arg(req, name);
		snprintf(name, sizeof(name), "s%d_org", i);
		org = req_arg(req, name);
		snprintf(name, sizeof(name), "s%d_role", i);
		role = req_arg(req, name);
	}
	buf_appendf(b, "<tr><td>%d</td><td><input name=\"s%d_person\" list=\"dl-person\" "
	    "aria-label=\"Speaker %d person\" placeholder=\"Person\" value=\"", i, i, i);
	html_attr(b, person);
	buf_appendf(b, "\"></td><td><input name=\"s%d_org\" list=\"dl-organization\" "
	    "aria-label=\"Speaker %d organization\" placeholder=\"Organization\" value=\"", i, i);
	html_attr(b, org);
	buf_appendf(b, "\"></td><td><select name=\"s%d_role\" aria-label=\"Speaker %d role\">", i, i);
	select_options(b, VOCAB_OPTIONS(TERMS_APPEARANCE_ROLE), role);
	html_lit(b, "</select></td>");
	speaker_new_cells(req, i);
	html_lit(b, "</tr>");
}

/* The speakers' table: the stored ones (an edit form), else the form's (a new one, or after an error). */
static void
speaker_rows(struct request *req, const struct record_form *stored)
{
	struct buf *b = &req->out;

	html_lit(b, "<fieldset><legend>Speakers</legend><p class=\"muted\">Person and organization by slug "
	    "or exact name; leave the organization empty to credit the person's affiliation on the "
	    "session's date. Someone not in Lectern yet: type their name and tick New.</p><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Person</th>"
	    "<th scope=\"col\">Organization represented</th><th scope=\"col\">Role</th>"
	    "<th scope=\"col\">Not in Lectern yet</th></tr></thead><tbody>");
	for (int i = 1; i <= SPEAKER_ROWS; i++) {
		static const struct form_speaker none = { NULL, NULL, NULL };
		const struct form_speaker *s = NULL;

		if (stored)
			s = (size_t)i <= stored->n_speakers ? &stored->speakers[i - 1] : &none;
		speaker_row(req, i, s);
	}
	html_lit(b, "</tbody></table></fieldset>");
}

static void
delete_form(struct request *req, const struct record_kind *k, const char *key, long long version)
{
	struct buf *b = &req->out;

	html_lit(b, "<form method=\"post\" data-confirm=\"Delete this record? It stays in its history.\" action=\"");
	html_attr(b, req_printf(req, "%s/%s/delete", k->path, key));
	html_lit(b, "\">");
	csrf_field(req);
	buf_appendf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">", version);
	html_lit(b, "<button type=\"submit\" class=\"danger\">Delete</button></form>");
}

/* The plural that names a kind's list in the breadcrumbs: its table's name, capitalized. */
static const char *
list_name(struct request *req, const struct record_kind *k)
{
	char *name = req_strdup(req, k->table);

	name[0] = (char)(name[0] - 'a' + 'A');
	return name;
}

/* A new record's field before anything was typed: what the page it was opened from gave, or
 * the field's usual value (a session is a talk). */
static const char *
form_initial(struct request *req, const struct field *f)
{
	const char *v = req_arg(req, f->name);

	return v ? v : f->initial;
}

/*
 * Renders the whole form page. stored: the record as stored (an edit), whose values the
 * fields show unless the form was sent (then what was typed is kept); errors: after a
 * failed save.
 */
static void
form_page(struct request *req, const struct record_kind *k, const char *key, long long id,
    long long version, const struct record_form *stored, const struct field_error *errors,
    const char *message)
{
	struct buf *b = &req->out;
	const char *title = id ? req_printf(req, "Edit %s", k->kind) : req_printf(req, "New %s", k->kind);
	struct crumb crumbs[] = { { list_name(req, k), k->path }, { title, NULL }, { NULL, NULL } };
	int from_form = req->method == HTTP_POST, i = 0;

	if (!page_route_exists(req, k->path))	/* no list of its own (sessions): no link to one */
		crumbs[0] = crumbs[1], crumbs[1] = crumbs[2];
	if (from_form)
		stored = NULL;
	render_page_head(req, title, crumbs);
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
	lookalikes_notice(req, k, id);
	for (const struct field *f = k->fields; f->name; f++, i++)
		field_out(req, f, stored ? stored->values[i] : from_form || id ? req_arg(req, f->name) : form_initial(req, f),
		    error_for(errors, f->name));
	if (k->flags & RECORD_SPEAKERS)
		speaker_rows(req, stored);
	datalists(req, k, k->flags & RECORD_SPEAKERS);
	html_lit(b, "<p class=\"actions\"><button type=\"submit\">Save</button></p></form>");
	if (id)
		delete_form(req, k, key, version);
	layout_end(req);
}

int
page_record_new(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);

	if (k == NULL)
		return 404;
	form_page(req, k, NULL, 0, 0, NULL, NULL, NULL);
	return 200;
}

int
page_record_edit(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *key = req_arg(req, "key");
	struct record_form stored;
	enum model_status rc;
	long long id;

	if (k == NULL)
		return 404;
	if ((rc = record_id(k, key, &id)) != MODEL_OK || (rc = editor_load(req, k, id, &stored)) != MODEL_OK)
		return page_status(rc);
	form_page(req, k, key, id, stored.version, &stored, NULL, NULL);
	return 200;
}

/* After a stale save: what the other person changed, field by field, beside what was sent. */
static const char *
conflict_message(struct request *req, const struct record_kind *k, const struct record_form *now)
{
	struct buf msg = BUF_INIT;
	const char *out;
	int i = 0;

	buf_puts(&msg, "Someone else saved this record after you opened it; nothing of yours was saved. Now stored:");
	for (const struct field *f = k->fields; f->name; f++, i++) {
		const char *stored = now->values[i], *sent = req_arg(req, f->name);

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

/* A stale save: the form again with the fresh version, what is stored now, and what was typed. */
static int
stale(struct request *req, const struct record_kind *k, const char *key, long long id)
{
	struct record_form now;

	if (editor_load(req, k, id, &now) != MODEL_OK) {
		form_page(req, k, key, id, 0, NULL, NULL, "The record was deleted meanwhile.");
		return 409;
	}
	form_page(req, k, key, id, now.version, NULL, NULL, conflict_message(req, k, &now));
	return 409;
}

static int
save(struct request *req, const struct record_kind *k, const char *key, long long id)
{
	long long ids[32], version = req_arg_int(req, "version", 0), saved;
	struct field_error *errors;
	const char *why;
	enum model_status rc;

	when_compose(req, k);
	if ((rc = editor_check(req, k, ids, &errors)) != MODEL_OK)
		return page_status(rc);
	if (errors) {
		form_page(req, k, key, id, version, NULL, errors, "Some fields need attention.");
		return 422;
	}
	if (lookalikes_stop(req, k, id)) {
		form_page(req, k, key, id, version, NULL, NULL, "Not saved yet: someone like this is already in "
		    "Lectern. Open their page, or say below that this is someone else.");
		return 409;
	}
	rc = editor_save(req, k, id, version, ids, &saved, &why);
	if (rc == MODEL_OK)
		return resp_redirect(req, editor_view_path(req, k, saved));
	if (rc == MODEL_STALE)
		return stale(req, k, key, id);
	if (why == NULL)	/* nothing was tried: the database refused at once */
		return page_status(rc);
	form_page(req, k, key, id, version, NULL, NULL, req_printf(req, "Not saved: %s.", why));
	/* The storage failing (full, read-only, locked) is ours, not the form's. */
	return rc == MODEL_UNAVAILABLE ? 503 : 422;
}

int
page_record_create(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);

	return k ? save(req, k, NULL, 0) : 404;
}

/* The record the request's path and key name: 0 with *k and *id, or the status to answer. */
static int
addressed(struct request *req, const struct record_kind **k, long long *id)
{
	enum model_status rc;

	if ((*k = record_kind_by_path(req->path)) == NULL)
		return 404;
	if ((rc = record_id(*k, req_arg(req, "key"), id)) != MODEL_OK)
		return page_status(rc);
	return 0;
}

int
page_record_update(struct request *req)
{
	const struct record_kind *k;
	long long id;
	int status;

	if ((status = addressed(req, &k, &id)) != 0)
		return status;
	return save(req, k, req_arg(req, "key"), id);
}

int
page_record_delete(struct request *req)
{
	const struct record_kind *k;
	enum model_status rc;
	long long id;
	int status;

	if ((status = addressed(req, &k, &id)) != 0)
		return status;
	rc = editor_delete(req, k, id, req_arg_int(req, "version", 0));
	if (rc == MODEL_STALE)
		req->error_detail = "The record changed since you opened it; reload and try again.";
	else if (rc == MODEL_CONFLICT)
		req->error_detail = "Other records still refer to this one (sessions, roles, affiliations...). "
		    "Move or delete those first, or merge this record into another.";
	if (rc != MODEL_OK)
		return page_status(rc);
	/* Back to the list of that kind, or to the history where the deletion can be undone. */
	return resp_redirect(req, page_route_exists(req, k->path) ? k->path : "/history");
}
