/* guid.c: an installation's own guids (guid.h). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/guid.h"

/* The 16 bytes of a guid with id's 48 bits in place and the version and variant set. */
static void
guid_bytes(const char *installation, const char *kind, long long id, unsigned char b[16])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, 16);
	crypto_generichash_update(&st, (const unsigned char *)"lectern-guid:", 13);
	crypto_generichash_update(&st, (const unsigned char *)installation, strlen(installation) + 1);
	crypto_generichash_update(&st, (const unsigned char *)kind, strlen(kind));
	crypto_generichash_final(&st, b, 16);
	for (int i = 0; i < 6; i++)
		b[15 - i] = (unsigned char)(((unsigned long long)id >> (8 * i)) & 0xFF);
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x80);	/* version 8: vendor-defined */
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);	/* the RFC's variant */
}

void
guid_make(const char *installation, const char *kind, long long id, char out[37])
{
	unsigned char b[16];

	guid_bytes(installation, kind, id, b);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
	    b[14], b[15]);
}

long long
guid_local(const char *installation, const char *kind, const char *guid)
{
	unsigned char want[16], got[16];
	long long id = 0;
	size_t n = 0;

	if (guid == NULL || strlen(guid) != 36 || installation == NULL || *installation == '\0')
		return 0;
	for (const char *p = guid; *p && n < 32; p++) {
		unsigned v;

		if (*p == '-')
			continue;
		if (sscanf(p, "%1x", &v) != 1)
			return 0;
		got[n / 2] = (unsigned char)(n % 2 ? (got[n / 2] | v) : v << 4);
		n++;
	}
	if (n != 32)
		return 0;
	for (int i = 10; i < 16; i++)
		id = (id << 8) | got[i];
	guid_bytes(installation, kind, id, want);
	return id > 0 && memcmp(want, got, 16) == 0 ? id : 0;
}
