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

/* Exports (page_export.c). */
static const struct param_rule p_export_speakers[] = {
	{ "event", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "colocated", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "org", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "kind", P_ENUM, PF_QUERY, 0, 0, "keynote|talk|lightning|panel|tutorial|maintainer|other" },
	{ "from", P_DATE, PF_QUERY, 0, 10, 0 },
	{ "to", P_DATE, PF_QUERY, 0, 10, 0 },
	{ "body", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "person", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "role", P_ENUM, PF_QUERY, 0, 0,
	    "chair|co-chair|tech-lead|member|liaison|seat|gb|end_user|maintainer|toc|alternate" },
	{ "shape", P_ENUM, PF_QUERY, 0, 0, "appearances|speakers" },
	{ "bom", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "include_email", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	END
};
static const struct param_rule p_export_slug[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	END
};
static const struct param_rule p_export_history[] = {
	{ "bom", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "per_speaker", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	END
};

/* The registry. */
static const struct param_rule p_list[] = {
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	END
};
static const struct param_rule p_slug_page[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	END
};
static const struct param_rule p_event[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	{ "kind", P_ENUM, PF_QUERY, 0, 0, "keynote|talk|lightning|panel|tutorial|maintainer|other" },
	{ "track", P_LINE, PF_QUERY, 0, 200, 0 },
	END
};
static const struct param_rule p_session[] = {
	{ "id", P_INT, PF_PATH, 1, 1LL << 53, 0 },
	END
};
static const struct param_rule p_search[] = {
	{ "q", P_LINE, PF_QUERY, 0, 200, 0 },
	{ "page", P_INT, PF_QUERY, 1, 1000, 0 },
	END
};

const struct route routes[] = {
	{ HTTP_GET, "/", page_home, ACCESS_PUBLIC, RF_JSON, NULL },
	{ HTTP_GET, "/orgs", page_orgs, ACCESS_PUBLIC, RF_JSON, p_list },
	{ HTTP_GET, "/orgs/{slug}", page_org, ACCESS_PUBLIC, RF_JSON, p_slug_page },
	{ HTTP_GET, "/people", page_people, ACCESS_PUBLIC, RF_JSON, p_list },
	{ HTTP_GET, "/people/{slug}", page_person, ACCESS_PUBLIC, RF_JSON, p_slug_page },
	{ HTTP_GET, "/events", page_events, ACCESS_PUBLIC, RF_JSON, p_list },
	{ HTTP_GET, "/events/{slug}", page_event, ACCESS_PUBLIC, RF_JSON, p_event },
	{ HTTP_GET, "/sessions/{id}", page_session, ACCESS_PUBLIC, RF_JSON, p_session },
	{ HTTP_GET, "/bodies", page_bodies, ACCESS_PUBLIC, RF_JSON, NULL },
	{ HTTP_GET, "/bodies/{slug}", page_body, ACCESS_PUBLIC, RF_JSON, p_slug_page },
	{ HTTP_GET, "/search", page_search, ACCESS_PUBLIC, RF_JSON, p_search },
	{ HTTP_GET, "/healthz", page_health, ACCESS_OPEN, 0, NULL },
	{ HTTP_GET, "/assets/{name}", page_asset, ACCESS_OPEN, 0, p_asset },
	/* Exports (page_export.c). */
	{ HTTP_GET, "/export/speakers.csv", page_export_speakers_csv, ACCESS_PUBLIC, 0, p_export_speakers },
	{ HTTP_GET, "/export/speakers.json", page_export_speakers_json, ACCESS_PUBLIC, 0, p_export_speakers },
	{ HTTP_GET, "/events/{slug}/schedule.xml", page_export_schedule_xml, ACCESS_PUBLIC, 0, p_export_slug },
	{ HTTP_GET, "/events/{slug}/schedule.ics", page_export_schedule_ics, ACCESS_PUBLIC, 0, p_export_slug },
	{ HTTP_GET, "/people/{slug}/talks.ics", page_export_talks_ics, ACCESS_PUBLIC, 0, p_export_slug },
	{ HTTP_GET, "/me/history.csv", page_export_history, ACCESS_MEMBER, 0, p_export_history },
	{ HTTP_GET, "/me/organization/speakers.csv", page_export_my_org, ACCESS_MEMBER, 0, p_export_history },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
