/* route_deps.h: the kinds of record each public route's pages show (model/generation.h). */
#ifndef LECTERN_ROUTE_DEPS_H
#define LECTERN_ROUTE_DEPS_H
#include "model/generation.h"

/* The kinds (D_ORGS | ...) the pages of the GET route with this pattern show; 0 for a route
 * that declares none (take it as D_REGISTRY, all of them). */
unsigned	route_deps(const char *pattern);

#endif
