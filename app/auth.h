/* auth.h: who is asking (logins, roles) and whether they may; the router calls auth_check once per request. */
#ifndef LECTERN_AUTH_H
#define LECTERN_AUTH_H
#include "http.h"

struct route;

/* 0 when req may call route; otherwise the status to answer (401, 403, 303 to the login page). */
int	auth_check(struct request *, const struct route *);
/* Writes the header's account area (log in link, or the user and a log-out button). */
void	auth_nav(struct request *);
/* Writes a link to the login page that returns to req->path. */
void	auth_login_link(struct request *);

#endif
