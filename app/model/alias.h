/* alias.h: organizations' other names ("Google LLC" for Google), which every importer matches over the names. */
#ifndef LECTERN_ALIAS_H
#define LECTERN_ALIAS_H
#include "core/request.h"
#include "model/model.h"

struct alias_item {
	long long	 id;
	const char	*alias, *org, *org_slug;
	const char	*created_by;	/* a login, or NULL: the command line */
	const char	*created_at;
};

/* Every alias, by organization and alias. */
enum model_status	alias_list(struct request *, struct alias_item **, size_t *n);
/* Makes alias a name of the organization of org_slug, by the request's login: MODEL_NOT_FOUND
 * when there is no such organization, MODEL_CONFLICT when the alias is already one. */
enum model_status	alias_add(struct request *, const char *alias, const char *org_slug);
/* Deletes alias id: MODEL_NOT_FOUND when there is none. */
enum model_status	alias_delete(struct request *, long long id);

#endif
