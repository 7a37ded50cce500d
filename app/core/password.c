/* password.c: argon2id hashes with libsodium's crypto_pwhash_str, and what a password must be. */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "core/password.h"

/* Interactive limits: about a tenth of a second and 64 MiB on a small server. */
#define OPS	crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEM	crypto_pwhash_MEMLIMIT_INTERACTIVE

int
password_hash(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str(out, pw, strlen(pw), OPS, MEM) == 0 ? 0 : -1;
}

int
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

int
password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, OPS, MEM) != 0;
}

static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
dummy_init(void)
{
	char pw[32];

	randombytes_buf(pw, sizeof(pw) - 1);
	for (size_t i = 0; i < sizeof(pw) - 1; i++)
		pw[i] = (char)('a' + (unsigned char)pw[i] % 26);
	pw[sizeof(pw) - 1] = '\0';
	password_hash(pw, dummy);
}

void
password_verify_dummy(const char *pw)
{
	pthread_once(&dummy_once, dummy_init);
	(void)password_verify(dummy, pw);
}

int
password_check_policy(const char *pw, const char *login, const char **why)
{
	/* The most common passwords of public breach lists that are 12 or more long. */
	static const char *const common[] = {
		"123456789012", "1234567890123", "12345678901234", "qwertyuiopas",
		"qwertyuiop123", "password1234", "password12345", "passwordpassword",
		"123123123123", "111111111111", "000000000000", "abc123abc123",
		"iloveyou1234", "administrator", "letmein12345", "welcome12345",
		"changeme1234", "aaaaaaaaaaaa", "1q2w3e4r5t6y", "q1w2e3r4t5y6",
		"zaq12wsxcde3", "1qaz2wsx3edc", "kubernetes123", "kubernetes1234",
		"cloudnative123", "lectern12345", "superman1234", "football1234",
	};
	size_t n = strlen(pw);

	*why = NULL;
	if (n < PASSWORD_MIN)
		*why = "must be at least 12 characters long";
	else if (n > PASSWORD_MAX)
		*why = "is too long";
	else if (login && strcasecmp(pw, login) == 0)
		*why = "must not be the login name";
	for (size_t i = 0; !*why && i < sizeof(common) / sizeof(common[0]); i++)
		if (strcasecmp(pw, common[i]) == 0)
			*why = "is one of the most common passwords; choose another";
	return *why ? -1 : 0;
}
