/* route_deps.h: the kinds of record each public route's pages show (model/generation.h). */
#ifndef LECTERN_ROUTE_DEPS_H
#define LECTERN_ROUTE_DEPS_H
#include "model/generation.h"

struct route;

/* The kinds (D_ORGS | ...) a page of route r shows; D_REGISTRY, all of them, for a route
 * that declares none. */
unsigned	route_deps(const struct route *r);
/* Whether r declares its kinds (for the test that holds the declarations to the pages). */
int		route_deps_declared(const struct route *r);

#endif
