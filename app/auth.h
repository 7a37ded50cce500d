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

#define LOGIN_COOKIE	"lectern_login"

/*
 * Resolves the login cookie into req->user and req->csrf_token, then decides:
 * 0 when req may call route; otherwise the status to answer: 303 to the login
 * page (an anonymous HTML GET of a protected page), 401, or 403 (a role that
 * is not enough, a missing or wrong CSRF token, a foreign Origin).
 */
int	auth_check(struct request *, const struct route *);
/* The access part of auth_check alone (no Origin or CSRF check): whether the request's
 * login may use the route; 0, or the status it would get. Usable on a request head. */
int	auth_access(struct request *, const struct route *);
/* Writes the header's account area (log in link, or the user and a log-out button). */
void	auth_nav(struct request *);
/* Writes a link to the login page that returns to req->path. */
void	auth_login_link(struct request *);
/* True when the request comes from staff or an admin: they may see emails and notes. */
int	auth_is_staff(const struct request *);
/* Writes the hidden CSRF field every state-changing form carries (nothing when logged out). */
void	csrf_field(struct request *);
enum user_role	role_of(const char *);
const char	*role_name(enum user_role);

/*
 * Starts a login for user_id: a new random token (the old one, if any, is
 * forgotten), its hash stored, the cookie set on the response. 0 or -1.
 */
int	auth_login_begin(struct request *, long long user_id);
/* Ends the request's login on the server and clears the cookie. */
void	auth_logout(struct request *);

#endif
