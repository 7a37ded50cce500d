/* assets.h: the compiled-in static files, their types and content-hash ETags. */
#ifndef LECTERN_ASSETS_H
#define LECTERN_ASSETS_H
#include "core/embed.h"

/* Hashes every asset; call once at start-up before serving. */
void			 assets_init(void);
const struct embedded	*asset_find(const char *name);
/* The strong ETag of an asset, with its quotes ("\"abc...\""), also of its compressed
 * copies (no ranges are served, so no byte of one is ever taken for the other's); static
 * storage. */
const char		*asset_etag(const struct embedded *);
struct request;
/* Answers req with the asset's bytes and their compressed copies, in place (no copy). */
void			 asset_body(struct request *, const struct embedded *);
/* A fingerprinted URL ("/assets/style.css?v=HASH"), static storage. */
const char		*asset_url(const char *name);
const char		*asset_type(const char *name);

#endif
