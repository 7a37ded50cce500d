/* slug.h: stable URL slugs derived from names ("Dave Zolotusky" -> "dave-zolotusky"). */
#ifndef LECTERN_SLUG_H
#define LECTERN_SLUG_H
#include "core/buf.h"

/* Appends the slug of name: ASCII letters and digits lower-cased, common accents folded,
 * everything else a single dash, no dash at either end, at most 80 bytes; "x" if empty. */
void	slug_from_name(struct buf *, const char *name);

#endif
