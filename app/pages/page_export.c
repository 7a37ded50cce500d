/* page_export.c: the download routes: speaker lists (CSV, JSON), schedules (frab XML, iCalendar), a member's history. */
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "model/db.h"
#include "model/search_query.h"
#include "export/export.h"
#include "core/html.h"
#include "core/log.h"
#include "core/mem.h"
#include "pages/pages.h"

/* A stream on a connection of the export pool, which it gives back when freed. */
struct pooled {
	struct export_stream	*s;
	sqlite3			*db;
};

static int
pooled_next(void *ctx, struct buf *out)
{
	return export_next(((struct pooled *)ctx)->s, out);
}

static void
pooled_free(void *ctx)
{
	struct pooled *p = ctx;

	export_free(p->s);
	db_pool_give(p->db);
	free(p);
}

/*
 * Hands the export to the adapter as a stream (chunked, flat memory). The
 * stream reads on a connection of its own, from the export pool: it lives
 * across many calls of the worker thread, which serves other connections (and
 * their cached statements and transactions) in between, and it gets one
 * consistent snapshot of the data. The pool bounds how many run at once (their
 * descriptors, page caches and snapshots): past it, 503 and a while to wait.
 */
static int
stream(struct request *req, const struct export_filter *f, int schedule,
    const char *type, const char *filename)
{
	struct pooled *p;
	sqlite3 *db;

	if ((db = db_pool_take()) == NULL) {
		resp_header(req, "Retry-After", "10");
		req->error_detail = "Too many downloads are running; try again in a few seconds.";
		return 503;
	}
	p = xcalloc(1, sizeof(*p));
	p->db = db;
	p->s = schedule ? export_schedule_new(db, 0, f) : export_speakers_new(db, 0, f);
	if (p->s == NULL) {
		pooled_free(p);
		return 500;
	}
	req->stream = pooled_next;
	req->stream_ctx = p;
	req->stream_free = pooled_free;
	req->content_type = type;
	resp_header(req, "Content-Disposition",
	    req_printf(req, "attachment; filename=\"%s\"", filename));
	return 200;
}

/* True when slug names a row of table (one of ours, never input). */
static int
exists(const char *table, const char *slug)
{
	static const char sql_event[] = "SELECT count(*) FROM events WHERE slug = ?";
	static const char sql_org[] = "SELECT count(*) FROM organizations WHERE slug = ?";
	static const char sql_body[] = "SELECT count(*) FROM bodies WHERE slug = ?";
	static const char sql_person[] = "SELECT count(*) FROM people WHERE slug = ?";
	sqlite3_stmt *st;
	sqlite3 *db;

	if (slug == NULL)
		return 1;
	if ((db = db_thread()) == NULL)
		return 0;
	st = db_stmt(db, strcmp(table, "events") == 0 ? sql_event :
	    strcmp(table, "organizations") == 0 ? sql_org :
	    strcmp(table, "bodies") == 0 ? sql_body : sql_person);
	if (st == NULL)
		return 0;
	db_bind_text(st, 1, slug);
	return db_one_int(st, 0) > 0;
}

static int
not_found(struct request *req, const char *what)
{
	req->error_detail = req_printf(req, "There is no %s with that name.", what);
	return 404;
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
	const char *shape = req_arg(req, "shape"), *ext = format == EXPORT_JSON ? "json" : "csv";

	f.event = req_arg(req, "event");
	f.colocated = is_on(req, "colocated");
	f.org = req_arg(req, "org");
	f.kind = req_arg(req, "kind");
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
	if (!exists("events", f.event))
		return not_found(req, "event");
	if (!exists("organizations", f.org))
		return not_found(req, "organization");
	if (!exists("bodies", f.body))
		return not_found(req, "body");
	if (!exists("people", f.person))
		return not_found(req, "person");
	return stream(req, &f, 0, format == EXPORT_JSON ? "application/json" :
	    "text/csv; charset=utf-8; header=present", speakers_filename(req, &f, ext));
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

static int
schedule(struct request *req, enum export_format format)
{
	struct export_filter f = { 0 };
	const char *slug = req_arg(req, "slug");

	if (!exists("events", slug))
		return not_found(req, "event");
	f.event = slug;
	f.format = format;
	if (format == EXPORT_XML)
		return stream(req, &f, 1, "application/xml; charset=utf-8",
		    req_printf(req, "schedule-%s.xml", slug));
	return stream(req, &f, 1, "text/calendar; charset=utf-8",
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

	if (!exists("people", slug))
		return not_found(req, "person");
	f.person = slug;
	f.format = EXPORT_ICS;
	return stream(req, &f, 1, "text/calendar; charset=utf-8",
	    req_printf(req, "talks-%s.ics", slug));
}

/* The slug of the logged-in user's person (people) or organization; NULL when not linked. */
static const char *
my_slug(struct request *req, int org)
{
	static const char sql_person[] = "SELECT slug FROM people WHERE id = ?";
	static const char sql_org[] = "SELECT slug FROM organizations WHERE id = ?";
	long long id = req->user ? (org ? req->user->org_id : req->user->person_id) : 0;
	struct buf slug = BUF_INIT;
	const char *r = NULL;
	sqlite3_stmt *st;
	sqlite3 *db;

	if (id == 0 || (db = db_thread()) == NULL ||
	    (st = db_stmt(db, org ? sql_org : sql_person)) == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (db_one_text(st, &slug) == 0)
		r = req_strdup(req, slug.data);
	buf_release(&slug);
	return r;
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
	return stream(req, &f, 0, "text/csv; charset=utf-8; header=present",
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
	return stream(req, &f, 0, "text/csv; charset=utf-8; header=present",
	    speakers_filename(req, &f, "csv"));
}

void
page_export_link(struct buf *b, const char *const *query, const char *label)
{
	struct buf href = BUF_INIT;
	const char *sep = "?";

	buf_puts(&href, "/export/speakers.csv");
	for (; query && query[0]; query += 2) {
		if (query[1] == NULL || *query[1] == '\0')
			continue;	/* a filter that is not set */
		buf_puts(&href, sep);
		url_component(&href, query[0]);
		buf_putc(&href, '=');
		url_component(&href, query[1]);
		sep = "&";
	}
	html_lit(b, "<a class=\"export\" download href=\"");
	html_attr(b, href.data);
	html_lit(b, "\">");
	html_text(b, label);
	html_lit(b, "</a>");
	buf_release(&href);
}
