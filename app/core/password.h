/* password.h: password hashing (argon2id through libsodium) and the password policy. */
#ifndef LECTERN_PASSWORD_H
#define LECTERN_PASSWORD_H
#include <sodium.h>

#define PASSWORD_MIN	12
#define PASSWORD_MAX	1024

/* Hashes pw into out (crypto_pwhash_STRBYTES); 0, or -1 when out of memory. */
int	password_hash(const char *pw, char out[crypto_pwhash_STRBYTES]);
/* 1 when pw matches hash; 0 otherwise. Takes about as long either way. */
int	password_verify(const char *hash, const char *pw);
/* 1 when hash was made with other parameters than today's and should be redone. */
int	password_needs_rehash(const char *hash);
/* Burns the time of one verification, for an unknown user (no timing oracle). */
void	password_verify_dummy(const char *pw);
/* 0 when pw is acceptable; -1 with a reason in *why (a static sentence). */
int	password_check_policy(const char *pw, const char *login, const char **why);

#endif
