/* auth.h: who is asking (logins, roles) and whether they may; the router calls auth_check once per request. */
#ifndef LECTERN_AUTH_H
#define LECTERN_AUTH_H
#include "http.h"

struct route;

enum user_role {
	ROLE_NONE,
	ROLE_MEMBER,	/* sees /me, edits their own bio and links */
	ROLE_STAFF,	/* edits every record, imports, sees history and private fields */
	ROLE_ADMIN,	/* also manages users */
	ROLE__MAX
};

/* The logged-in user of a request (req->user), allocated in the request's arena. */
struct user {
	long long		 id;
	const char		*login;
	const char		*display_name;
	enum user_role		 role;
	long long		 person_id;	/* linked person, 0 for none */
	long long		 org_id;	/* linked organization, 0 for none */
};

/* True when the request comes from staff or an admin: they may see emails and notes. */
int	auth_is_staff(const struct request *);
/* Writes the hidden CSRF field every state-changing form carries (nothing when logged out). */
void	csrf_field(struct request *);

/* 0 when req may call route; otherwise the status to answer (401, 403, 303 to the login page). */
int	auth_check(struct request *, const struct route *);
/* Writes the header's account area (log in link, or the user and a log-out button). */
void	auth_nav(struct request *);
/* Writes a link to the login page that returns to req->path. */
void	auth_login_link(struct request *);

#endif
