/* page_render.h: a public page rendered in the process, as an anonymous GET, for the tests of
 * what pages read (test_route_deps) and the benchmark's statements of a page (tests/bench/page_sql.c). */
#ifndef LECTERN_PAGE_RENDER_H
#define LECTERN_PAGE_RENDER_H
#include <string.h>

#include "core/buf.h"
#include "core/request.h"
#include "http/router.h"
#include "model/db.h"

/*
 * Dispatches url (with its query string; ".json" added to its path when json) as an anonymous
 * GET, draining a stream, with every statement prepared anew and each table they read given to
 * on_read (may be NULL). Returns the status; *route gets the route that answered.
 */
static inline int
page_render(const char *url, int json, const struct route **route, void (*on_read)(const char *table))
{
	struct request req;
	const char *q = strchr(url, '?');
	struct buf piece = BUF_INIT;
	int status;

	req_init(&req);
	req.method = HTTP_GET;
	req.method_name = "GET";
	req.path = q ? req_strndup(&req, url, (size_t)(q - url)) : url;
	if (json)
		req.path = req_printf(&req, "%s.json", req.path);
	for (const char *p = q; p && *p; ) {
		const char *amp = strchr(++p, '&'), *eq = strchr(p, '=');
		size_t end = amp ? (size_t)(amp - p) : strlen(p);

		param_push(&req, &req.query, req_strndup(&req, p, (size_t)(eq - p)), eq + 1,
		    end - (size_t)(eq + 1 - p));
		p = amp;
	}
	db_thread_close();	/* the statement cache would hide what the page reads */
	db_trace_reads(on_read);
	router_dispatch(&req);
	while (req.stream && (buf_reset(&piece), req.stream(req.stream_ctx, &piece) == 0) && piece.len)
		;
	db_trace_reads(NULL);
	status = req.status;
	*route = req.route;
	buf_release(&piece);
	req_free(&req);
	return status;
}

#endif
