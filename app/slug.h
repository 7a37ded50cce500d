/* slug.h: stable URL slugs derived from names ("Dave Zolotusky" -> "dave-zolotusky"). */
#ifndef LECTERN_SLUG_H
#define LECTERN_SLUG_H
#include <sqlite3.h>

#include "buf.h"

/* Appends the slug of name: ASCII letters and digits lower-cased, common accents folded,
 * everything else a single dash, no dash at either end, at most 80 bytes; "x" if empty. */
void	slug_from_name(struct buf *, const char *name);
/* Appends a slug for name that table (a constant table name) does not hold yet: -2, -3... */
int	slug_unique(sqlite3 *, const char *table, const char *name, struct buf *out);

#endif
