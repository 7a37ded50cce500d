/* routes.c: the route table, Lectern's map of addresses to pages (Kore's `route` lines). */
#include "assets.h"
#include "pages.h"
#include "router.h"

#define END	{ 0 }

static const struct param_rule p_asset[] = {
	{ "name", P_LINE, PF_PATH, 0, 64, 0 },
	{ "v", P_TOKEN, PF_QUERY, 0, 32, 0 },
	END
};

const struct route routes[] = {
	{ HTTP_GET, "/", page_home, ACCESS_PUBLIC, RF_JSON, NULL },
	{ HTTP_GET, "/healthz", page_health, ACCESS_OPEN, 0, NULL },
	{ HTTP_GET, "/assets/{name}", page_asset, ACCESS_OPEN, 0, p_asset },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
