/* page_login.c: /login and /logout, with throttling by account and by address; passwords changed and reset. */
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/config.h"
#include "core/html.h"
#include "core/log.h"
#include "core/password.h"
#include "model/login.h"
#include "model/user.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"

#define WINDOW		900	/* seconds of failures that count */
#define FREE_TRIES	3	/* per account before delays start */
#define FREE_TRIES_ADDR	10	/* per address */
#define MAX_DELAY	900

/* Logins hashing right now. Each holds a worker thread (and every connection it serves) and
 * 64 MiB for about a tenth of a second: a flood from many addresses, each within its free
 * tries, would otherwise keep every worker hashing and stall all pages. */
static atomic_int hashing;

static const char *
safe_next(const char *next)
{
	/* Only a local path (never an open redirect to another site), and not back here. */
	if (!redirect_target_valid(next) || strncmp(next, "/login", 6) == 0)
		return "/";
	return next;
}

static void
form(struct request *req, const char *login, const char *message)
{
	struct buf *b = &req->out;
	static const struct crumb crumbs[] = { { "Log in", NULL }, { NULL, NULL } };

	layout_begin(req, "Log in", crumbs);
	html_lit(b, "<h1>Log in</h1>");
	if (message == NULL && req_arg(req, "reset"))
		html_lit(b, "<p class=\"flash\" role=\"status\">Your password is set. Log in with it.</p>");
	if (message)
		flash_out(b, 1, message);
	html_lit(b, "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\"");
	html_attr(b, safe_next(req_arg(req, "next")));
	html_lit(b, "\"><div class=\"field\"><label for=\"login\">Login</label>"
	    "<input id=\"login\" name=\"login\" autocomplete=\"username\" required value=\"");
	html_attr(b, login);
	html_lit(b, "\"></div><div class=\"field\"><label for=\"password\">Password</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
	    "</div><p><button type=\"submit\">Log in</button></p></form>");
	layout_end(req);
}

int
page_login_form(struct request *req)
{
	if (req->user)
		return resp_redirect(req, safe_next(req_arg(req, "next")));
	form(req, NULL, NULL);
	return 200;
}

static long long
delay_for(long long failures, long long free_tries)
{
	long long d;

	if (failures < free_tries)
		return 0;
	d = 1LL << (failures - free_tries < 10 ? failures - free_tries : 10);
	return d > MAX_DELAY ? MAX_DELAY : d;
}

/* Seconds the caller must still wait before another try for login from this address. */
static long long
wait_needed(const char *login, const char *addr, long long now)
{
	struct login_failures f;
	long long w1, w2;

	if (login_failures(login, addr, now - WINDOW, &f) != MODEL_OK)
		return 0;
	w1 = f.last_by_login + delay_for(f.by_login, FREE_TRIES) - now;
	w2 = f.last_by_address + delay_for(f.by_address, FREE_TRIES_ADDR) - now;
	return w1 > w2 ? (w1 > 0 ? w1 : 0) : (w2 > 0 ? w2 : 0);
}

/* Hashes the password (one worker in four may: the others keep serving) and compares it
 * with hash; an unknown user (hash NULL) costs the same time. 1 good, 0 bad, -1 busy. */
static int
verify(const char *hash, const char *pw)
{
	int good = 0;

	if (atomic_fetch_add(&hashing, 1) >= (config.threads >= 8 ? config.threads / 4 : 1)) {
		atomic_fetch_sub(&hashing, 1);
		return -1;
	}
	if (hash)
		good = password_verify(hash, pw);
	else
		password_verify_dummy(pw);
	atomic_fetch_sub(&hashing, 1);
	return good;
}

int
page_login(struct request *req)
{
	const char *login = req_arg(req, "login"), *pw = req_arg(req, "password"), *hash;
	long long now = (long long)time(NULL), id, wait;
	enum model_status rc;
	int good;

	if ((wait = wait_needed(login, req->remote_addr, now)) > 0) {
		req->status = 429;
		resp_header(req, "Retry-After", req_printf(req, "%lld", wait));
		form(req, login, req_printf(req, "Too many failed attempts. Try again in %lld %s.", wait,
		    plural(wait, "second", "seconds")));
		return 429;
	}
	if ((rc = user_password(req, login, &id, &hash)) != MODEL_OK && rc != MODEL_NOT_FOUND)
		return page_status(rc);
	/* A refusal counts against the address (not the account), so a flood spends its
	 * free tries even when it is refused. */
	if ((good = verify(hash, pw)) == -1) {
		login_failure_add("(busy)", req->remote_addr, now);	/* never a login */
		req->status = 503;
		resp_header(req, "Retry-After", "1");
		form(req, login, "The server is busy checking other logins. Try again in a moment.");
		return 503;
	}
	if (!good) {
		login_failure_add(login, req->remote_addr, now);
		log_info("login failed for a user from %s", req->remote_addr);
		form(req, login, "Wrong login or password.");
		return 401;
	}
	login_failures_forget(login, now - WINDOW);
	if (password_needs_rehash(hash)) {
		char fresh[crypto_pwhash_STRBYTES];

		if (password_hash(pw, fresh) == 0)
			user_rehash(id, fresh);
	}
	if (auth_login_begin(req, id) == -1)
		return 503;
	return resp_redirect(req, safe_next(req_arg(req, "next")));
}

int
page_logout(struct request *req)
{
	auth_logout(req);
	return resp_redirect(req, "/");
}

/* The new password twice, checked against the policy: NULL, or why not (req's arena). */
static const char *
new_password_refused(struct request *req, const char *login, char hash[crypto_pwhash_STRBYTES])
{
	const char *pw = req_arg(req, "password"), *again = req_arg(req, "again"), *why;

	if (pw == NULL || again == NULL || strcmp(pw, again) != 0)
		return "The two new passwords differ.";
	if (password_check_policy(pw, login, &why) == -1)
		return req_printf(req, "The new password %s.", why);
	if (password_hash(pw, hash) == -1)
		return "The password could not be hashed; try again.";
	return NULL;
}

/* POST /me/password: the current password (throttled as logins are), then the new one; every
 * other login of the account ends. */
int
page_me_password(struct request *req)
{
	const char *login = req->user->login, *hash, *refused;
	long long now = (long long)time(NULL), id, wait;
	char fresh[crypto_pwhash_STRBYTES];
	unsigned char own[AUTH_HASH_BYTES];
	enum model_status rc;
	int good;

	if ((wait = wait_needed(login, req->remote_addr, now)) > 0) {
		resp_header(req, "Retry-After", req_printf(req, "%lld", wait));
		req->error_detail = req_printf(req, "Too many failed attempts. Try again in %lld seconds.", wait);
		return 429;
	}
	if ((rc = user_password(req, login, &id, &hash)) != MODEL_OK)
		return page_status(rc);
	if ((good = verify(hash, req_arg(req, "current"))) == -1) {
		resp_header(req, "Retry-After", "1");
		return 503;
	}
	if (!good) {
		login_failure_add(login, req->remote_addr, now);
		req->error_detail = "Your current password was wrong; nothing was changed.";
		return 403;
	}
	if ((refused = new_password_refused(req, login, fresh)) != NULL) {
		req->error_detail = req_printf(req, "%s Nothing was changed.", refused);
		return 422;
	}
	if (auth_own_login(req, own) == -1)
		return 403;
	if ((rc = user_change_password(req, fresh, own, sizeof(own))) != MODEL_OK)
		return page_status(rc);
	return resp_redirect(req, "/me?password=1");
}

static void
reset_form(struct request *req, const char *token, const char *message)
{
	static const struct crumb crumbs[] = { { "Set a password", NULL }, { NULL, NULL } };
	struct buf *b = &req->out;

	layout_begin(req, "Set a password", crumbs);
	html_lit(b, "<h1>Set a password</h1>");
	if (message)
		flash_out(b, 1, message);
	html_lit(b, "<form method=\"post\" action=\"/reset\"><input type=\"hidden\" name=\"token\" value=\"");
	html_attr(b, token);
	html_lit(b, "\"><div class=\"field\"><label for=\"password\">New password (12 characters or more)</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></div>"
	    "<div class=\"field\"><label for=\"again\">New password again</label><input id=\"again\" name=\"again\""
	    " type=\"password\" autocomplete=\"new-password\" required></div>"
	    "<p><button type=\"submit\">Set the password</button></p></form>");
	layout_end(req);
}

/* GET /reset?token=: the form a reset link opens; the token stays out of any Referer. */
int
page_reset_form(struct request *req)
{
	resp_header(req, "Referrer-Policy", "no-referrer");
	resp_header(req, "Cache-Control", "no-store");
	reset_form(req, req_arg(req, "token"), NULL);
	return 200;
}

/* POST /reset: a good link sets the password once; every login of the account ends. */
int
page_reset(struct request *req)
{
	const char *token = req_arg(req, "token"), *refused;
	char fresh[crypto_pwhash_STRBYTES];
	unsigned char hash[AUTH_HASH_BYTES];
	enum model_status rc;

	resp_header(req, "Referrer-Policy", "no-referrer");
	if (auth_reset_hash(token, hash) == -1) {
		reset_form(req, NULL, "This link is not a reset link. Ask an admin for a new one.");
		return 404;
	}
	if ((refused = new_password_refused(req, NULL, fresh)) != NULL) {
		reset_form(req, token, refused);
		return 422;
	}
	if ((rc = user_reset_use(req, hash, sizeof(hash), (long long)time(NULL), fresh)) == MODEL_NOT_FOUND) {
		reset_form(req, NULL, "This link was used already or has expired. Ask an admin for a new one.");
		return 404;
	}
	if (rc != MODEL_OK)
		return page_status(rc);
	auth_logout(req);
	return resp_redirect(req, "/login?reset=1");
}
