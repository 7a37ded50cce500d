/* user.h: accounts (users), for the command line and the admin pages alike. */
#ifndef LECTERN_USER_H
#define LECTERN_USER_H
#include <sqlite3.h>

/* Creates a user (the password checked against the policy and hashed with argon2id);
 * person and org are slugs or NULL. 0, or -1 with a message. */
int	user_create(sqlite3 *, const char *login, const char *name, const char *email,
	    const char *role, const char *person, const char *org, const char *password);

#endif
