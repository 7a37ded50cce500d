/* render.c: HTML fragments shared by the registry pages; all text goes through html.h. */
#include <string.h>

#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "pages/render.h"

int
page_status(enum model_status rc)
{
	switch (rc) {
	case MODEL_OK: return 200;
	case MODEL_NOT_FOUND: return 404;
	case MODEL_CONFLICT: case MODEL_STALE: return 409;
	case MODEL_UNAVAILABLE: return 503;
	default: return 500;
	}
}

const char *
label_of(const char *code)
{
	static const struct { const char *code, *label; } labels[] = {
		{ "keynote", "Keynote" }, { "talk", "Talk" }, { "lightning", "Lightning talk" },
		{ "panel", "Panel" }, { "tutorial", "Tutorial/workshop" },
		{ "maintainer", "Maintainer track" }, { "other", "Other" },
		{ "toc", "TOC" }, { "board", "Governing Board" }, { "tag", "TAG" }, { "sig", "SIG" },
		{ "k8s_sig", "Kubernetes SIG" }, { "end_user_sig", "End User SIG" },
		{ "working_group", "Working group" },
		{ "chair", "Chair" }, { "co-chair", "Co-chair" }, { "tech-lead", "Tech lead" },
		{ "member", "Member" }, { "liaison", "Liaison" }, { "seat", "Seat" },
		{ "vendor", "Vendor" }, { "non_profit", "Non-profit" }, { "academic", "Academic" },
		{ "end_user", "End user" },
		{ "speaker", "Speaker" }, { "moderator", "Moderator" }, { "panelist", "Panelist" },
		{ "host", "Host" }, { "sandbox", "Sandbox" }, { "incubating", "Incubating" },
		{ "graduated", "Graduated" }, { "archived", "Archived" },
		{ "cancelled", "Cancelled" }, { "scheduled", "Scheduled" },
	};

	if (code == NULL)
		return "";
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].code, code) == 0)
			return labels[i].label;
	return code;
}

const char *
seat_label(const char *seat)
{
	static const struct { const char *code, *label; } seats[] = {
		{ "gb", "GB-appointed" }, { "end_user", "EndUser-appointed" },
		{ "maintainer", "Maintainer-appointed" }, { "toc", "TOC-appointed" },
		{ "alternate", "Alternate" },
	};

	for (size_t i = 0; seat && i < sizeof(seats) / sizeof(seats[0]); i++)
		if (strcmp(seats[i].code, seat) == 0)
			return seats[i].label;
	return seat ? seat : "";
}

void
render_role(struct buf *b, const char *role, const char *seat_type)
{
	html_text(b, label_of(role));
	if (seat_type) {
		html_lit(b, " (");
		html_text(b, seat_label(seat_type));
		html_lit(b, ")");
	}
}

void
render_kind(struct buf *b, const char *kind, const char *status)
{
	html_lit(b, "<span class=\"tag ");
	html_attr(b, kind);
	html_lit(b, "\">");
	html_text(b, label_of(kind));
	html_lit(b, "</span>");
	if (status && strcmp(status, "cancelled") == 0)
		html_lit(b, " <span class=\"tag cancelled\">Cancelled</span>");
}

void
render_speakers(struct buf *b, const char *packed, int with_org)
{
	const char *p = packed;
	int first = 1;

	while (p && *p) {
		size_t n = strcspn(p, "\x1e");
		const char *us1 = memchr(p, '\x1f', n), *us2;

		if (us1 && (us2 = memchr(us1 + 1, '\x1f', n - (size_t)(us1 + 1 - p))) != NULL) {
			if (!first)
				html_lit(b, ", ");
			first = 0;
			html_lit(b, "<a href=\"/people/");
			html_textn(b, p, (size_t)(us1 - p));	/* a slug: [a-z0-9-] */
			html_lit(b, "\">");
			html_textn(b, us1 + 1, (size_t)(us2 - us1 - 1));
			html_lit(b, "</a>");
			if (with_org && us2 + 1 < p + n) {
				html_lit(b, " <span class=\"muted\">(");
				html_textn(b, us2 + 1, (size_t)(p + n - us2 - 1));
				html_lit(b, ")</span>");
			}
		}
		p += n;
		if (*p)
			p++;
	}
}

void
render_speaker_list(struct buf *b, const struct speaker *s, size_t n, int with_org)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			html_lit(b, ", ");
		html_lit(b, "<a href=\"/people/");
		html_text(b, s[i].slug);	/* a slug: [a-z0-9-] */
		html_lit(b, "\">");
		html_text(b, s[i].name);
		html_lit(b, "</a>");
		if (with_org && s[i].org) {
			html_lit(b, " <span class=\"muted\">(");
			html_text(b, s[i].org);
			html_lit(b, ")</span>");
		}
	}
}

void
render_session_line(struct buf *b, const struct session_item *it)
{
	buf_appendf(b, "<a href=\"/sessions/%lld\">", it->id);
	html_text(b, it->title);
	html_lit(b, "</a> ");
	render_kind(b, it->kind, it->status);
	html_lit(b, "<br><span class=\"muted\">");
	html_text(b, it->date);
	html_lit(b, " \xc2\xb7 </span><a href=\"/events/");
	html_attr(b, it->event_slug);
	html_lit(b, "\">");
	html_text(b, it->event_name);
	html_lit(b, "</a>");
	if (it->n_speakers) {
		html_lit(b, " \xc2\xb7 ");
		render_speaker_list(b, it->speakers, it->n_speakers, 1);
	}
}

void
render_span(struct buf *b, const char *from, const char *until)
{
	html_text(b, from ? from : "?");
	html_lit(b, " \xe2\x80\x93 ");
	html_text(b, until ? until : "present");
}

void
render_session_row(struct request *req, sqlite3_stmt *st, int c)
{
	struct buf *b = &req->out;

	html_lit(b, "<li><a href=\"/sessions/");
	buf_appendf(b, "%lld", sqlite3_column_int64(st, c));
	html_lit(b, "\">");
	html_text(b, (const char *)sqlite3_column_text(st, c + 1));
	html_lit(b, "</a> ");
	render_kind(b, (const char *)sqlite3_column_text(st, c + 2),
	    (const char *)sqlite3_column_text(st, c + 3));
	html_lit(b, "<br><span class=\"muted\">");
	html_text(b, (const char *)sqlite3_column_text(st, c + 4));
	html_lit(b, " \xc2\xb7 </span><a href=\"/events/");
	html_attr(b, (const char *)sqlite3_column_text(st, c + 5));
	html_lit(b, "\">");
	html_text(b, (const char *)sqlite3_column_text(st, c + 6));
	html_lit(b, "</a>");
	if (sqlite3_column_type(st, c + 7) != SQLITE_NULL) {
		html_lit(b, " \xc2\xb7 ");
		render_speakers(b, (const char *)sqlite3_column_text(st, c + 7), 1);
	}
	html_lit(b, "</li>");
}

static void
pager_link(struct request *req, long long page, const char *const *keep, const char *rel,
    const char *text)
{
	struct buf *b = &req->out;

	html_lit(b, "<a rel=\"");
	html_attr(b, rel);
	html_lit(b, "\" href=\"");
	html_attr(b, req->path);
	buf_appendf(b, "?page=%lld", page);
	for (; keep && *keep; keep++) {
		const char *v = req_arg(req, *keep);

		if (v == NULL)
			continue;
		html_lit(b, "&amp;");
		url_component(b, *keep);
		html_lit(b, "=");
		url_component(b, v);
	}
	html_lit(b, "\">");
	html_text(b, text);
	html_lit(b, "</a>");
}

void
render_pager(struct request *req, long long page, int has_next, const char *const *keep)
{
	struct buf *b = &req->out;

	if (page <= 1 && !has_next)
		return;
	html_lit(b, "<nav class=\"pager\" aria-label=\"Pages\">");
	if (page > 1)
		pager_link(req, page - 1, keep, "prev", "\xe2\x86\x90 Previous");
	buf_appendf(b, "<span>Page %lld</span>", page);
	if (has_next)
		pager_link(req, page + 1, keep, "next", "Next \xe2\x86\x92");
	html_lit(b, "</nav>");
}

void
render_figure(struct buf *b, long long n, const char *label)
{
	buf_appendf(b, "<li><span class=\"n\">%lld</span><span class=\"l\">", n);
	html_text(b, label);
	html_lit(b, "</span></li>");
}

void
render_empty(struct buf *b, const char *text)
{
	html_lit(b, "<p class=\"empty\">");
	html_text(b, text);
	html_lit(b, "</p>");
}

int
render_json(struct request *req, sqlite3_stmt *st)
{
	if (st == NULL)
		return 503;
	if (db_one_text(st, &req->out) == -1)
		return req->out.len ? 500 : 404;
	return 200;
}

long long
page_number(const struct request *req)
{
	return req_arg_int(req, "page", 1);
}

int
render_list_json(struct request *req, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return 503;
	sqlite3_bind_int64(st, 1, page_number(req));
	sqlite3_bind_int(st, 2, PAGE_SIZE);
	sqlite3_bind_int64(st, 3, page_offset(req));
	return render_json(req, st);
}

sqlite3_stmt *
list_stmt(struct request *req, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, PAGE_SIZE + 1);
	sqlite3_bind_int64(st, 2, page_offset(req));
	return st;
}

void
render_term(struct buf *b, sqlite3_stmt *st, int col)
{
	html_text(b, sqlite3_column_type(st, col) == SQLITE_NULL ? "?" :
	    (const char *)sqlite3_column_text(st, col));
	html_lit(b, " \xe2\x80\x93 ");
	html_text(b, sqlite3_column_type(st, col + 1) == SQLITE_NULL ? "present" :
	    (const char *)sqlite3_column_text(st, col + 1));
}

sqlite3_stmt *
render_row(sqlite3 *db, const char *sql, const char *slug)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return NULL;
	db_bind_text(st, 1, slug);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return NULL;
	}
	return st;
}

void
render_page_head(struct request *req, const char *title, const struct crumb *crumbs)
{
	layout_begin(req, title, crumbs);
	html_lit(&req->out, "<h1>");
	html_text(&req->out, title);
	html_lit(&req->out, "</h1>");
}
