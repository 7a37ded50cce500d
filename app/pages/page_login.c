/* page_login.c: /login and /logout, with throttling by account and by address. */
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
	if (message) {
		html_lit(b, "<p class=\"flash error\" role=\"alert\">");
		html_text(b, message);
		html_lit(b, "</p>");
	}
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
