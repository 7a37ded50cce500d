/* page_edit.c: staff forms for every kind of record: new, edit, delete, with versions and audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/json.h"
#include "core/vocab.h"
#include "model/editor.h"
#include "pages/edit_assist.h"
#include "pages/edit_form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* Speaker row i as the request sent it. */
static struct form_speaker
sent_speaker(struct request *req, int i)
{
	struct form_speaker s;
	char name[24];

	snprintf(name, sizeof(name), "s%d_person", i);
	s.person = req_arg(req, name);
	snprintf(name, sizeof(name), "s%d_org", i);
	s.org = req_arg(req, name);
	snprintf(name, sizeof(name), "s%d_role", i);
	s.role = req_arg(req, name);
	return s;
}

/* The form as the request sent it: its values and speakers (in req's arena). */
static void
sent_form(struct request *req, const struct record_kind *k, struct record_form *r)
{
	size_t n = 0;

	memset(r, 0, sizeof(*r));
	for (const struct field *f = k->fields; f->name; f++)
		n++;
	r->values = req_alloc(req, (n ? n : 1) * sizeof(*r->values));
	for (size_t i = 0; i < n; i++)
		r->values[i] = req_arg(req, k->fields[i].name);
	if (!(k->flags & RECORD_SPEAKERS))
		return;
	r->speakers = req_alloc(req, SPEAKER_ROWS * sizeof(*r->speakers));
	for (int i = 1; i <= SPEAKER_ROWS; i++)
		if ((r->speakers[i - 1] = sent_speaker(req, i)).person)
			r->n_speakers = (size_t)i;
}

int
page_record_new(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	struct edit_view v = { 0 };
	struct record_form sent;

	if (k == NULL)
		return 404;
	sent_form(req, k, &sent);	/* a new record's form can start from the page it was opened on */
	for (size_t i = 0; k->fields[i].name; i++)	/* else from the field's usual value (a talk) */
		if (sent.values[i] == NULL)
			sent.values[i] = k->fields[i].initial;
	v.k = k;
	v.shown = &sent;
	edit_form_page(req, &v);
	return 200;
}

int
page_record_edit(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	const char *key = req_arg(req, "key");
	struct edit_view v = { 0 };
	struct record_form stored;
	enum model_status rc;
	long long id;

	if (k == NULL)
		return 404;
	if ((rc = record_id(k, key, &id)) != MODEL_OK || (rc = editor_load(req, k, id, &stored)) != MODEL_OK)
		return page_status(rc);
	v.k = k, v.key = key, v.id = id, v.version = stored.version;
	v.shown = v.opened = &stored;
	edit_form_page(req, &v);
	return 200;
}

/*
 * A stale save: the form again over the version stored now, prefilled with what is stored
 * now plus the fields this user changed from what the form was opened with; where both
 * changed a field, the user chooses. The new form was opened with what is stored now.
 */
static int
stale(struct request *req, const struct record_kind *k, const char *key, long long id)
{
	struct record_form now, sent, opened, *was = &opened;
	struct edit_view v = { 0 };

	v.k = k, v.key = key, v.id = id;
	if (editor_load(req, k, id, &now) != MODEL_OK) {
		sent_form(req, k, &sent);
		v.shown = &sent;
		v.message = "The record was deleted meanwhile; nothing of yours was saved.";
		edit_form_page(req, &v);
		return 409;
	}
	sent_form(req, k, &sent);
	if (editor_opened(req, k, req_arg(req, "opened"), &opened) != MODEL_OK)
		was = NULL;	/* a form without it: every difference is a choice */
	v.version = now.version;
	v.opened = &now;
	edit_conflict(req, &v, was, &sent, &now);
	v.message = "Someone else saved this record after you opened it; nothing of yours was saved yet. "
	    "Each field they changed shows their value, each field you changed keeps yours; where you "
	    "both changed a field, choose one. Then save again.";
	edit_form_page(req, &v);
	return 409;
}

/* A form refused: shown again with what was sent, a message and the fields' errors. */
static int
refused(struct request *req, const struct record_kind *k, const char *key, long long id,
    const struct field_error *errors, const char *message)
{
	struct edit_view v = { 0 };
	struct record_form sent, opened;

	sent_form(req, k, &sent);
	v.k = k, v.key = key, v.id = id, v.version = req_arg_int(req, "version", 0);
	v.shown = &sent;
	if (id && editor_opened(req, k, req_arg(req, "opened"), &opened) == MODEL_OK)
		v.opened = &opened;	/* still what it was opened with, for a stale save later */
	v.errors = errors;
	v.message = message;
	edit_form_page(req, &v);
	return 422;
}

static int
save(struct request *req, const struct record_kind *k, const char *key, long long id)
{
	long long ids[32], version = req_arg_int(req, "version", 0), saved;
	struct field_error *errors;
	const char *why;
	enum model_status rc;

	when_compose(req, k);	/* a date and a time in the event's zone: one instant */
	if ((rc = editor_check(req, k, id, ids, &errors)) != MODEL_OK)
		return page_status(rc);
	if (errors)
		return refused(req, k, key, id, errors, "Not saved: some fields need attention.");
	if (lookalikes_stop(req, k, id)) {
		refused(req, k, key, id, NULL, "Not saved yet: someone like this is already in Lectern. "
		    "Open their page, or say below that this is someone else.");
		return 409;
	}
	rc = editor_save(req, k, id, version, ids, &saved, &why);
	if (rc == MODEL_OK) {
		flash_set(req, id ? "saved" : "created");
		return resp_redirect(req, editor_view_path(req, k, saved));
	}
	if (rc == MODEL_STALE)
		return stale(req, k, key, id);
	if (why == NULL)	/* nothing was tried: the database refused at once */
		return page_status(rc);
	refused(req, k, key, id, NULL, req_printf(req, "Not saved: %s.", why));
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
	flash_set(req, "deleted");
	/* Back to the list of that kind, or to the history where the deletion can be undone. */
	return resp_redirect(req, page_route_exists(req, k->path) ? k->path : "/history");
}
