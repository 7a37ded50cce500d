/*
 * page_cache.h: anonymous public pages, rendered once per change and shared by every worker.
 *
 * A page is kept with the stamp of the generations of the kinds of record it shows
 * (http/freshness.c) and is current while that stamp is: a write to an account leaves
 * the registry's pages alone, a write to a session ends every page that shows sessions.
 * When a page is missing or out of date one request renders it while the others for the
 * same address wait for it, or, within cache_stale seconds of the change, get the
 * previous copy at once (with its own validators). A request the engine can set aside
 * (req->can_defer) never waits on its thread: it is told to wait (CACHE_LOOKUP_WAIT)
 * and woken when the render is done. Pages are kept plain and compressed (gzip, br), within
 * page_cache_size bytes, the least recently used going first. Logged-in requests,
 * streams, errors and pages over PAGE_CACHE_MAX_BODY are never kept.
 */
#ifndef LECTERN_PAGE_CACHE_H
#define LECTERN_PAGE_CACHE_H
#include <stdint.h>
#include <time.h>

#include "core/request.h"

#define PAGE_CACHE_MAX_BODY	(1024 * 1024)
/* How long a request that cannot be set aside waits for another's render of the page on its
 * thread before rendering it itself. */
#define PAGE_CACHE_WAIT_MS	10000

enum cache_outcome {
	CACHE_NONE,		/* not a cacheable request */
	CACHE_MISS,		/* rendered (and kept, if it could be) */
	CACHE_HIT,
	CACHE_STALE,		/* the previous copy, while another request renders it */
	CACHE_NOT_MODIFIED,	/* 304: the client's copy is current */
	CACHE__MAX
};

enum cache_lookup {
	CACHE_LOOKUP_GOT,	/* req->out_ref points at the page */
	CACHE_LOOKUP_RENDER,	/* render it (then page_cache_put) */
	CACHE_LOOKUP_WAIT	/* another request renders it: page_cache_wait */
};

struct cache_waiter;

/* What the HTTP layer knows of a public page while it answers it (req->cache). */
struct cache_state {
	unsigned char		 key[16];	/* path, JSON or not, and the arguments */
	uint64_t		 stamp;		/* of the generations it shows, the key and the day */
	long long		 gensum;	/* their sum, which only grows: orders two stamps */
	time_t			 changed;	/* the newest write among those kinds */
	time_t			 last_modified;
	char			 etag[24];	/* W/"16 hex digits" */
	enum cache_outcome	 outcome;
	int			 owner;		/* renders the page for the others waiting */
	struct cache_waiter	*waiter;	/* in the arena, while it waits */
};

/* Looks req's page up (see enum cache_lookup). A request that cannot be set aside waits
 * here, on its thread, for a render in flight, and never gets CACHE_LOOKUP_WAIT. */
enum cache_lookup page_cache_get(struct request *);
/* After CACHE_LOOKUP_WAIT: wake(ctx) is called, on the thread that ends the render, once it
 * is done; look the page up again then. Returns 0 when it is done already (nothing will be
 * called: look it up again now), 1 when wake will be called. */
int		 page_cache_wait(struct request *, void (*wake)(void *), void *ctx);
/* Keeps req's rendered answer, if it may be kept, in the coding its client takes, and lets
 * the waiting requests go on; req->out_ref then points at the kept page. Does nothing for a
 * request that got a copy. The other codings are made at once, or, for a request set
 * aside, by page_cache_compress_later on the same thread once it has been answered. */
void		 page_cache_put(struct request *);
void		 page_cache_compress_later(void);
/* "hit", "stale", "miss", "304" for the access log; NULL for any other request. */
const char	*page_cache_outcome(const struct request *);
/* Renders so far (misses), and the bytes of the pages kept, for tests. */
unsigned long	 page_cache_renders(void);
size_t		 page_cache_bytes(void);
/* Drops every page (tests; at exit). */
void		 page_cache_clear(void);

#endif
