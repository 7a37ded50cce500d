/* assets.c: the files of assets/ compiled into the binary, their types, content-hash ETags, fingerprinted URLs and compressed copies. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/assets.h"
#include "core/request.h"

#define MAX_ASSETS	64

struct asset_meta {
	char	etag[36];	/* "\"" + 32 hex + "\"" */
	char	url[160];
};

static struct asset_meta meta[MAX_ASSETS];

void
assets_init(void)
{
	for (unsigned long i = 0; i < asset_files_count && i < MAX_ASSETS; i++) {
		const struct embedded *a = &asset_files[i];
		unsigned char h[16];
		char hexs[33];

		crypto_generichash(h, sizeof(h), a->data, a->len, NULL, 0);
		sodium_bin2hex(hexs, sizeof(hexs), h, sizeof(h));
		snprintf(meta[i].etag, sizeof(meta[i].etag), "\"%s\"", hexs);
		snprintf(meta[i].url, sizeof(meta[i].url), "/assets/%s?v=%.16s",
		    a->name, hexs);
	}
}

const struct embedded *
asset_find(const char *name)
{
	for (unsigned long i = 0; i < asset_files_count; i++)
		if (strcmp(asset_files[i].name, name) == 0)
			return &asset_files[i];
	return NULL;
}

const char *
asset_etag(const struct embedded *a)
{
	return meta[a - asset_files].etag;
}

void
asset_body(struct request *req, const struct embedded *a)
{
	req->out_ref.data[CODING_IDENTITY] = (const char *)a->data;
	req->out_ref.len[CODING_IDENTITY] = a->len;
	req->out_ref.data[CODING_GZIP] = (const char *)a->gz;
	req->out_ref.len[CODING_GZIP] = a->gz_len;
	req->out_ref.data[CODING_BR] = (const char *)a->br;
	req->out_ref.len[CODING_BR] = a->br_len;
}

const char *
asset_url(const char *name)
{
	const struct embedded *a = asset_find(name);

	return a ? meta[a - asset_files].url : "/assets/missing";
}

const char *
asset_type(const char *name)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
		{ ".woff2", "font/woff2" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".html", "text/html; charset=utf-8" },
	};
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}
