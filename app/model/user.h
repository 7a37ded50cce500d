/* user.h: accounts (users), for the command line and the admin pages alike. */
#ifndef LECTERN_USER_H
#define LECTERN_USER_H
#include "core/request.h"
#include "model/model.h"

/* An account to create: person and org are slugs or NULL, the password in clear. */
struct new_user {
	const char	*login, *name, *email, *role, *person, *org, *password;
};

struct user_item {
	long long	 id;
	const char	*login, *display_name, *role;
	int		 disabled;
	const char	*last_login;			/* NULL: never */
	const char	*person_slug, *org_slug;	/* linked, or NULL */
};

/*
 * Creates the n users in one transaction, each password checked against the policy and
 * hashed with argon2id: MODEL_INVALID (a role, slug or password refused; logged),
 * MODEL_CONFLICT (a login taken, or not letters, digits, . _ -; logged), or a failure.
 */
enum model_status	users_create(const struct new_user *, size_t n);
/* Every account, by login. */
enum model_status	user_list(struct request *, struct user_item **, size_t *n);
/* Sets user id's role and state in one transaction; disabling ends their logins at once.
 * MODEL_NOT_FOUND when there is no such user. */
enum model_status	user_update(long long id, const char *role, int disabled);
/* Sets login's state (by login) the same way. */
enum model_status	user_set_disabled(const char *login, int disabled);
/* Sets login's password (already hashed) and ends every login made with the old one, in
 * one transaction; MODEL_NOT_FOUND when there is no such user. */
enum model_status	user_set_password(const char *login, const char *hash);

/* The id and password hash of an enabled account: MODEL_NOT_FOUND when there is none. */
enum model_status	user_password(struct request *, const char *login, long long *id, const char **hash);
/* Replaces the hash of a password that was verified (a stronger cost). */
enum model_status	user_rehash(long long id, const char *hash);

#endif
