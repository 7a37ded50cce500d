/* compress.c: gzip (zlib) and br (libbrotli) for whole bodies and streams, and Accept-Encoding's choice. */
#include <brotli/encode.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "core/compress.h"
#include "core/log.h"
#include "core/mem.h"

#define GZIP_WINDOW	(15 + 16)	/* zlib's largest window, with the gzip wrapper */
#define OUT_STEP	(16 * 1024)

struct zstream {
	enum coding		 coding;
	z_stream		 z;
	BrotliEncoderState	*br;
};

const char *
coding_name(enum coding c)
{
	return c == CODING_GZIP ? "gzip" : c == CODING_BR ? "br" : NULL;
}

int
coding_suits(const char *type)
{
	static const char *const suited[] = {
		"text/", "application/json", "application/xml", "image/svg+xml",
		"application/javascript",
	};

	for (size_t i = 0; type && i < sizeof(suited) / sizeof(suited[0]); i++)
		if (strncasecmp(type, suited[i], strlen(suited[i])) == 0)
			return 1;
	return 0;
}

/* The q-value of one Accept-Encoding element's parameters (";q=0.5"), in thousandths. */
static int
qvalue(const char *p, const char *end)
{
	while (p < end && (p = memchr(p, ';', (size_t)(end - p))) != NULL) {
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			int q = 0, scale = 1000;

			p += 2;
			if (p < end && *p == '1')
				return 1000;
			if (p >= end || *p != '0')
				return 0;	/* malformed: read as a refusal */
			if (++p < end && *p == '.')
				for (p++; p < end && *p >= '0' && *p <= '9' && scale > 1; p++)
					scale /= 10, q += (*p - '0') * scale;
			return q;
		}
	}
	return 1000;
}

enum coding
coding_choose(const char *header, unsigned available)
{
	int q[CODING__MAX] = { 0 }, named[CODING__MAX] = { 0 }, star = -1;
	enum coding best = CODING_IDENTITY;

	if (header == NULL)
		return CODING_IDENTITY;
	for (const char *p = header; *p; ) {
		const char *end = p + strcspn(p, ","), *name_end;
		int v;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		name_end = p + strcspn(p, " \t;,");
		if (name_end > end)
			name_end = end;
		v = qvalue(name_end, end);
		for (int c = CODING_GZIP; c < CODING__MAX; c++)
			if ((size_t)(name_end - p) == strlen(coding_name((enum coding)c)) &&
			    strncasecmp(p, coding_name((enum coding)c), (size_t)(name_end - p)) == 0)
				q[c] = v, named[c] = 1;
		if (name_end - p == 1 && *p == '*')
			star = v;
		p = *end ? end + 1 : end;
	}
	for (int c = CODING_BR; c > CODING_IDENTITY; c--) {
		int v = named[c] ? q[c] : star > 0 ? star : 0;

		if ((available & (1u << c)) && v > 0 && (best == CODING_IDENTITY || v > q[best]))
			best = (enum coding)c, q[c] = v;
	}
	return best;
}

/* zlib's 1-9 onto brotli's 0-11: 5 gives quality 5, fast and smaller than gzip -9. */
static int
br_quality(int level)
{
	return level >= 9 ? BROTLI_MAX_QUALITY : level;
}

int
compress_body(enum coding c, int level, const void *body, size_t len, struct buf *out)
{
	struct zstream *z = zstream_new(c, level);
	int rc;

	if (z == NULL)
		return -1;
	rc = zstream_put(z, body, len, 1, out);
	zstream_free(z);
	return rc;
}

struct zstream *
zstream_new(enum coding c, int level)
{
	struct zstream *z = xcalloc(1, sizeof(*z));

	z->coding = c;
	if (c == CODING_GZIP && deflateInit2(&z->z, level, Z_DEFLATED, GZIP_WINDOW, 8,
	    Z_DEFAULT_STRATEGY) == Z_OK)
		return z;
	if (c == CODING_BR && (z->br = BrotliEncoderCreateInstance(NULL, NULL, NULL)) != NULL) {
		BrotliEncoderSetParameter(z->br, BROTLI_PARAM_QUALITY, (uint32_t)br_quality(level));
		/* A 4 MiB window (22) is brotli's default; browsers decode any. */
		return z;
	}
	free(z);
	log_err("compress: cannot start a %s stream", coding_name(c) ? coding_name(c) : "?");
	return NULL;
}

static int
gzip_put(struct zstream *z, const void *in, size_t len, int finish, struct buf *out)
{
	int rc;

	z->z.next_in = (Bytef *)(uintptr_t)in;
	z->z.avail_in = (uInt)len;
	do {
		buf_grow(out, OUT_STEP);
		z->z.next_out = (Bytef *)out->data + out->len;
		z->z.avail_out = (uInt)(out->cap - out->len - 1);
		rc = deflate(&z->z, finish ? Z_FINISH : Z_NO_FLUSH);
		out->len = (size_t)((char *)z->z.next_out - out->data);
		out->data[out->len] = '\0';
		if (rc == Z_STREAM_ERROR)
			return log_err("compress: deflate failed");
	} while (z->z.avail_out == 0 || z->z.avail_in > 0 || (finish && rc != Z_STREAM_END));
	return 0;
}

static int
br_put(struct zstream *z, const void *in, size_t len, int finish, struct buf *out)
{
	const uint8_t *next_in = in;
	size_t avail_in = len;

	do {
		uint8_t *next_out;
		size_t avail_out;

		buf_grow(out, OUT_STEP);
		next_out = (uint8_t *)out->data + out->len;
		avail_out = out->cap - out->len - 1;
		if (!BrotliEncoderCompressStream(z->br, finish ? BROTLI_OPERATION_FINISH :
		    BROTLI_OPERATION_PROCESS, &avail_in, &next_in, &avail_out, &next_out, NULL))
			return log_err("compress: brotli failed");
		out->len = (size_t)((char *)next_out - out->data);
		out->data[out->len] = '\0';
	} while (avail_in > 0 || BrotliEncoderHasMoreOutput(z->br) ||
	    (finish && !BrotliEncoderIsFinished(z->br)));
	return 0;
}

int
zstream_put(struct zstream *z, const void *in, size_t len, int finish, struct buf *out)
{
	if (len > 0x7fffffff)
		return log_err("compress: a piece of %zu bytes", len);
	return z->coding == CODING_GZIP ? gzip_put(z, in, len, finish, out) :
	    br_put(z, in, len, finish, out);
}

void
zstream_free(struct zstream *z)
{
	if (z == NULL)
		return;
	if (z->coding == CODING_GZIP)
		deflateEnd(&z->z);
	else
		BrotliEncoderDestroyInstance(z->br);
	free(z);
}
