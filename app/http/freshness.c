/*
 * freshness.c: HTTP caching of anonymous public pages (RFC 9111): validators from the data
 * generations, 304 answers, Cache-Control.
 *
 * A page's ETag is a hash of the generations of the kinds of record it shows (with the
 * database's own number, the binary's build and the day: some figures count "now"), its
 * Last-Modified the newest write among those kinds (or midnight, if later). Both are known
 * before the page is rendered, so a matching If-None-Match is answered without rendering;
 * If-Modified-Since must also know that the page exists (is a 200), so it is answered from
 * the page cache, or after the render.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/build_id.h"
#include "core/config.h"
#include "core/http_date.h"
#include "http/freshness.h"
#include "http/page_cache.h"
#include "model/generation.h"

static unsigned char build_key[crypto_shorthash_KEYBYTES];
static pthread_once_t build_once = PTHREAD_ONCE_INIT;

/* The stamps' key is the build: a new binary, which may render differently, never answers
 * 304 for what an old one served. */
static void
derive_build_key(void)
{
	size_t len;
	const unsigned char *id = build_id(&len);

	crypto_generichash(build_key, sizeof(build_key), id, len, NULL, 0);
}

static int
cacheable(const struct request *req)
{
	return (req->method == HTTP_GET || req->method == HTTP_HEAD) && req->user == NULL;
}

/* The address as the page cache keys it: path, JSON or not, and the validated arguments. */
static void
key_of(const struct request *req, unsigned char key[16])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, 16);
	crypto_generichash_update(&h, (const unsigned char *)req->path, strlen(req->path) + 1);
	crypto_generichash_update(&h, (const unsigned char *)(req->want_json ? "j" : "h"), 1);
	for (const struct param *p = req->args; p; p = p->next) {
		crypto_generichash_update(&h, (const unsigned char *)p->name, strlen(p->name) + 1);
		crypto_generichash_update(&h, (const unsigned char *)p->value, p->len + 1);
	}
	crypto_generichash_final(&h, key, 16);
}

/* SipHash of the key and the generations the page shows, keyed by the build. */
static void
stamp(struct cache_state *c, const struct generations *g, unsigned deps, long long day)
{
	long long in[2 + 2 * DK__MAX + 2];
	unsigned char h[crypto_shorthash_BYTES];
	size_t n = 0;

	memcpy(in, c->key, 16);
	n = 16 / sizeof(in[0]);
	in[n++] = g->database;
	in[n++] = day;
	for (int k = 0; k < DK__MAX; k++)
		if (deps & (1u << k)) {
			in[n++] = g->gen[k];
			in[n++] = g->changed[k];
			c->gensum += g->gen[k];
			if (g->changed[k] > c->changed)
				c->changed = (time_t)g->changed[k];
		}
	pthread_once(&build_once, derive_build_key);
	crypto_shorthash(h, (const unsigned char *)in, n * sizeof(in[0]), build_key);
	memcpy(&c->stamp, h, sizeof(c->stamp));
}

int
freshness_begin(struct request *req, unsigned deps)
{
	const struct generations *g;
	struct cache_state *c;
	long long day = (long long)(time(NULL) / 86400);

	if (!cacheable(req) || (g = db_generations()) == NULL)
		return 0;
	c = req_alloc(req, sizeof(*c));
	memset(c, 0, sizeof(*c));
	key_of(req, c->key);
	stamp(c, g, deps, day);
	c->last_modified = c->changed > day * 86400 ? c->changed : (time_t)(day * 86400);
	snprintf(c->etag, sizeof(c->etag), "W/\"%016llx\"", (unsigned long long)c->stamp);
	req->cache = c;
	return 1;
}

int
freshness_precondition(struct request *req)
{
	const char *inm = req_header(req, "If-None-Match");

	/* Weak comparison (RFC 9110 13.1.2): the opaque tag, with its quotes, anywhere in the
	 * list. "*" is left to the render: it asks whether the page exists at all. */
	if (req->cache == NULL || inm == NULL || strstr(inm, req->cache->etag + 2) == NULL)
		return 0;
	req->cache->outcome = CACHE_NOT_MODIFIED;
	return 304;
}

/* If-Modified-Since, for a page now known to be a 200; only without If-None-Match. */
static int
not_modified_since(const struct request *req)
{
	const char *ims = req_header(req, "If-Modified-Since");
	time_t t;

	return ims && req_header(req, "If-None-Match") == NULL && http_date_parse(ims, &t) == 0 &&
	    req->cache->last_modified <= t;
}

static void
drop_body(struct request *req)
{
	buf_reset(&req->out);
	if (req->out_ref.release)
		req->out_ref.release(req->out_ref.ctx);
	memset(&req->out_ref, 0, sizeof(req->out_ref));
	if (req->stream_free && req->stream_ctx)
		req->stream_free(req->stream_ctx);
	req->stream = NULL;
	req->stream_ctx = NULL;
	req->stream_free = NULL;
}

/* A previous copy, sent while the page renders again, is stale already: a cache keeping it
 * asks again at once. Formatted once per thread and setting, not per request. */
static const char *
cache_control(const struct request *req)
{
	static _Thread_local char text[96];
	static _Thread_local int max_age = -1, stale = -1;
	int age = req->cache->outcome == CACHE_STALE ? 0 : config.cache_max_age;

	if (age != max_age || config.cache_stale != stale) {
		max_age = age;
		stale = config.cache_stale;
		snprintf(text, sizeof(text), "public, max-age=%d, stale-while-revalidate=%d", age, stale);
	}
	return text;
}

/* Last-Modified, formatted again only when it differs from this thread's last one. */
static const char *
last_modified(time_t t)
{
	static _Thread_local char text[HTTP_DATE_LEN];
	static _Thread_local time_t last = -1;

	if (t != last) {
		http_date_format(t, text);
		last = t;
	}
	return text;
}

void
freshness_finish(struct request *req)
{
	struct cache_state *c = req->cache;

	if (req->user && !param_find(req->out_headers, "Cache-Control"))
		resp_header(req, "Cache-Control", "private, no-store");
	if (c == NULL || (req->status != 200 && req->status != 304))
		return;
	if (req->status == 200 && not_modified_since(req)) {
		drop_body(req);
		req->status = 304;
		c->outcome = CACHE_NOT_MODIFIED;
	}
	/* resp_header copies the thread's strings into the request. */
	resp_header(req, "ETag", c->etag);
	resp_header(req, "Last-Modified", last_modified(c->last_modified));
	resp_header(req, "Cache-Control", cache_control(req));
	/* A login gets other pages at the same address: a browser must not show it this one. */
	resp_header(req, "Vary", "Accept-Encoding, Cookie");
}
