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
/* Runs the request through the table; the response is left in req. */
void	router_dispatch(struct request *);
/* Fills req->out with the error page (HTML or JSON) for req->status, for an answer the
 * adapter gives before any route runs (a refused body). */
void	router_error_page(struct request *);

#endif
