/* access.h: who may call a route, as the route table declares it and auth_check enforces it. */
#ifndef LECTERN_ACCESS_H
#define LECTERN_ACCESS_H

enum access {
	ACCESS_PUBLIC,		/* anyone; subject to public_read */
	ACCESS_OPEN,		/* anyone, always (health, assets, login) */
	ACCESS_MEMBER,		/* any logged-in user */
	ACCESS_STAFF,
	ACCESS_ADMIN,
	ACCESS__MAX
};

#define ACCESS_NOCSRF	0x02	/* a POST that needs no login token (the login form): RF_NOCSRF */

#endif
