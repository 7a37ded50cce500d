/* login.h: logins (a token's hash and its CSRF token per session) and the failed tries that throttle them. */
#ifndef LECTERN_LOGIN_H
#define LECTERN_LOGIN_H
#include <stddef.h>

#include "core/request.h"
#include "model/model.h"

/* A login as its token's hash finds it (the token itself is never stored). */
struct login {
	struct user	 user;		/* in the request's arena */
	const char	*csrf;
	long long	 created, used;	/* seconds since the epoch */
};

/* The login whose token hashes to hash (len bytes), of a user not disabled; MODEL_NOT_FOUND
 * when there is none. */
enum model_status	login_find(struct request *, const unsigned char *hash, size_t len, struct login *);
/* Notes the login was used at now. */
enum model_status	login_touch(const unsigned char *hash, size_t len, long long now);
/* Forgets the login (a log-out, an expired login). */
enum model_status	login_forget(const unsigned char *hash, size_t len);
/* Records a new login for user and the user's last login time, in one transaction. */
enum model_status	login_add(const unsigned char *hash, size_t len, long long user, const char *csrf,
			    const char *address, long long now);

/* One of a user's logins as they see it. */
struct login_item {
	const char	*key;		/* names it to login_end */
	const char	*address;	/* where it was made from */
	long long	 created, used;	/* seconds since the epoch */
	int		 current;	/* the one asking */
};

/* The logins of user, the last used first; own: the hash of the asking login's token. */
enum model_status	login_list(struct request *, long long user, const unsigned char *own, size_t own_len,
			    struct login_item **, size_t *n);
/* Ends user's login named key (nobody else's). */
enum model_status	login_end(long long user, const char *key);

/* Failed tries since a time: how many, and when the last was (0: none). */
struct login_failures {
	long long	 by_login, last_by_login;
	long long	 by_address, last_by_address;
};

enum model_status	login_failures(const char *login, const char *address, long long since,
			    struct login_failures *);
/* Records a failed try of login from address at now. */
enum model_status	login_failure_add(const char *login, const char *address, long long now);
/* Forgets login's failed tries (it logged in) and everyone's older than before. */
enum model_status	login_failures_forget(const char *login, long long before);

#endif
