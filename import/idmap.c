/* idmap.c: an open-addressed table of hashed keys, grown at three quarters full (idmap.h). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/idmap.h"

struct idmap {
	struct idmap_entry	*slot;
	size_t			 cap, n;	/* cap: a power of two */
	unsigned char		 key[crypto_shorthash_KEYBYTES];
};

struct idmap *
idmap_new(void)
{
	struct idmap *m = xcalloc(1, sizeof(*m));

	m->cap = 1024;
	m->slot = xcalloc(m->cap, sizeof(*m->slot));
	crypto_shorthash_keygen(m->key);
	return m;
}

void
idmap_free(struct idmap *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	free(m);
}

uint64_t
idmap_hash(const struct idmap *m, const char *kind, const char *key, size_t len)
{
	unsigned char out[crypto_shorthash_BYTES], msg[256];
	size_t klen = strlen(kind) + 1;
	uint64_t h;

	/* kind and key as one message with the kind's NUL between, so ("a", "bc") and ("ab", "c")
	 * differ; SipHash, keyed per map, over it (a long key folded by BLAKE2b first). */
	if (klen + len <= sizeof(msg)) {
		memcpy(msg, kind, klen);
		memcpy(msg + klen, key, len);
		crypto_shorthash(out, msg, klen + len, m->key);
	} else {
		crypto_generichash_state st;
		unsigned char mixed[32];

		crypto_generichash_init(&st, NULL, 0, sizeof(mixed));
		crypto_generichash_update(&st, (const unsigned char *)kind, klen);
		crypto_generichash_update(&st, (const unsigned char *)key, len);
		crypto_generichash_final(&st, mixed, sizeof(mixed));
		crypto_shorthash(out, mixed, sizeof(mixed), m->key);
	}
	memcpy(&h, out, sizeof(h));
	return h ? h : 1;	/* 0 marks a free slot */
}

static void
grow(struct idmap *m)
{
	struct idmap_entry *old = m->slot;
	size_t cap = m->cap;

	m->cap *= 2;
	m->slot = xcalloc(m->cap, sizeof(*m->slot));
	for (size_t i = 0; i < cap; i++) {
		size_t j = old[i].hash & (m->cap - 1);

		if (old[i].hash == 0)
			continue;
		while (m->slot[j].hash)
			j = (j + 1) & (m->cap - 1);
		m->slot[j] = old[i];
	}
	free(old);
}

struct idmap_entry *
idmap_at(struct idmap *m, uint64_t hash, int create)
{
	size_t j;

	if (create && (m->n + 1) * 4 > m->cap * 3)	/* three quarters full */
		grow(m);
	for (j = hash & (m->cap - 1); m->slot[j].hash; j = (j + 1) & (m->cap - 1))
		if (m->slot[j].hash == hash)
			return &m->slot[j];
	if (!create)
		return NULL;
	m->n++;
	memset(&m->slot[j], 0, sizeof(m->slot[j]));
	m->slot[j].hash = hash;
	return &m->slot[j];
}

struct idmap_entry *
idmap_key(struct idmap *m, const char *kind, const char *key, int create)
{
	return idmap_at(m, idmap_hash(m, kind, key, strlen(key)), create);
}

size_t
idmap_count(const struct idmap *m)
{
	return m->n;
}
