/* route_deps.c: what each public page shows, by kind of record: the generations its ETag and cached copies follow. */
#include <pthread.h>
#include <string.h>

#include "http/route_deps.h"
#include "http/router.h"

/*
 * Held to what the pages read by tests/unit/test_route_deps.c, which renders each one with
 * every table a statement reads traced: a page that starts reading another kind fails it
 * until that kind is added here.
 */
static const struct {
	const char	*pattern;
	unsigned	 deps;
} shows[] = {
	{ "/", D_ORGS | D_PEOPLE | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/orgs", D_ORGS | D_EVENTS | D_SESSIONS | D_BODIES | D_PROJECTS },
	{ "/orgs/{slug}", D_ORGS | D_PEOPLE | D_EVENTS | D_SESSIONS | D_BODIES | D_PROJECTS },
	{ "/people", D_PEOPLE | D_AFFIL | D_ORGS | D_SESSIONS },
	{ "/people/{slug}", D_PEOPLE | D_AFFIL | D_ORGS | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/events", D_EVENTS | D_SESSIONS },
	{ "/events/{slug}", D_EVENTS | D_SESSIONS | D_PEOPLE | D_ORGS },
	{ "/sessions/{id}", D_SESSIONS | D_EVENTS | D_PEOPLE | D_ORGS },
	{ "/bodies", D_BODIES },
	{ "/bodies/{slug}", D_BODIES | D_PEOPLE | D_ORGS },
	{ "/search", D_SESSIONS | D_PEOPLE | D_ORGS | D_EVENTS },
	{ "/export/speakers.csv", D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/export/speakers.json", D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/events/{slug}/schedule.xml", D_EVENTS | D_SESSIONS | D_PEOPLE | D_IMPORTS },
	{ "/events/{slug}/schedule.ics", D_EVENTS | D_SESSIONS | D_PEOPLE },
	{ "/people/{slug}/talks.ics", D_EVENTS | D_SESSIONS | D_PEOPLE },
};

#define MAX_ROUTES	256

static unsigned by_route[MAX_ROUTES];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
index_routes(void)
{
	for (size_t i = 0; i < routes_count && i < MAX_ROUTES; i++)
		for (size_t j = 0; j < sizeof(shows) / sizeof(shows[0]); j++)
			if (routes[i].method == HTTP_GET && strcmp(routes[i].pattern, shows[j].pattern) == 0)
				by_route[i] = shows[j].deps;
}

unsigned
route_deps(const struct route *r)
{
	size_t i = (size_t)(r - routes);

	pthread_once(&once, index_routes);
	return i < MAX_ROUTES && by_route[i] ? by_route[i] : D_REGISTRY;
}

int
route_deps_declared(const struct route *r)
{
	size_t i = (size_t)(r - routes);

	pthread_once(&once, index_routes);
	return i < MAX_ROUTES && by_route[i] != 0;
}
