/*
 * router.h: the route table's shape and the dispatcher.
 *
 * One static table (routes.c) names, for each route, the method, the path
 * pattern with {named} segments, the handler, who may call it and the
 * parameters it accepts. router_dispatch() enforces all of that once, so no
 * handler repeats the checks, and renders the error page for any status a
 * handler returns with an empty body.
 */
#ifndef LECTERN_ROUTER_H
#define LECTERN_ROUTER_H
#include "auth/access.h"
#include "core/params.h"
#include "core/request.h"

#define RF_JSON		0x01	/* also answers at PATH.json with JSON */
#define RF_NOCSRF	ACCESS_NOCSRF	/* a POST that needs no login token (the login form) */
#define RF_OFFLOAD	0x04	/* runs on a thread of its own (offload.h): it spends the database's time */

typedef int (*handler_fn)(struct request *);

struct route {
	enum http_method		 method;	/* GET also answers HEAD */
	const char			*pattern;
	handler_fn			 handler;
	enum access			 access;
	unsigned			 flags;
	const struct param_rule		*params;	/* ends with a NULL name */
};

extern const struct route	routes[];
extern const size_t		routes_count;

/*
 * Matches path against pattern; on a match returns 1 and pushes each {name}
 * segment (percent-decoded) onto *segs. Returns 0 otherwise.
 */
int	route_match(struct request *, const char *pattern, const char *path,
	    struct param **segs);
/* Where a request stands after the router: answered, or, for one the engine may set aside
 * (req->can_defer), a public page to render on another thread (router_render there) or to
 * wait for while another request renders it (page_cache_wait, then router_retry). */
enum router_next {
	ROUTER_DONE,
	ROUTER_RENDER,
	ROUTER_WAIT
};

/* Runs the request through the table; once ROUTER_DONE, the response is in req. */
enum router_next	router_dispatch(struct request *);
/* Runs the page of a request set aside with ROUTER_RENDER, on any thread: then done. */
void			router_render(struct request *);
/* Looks the page of a request woken from ROUTER_WAIT up again. */
enum router_next	router_retry(struct request *);
/* Fills req->out with the error page (HTML or JSON) for req->status, for an answer the
 * adapter gives before any route runs (a refused body). */
void	router_error_page(struct request *);

#endif
