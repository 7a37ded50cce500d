/* auth.h: who is asking (logins, roles) and whether they may; the router calls auth_check once per request. */
#ifndef LECTERN_AUTH_H
#define LECTERN_AUTH_H
#include "auth/access.h"
#include "core/request.h"

#define LOGIN_COOKIE	"lectern_login"

/*
 * Resolves the login cookie into req->user and req->csrf_token, then decides:
 * 0 when req may call a route declared with access and flags (ACCESS_NOCSRF:
 * a POST that needs no login token); otherwise the status to answer: 303 to the login
 * page (an anonymous HTML GET of a protected page), 401, or 403 (a role that
 * is not enough, a missing or wrong CSRF token, a foreign Origin).
 */
int	auth_check(struct request *, enum access, unsigned flags);
/* The access part of auth_check alone (no Origin or CSRF check): whether the request's
 * login may use a route of that access; 0, or the status it would get. Usable on a request head. */
int	auth_access(struct request *, enum access);
/* True when the request comes from staff or an admin: they may see emails and notes. */
int	auth_is_staff(const struct request *);

/*
 * Starts a login for user_id: a new random token (the old one, if any, is
 * forgotten), its hash stored, the cookie set on the response. 0 or -1.
 */
int	auth_login_begin(struct request *, long long user_id);
/* Ends the request's login on the server and clears the cookie. */
void	auth_logout(struct request *);

#define AUTH_HASH_BYTES		32	/* BLAKE2b of a token: what the database keeps */
#define AUTH_TOKEN_CHARS	64	/* a token: 256 random bits in hex */
/* The hash of the request's own login token: 0, or -1 when it has none. */
int	auth_own_login(struct request *, unsigned char hash[AUTH_HASH_BYTES]);
/* A new password-reset token (NUL-terminated) and its hash. */
void	auth_reset_token(char token[AUTH_TOKEN_CHARS + 1], unsigned char hash[AUTH_HASH_BYTES]);
/* The hash of a reset token as it came back: 0, or -1 when it cannot be one. */
int	auth_reset_hash(const char *token, unsigned char hash[AUTH_HASH_BYTES]);
/* "https://host:port" as this request reached the server (its Host header); NULL without one. */
const char *auth_origin(struct request *);

#endif
