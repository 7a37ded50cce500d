/*
 * page_cache.h: a small per-thread cache of public pages as anonymous visitors see them.
 *
 * An entry is good while the database is unchanged (PRAGMA data_version and this
 * connection's change count) and for at most PAGE_CACHE_TTL seconds (some figures
 * depend on today's date). Logged-in requests, streams and errors are never cached.
 */
#ifndef LECTERN_PAGE_CACHE_H
#define LECTERN_PAGE_CACHE_H
#include "core/request.h"

#define PAGE_CACHE_TTL		60
#define PAGE_CACHE_ENTRIES	64
#define PAGE_CACHE_MAX_BODY	(512 * 1024)

/* Fills req's response from the cache and returns 1, or returns 0. Only anonymous GETs
 * of a public route (public_route: ACCESS_PUBLIC) are ever cached. */
int	page_cache_get(struct request *, int public_route);
/* Keeps req's response for the next request for the same address. */
void	page_cache_put(struct request *, int public_route);
/* Frees this thread's entries (at thread exit). */
void	page_cache_release(void);

#endif
