/* page_merge.c: merging duplicate people or organizations: both side by side, a survivor and each value chosen, confirmed. */
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "model/merge.h"
#include "model/record.h"
#include "model/restore.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

/* A field's value in a cell of the preview: a select's label, Yes or No, "(empty)". */
static void
value_cell(struct request *req, const struct field *f, const char *v)
{
	if (v == NULL || *v == '\0')
		html_lit(&req->out, "<span class=\"muted\">(empty)</span>");
	else
		html_text(&req->out, field_value_label(req, f, v));
}

/* One side's cell of a field: its value, and the radio that takes it where both have one. */
static void
side_cell(struct request *req, const struct field *f, const char *v, const char *side, int choose)
{
	struct buf *b = &req->out;
	const char *picked = req_arg(req, req_printf(req, "pick_%s", f->name));

	html_lit(b, "<td>");
	if (choose) {
		html_lit(b, "<label><input type=\"radio\" name=\"pick_");
		html_attr(b, f->name);
		html_lit(b, "\" value=\"");
		html_attr(b, side);
		html_lit(b, "\" required");
		if (picked && strcmp(picked, side) == 0)
			html_lit(b, " checked");
		html_lit(b, "> ");
	}
	value_cell(req, f, v);
	if (choose)
		html_lit(b, "</label>");
	html_lit(b, "</td>");
}

static void
field_rows(struct request *req, const struct merge_preview *p)
{
	struct buf *b = &req->out;
	size_t i = 0;

	for (const struct field *f = p->k->fields; f->name; f++, i++) {
		enum merge_field st = merge_field_state(p, i);

		html_lit(b, "<tr");
		if (st == MERGE_BOTH)
			html_lit(b, " class=\"differs\"");
		html_lit(b, "><th scope=\"row\">");
		html_text(b, f->label);
		html_lit(b, "</th>");
		side_cell(req, f, p->a.form.values[i], "a", st == MERGE_BOTH && !(f->flags & FIELD_SLUG));
		side_cell(req, f, p->b.form.values[i], "b", st == MERGE_BOTH && !(f->flags & FIELD_SLUG));
		html_lit(b, "<td class=\"muted\">");
		if (f->flags & FIELD_SLUG)
			html_lit(b, "the survivor's stays; the other leads to it");
		else if (st == MERGE_BOTH)
			html_lit(b, "choose one");
		else if (st != MERGE_SAME)
			html_lit(b, "kept");
		html_lit(b, "</td></tr>");
	}
}

static void
list_cell(struct buf *b, const struct merge_list *l)
{
	html_lit(b, "<td>");
	if (l->total == 0)
		html_lit(b, "<span class=\"muted\">none</span>");
	else
		buf_appendf(b, "<strong>%lld</strong><ul>", l->total);
	for (size_t i = 0; i < l->n; i++) {
		const struct merge_item *it = &l->items[i];

		html_lit(b, "<li>");
		if (it->href)
			html_link(b, it->href, it->text);
		else
			html_text(b, it->text);
		if (it->role) {
			html_lit(b, ", ");
			render_role(b, it->role, it->seat_type);
		}
		if (it->detail) {
			html_lit(b, " <span class=\"muted\">");
			html_text(b, it->detail);
			html_lit(b, "</span>");
		}
		if (it->since || it->until) {
			html_lit(b, " <span class=\"muted\">");
			render_span(b, it->since, it->until);
			html_lit(b, "</span>");
		}
		html_lit(b, "</li>");
	}
	if (l->total > (long long)l->n)
		html_lit(b, "<li class=\"muted\">\xe2\x80\xa6</li>");
	if (l->total)
		html_lit(b, "</ul>");
	html_lit(b, "</td>");
}

static void
list_rows(struct request *req, const struct merge_preview *p)
{
	struct buf *b = &req->out;

	for (size_t i = 0; i < p->a.n_lists; i++) {
		html_lit(b, "<tr><th scope=\"row\">");
		html_text(b, p->a.lists[i].title);
		html_lit(b, "</th>");
		list_cell(b, &p->a.lists[i]);
		list_cell(b, &p->b.lists[i]);
		html_lit(b, "<td class=\"muted\">all move to the survivor</td></tr>");
	}
}

static void
survivor_choice(struct request *req, const struct merge_preview *p)
{
	struct buf *b = &req->out;
	const char *keep = req_arg(req, "keep");
	int keep_b = keep && strcmp(keep, p->b.slug) == 0;
	const struct merge_side *s[] = { &p->a, &p->b };

	html_lit(b, "<fieldset class=\"survivor\"><legend>Which record stays?</legend>");
	for (int i = 0; i < 2; i++) {
		const struct merge_side *o = s[1 - i];

		html_lit(b, "<label><input type=\"radio\" name=\"keep\" value=\"");
		html_attr(b, s[i]->slug);
		html_lit(b, "\" required");
		if (i == keep_b)
			html_lit(b, " checked");
		html_lit(b, "> <strong>");
		html_text(b, s[i]->name);
		html_lit(b, "</strong> stays at ");
		html_text(b, req_printf(req, "%s/%s", p->k->path, s[i]->slug));
		html_lit(b, "; ");
		html_text(b, o->name);
		html_lit(b, " is merged into it and its address leads there</label>");
	}
	html_lit(b, "</fieldset>");
}

static void
preview_form(struct request *req, const struct merge_preview *p)
{
	struct buf *b = &req->out;

	html_lit(b, "<form method=\"post\" class=\"merge\" action=\"");
	html_attr(b, req_printf(req, "%s/%s/merge", p->k->path, p->a.slug));
	html_lit(b, "\">");
	csrf_field(req);
	html_lit(b, "<input type=\"hidden\" name=\"with\" value=\"");
	html_attr(b, p->b.slug);
	buf_appendf(b, "\"><input type=\"hidden\" name=\"va\" value=\"%lld\"><input type=\"hidden\" name=\"vb\" "
	    "value=\"%lld\"><div class=\"scroll\"><table class=\"merge\"><thead><tr><td></td><th scope=\"col\">",
	    p->a.version, p->b.version);
	html_link(b, req_printf(req, "%s/%s", p->k->path, p->a.slug), p->a.name);
	html_lit(b, "</th><th scope=\"col\">");
	html_link(b, req_printf(req, "%s/%s", p->k->path, p->b.slug), p->b.name);
	html_lit(b, "</th><th scope=\"col\">Merged</th></tr></thead><tbody>");
	field_rows(req, p);
	list_rows(req, p);
	html_lit(b, "</tbody></table></div>");
	if (p->shared)
		buf_appendf(b, "<p>Both speak in %lld session%s: the one merged away is listed there once, as "
		    "the survivor.</p>", p->shared, p->shared == 1 ? "" : "s");
	survivor_choice(req, p);
	html_lit(b, "<p><label><input type=\"checkbox\" name=\"confirm\" value=\"1\" required> I have compared "
	    "both records: merge them. (The merge is recorded in the history and can be undone there.)</label></p>"
	    "<p class=\"actions\"><button type=\"submit\" class=\"danger\">Merge</button></p></form>");
}

/* The page: the search for the other record, or both side by side. */
static void
merge_page(struct request *req, const struct record_kind *k, const char *key, const struct merge_preview *p,
    const char *message)
{
	struct buf *b = &req->out;
	struct crumb crumbs[] = { { k->title, k->path }, { key, NULL }, { "Merge", NULL }, { NULL, NULL } };

	crumbs[1].href = req_printf(req, "%s/%s", k->path, key);
	layout_begin(req, req_printf(req, "Merge %s", key), crumbs);
	html_lit(b, "<h1>Merge two records</h1>");
	if (message)
		flash_out(b, 1, message);
	if (p) {
		preview_form(req, p);
		layout_end(req);
		return;
	}
	html_lit(b, "<p>Name the duplicate of this record. Both are then shown side by side, and you choose "
	    "which one stays and which value of each field it keeps, before anything changes.</p>"
	    "<form method=\"get\" action=\"");
	html_attr(b, req_printf(req, "%s/%s/merge", k->path, key));
	html_lit(b, "\"><div class=\"field\"><label for=\"with\">The other record (slug or exact name)</label>"
	    "<input id=\"with\" name=\"with\" required value=\"");
	html_attr(b, req_arg(req, "with"));
	html_lit(b, "\"></div><p><button type=\"submit\">Compare</button></p></form>");
	layout_end(req);
}

/* The two records the request names: 0 with *a and *b, or the status (the page already
 * written when the other one is not found). */
static int
the_two(struct request *req, const struct record_kind *k, long long *a, long long *b)
{
	const char *key = req_arg(req, "key");
	enum model_status rc;

	if ((rc = record_id(k, key, a)) != MODEL_OK)
		return page_status(rc);
	if ((rc = record_resolve(k->kind, req_arg(req, "with"), b)) == MODEL_OK && *a != *b)
		return 0;
	if (rc != MODEL_OK && rc != MODEL_NOT_FOUND && rc != MODEL_CONFLICT)
		return page_status(rc);
	merge_page(req, k, key, NULL, rc == MODEL_OK ? "That is this record itself: name its duplicate." :
	    rc == MODEL_CONFLICT ? "Several records have that name: use the slug." :
	    "No record has that slug or name.");
	return 422;
}

/* GET /people/{key}/merge and /orgs/{key}/merge, with ?with= the other record: the preview. */
int
page_merge_form(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	struct merge_preview p;
	enum model_status rc;
	long long a, b;
	int status;

	if (k == NULL || !(k->flags & RECORD_MERGES))
		return 404;
	if (req_arg(req, "with") == NULL) {
		if ((rc = record_id(k, req_arg(req, "key"), &a)) != MODEL_OK)
			return page_status(rc);
		merge_page(req, k, req_arg(req, "key"), NULL, NULL);
		return 200;
	}
	if ((status = the_two(req, k, &a, &b)) != 0)
		return status;
	if ((rc = merge_preview(req, k, a, b, &p)) != MODEL_OK)
		return page_status(rc);
	merge_page(req, k, req_arg(req, "key"), &p, NULL);
	return 200;
}

/* The plan the form chose over preview p: 0, or a sentence saying what is missing. */
static const char *
plan_of(struct request *req, const struct merge_preview *p, struct merge_plan *plan)
{
	const char *keep = req_arg(req, "keep"), *confirm = req_arg(req, "confirm");
	size_t n = 0, i = 0;
	unsigned char *take;
	int keep_b;

	if (keep == NULL || (strcmp(keep, p->a.slug) != 0 && strcmp(keep, p->b.slug) != 0))
		return "Choose which record stays.";
	keep_b = strcmp(keep, p->b.slug) == 0;
	for (const struct field *f = p->k->fields; f->name; f++)
		n++;
	take = req_alloc(req, n ? n : 1);
	for (const struct field *f = p->k->fields; f->name; f++, i++) {
		const char *pick = req_arg(req, req_printf(req, "pick_%s", f->name));

		take[i] = 0;
		if ((f->flags & FIELD_SLUG) || merge_field_state(p, i) != MERGE_BOTH)
			continue;
		if (pick == NULL)
			return req_printf(req, "Choose which value of %s to keep.", f->label);
		take[i] = (strcmp(pick, "b") == 0) != keep_b;	/* the dropped side's value */
	}
	if (confirm == NULL)
		return "Tick the box to confirm the merge.";
	plan->keep = keep_b ? p->b.id : p->a.id;
	plan->drop = keep_b ? p->a.id : p->b.id;
	plan->keep_version = req_arg_int(req, keep_b ? "vb" : "va", 0);
	plan->drop_version = req_arg_int(req, keep_b ? "va" : "vb", 0);
	plan->take = take;
	return NULL;
}

/* POST /people/{key}/merge and /orgs/{key}/merge: the merge as the preview's form chose it. */
int
page_merge(struct request *req)
{
	const struct record_kind *k = record_kind_by_path(req->path);
	struct merge_preview p;
	struct merge_plan plan;
	const char *why;
	enum model_status rc;
	long long a, b;
	int status;

	if (k == NULL || !(k->flags & RECORD_MERGES))
		return 404;
	if ((status = the_two(req, k, &a, &b)) != 0)
		return status;
	if ((rc = merge_preview(req, k, a, b, &p)) != MODEL_OK)
		return page_status(rc);
	if ((why = plan_of(req, &p, &plan)) != NULL) {
		merge_page(req, k, req_arg(req, "key"), &p, why);
		return 422;
	}
	if ((rc = merge_records(req, k->kind, &plan, &why)) == MODEL_STALE) {
		merge_page(req, k, req_arg(req, "key"), &p, "One of the records changed meanwhile: compare them again.");
		return 409;
	}
	if (rc == MODEL_UNAVAILABLE || (rc != MODEL_OK && why == NULL))
		return page_status(rc);
	if (rc != MODEL_OK) {
		merge_page(req, k, req_arg(req, "key"), &p, req_printf(req, "Not merged: %s.", why));
		return 422;
	}
	flash_set(req, "merged");
	return resp_redirect(req, req_printf(req, "%s/%s", k->path, plan.keep == a ? p.a.slug : p.b.slug));
}
