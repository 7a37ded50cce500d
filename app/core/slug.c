/* slug.c: slugs from names, folding the accents of Latin scripts so "Zoë" gives "zoe". */
#include <string.h>

#include "core/slug.h"

/* Two-byte UTF-8 letters of Latin-1 and Latin Extended-A, folded to ASCII. */
static char
fold(unsigned char a, unsigned char b)
{
	static const char latin1[65] =
	    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	unsigned cp = ((a & 0x1Fu) << 6) | (b & 0x3Fu);

	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp >= 0x100 && cp <= 0x17F) {
		static const char ext[] =
		    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
		    "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
		size_t i = cp - 0x100;

		return i < sizeof(ext) - 1 ? ext[i] : 0;
	}
	return 0;
}

void
slug_from_name(struct buf *b, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t start = b->len;
	int dash = 0;

	for (; s && *s && b->len - start < 80; s++) {
		char c = 0;

		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			c = (char)*s;
		else if (*s >= 'A' && *s <= 'Z')
			c = (char)(*s - 'A' + 'a');
		else if ((*s & 0xE0) == 0xC0 && s[1]) {
			c = fold(s[0], s[1]);
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				c = 0;
			s++;
		}
		if (c) {
			if (dash && b->len > start)
				buf_putc(b, '-');
			buf_putc(b, c);
			dash = 0;
		} else
			dash = 1;
	}
	if (b->len == start)
		buf_putc(b, 'x');
}
