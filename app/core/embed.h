/* embed.h: files compiled into the binary by tools/embed.c (assets and migrations). */
#ifndef LECTERN_EMBED_H
#define LECTERN_EMBED_H
#include <stddef.h>

struct embedded {
	const char		*name;
	const unsigned char	*data;	/* NUL-terminated, so SQL can be run as a string */
	size_t			 len;
	/* Assets: the gzip and brotli copies made at build time, where they save a tenth
	 * (NULL otherwise, and for migrations and demo data). */
	const unsigned char	*gz;
	size_t			 gz_len;
	const unsigned char	*br;
	size_t			 br_len;
};

extern const struct embedded	schema_files[], asset_files[], demo_files[];
extern const unsigned long	schema_files_count, asset_files_count, demo_files_count;

#endif
