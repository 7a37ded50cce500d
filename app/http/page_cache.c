/* page_cache.c: per-thread cache of anonymous public pages, dropped whenever the database changes. */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"
#include "http/page_cache.h"
#include "model/db.h"

struct entry {
	unsigned char	 key[16];	/* hash of method, path, JSON flag and query */
	long long	 generation;
	time_t		 stored;
	char		*body;
	size_t		 len;
	const char	*content_type;	/* static strings only */
	int		 status;
	int		 used;
};

static _Thread_local struct entry *entries;
static _Thread_local unsigned next_victim;
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

static void
on_thread_exit(void *arg)
{
	(void)arg;
	page_cache_release();
}

static void
exit_key_create(void)
{
	pthread_key_create(&exit_key, on_thread_exit);
}

static int
cacheable(const struct request *req, int public_route)
{
	return (req->method == HTTP_GET || req->method == HTTP_HEAD) && req->user == NULL &&
	    public_route && req->cookies == NULL;
}

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

int
page_cache_get(struct request *req, int public_route)
{
	unsigned char key[16];
	long long gen;
	time_t now = time(NULL);

	if (!cacheable(req, public_route) || entries == NULL || (gen = db_generation()) < 0)
		return 0;
	key_of(req, key);
	for (unsigned i = 0; i < PAGE_CACHE_ENTRIES; i++) {
		struct entry *e = &entries[i];

		if (!e->used || memcmp(e->key, key, 16) != 0)
			continue;
		if (e->generation != gen || now - e->stored > PAGE_CACHE_TTL)
			return 0;
		buf_append(&req->out, e->body, e->len);
		req->content_type = e->content_type;
		req->status = e->status;
		return 1;
	}
	return 0;
}

void
page_cache_put(struct request *req, int public_route)
{
	struct entry *e = NULL;
	unsigned char key[16];
	long long gen;

	if (!cacheable(req, public_route) || req->status != 200 || req->stream || req->out_headers ||
	    req->out.len > PAGE_CACHE_MAX_BODY || (gen = db_generation()) < 0)
		return;
	if (entries == NULL) {
		entries = xcalloc(PAGE_CACHE_ENTRIES, sizeof(*entries));
		/* The key's value only has to be non-NULL for the destructor to run. */
		pthread_once(&exit_once, exit_key_create);
		pthread_setspecific(exit_key, entries);
	}
	key_of(req, key);
	for (unsigned i = 0; i < PAGE_CACHE_ENTRIES && e == NULL; i++)
		if (entries[i].used && memcmp(entries[i].key, key, 16) == 0)
			e = &entries[i];
	if (e == NULL)
		e = &entries[next_victim++ % PAGE_CACHE_ENTRIES];	/* round robin: cheap and fair */
	free(e->body);
	memcpy(e->key, key, 16);
	e->generation = gen;
	e->stored = time(NULL);
	e->body = xmalloc(req->out.len + 1);
	memcpy(e->body, req->out.data, req->out.len);
	e->len = req->out.len;
	e->content_type = req->content_type;
	e->status = req->status;
	e->used = 1;
}

void
page_cache_release(void)
{
	if (entries == NULL)
		return;
	for (unsigned i = 0; i < PAGE_CACHE_ENTRIES; i++)
		free(entries[i].body);
	free(entries);
	entries = NULL;
}
