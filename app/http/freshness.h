/*
 * freshness.h: ETag, Last-Modified, 304 and Cache-Control for anonymous public pages, their
 * JSON and exports, derived from the data generations of what each shows; logged-in answers
 * are private, no-store.
 */
#ifndef LECTERN_FRESHNESS_H
#define LECTERN_FRESHNESS_H
#include "core/request.h"

/* For an anonymous GET or HEAD of a public route (the router asks only for those) whose
 * pages show the kinds deps (D_ORGS | ..., model/generation.h): works out the page's validators (into req->cache) and returns
 * 1; 0 for any other request, or when the generations cannot be read (the page is then
 * answered without validators and not cached). */
int	freshness_begin(struct request *, unsigned deps);
/* 304 when If-None-Match names the page's current ETag: nothing needs rendering. Else 0. */
int	freshness_precondition(struct request *);
/* Once the answer is known: 304 for If-Modified-Since if it is a 200 and unchanged since,
 * and the caching headers (public with validators, or private, no-store for a login). */
void	freshness_finish(struct request *);

#endif
