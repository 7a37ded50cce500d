/* page_health.c: GET /healthz, "ok" only after a real query on the database. */
#include "db.h"
#include "html.h"
#include "pages.h"

int
page_health(struct request *req)
{
	static const char sql[] = "SELECT count(*) FROM sqlite_schema";
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;

	req->content_type = "text/plain; charset=utf-8";
	resp_header(req, "Cache-Control", "no-store");
	if (db == NULL || (st = db_stmt(db, sql)) == NULL || db_one_int(st, -1) < 1) {
		html_lit(&req->out, "unavailable\n");
		return 503;
	}
	html_lit(&req->out, "ok\n");
	return 200;
}
