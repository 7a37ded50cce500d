/* body.h: bodies (TOC, Governing Board, TAGs, SIGs, working groups) — the list, and who held which role or seat. */
#ifndef LECTERN_BODY_H
#define LECTERN_BODY_H
#include "core/request.h"
#include "model/model.h"
#include "model/role.h"

struct body_item {
	const char	*name, *slug, *kind;
	const char	*parent, *parent_slug;	/* the body it is part of, or NULL */
	long long	 roles, current_roles;
};

struct body_page {
	long long		 id;
	const char		*name, *slug, *kind, *url, *description;
	const char		*parent, *parent_slug;
	/* The roles, latest first; by_term: the current ones first, then the past ones. */
	struct role_item	*roles, **by_term;
	size_t			 n_roles;
};

/* Every body: the TOC, the Board, then the others by name. */
enum model_status	body_list(struct request *, struct body_item **, size_t *n);
enum model_status	body_page(struct request *, const char *slug, struct body_page *);

#endif
