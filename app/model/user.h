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
/*
 * Every change of an account is one transaction with its entry in the history (kind "user": the
 * login, name, role, state, links, when the password was set and until when a reset link
 * works; never a hash), made by req's user (NULL: the command line).
 */
/* Sets user id's role and state; disabling ends their logins and reset links at once.
 * MODEL_NOT_FOUND when there is no such user. */
enum model_status	user_update(struct request *, long long id, const char *role, int disabled);
/* Sets login's state (by login) the same way, from the command line. */
enum model_status	user_set_disabled(const char *login, int disabled);
/* Sets login's password (already hashed) from the command line and ends every login made with
 * the old one and every reset link; MODEL_NOT_FOUND when there is no such user. */
enum model_status	user_set_password(const char *login, const char *hash);
/* The same for req's own user, who gave the current password: every login but the one whose
 * token hashes to keep ends. */
enum model_status	user_change_password(struct request *, const char *hash, const unsigned char *keep,
			    size_t keep_len);
/* A reset link for user (enabled), by req's admin: only the token's hash is kept, until expires
 * (unix seconds). MODEL_NOT_FOUND when there is no such enabled user. */
enum model_status	user_reset_add(struct request *, long long user, const unsigned char *token_hash,
			    size_t len, long long now, long long expires);
/* Uses a reset link: the password hash set, the link and every login of the account gone,
 * recorded as the account owner's change. MODEL_NOT_FOUND when the link is unknown, used,
 * expired or the account disabled. */
enum model_status	user_reset_use(struct request *, const unsigned char *token_hash, size_t len,
			    long long now, const char *password_hash);

/* The id and password hash of an enabled account: MODEL_NOT_FOUND when there is none. */
enum model_status	user_password(struct request *, const char *login, long long *id, const char **hash);
/* Replaces the hash of a password that was verified (a stronger cost). */
enum model_status	user_rehash(long long id, const char *hash);

#endif
