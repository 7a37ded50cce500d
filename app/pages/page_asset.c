/* page_asset.c: /assets/{name}, the compiled-in files, with strong ETags and caching for good on fingerprinted URLs. */
#include <string.h>

#include "core/assets.h"
#include "pages/pages.h"

int
page_asset(struct request *req)
{
	const struct embedded *a = asset_find(req_arg(req, "name"));
	const char *inm, *v;

	if (a == NULL)
		return 404;
	resp_header(req, "ETag", asset_etag(a));
	v = req_arg(req, "v");
	/* Only a URL carrying the current fingerprint may be cached for good. */
	if (v && strncmp(v, asset_etag(a) + 1, 16) == 0)
		resp_header(req, "Cache-Control", "public, max-age=31536000, immutable");
	else
		resp_header(req, "Cache-Control", "public, no-cache");
	req->content_type = asset_type(a->name);
	inm = req_header(req, "If-None-Match");
	if (inm && (strstr(inm, asset_etag(a)) || strcmp(inm, "*") == 0))
		return 304;
	asset_body(req, a);
	return 200;
}
