/*
 * page_health.c: GET /healthz, "ok" when a real query on the database worked.
 *
 * The query runs at most once per HEALTH_FRESH_MS on each worker thread; in between the
 * last answer is repeated. A load balancer probing every few seconds still sees a fresh
 * check, and a flood of probes is not a flood of read transactions (each takes a lock on
 * the WAL index shared by every worker: most of what a probe cost).
 */
#include <time.h>

#include "core/html.h"
#include "model/health.h"
#include "pages/pages.h"

#define HEALTH_FRESH_MS	1000

static _Thread_local struct {
	long long	checked_ms;	/* monotonic; 0: never */
	int		ok;
} last;

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
page_health(struct request *req)
{
	long long now = now_ms();

	if (last.checked_ms == 0 || now - last.checked_ms >= HEALTH_FRESH_MS) {
		last.ok = health_check() == MODEL_OK;
		last.checked_ms = now;
	}
	req->content_type = "text/plain; charset=utf-8";
	resp_header(req, "Cache-Control", "no-store");
	if (!last.ok) {
		html_lit(&req->out, "unavailable\n");
		return 503;
	}
	html_lit(&req->out, "ok\n");
	return 200;
}
