/* page_export.c: the download routes: speaker and role lists (CSV, JSON), schedules (frab XML, iCalendar), a member's history. */
#include <string.h>

#include "auth/auth.h"
#include "core/config.h"
#include "core/html.h"
#include "core/log.h"
#include "export/export.h"
#include "model/conn.h"
#include "model/record.h"
#include "model/search_query.h"
#include "pages/pages.h"
#include "pages/render.h"

/*
 * Hands the export to the adapter as a stream (chunked, flat memory). The
 * stream reads on a connection of its own, from the export pool: it lives
 * across many calls of the worker thread, which serves other connections (and
 * their cached statements and transactions) in between, and it gets one
 * consistent snapshot of the data. The pool bounds how many run at once (their
 * descriptors, page caches and snapshots): past it, 503 and a while to wait.
 * The stream gives its connection back when it is freed.
 */
typedef struct export_stream *(*export_open)(struct db_conn *, int, const struct export_filter *);

static int
stream(struct request *req, const struct export_filter *f, export_open open,
    const char *type, const char *filename)
{
	struct export_stream *s;
	struct db_conn *db;

	if ((db = conn_pool_take()) == NULL) {
		resp_header(req, "Retry-After", "10");
		req->error_detail = "Too many downloads are running; try again in a few seconds.";
		return 503;
	}
	if ((s = open(db, 1, f)) == NULL)
		return 500;
	req->stream = export_next;
	req->stream_ctx = s;
	req->stream_free = export_free;
	req->content_type = type;
	resp_header(req, "Content-Disposition",
	    req_printf(req, "attachment; filename=\"%s\"", filename));
	return 200;
}

/* The status for a filter naming record kind k by slug: 0 when it exists (or is not given),
 * 404 with a sentence when it does not, or the database's failure. */
static int
missing(struct request *req, const char *kind, const char *what, const char *slug)
{
	enum model_status rc;
	long long id;

	if (slug == NULL || (rc = record_id(record_kind_by_name(kind), slug, &id)) == MODEL_OK)
		return 0;
	if (rc != MODEL_NOT_FOUND)
		return page_status(rc);
	req->error_detail = req_printf(req, "There is no %s with that name.", what);
	return 404;
}

#define XLSX_TYPE	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* A list's media type and file name extension. */
static const char *
list_type(enum export_format format, const char **ext)
{
	*ext = format == EXPORT_JSON ? "json" : format == EXPORT_XLSX ? "xlsx" : "csv";
	return format == EXPORT_JSON ? "application/json" : format == EXPORT_XLSX ? XLSX_TYPE :
	    "text/csv; charset=utf-8; header=present";
}

static int
is_on(const struct request *req, const char *name)
{
	const char *v = req_arg(req, name);

	return v && strcmp(v, "1") == 0;
}

/* The file name says what the list holds: speakers-kubecon-eu-2019.csv, speakers-spotify.csv. */
static const char *
speakers_filename(struct request *req, const struct export_filter *f, const char *ext)
{
	struct buf b = BUF_INIT;
	const char *name;

	buf_puts(&b, "speakers");
	if (f->event)
		buf_appendf(&b, "-%s", f->event);	/* slugs: [a-z0-9-] only */
	if (f->org)
		buf_appendf(&b, "-%s", f->org);
	if (f->body)
		buf_appendf(&b, "-%s", f->body);
	buf_appendf(&b, ".%s", ext);
	name = req_strdup(req, b.data);
	buf_release(&b);
	return name;
}

static int
speakers(struct request *req, enum export_format format)
{
	struct export_filter f = { 0 };
	const char *shape = req_arg(req, "shape"), *ext, *type = list_type(format, &ext);
	int rc;

	f.event = req_arg(req, "event");
	f.colocated = is_on(req, "colocated");
	f.org = req_arg(req, "org");
	f.kind = req_arg(req, "kind");
	f.track = req_arg(req, "track");
	f.base = config.public_url ? config.public_url : auth_origin(req);
	f.from = req_arg(req, "from");
	f.to = req_arg(req, "to");
	f.body = req_arg(req, "body");
	f.person = req_arg(req, "person");
	f.match = search_fts_query(req, req_arg(req, "q"));
	f.role = req_arg(req, "role");
	f.shape = shape && strcmp(shape, "speakers") == 0 ? EXPORT_SPEAKERS : EXPORT_APPEARANCES;
	f.format = format;
	f.bom = is_on(req, "bom");
	/* Emails are private: only staff get them, and only when they ask. An
	 * anonymous or member request never does, whatever it says. */
	f.include_email = auth_is_staff(req) && is_on(req, "include_email");
	if ((rc = missing(req, "event", "event", f.event)) || (rc = missing(req, "organization", "organization", f.org)) ||
	    (rc = missing(req, "body", "body", f.body)) || (rc = missing(req, "person", "person", f.person)))
		return rc;
	return stream(req, &f, export_speakers_new, type, speakers_filename(req, &f, ext));
}

/* GET /export/speakers?format=: what the export form sends (its format is a choice of the form). */
int
page_export_speakers_any(struct request *req)
{
	const char *format = req_arg(req, "format");

	return speakers(req, format == NULL || strcmp(format, "csv") == 0 ? EXPORT_CSV :
	    strcmp(format, "json") == 0 ? EXPORT_JSON : EXPORT_XLSX);
}

int
page_export_speakers_xlsx(struct request *req)
{
	return speakers(req, EXPORT_XLSX);
}

int
page_export_speakers_csv(struct request *req)
{
	return speakers(req, EXPORT_CSV);
}

int
page_export_speakers_json(struct request *req)
{
	return speakers(req, EXPORT_JSON);
}

/* The roles list's file name: roles-toc.csv, roles-toc-2021-06-01.json. */
static const char *
roles_filename(struct request *req, const struct export_filter *f, const char *ext)
{
	return req_printf(req, "roles%s%s%s%s%s%s%s.%s", f->body ? "-" : "", f->body ? f->body : "",
	    f->seat_type ? "-" : "", f->seat_type ? f->seat_type : "", f->on ? "-" : "", f->on ? f->on : "",
	    f->current ? "-current" : "", ext);
}

static int
roles(struct request *req, enum export_format format)
{
	struct export_filter f = { 0 };
	const char *ext, *type = list_type(format, &ext);
	int rc;

	f.body = req_arg(req, "body");
	f.role = req_arg(req, "role");
	f.seat_type = req_arg(req, "seat_type");
	f.on = req_arg(req, "on");
	f.current = is_on(req, "current");
	f.format = format;
	f.bom = is_on(req, "bom");
	if ((rc = missing(req, "body", "body", f.body)) != 0)
		return rc;
	return stream(req, &f, export_roles_new, type, roles_filename(req, &f, ext));
}

int
page_export_roles_csv(struct request *req)
{
	return roles(req, EXPORT_CSV);
}

int
page_export_roles_json(struct request *req)
{
	return roles(req, EXPORT_JSON);
}

int
page_export_roles_xlsx(struct request *req)
{
	return roles(req, EXPORT_XLSX);
}

static int
schedule(struct request *req, enum export_format format)
{
	struct export_filter f = { 0 };
	const char *slug = req_arg(req, "slug");
	int rc;

	if ((rc = missing(req, "event", "event", slug)) != 0)
		return rc;
	f.event = slug;
	f.format = format;
	if (format == EXPORT_XML)
		return stream(req, &f, export_schedule_new, "application/xml; charset=utf-8",
		    req_printf(req, "schedule-%s.xml", slug));
	return stream(req, &f, export_schedule_new, "text/calendar; charset=utf-8",
	    req_printf(req, "schedule-%s.ics", slug));
}

int
page_export_schedule_xml(struct request *req)
{
	return schedule(req, EXPORT_XML);
}

int
page_export_schedule_ics(struct request *req)
{
	return schedule(req, EXPORT_ICS);
}

int
page_export_talks_ics(struct request *req)
{
	struct export_filter f = { 0 };
	const char *slug = req_arg(req, "slug");
	int rc;

	if ((rc = missing(req, "person", "person", slug)) != 0)
		return rc;
	f.person = slug;
	f.format = EXPORT_ICS;
	return stream(req, &f, export_schedule_new, "text/calendar; charset=utf-8",
	    req_printf(req, "talks-%s.ics", slug));
}

/* The slug of the logged-in user's person or organization; NULL when not linked. */
static const char *
my_slug(struct request *req, int org)
{
	long long id = req->user ? (org ? req->user->org_id : req->user->person_id) : 0;
	const char *slug;

	if (id == 0)
		return NULL;
	slug = record_key(req, record_kind_by_name(org ? "organization" : "person"), id);
	return *slug ? slug : NULL;
}

int
page_export_history(struct request *req)
{
	struct export_filter f = { 0 };

	if ((f.person = my_slug(req, 0)) == NULL) {
		req->error_detail = "Your account is not linked to a person in the registry.";
		return 404;
	}
	f.format = EXPORT_CSV;
	f.bom = is_on(req, "bom");
	return stream(req, &f, export_speakers_new, "text/csv; charset=utf-8; header=present",
	    req_printf(req, "history-%s.csv", f.person));
}

int
page_export_my_org(struct request *req)
{
	struct export_filter f = { 0 };

	if ((f.org = my_slug(req, 1)) == NULL) {
		req->error_detail = "Your account is not linked to an organization.";
		return 404;
	}
	f.format = EXPORT_CSV;
	f.bom = is_on(req, "bom");
	f.shape = is_on(req, "per_speaker") ? EXPORT_SPEAKERS : EXPORT_APPEARANCES;
	return stream(req, &f, export_speakers_new, "text/csv; charset=utf-8; header=present",
	    speakers_filename(req, &f, "csv"));
}

void
page_export_link(struct buf *b, const char *const *query, const char *label)
{
	page_export_link_to(b, "/export/speakers.csv", query, label);
	html_lit(b, " ");
	page_export_link_to(b, "/export", query, "Export options\xe2\x80\xa6");
}

void
page_export_link_to(struct buf *b, const char *path, const char *const *query, const char *label)
{
	struct buf href = BUF_INIT;
	const char *sep = "?";

	buf_puts(&href, path);
	for (; query && query[0]; query += 2) {
		if (query[1] == NULL || *query[1] == '\0')
			continue;	/* a filter that is not set */
		buf_puts(&href, sep);
		url_component(&href, query[0]);
		buf_putc(&href, '=');
		url_component(&href, query[1]);
		sep = "&";
	}
	if (strcmp(path, "/export") == 0)
		html_lit(b, "<a class=\"export\" href=\"");
	else
		html_lit(b, "<a class=\"export\" download href=\"");
	html_attr(b, href.data);
	html_lit(b, "\">");
	html_text(b, label);
	html_lit(b, "</a>");
	buf_release(&href);
}

/* The filters a list page's export keeps, carried by the export form as they came. */
static const char *const kept_filters[] = { "event", "colocated", "org", "kind", "track", "from", "to", "body",
	"role", "person", "q", NULL };

/* One option of the form: a check box sending name=value. */
static void
option_check(struct buf *b, const char *name, const char *value, const char *label)
{
	html_lit(b, "<div class=\"field\"><label><input type=\"checkbox\" name=\"");
	html_attr(b, name);
	html_lit(b, "\" value=\"");
	html_attr(b, value);
	html_lit(b, "\"> ");
	html_text(b, label);
	html_lit(b, "</label></div>");
}

/* GET /export: the export's options, which otherwise exist only as URL parameters, for the list
 * the page that links here shows (its filters kept as hidden fields). */
int
page_export_form(struct request *req)
{
	static const struct crumb crumbs[] = { { "Export", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Export a speaker list", crumbs);
	html_lit(b, "<h1>Export a speaker list</h1><form method=\"get\" action=\"/export/speakers\">");
	html_lit(b, "<p>Of the list you came from");
	for (const char *const *k = kept_filters; *k; k++) {
		const char *v = req_arg(req, *k);

		if (v == NULL || *v == '\0')
			continue;
		html_lit(b, " \xc2\xb7 ");
		html_text(b, *k);
		html_lit(b, ": <strong>");
		html_text(b, v);
		html_lit(b, "</strong><input type=\"hidden\" name=\"");
		html_attr(b, *k);
		html_lit(b, "\" value=\"");
		html_attr(b, v);
		html_lit(b, "\">");
	}
	html_lit(b, ".</p><div class=\"field\"><label for=\"format\">Format</label><select id=\"format\" name=\"format\">"
	    "<option value=\"xlsx\">Excel (XLSX)</option><option value=\"csv\">CSV</option>"
	    "<option value=\"json\">JSON</option></select></div>");
	option_check(b, "shape", "speakers", "One row per speaker (with a count of sessions and their titles), not per session");
	option_check(b, "bom", "1", "CSV: a byte-order mark, so that Excel reads it as UTF-8");
	if (auth_is_staff(req))
		option_check(b, "include_email", "1", "The speakers' email addresses (private: staff only)");
	html_lit(b, "<p><button type=\"submit\">Export</button></p></form>");
	layout_end(req);
	return 200;
}
