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
#include "model/db.h"
#include "core/html.h"
#include "core/log.h"

#define TOKEN_BYTES	32
#define TOUCH_EVERY	60	/* seconds between last_used updates: not a write per request */

static void
token_hash(const char *token, unsigned char out[crypto_generichash_BYTES])
{
	crypto_generichash(out, crypto_generichash_BYTES, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

static const char resolve_sql[] =
	"SELECT u.id, u.login, u.display_name, u.role, coalesce(u.person_id, 0), coalesce(u.org_id, 0),"
	" l.csrf_token, l.created_at, l.last_used FROM logins l JOIN users u ON u.id = l.user_id"
	" WHERE l.token_hash = ?1 AND u.disabled = 0";
static const char touch_sql[] = "UPDATE logins SET last_used = ?2 WHERE token_hash = ?1";
static const char expire_sql[] = "DELETE FROM logins WHERE token_hash = ?1";

/* Fills req->user from the login cookie; an expired login is deleted. */
static void
resolve(struct request *req)
{
	const char *token = req_cookie(req, LOGIN_COOKIE);
	unsigned char h[crypto_generichash_BYTES];
	sqlite3 *db;
	sqlite3_stmt *st;
	struct user *u;
	long long now = (long long)time(NULL), created, used;

	if (token == NULL || strlen(token) != TOKEN_BYTES * 2 || (db = db_thread()) == NULL)
		return;
	token_hash(token, h);
	if ((st = db_stmt(db, resolve_sql)) == NULL)
		return;
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return;
	}
	created = sqlite3_column_int64(st, 7);
	used = sqlite3_column_int64(st, 8);
	if (now - used > config.login_idle || now - created > config.login_max) {
		sqlite3_reset(st);
		if ((st = db_stmt(db, expire_sql)) != NULL) {
			sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
			sqlite3_step(st);
			sqlite3_reset(st);
		}
		return;
	}
	u = req_alloc(req, sizeof(*u));
	u->id = sqlite3_column_int64(st, 0);
	u->login = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	u->display_name = req_strdup(req, (const char *)sqlite3_column_text(st, 2));
	u->role = role_of((const char *)sqlite3_column_text(st, 3));
	u->person_id = sqlite3_column_int64(st, 4);
	u->org_id = sqlite3_column_int64(st, 5);
	req->csrf_token = req_strdup(req, (const char *)sqlite3_column_text(st, 6));
	req->user = u;
	sqlite3_reset(st);
	if (now - used >= TOUCH_EVERY && (st = db_stmt(db, touch_sql)) != NULL) {
		sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, now);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
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

static const char login_sql[] =
	"INSERT INTO logins(token_hash, user_id, csrf_token, address, created_at, last_used)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
static const char last_login_sql[] =
	"UPDATE users SET last_login = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1";

int
auth_login_begin(struct request *req, long long user_id)
{
	unsigned char raw[TOKEN_BYTES], csrf_raw[TOKEN_BYTES], h[crypto_generichash_BYTES];
	char token[TOKEN_BYTES * 2 + 1], csrf[TOKEN_BYTES * 2 + 1];
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	int rc;

	if (db == NULL)
		return -1;
	auth_logout(req);	/* a new token at every login: never reuse one */
	randombytes_buf(raw, sizeof(raw));
	randombytes_buf(csrf_raw, sizeof(csrf_raw));
	sodium_bin2hex(token, sizeof(token), raw, sizeof(raw));
	sodium_bin2hex(csrf, sizeof(csrf), csrf_raw, sizeof(csrf_raw));
	token_hash(token, h);
	if ((st = db_stmt(db, login_sql)) == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
	db_bind_text(st, 4, req->remote_addr);
	sqlite3_bind_int64(st, 5, (long long)time(NULL));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return log_err("login: %s", sqlite3_errmsg(db));
	if ((st = db_stmt(db, last_login_sql)) != NULL) {
		sqlite3_bind_int64(st, 1, user_id);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	resp_header(req, "Set-Cookie", req_printf(req,
	    "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax%s", LOGIN_COOKIE, token,
	    config.login_max, req->tls ? "; Secure" : ""));
	sodium_memzero(raw, sizeof(raw));
	return 0;
}

static const char logout_sql[] = "DELETE FROM logins WHERE token_hash = ?1";

void
auth_logout(struct request *req)
{
	const char *token = req_cookie(req, LOGIN_COOKIE);
	unsigned char h[crypto_generichash_BYTES];
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;

	if (token && db && (st = db_stmt(db, logout_sql)) != NULL) {
		token_hash(token, h);
		sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	resp_header(req, "Set-Cookie", req_printf(req, "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
	    LOGIN_COOKIE, req->tls ? "; Secure" : ""));
}

int
auth_is_staff(const struct request *req)
{
	return req->user != NULL && req->user->role >= ROLE_STAFF;
}
