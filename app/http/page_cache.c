/* page_cache.c: the shared cache of anonymous pages, one render per change (single flight), bounded, least recently used out first. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/config.h"
#include "core/mem.h"
#include "http/page_cache.h"

#define BUCKETS		4096	/* power of two */
#define MAX_SLOTS	16384	/* addresses remembered, with or without a page */
#define GZIP_LEVEL	6	/* kept pages are compressed once: the smaller, the better */
#define BR_LEVEL	5	/* brotli's quality 5: smaller than gzip -9, as fast as gzip -6 */

/* One rendered answer. The cache holds a reference, and so does every answer sending it. */
struct page {
	atomic_int	 refs;
	size_t		 bytes;
	uint64_t	 stamp;
	char		 etag[24];	/* its validators, sent with it when it is stale */
	time_t		 last_modified;
	const char	*content_type;	/* the handlers' static strings */
	int		 kept;		/* in a slot, its bytes counted in cache.bytes */
	/* Set once, under the lock (the compressed ones after the page is kept). */
	char		*copy[CODING__MAX];
	size_t		 len[CODING__MAX];
};

/* A request set aside until a render ends. */
struct cache_waiter {
	void			(*wake)(void *);
	void			*ctx;
	struct cache_waiter	*next;
};

/* An address: its newest page (current or not), and whether someone is rendering it. */
struct slot {
	unsigned char	 key[16];
	struct page	*page;
	int		 in_flight;
	struct cache_waiter *waiters;	/* to wake when the render ends */
	int		 refused;	/* its last render could not be kept ... */
	uint64_t	 refused_stamp;	/* ... at this stamp: render without waiting */
	struct slot	*chain;		/* in its bucket */
	struct slot	*newer, *older;	/* the use order */
};

static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 done;		/* a render ended */
	struct slot	*bucket[BUCKETS];
	struct slot	*newest, *oldest;
	size_t		 bytes;
	unsigned	 slots;
} cache = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { 0 }, 0, 0, 0, 0 };

static atomic_ulong renders;
/* A page this thread kept whose other codings it makes once its requester has its answer. */
static _Thread_local struct page *to_compress;

static void
page_release(void *arg)
{
	struct page *p = arg;

	if (p == NULL || atomic_fetch_sub(&p->refs, 1) != 1)
		return;
	for (int c = 0; c < CODING__MAX; c++)
		free(p->copy[c]);
	free(p);
}

static struct slot **
bucket_of(const unsigned char key[16])
{
	unsigned h;

	memcpy(&h, key, sizeof(h));
	return &cache.bucket[h & (BUCKETS - 1)];
}

static struct slot *
find(const unsigned char key[16])
{
	struct slot *s;

	for (s = *bucket_of(key); s; s = s->chain)
		if (memcmp(s->key, key, 16) == 0)
			return s;
	return NULL;
}

static void
unlink_use(struct slot *s)
{
	*(s->newer ? &s->newer->older : &cache.newest) = s->older;
	*(s->older ? &s->older->newer : &cache.oldest) = s->newer;
	s->newer = s->older = NULL;
}

static void
touch(struct slot *s)
{
	if (cache.newest == s)
		return;
	if (s->newer || s->older || cache.oldest == s)
		unlink_use(s);
	s->older = cache.newest;
	*(cache.newest ? &cache.newest->newer : &cache.oldest) = s;
	cache.newest = s;
}

static void
drop(struct slot *s)
{
	struct slot **pp = bucket_of(s->key);

	while (*pp != s)
		pp = &(*pp)->chain;
	*pp = s->chain;
	unlink_use(s);
	if (s->page) {
		cache.bytes -= s->page->bytes;
		s->page->kept = 0;
	}
	page_release(s->page);
	free(s);
	cache.slots--;
}

/* Drops the least recently used until the cache fits; a slot being rendered stays. */
static void
evict(void)
{
	struct slot *s = cache.oldest, *newer;

	while (s && (cache.bytes > config.page_cache_size || cache.slots > MAX_SLOTS)) {
		newer = s->newer;
		if (!s->in_flight)
			drop(s);
		s = newer;
	}
}

static struct slot *
slot_new(const unsigned char key[16])
{
	struct slot *s = xcalloc(1, sizeof(*s)), **b = bucket_of(key);

	memcpy(s->key, key, 16);
	s->chain = *b;
	*b = s;
	cache.slots++;
	touch(s);
	evict();
	return s;
}

static void
serve(struct request *req, struct page *p, enum cache_outcome outcome)
{
	atomic_fetch_add(&p->refs, 1);
	for (int c = 0; c < CODING__MAX; c++) {
		req->out_ref.data[c] = p->copy[c];
		req->out_ref.len[c] = p->len[c];
	}
	req->out_ref.release = page_release;
	req->out_ref.ctx = p;
	req->content_type = p->content_type;
	req->status = 200;
	req->cache->outcome = outcome;
	/* A stale copy goes with the validators it was made with, so that a cache keeping it
	 * asks again and gets the new one. */
	memcpy(req->cache->etag, p->etag, sizeof(p->etag));
	req->cache->last_modified = p->last_modified;
}

/* The previous copy may go out while the page is rendered again within cache_stale
 * seconds of the write that made it stale. */
static int
stale_servable(const struct slot *s, const struct cache_state *c)
{
	return s->page && time(NULL) - c->changed <= config.cache_stale;
}

/* Waits for the render in flight; 0 when it ended (or another did), -1 past the deadline. */
static int
wait_render(const struct timespec *deadline)
{
	return pthread_cond_timedwait(&cache.done, &cache.lock, deadline) == ETIMEDOUT ? -1 : 0;
}

/* The one lookup: under the lock, with deadline set for a request that waits here. */
static enum cache_lookup
lookup(struct request *req, const struct timespec *deadline)
{
	struct cache_state *c = req->cache;
	struct slot *s;

	for (;;) {
		s = find(c->key);
		if (s && s->page && s->page->stamp == c->stamp) {
			serve(req, s->page, CACHE_HIT);
			touch(s);
			return CACHE_LOOKUP_GOT;
		}
		if (s && s->refused && s->refused_stamp == c->stamp)
			return CACHE_LOOKUP_RENDER;	/* not kept at this stamp: everyone renders */
		if (s && s->in_flight) {
			if (stale_servable(s, c)) {
				serve(req, s->page, CACHE_STALE);
				return CACHE_LOOKUP_GOT;
			}
			if (deadline == NULL)
				return CACHE_LOOKUP_WAIT;
			if (wait_render(deadline) == 0)
				continue;
			return CACHE_LOOKUP_RENDER;	/* waited long enough */
		}
		s = s ? s : slot_new(c->key);
		s->in_flight = 1;
		c->owner = 1;
		return CACHE_LOOKUP_RENDER;
	}
}

enum cache_lookup
page_cache_get(struct request *req)
{
	struct timespec deadline;
	enum cache_lookup r;

	if (req->cache == NULL || config.page_cache_size == 0) {
		if (req->cache)
			req->cache->outcome = CACHE_MISS;
		return CACHE_LOOKUP_RENDER;
	}
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += PAGE_CACHE_WAIT_MS / 1000;
	pthread_mutex_lock(&cache.lock);
	r = lookup(req, req->can_defer ? NULL : &deadline);
	pthread_mutex_unlock(&cache.lock);
	if (r == CACHE_LOOKUP_RENDER)
		req->cache->outcome = CACHE_MISS;
	return r;
}

int
page_cache_wait(struct request *req, void (*wake)(void *), void *ctx)
{
	struct cache_state *c = req->cache;
	struct slot *s;
	int waits = 0;

	pthread_mutex_lock(&cache.lock);
	if ((s = find(c->key)) != NULL && s->in_flight) {
		c->waiter = req_alloc(req, sizeof(*c->waiter));
		c->waiter->wake = wake;
		c->waiter->ctx = ctx;
		c->waiter->next = s->waiters;
		s->waiters = c->waiter;
		waits = 1;
	}
	pthread_mutex_unlock(&cache.lock);
	return waits;
}

/* The rendered answer as a page, plain (its codings come after); NULL when it may not be kept. */
static struct page *
page_new(struct request *req, const struct cache_state *cs)
{
	struct page *p;

	if (req->status != 200 || req->stream || req->out_headers || req->out_ref.data[0] ||
	    req->out.len > PAGE_CACHE_MAX_BODY || req->content_type == NULL)
		return NULL;
	p = xcalloc(1, sizeof(*p));
	atomic_init(&p->refs, 1);
	p->stamp = cs->stamp;
	memcpy(p->etag, cs->etag, sizeof(p->etag));
	p->last_modified = cs->last_modified;
	p->content_type = req->content_type;
	p->copy[CODING_IDENTITY] = buf_detach(&req->out, &p->len[CODING_IDENTITY]);
	p->bytes = sizeof(*p) + p->len[CODING_IDENTITY];
	return p;
}

/* The codings of p that pay and that it lacks, among those in want (1 << CODING_x). */
static unsigned
codings_to_make(const struct page *p, unsigned want)
{
	unsigned make = 0;

	if (!coding_suits(p->content_type) || p->len[CODING_IDENTITY] < CODING_MIN_BYTES)
		return 0;
	for (int c = CODING_GZIP; c < CODING__MAX; c++)
		if ((want & (1u << c)) && p->copy[c] == NULL)
			make |= 1u << c;
	return make;
}

/* Makes those codings of p (outside the lock: the plain copy never changes) and adds them,
 * under it, where no other thread was first. */
static void
compress_page(struct page *p, unsigned make)
{
	static const int level[CODING__MAX] = { 0, GZIP_LEVEL, BR_LEVEL };
	struct buf z[CODING__MAX];

	for (int c = CODING_GZIP; c < CODING__MAX; c++) {
		buf_init(&z[c], 0);
		if ((make & (1u << c)) && (compress_body((enum coding)c, level[c], p->copy[CODING_IDENTITY],
		    p->len[CODING_IDENTITY], &z[c]) == -1 || z[c].len >= p->len[CODING_IDENTITY]))
			buf_release(&z[c]);	/* it does not pay */
	}
	pthread_mutex_lock(&cache.lock);
	for (int c = CODING_GZIP; c < CODING__MAX; c++) {
		if (z[c].len == 0 || p->copy[c] != NULL)
			continue;
		p->copy[c] = buf_detach(&z[c], &p->len[c]);
		p->bytes += p->len[c];
		if (p->kept)
			cache.bytes += p->len[c];
	}
	evict();
	pthread_mutex_unlock(&cache.lock);
	for (int c = CODING_GZIP; c < CODING__MAX; c++)
		buf_release(&z[c]);
}

/* Keeps p (NULL: could not be kept) as the slot's page, ends its flight; the waiters to
 * wake are returned. Under the lock. */
static struct cache_waiter *
land(struct request *req, struct page *p)
{
	struct cache_state *c = req->cache;
	struct cache_waiter *woken = NULL;
	struct slot *s = find(c->key);	/* a slot in flight is never dropped */

	if (s) {
		woken = s->waiters;
		s->waiters = NULL;
		s->in_flight = 0;
		s->refused = p == NULL;
		s->refused_stamp = c->stamp;
		if (p) {
			if (s->page) {
				cache.bytes -= s->page->bytes;
				s->page->kept = 0;
			}
			page_release(s->page);
			s->page = p;
			p->kept = 1;
			cache.bytes += p->bytes;
			atomic_fetch_add(&p->refs, 1);	/* held over the eviction below */
		}
	}
	/* Not kept (no slot): the reference p was made with is the one dropped here. */
	if (p) {
		serve(req, p, CACHE_MISS);
		page_release(p);
		evict();
	}
	return woken;
}

void
page_cache_put(struct request *req)
{
	static const unsigned all = (1u << CODING_GZIP) | (1u << CODING_BR);
	struct cache_state *c = req->cache;
	struct cache_waiter *woken;
	struct page *p;

	if (c == NULL || c->outcome != CACHE_MISS)
		return;
	atomic_fetch_add(&renders, 1);
	if (!c->owner)
		return;
	/* The coding its requester takes now; the others once it has its answer. */
	if ((p = page_new(req, c)) != NULL)
		compress_page(p, codings_to_make(p, 1u << coding_choose(req_header(req,
		    "Accept-Encoding"), all)));
	pthread_mutex_lock(&cache.lock);
	woken = land(req, p);
	pthread_cond_broadcast(&cache.done);
	pthread_mutex_unlock(&cache.lock);
	c->owner = 0;
	/* Outside the lock: a wake resumes a connection, which may look the page up at once. */
	for (struct cache_waiter *w = woken, *next; w; w = next) {
		next = w->next;
		w->wake(w->ctx);
	}
	if (p && req->can_defer) {
		atomic_fetch_add(&p->refs, 1);
		page_release(to_compress);
		to_compress = p;
	} else if (p)
		compress_page(p, codings_to_make(p, all));
}

void
page_cache_compress_later(void)
{
	struct page *p = to_compress;

	if (p == NULL)
		return;
	to_compress = NULL;
	compress_page(p, codings_to_make(p, (1u << CODING_GZIP) | (1u << CODING_BR)));
	page_release(p);
}

const char *
page_cache_outcome(const struct request *req)
{
	static const char *const names[CACHE__MAX] = {
		[CACHE_MISS] = "miss", [CACHE_HIT] = "hit", [CACHE_STALE] = "stale",
		[CACHE_NOT_MODIFIED] = "304",
	};

	return req->cache ? names[req->cache->outcome] : NULL;
}

unsigned long
page_cache_renders(void)
{
	return atomic_load(&renders);
}

size_t
page_cache_bytes(void)
{
	size_t n;

	pthread_mutex_lock(&cache.lock);
	n = cache.bytes;
	pthread_mutex_unlock(&cache.lock);
	return n;
}

void
page_cache_clear(void)
{
	pthread_mutex_lock(&cache.lock);
	for (struct slot *s = cache.oldest, *newer; s; s = newer) {
		newer = s->newer;
		if (!s->in_flight)
			drop(s);
	}
	pthread_mutex_unlock(&cache.lock);
}
