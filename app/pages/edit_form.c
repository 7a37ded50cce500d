/* edit_form.c: the edit forms' HTML: fields, speakers, pickers, and each field's two values after a stale save. */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/json.h"
#include "core/vocab.h"
#include "pages/edit_assist.h"
#include "pages/edit_form.h"
#include "pages/layout.h"
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

/* A value as a person reads it: a select's label, Yes or No, "(empty)". */
static void
value_out(struct request *req, const struct field *f, const char *v)
{
	if (v == NULL || *v == '\0') {
		html_lit(&req->out, "<em>(empty)</em>");
		return;
	}
	html_lit(&req->out, "\xe2\x80\x9c");
	html_text(&req->out, field_value_label(req, f, v));
	html_lit(&req->out, "\xe2\x80\x9d");
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
		/* A newline right after <textarea> is dropped by the parser: write one more. */
		if (value && *value == '\n')
			html_lit(b, "\n");
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

/* After a stale save: the other value beside a field one side changed. */
static void
change_note(struct request *req, const struct field *f, const struct edit_conflict *c)
{
	struct buf *b = &req->out;

	if (c == NULL || c->change == EDIT_SAME || c->change == EDIT_BOTH)
		return;
	html_lit(b, "<span class=\"change\">");
	if (c->change == EDIT_THEIRS) {
		html_lit(b, "Changed meanwhile by someone else; your form had ");
		value_out(req, f, c->opened);
	} else {
		html_lit(b, "Your change, kept; saved meanwhile: ");
		value_out(req, f, c->theirs);
	}
	html_lit(b, "</span>");
}

/* A field both sides changed: a choice between the two values, none chosen for the user. */
static void
choice_out(struct request *req, const struct field *f, const struct edit_conflict *c)
{
	struct buf *b = &req->out;

	html_lit(b, "<fieldset class=\"field conflict\"><legend>");
	html_text(b, f->label);
	html_lit(b, ": changed by someone else and by you. Choose one.</legend><label><input type=\"radio\" name=\"");
	html_attr(b, f->name);
	html_lit(b, "\" value=\"");
	html_attr(b, c->theirs);
	html_lit(b, "\" required> Theirs (saved meanwhile): ");
	value_out(req, f, c->theirs);
	html_lit(b, "</label><label><input type=\"radio\" name=\"");
	html_attr(b, f->name);
	html_lit(b, "\" value=\"");
	html_attr(b, c->mine);
	html_lit(b, "\" required> Yours: ");
	value_out(req, f, c->mine);
	html_lit(b, "</label></fieldset>");
}

static void
field_out(struct request *req, const struct field *f, const char *value, const char *error,
    const struct edit_conflict *c)
{
	struct buf *b = &req->out;

	if (c && c->change == EDIT_BOTH) {
		choice_out(req, f, c);
		return;
	}
	if (f->widget == W_WHEN) {
		when_field(req, f, value, error);
		return;
	}
	html_lit(b, "<div class=\"field");
	if (c && c->change != EDIT_SAME)
		html_lit(b, " changed");
	html_lit(b, "\"><label for=\"f-");
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
	change_note(req, f, c);
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

static void
speaker_row(struct request *req, int i, const struct form_speaker *s)
{
	struct buf *b = &req->out;

	buf_appendf(b, "<tr><td>%d</td><td><input name=\"s%d_person\" list=\"dl-person\" "
	    "aria-label=\"Speaker %d person\" placeholder=\"Person\" value=\"", i, i, i);
	html_attr(b, s->person);
	buf_appendf(b, "\"></td><td><input name=\"s%d_org\" list=\"dl-organization\" "
	    "aria-label=\"Speaker %d organization\" placeholder=\"Organization\" value=\"", i, i);
	html_attr(b, s->org);
	buf_appendf(b, "\"></td><td><select name=\"s%d_role\" aria-label=\"Speaker %d role\">", i, i);
	select_options(b, VOCAB_OPTIONS(TERMS_APPEARANCE_ROLE), s->role);
	html_lit(b, "</select></td>");
	speaker_new_cells(req, i);
	html_lit(b, "</tr>");
}

/* After a stale save where both sides changed the speakers: theirs, and a check that they were read. */
static void
speakers_choice(struct buf *b, const struct edit_conflict *c)
{
	html_lit(b, "<div class=\"conflict\"><p>Someone else changed the speakers meanwhile; the table keeps "
	    "yours. Theirs: ");
	html_text(b, c->theirs && *c->theirs ? c->theirs : "(none)");
	html_lit(b, "</p><label><input type=\"checkbox\" name=\"speakers_checked\" value=\"1\" required> "
	    "I have compared the speakers with theirs</label></div>");
}

/* The speakers' table, rows from the form shown. */
static void
speaker_rows(struct request *req, const struct record_form *shown, const struct edit_conflict *c)
{
	static const struct form_speaker none = { NULL, NULL, NULL };
	struct buf *b = &req->out;

	html_lit(b, "<fieldset><legend>Speakers</legend>");
	if (c && c->change == EDIT_BOTH)
		speakers_choice(b, c);
	else if (c && c->change == EDIT_THEIRS)
		html_lit(b, "<p class=\"change\">Someone else changed the speakers meanwhile: the table shows theirs.</p>");
	html_lit(b, "<p class=\"muted\">Person and organization by slug "
	    "or exact name; leave the organization empty to credit the person's affiliation on the "
	    "session's date. Someone not in Lectern yet: type their name and tick New.</p><table><thead><tr>"
	    "<th scope=\"col\">#</th><th scope=\"col\">Person</th>"
	    "<th scope=\"col\">Organization represented</th><th scope=\"col\">Role</th>"
	    "<th scope=\"col\">Not in Lectern yet</th></tr></thead><tbody>");
	for (int i = 1; i <= SPEAKER_ROWS; i++)
		speaker_row(req, i, shown && (size_t)i <= shown->n_speakers ? &shown->speakers[i - 1] : &none);
	html_lit(b, "</tbody></table></fieldset>");
}

/* What the form was opened with, carried back on save: a stale save then shows who changed what. */
static void
opened_field(struct request *req, const struct record_kind *k, const struct record_form *o)
{
	struct buf json = BUF_INIT;
	struct json j;
	size_t i = 0;

	json_begin(&j, &json);
	json_object(&j);
	for (const struct field *f = k->fields; f->name; f++, i++)
		json_kstr(&j, f->name, o->values[i]);
	for (size_t s = 0; s < o->n_speakers; s++) {
		json_kstr(&j, req_printf(req, "s%zu_person", s + 1), o->speakers[s].person);
		json_kstr(&j, req_printf(req, "s%zu_org", s + 1), o->speakers[s].org);
		json_kstr(&j, req_printf(req, "s%zu_role", s + 1), o->speakers[s].role);
	}
	json_end(&j);
	html_lit(&req->out, "<input type=\"hidden\" name=\"opened\" value=\"");
	html_attr(&req->out, json.data);
	html_lit(&req->out, "\">");
	buf_release(&json);
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

void
edit_form_page(struct request *req, const struct edit_view *v)
{
	const struct record_kind *k = v->k;
	struct buf *b = &req->out;
	const char *title = v->id ? req_printf(req, "Edit %s", k->kind) : req_printf(req, "New %s", k->kind);
	struct crumb crumbs[] = { { render_list_name(req, k), k->path }, { title, NULL }, { NULL, NULL } };
	size_t i = 0;

	if (!page_route_exists(req, k->path))	/* no list of its own (sessions): no link to one */
		crumbs[0] = crumbs[1], crumbs[1] = crumbs[2];
	render_page_head(req, title, crumbs);
	if (v->message)
		flash_out(b, 1, v->message);
	html_lit(b, "<form method=\"post\" class=\"record\" action=\"");
	html_attr(b, v->id ? req_printf(req, "%s/%s/edit", k->path, v->key) : req_printf(req, "%s/new", k->path));
	html_lit(b, "\">");
	csrf_field(req);
	buf_appendf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">", v->version);
	if (v->opened)
		opened_field(req, k, v->opened);
	lookalikes_notice(req, k, v->id);
	for (const struct field *f = k->fields; f->name; f++, i++)
		field_out(req, f, v->shown ? v->shown->values[i] : NULL, error_for(v->errors, f->name),
		    v->conflicts ? &v->conflicts[i] : NULL);
	if (k->flags & RECORD_SPEAKERS)
		speaker_rows(req, v->shown, v->speakers);
	datalists(req, k, k->flags & RECORD_SPEAKERS);
	html_lit(b, "<p class=\"actions\"><button type=\"submit\">Save</button></p></form>");
	if (v->id)
		delete_form(req, k, v->key, v->version);
	layout_end(req);
}

/* Whether two values of a control are the same: empty is absent, and a browser's CR LF
 * in a textarea is the LF it was given. */
static int
same(const char *a, const char *b)
{
	a = a ? a : "", b = b ? b : "";
	for (;;) {
		while (*a == '\r')
			a++;
		while (*b == '\r')
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++, b++;
	}
}

/* Who changed a value since the form was opened; without what it was opened with (has == 0),
 * every difference is the user's choice. */
static enum edit_change
change_of(int has, const char *opened, const char *mine, const char *theirs)
{
	if (!has)
		return same(mine, theirs) ? EDIT_SAME : EDIT_BOTH;
	if (same(mine, opened))
		return same(theirs, opened) ? EDIT_SAME : EDIT_THEIRS;
	if (same(theirs, opened) || same(mine, theirs))
		return same(theirs, opened) ? EDIT_MINE : EDIT_SAME;
	return EDIT_BOTH;
}

/* A session's speakers as one line: "person (org, role); ..." to compare and to show. */
static const char *
speakers_line(struct request *req, const struct record_form *r)
{
	struct buf b = BUF_INIT;
	const char *out;

	for (size_t i = 0; i < r->n_speakers; i++) {
		const struct form_speaker *s = &r->speakers[i];

		if (s->person == NULL || *s->person == '\0')
			continue;
		buf_appendf(&b, "%s%s (%s, %s)", b.len ? "; " : "", s->person, s->org && *s->org ? s->org : "-",
		    s->role && *s->role ? s->role : "speaker");
	}
	out = req_strndup(req, b.data, b.len);
	buf_release(&b);
	return out;
}

void
edit_conflict(struct request *req, struct edit_view *v, const struct record_form *opened,
    const struct record_form *sent, const struct record_form *now)
{
	struct record_form *shown = req_alloc(req, sizeof(*shown));
	struct edit_conflict *c, *sc;
	size_t n = 0;

	for (const struct field *f = v->k->fields; f->name; f++)
		n++;
	*shown = *now;
	shown->values = req_alloc(req, (n ? n : 1) * sizeof(*shown->values));
	c = req_alloc(req, (n ? n : 1) * sizeof(*c));
	for (size_t i = 0; i < n; i++) {
		const char *o = opened ? opened->values[i] : NULL;

		c[i] = (struct edit_conflict){ change_of(opened != NULL, o, sent->values[i], now->values[i]),
		    o, now->values[i], sent->values[i] };
		shown->values[i] = c[i].change == EDIT_MINE || c[i].change == EDIT_BOTH ? sent->values[i] :
		    now->values[i];
	}
	v->shown = shown;
	v->conflicts = c;
	if (!(v->k->flags & RECORD_SPEAKERS))
		return;
	sc = req_alloc(req, sizeof(*sc));
	*sc = (struct edit_conflict){ EDIT_SAME, opened ? speakers_line(req, opened) : NULL,
	    speakers_line(req, now), speakers_line(req, sent) };
	sc->change = change_of(opened != NULL, sc->opened, sc->mine, sc->theirs);
	if (sc->change == EDIT_MINE || sc->change == EDIT_BOTH) {
		shown->speakers = sent->speakers;
		shown->n_speakers = sent->n_speakers;
	}
	v->speakers = sc;
}
