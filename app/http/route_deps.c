/* route_deps.c: what each public page shows, by kind of record: the generations its ETag and cached copies follow. */
#include <string.h>

#include "http/route_deps.h"

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
	{ "/orgs", D_ORGS | D_SESSIONS | D_BODIES | D_PROJECTS },	/* its counts: session_credits (0013) */
	{ "/orgs/{slug}", D_ORGS | D_PEOPLE | D_EVENTS | D_SESSIONS | D_BODIES | D_PROJECTS },
	{ "/orgs/{slug}/report", D_ORGS | D_PEOPLE | D_EVENTS | D_SESSIONS | D_BODIES | D_PROJECTS },
	{ "/people", D_PEOPLE | D_AFFIL | D_ORGS | D_SESSIONS },
	{ "/people/{slug}", D_PEOPLE | D_AFFIL | D_ORGS | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/events", D_EVENTS | D_SESSIONS },
	{ "/events/{slug}", D_EVENTS | D_SESSIONS | D_PEOPLE | D_ORGS },
	{ "/sessions/{id}", D_SESSIONS | D_EVENTS | D_PEOPLE | D_ORGS },
	{ "/bodies", D_BODIES },
	{ "/bodies/{slug}", D_BODIES | D_PEOPLE | D_ORGS },
	{ "/search", D_SESSIONS | D_PEOPLE | D_ORGS | D_EVENTS | D_BODIES | D_PROJECTS },
	{ "/export/speakers.csv", D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/export/speakers.json", D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/export/speakers.xlsx", D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/export/speakers", D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES },
	{ "/export/roles.csv", D_BODIES | D_PEOPLE | D_ORGS | D_AFFIL },
	{ "/export/roles.json", D_BODIES | D_PEOPLE | D_ORGS | D_AFFIL },
	{ "/export/roles.xlsx", D_BODIES | D_PEOPLE | D_ORGS | D_AFFIL },
	{ "/events/{slug}/schedule.xml", D_EVENTS | D_SESSIONS | D_PEOPLE | D_ORGS | D_IMPORTS },
	{ "/events/{slug}/schedule.ics", D_EVENTS | D_SESSIONS | D_PEOPLE },
	{ "/people/{slug}/talks.ics", D_EVENTS | D_SESSIONS | D_PEOPLE },
};

unsigned
route_deps(const char *pattern)
{
	for (size_t i = 0; i < sizeof(shows) / sizeof(shows[0]); i++)
		if (strcmp(pattern, shows[i].pattern) == 0)
			return shows[i].deps;
	return 0;
}
