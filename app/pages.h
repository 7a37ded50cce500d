/* pages.h: every page handler, one family per page_<name>.c file; routes.c wires them to paths. */
#ifndef LECTERN_PAGES_H
#define LECTERN_PAGES_H
#include "http.h"

int	page_health(struct request *);
int	page_home(struct request *);

#endif
