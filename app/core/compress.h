/*
 * compress.h: content codings (RFC 9110 8.4.1): gzip through zlib, br through libbrotli,
 * whole bodies and streams, and which one a client's Accept-Encoding asks for.
 */
#ifndef LECTERN_COMPRESS_H
#define LECTERN_COMPRESS_H
#include <stddef.h>

#include "core/buf.h"

enum coding {
	CODING_IDENTITY,
	CODING_GZIP,
	CODING_BR,
	CODING__MAX
};

/* Bodies smaller than this go as they are: the coding's header and the work cost more
 * than the bytes saved (nginx's gzip_min_length is 20, most CDNs use about 1 KB). */
#define CODING_MIN_BYTES	1024

/* The coding's name in Content-Encoding ("gzip", "br"); NULL for identity. */
const char	*coding_name(enum coding);
/* Whether a body of this media type (text, JSON, XML, CSV, iCalendar, SVG, CSS, script)
 * gains from a coding: images, fonts and archives are compressed already. */
int		 coding_suits(const char *content_type);
/*
 * The coding to answer with, among those in available (a set of 1 << CODING_x; identity is
 * always possible), for an Accept-Encoding header (NULL: absent): the one with the highest
 * q-value, br before gzip at equal values; "*" stands for codings not named; q=0 refuses.
 */
enum coding	 coding_choose(const char *accept_encoding, unsigned available);

/* Appends body compressed with coding c (not identity) to out; -1 (logged) on failure.
 * level: 1 (fast) to 9 (small), mapped onto brotli's 0-11 qualities. */
int		 compress_body(enum coding c, int level, const void *body, size_t len,
		    struct buf *out);

/* A compressing stream: pieces in, compressed bytes out, as they come. */
struct zstream;

struct zstream	*zstream_new(enum coding c, int level);
/* Compresses len bytes (finish: and ends the stream), appending the output there is to
 * out (none may be ready yet). Returns 0 or -1 (logged). */
int		 zstream_put(struct zstream *, const void *in, size_t len, int finish,
		    struct buf *out);
void		 zstream_free(struct zstream *);

#endif
