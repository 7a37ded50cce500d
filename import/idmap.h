/*
 * idmap.h: what one import run remembers about the keys it has met (person ids and their
 * names, the people and organizations it made, the sessions it saw), in memory.
 *
 * Keys are kept as 64-bit keyed hashes (SipHash, a fresh key per map) with three numbers
 * each, in one open-addressed table at most three quarters full: 32 to 64 bytes per key
 * whatever its length, no allocation per key. Two different keys share a hash with odds of
 * about n^2 / 2^65.
 */
#ifndef LECTERN_IMPORT_IDMAP_H
#define LECTERN_IMPORT_IDMAP_H
#include <stddef.h>
#include <stdint.h>

struct idmap_entry {
	uint64_t	 hash;		/* 0: free */
	long long	 a, b, c;	/* the user's */
};

struct idmap;

struct idmap	*idmap_new(void);
void		 idmap_free(struct idmap *);
/* The hash of key (len bytes) under kind (a short constant: "person-id", "org" ...). */
uint64_t	 idmap_hash(const struct idmap *, const char *kind, const char *key, size_t len);
/* The entry of hash, NULL when there is none (create 0) or a new zeroed one (create 1). */
struct idmap_entry *idmap_at(struct idmap *, uint64_t hash, int create);
/* The same with the key hashed (a NUL-terminated string). */
struct idmap_entry *idmap_key(struct idmap *, const char *kind, const char *key, int create);
size_t		 idmap_count(const struct idmap *);

#endif
