/* redirect.h: old addresses of records merged into another or renamed, which lead to the record now. */
#ifndef LECTERN_REDIRECT_H
#define LECTERN_REDIRECT_H
#include "core/request.h"
#include "model/model.h"

/*
 * The slug that record of kind ("person", "organization", ...) has now, when old_slug
 * was its slug (or that of a record merged into it) and no record has old_slug today:
 * MODEL_OK with *slug_now (req's arena), MODEL_NOT_FOUND when old_slug never moved.
 */
enum model_status	redirect_find(struct request *, const char *kind, const char *old_slug,
			    const char **slug_now);

#endif
