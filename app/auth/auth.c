/*
 * auth.c: logins, roles and request safety.
 *
 * The cookie carries a random 256-bit token; the database keeps only its
 * BLAKE2b hash, so a copy of the database does not hand out logins. Every
 * POST carries the login's CSRF token (form field or X-CSRF-Token header),
 * compared in constant time, and must not come from a foreign Origin.
 */
#include <sodium.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "auth/auth.h"
#include "core/config.h"
#include "core/html.h"
#include "core/log.h"
#include "model/login.h"

#define TOKEN_BYTES	32
#define TOUCH_EVERY	60	/* seconds between last_used updates: not a write per request */

_Static_assert(AUTH_HASH_BYTES == crypto_generichash_BYTES, "auth.h's hash size");

static void
token_hash(const char *token, unsigned char out[crypto_generichash_BYTES])
{
	crypto_generichash(out, crypto_generichash_BYTES, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

/* Fills req->user from the login cookie; an expired login is forgotten. */
static void
resolve(struct request *req)
{
	const char *token = req_cookie(req, LOGIN_COOKIE);
	unsigned char h[crypto_generichash_BYTES];
	struct login l;
	long long now = (long long)time(NULL);

	if (token == NULL || strlen(token) != TOKEN_BYTES * 2)
		return;
	token_hash(token, h);
	if (login_find(req, h, sizeof(h), &l) != MODEL_OK)
		return;
	if (now - l.used > config.login_idle || now - l.created > config.login_max) {
		login_forget(h, sizeof(h));
		return;
	}
	req->user = req_alloc(req, sizeof(*req->user));
	*req->user = l.user;
	req->csrf_token = l.csrf;
	if (now - l.used >= TOUCH_EVERY)
		login_touch(h, sizeof(h), now);
}

/* The origin this server answers as, from the Host header: "http://host:port". */
static const char *
own_origin(struct request *req)
{
	const char *host = req_header(req, "Host");

	return host ? req_printf(req, "%s://%s", req->tls ? "https" : "http", host) : NULL;
}

/* A POST must not come from another site: Origin, or failing that Referer, must be ours. */
static int
origin_ok(struct request *req)
{
	const char *origin = req_header(req, "Origin"), *referer = req_header(req, "Referer");
	const char *own = own_origin(req);
	size_t n;

	if (origin && strcmp(origin, "null") != 0)
		return own && strcasecmp(origin, own) == 0;
	if (origin || referer == NULL)
		return origin == NULL;	/* "null" is refused; nothing at all is left to the token */
	n = own ? strlen(own) : 0;
	return own && strncasecmp(referer, own, n) == 0 && (referer[n] == '/' || referer[n] == '\0');
}

static int
csrf_ok(struct request *req)
{
	const char *sent = param_find(req->form, "csrf");
	size_t n;

	if (sent == NULL)
		sent = req_header(req, "X-CSRF-Token");
	if (sent == NULL || req->csrf_token == NULL)
		return 0;
	n = strlen(req->csrf_token);
	return strlen(sent) == n && sodium_memcmp(sent, req->csrf_token, n) == 0;
}

static int
deny_anonymous(struct request *req)
{
	struct buf b = BUF_INIT;

	/* A browser asking for a page goes to the login form and comes back after. */
	if (req->method == HTTP_POST || req->want_json)
		return 401;
	buf_puts(&b, "/login?next=");
	url_component(&b, req->path);
	resp_header(req, "Location", req_strndup(req, b.data, b.len));
	buf_release(&b);
	return 303;
}

/* Whether the login on req (resolved already) has the route's access: 0, or the status. */
static int
access_status(struct request *req, enum access access)
{
	enum user_role need = ROLE_NONE;

	switch (access) {
	case ACCESS_OPEN:
		return 0;
	case ACCESS_PUBLIC:
		if (config.public_read || req->user)
			return 0;
		return deny_anonymous(req);
	case ACCESS_MEMBER: need = ROLE_MEMBER; break;
	case ACCESS_STAFF: need = ROLE_STAFF; break;
	case ACCESS_ADMIN: need = ROLE_ADMIN; break;
	case ACCESS__MAX: return 500;
	}
	if (req->user == NULL)
		return deny_anonymous(req);
	return req->user->role >= need ? 0 : 403;
}

int
auth_access(struct request *req, enum access access)
{
	if (access != ACCESS_OPEN)
		resolve(req);
	return access_status(req, access);
}

int
auth_check(struct request *req, enum access access, unsigned flags)
{
	if (access != ACCESS_OPEN || (flags & ACCESS_NOCSRF))
		resolve(req);
	if (req->method == HTTP_POST) {
		if (!origin_ok(req)) {
			req->error_detail = "This form was sent from another site.";
			return 403;
		}
		if (!(flags & ACCESS_NOCSRF) && req->user && !csrf_ok(req)) {
			req->error_detail = "The form was missing its security token or it was stale; "
			    "reload the page and try again.";
			return 403;
		}
	}
	return access_status(req, access);
}

int
auth_login_begin(struct request *req, long long user_id)
{
	unsigned char raw[TOKEN_BYTES], csrf_raw[TOKEN_BYTES], h[crypto_generichash_BYTES];
	char token[TOKEN_BYTES * 2 + 1], csrf[TOKEN_BYTES * 2 + 1];

	auth_logout(req);	/* a new token at every login: never reuse one */
	randombytes_buf(raw, sizeof(raw));
	randombytes_buf(csrf_raw, sizeof(csrf_raw));
	sodium_bin2hex(token, sizeof(token), raw, sizeof(raw));
	sodium_bin2hex(csrf, sizeof(csrf), csrf_raw, sizeof(csrf_raw));
	sodium_memzero(raw, sizeof(raw));
	token_hash(token, h);
	if (login_add(h, sizeof(h), user_id, csrf, req->remote_addr, (long long)time(NULL)) != MODEL_OK)
		return -1;
	resp_header(req, "Set-Cookie", req_printf(req,
	    "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax%s", LOGIN_COOKIE, token,
	    config.login_max, req->tls ? "; Secure" : ""));
	return 0;
}

void
auth_logout(struct request *req)
{
	const char *token = req_cookie(req, LOGIN_COOKIE);
	unsigned char h[crypto_generichash_BYTES];

	if (token) {
		token_hash(token, h);
		login_forget(h, sizeof(h));
	}
	resp_header(req, "Set-Cookie", req_printf(req, "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
	    LOGIN_COOKIE, req->tls ? "; Secure" : ""));
}

int
auth_own_login(struct request *req, unsigned char hash[AUTH_HASH_BYTES])
{
	const char *token = req_cookie(req, LOGIN_COOKIE);

	if (req->user == NULL || token == NULL)
		return -1;
	token_hash(token, hash);
	return 0;
}

void
auth_reset_token(char token[AUTH_TOKEN_CHARS + 1], unsigned char hash[AUTH_HASH_BYTES])
{
	unsigned char raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(token, AUTH_TOKEN_CHARS + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	token_hash(token, hash);
}

int
auth_reset_hash(const char *token, unsigned char hash[AUTH_HASH_BYTES])
{
	if (token == NULL || strlen(token) != AUTH_TOKEN_CHARS)
		return -1;
	token_hash(token, hash);
	return 0;
}

const char *
auth_origin(struct request *req)
{
	return own_origin(req);
}

int
auth_is_staff(const struct request *req)
{
	return req->user != NULL && req->user->role >= ROLE_STAFF;
}
