/* page_login.c: /login and /logout, with throttling by account and by address. */
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/config.h"
#include "model/db.h"
#include "core/html.h"
#include "pages/layout.h"
#include "core/log.h"
#include "pages/pages.h"
#include "core/password.h"

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

static const char failures_sql[] =
	"SELECT (SELECT count(*) FROM login_failures WHERE login = ?1 AND at > ?3),"
	" (SELECT coalesce(max(at), 0) FROM login_failures WHERE login = ?1 AND at > ?3),"
	" (SELECT count(*) FROM login_failures WHERE address = ?2 AND at > ?3),"
	" (SELECT coalesce(max(at), 0) FROM login_failures WHERE address = ?2 AND at > ?3)";
static const char fail_sql[] = "INSERT INTO login_failures(login, address, at) VALUES (?1, ?2, ?3)";
static const char forget_sql[] =
	"DELETE FROM login_failures WHERE login = ?1 OR at < ?2";
static const char user_sql[] =
	"SELECT id, password_hash FROM users WHERE login = ?1 AND disabled = 0";
static const char rehash_sql[] = "UPDATE users SET password_hash = ?2 WHERE id = ?1";

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
wait_needed(sqlite3 *db, const char *login, const char *addr, long long now)
{
	sqlite3_stmt *st = db_stmt(db, failures_sql);
	long long w1 = 0, w2 = 0;

	if (st == NULL)
		return 0;
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, addr);
	sqlite3_bind_int64(st, 3, now - WINDOW);
	if (sqlite3_step(st) == SQLITE_ROW) {
		w1 = sqlite3_column_int64(st, 1) + delay_for(sqlite3_column_int64(st, 0), FREE_TRIES) - now;
		w2 = sqlite3_column_int64(st, 3) + delay_for(sqlite3_column_int64(st, 2), FREE_TRIES_ADDR) - now;
	}
	sqlite3_reset(st);
	return w1 > w2 ? (w1 > 0 ? w1 : 0) : (w2 > 0 ? w2 : 0);
}

static void
record(sqlite3 *db, const char *sql, const char *a, const char *b2, long long n)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return;
	db_bind_text(st, 1, a);
	if (b2)
		db_bind_text(st, 2, b2), sqlite3_bind_int64(st, 3, n);
	else
		sqlite3_bind_int64(st, 2, n);
	sqlite3_step(st);
	sqlite3_reset(st);
}

int
page_login(struct request *req)
{
	const char *login = req_arg(req, "login"), *pw = req_arg(req, "password");
	sqlite3 *db = db_thread();
	sqlite3_stmt *st;
	long long now = (long long)time(NULL), id = 0, wait;
	char *hash = NULL;
	int good;

	if (db == NULL)
		return 503;
	if ((wait = wait_needed(db, login, req->remote_addr, now)) > 0) {
		req->status = 429;
		resp_header(req, "Retry-After", req_printf(req, "%lld", wait));
		form(req, login, req_printf(req, "Too many failed attempts. Try again in %lld seconds.", wait));
		return 429;
	}
	if ((st = db_stmt(db, user_sql)) == NULL)
		return 503;
	db_bind_text(st, 1, login);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		hash = req_strdup(req, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	/* One worker in four may hash; the others keep serving. A refusal counts against the
	 * address (not the account), so a flood spends its free tries even when it is refused. */
	if (atomic_fetch_add(&hashing, 1) >= (config.threads >= 8 ? config.threads / 4 : 1)) {
		atomic_fetch_sub(&hashing, 1);
		record(db, fail_sql, "(busy)", req->remote_addr, now);	/* never a login */
		req->status = 503;
		resp_header(req, "Retry-After", "1");
		form(req, login, "The server is busy checking other logins. Try again in a moment.");
		return 503;
	}
	/* An unknown user costs the same hashing time as a wrong password. */
	if (hash)
		good = password_verify(hash, pw);
	else {
		password_verify_dummy(pw);
		good = 0;
	}
	atomic_fetch_sub(&hashing, 1);
	if (!good) {
		record(db, fail_sql, login, req->remote_addr, now);
		log_info("login failed for a user from %s", req->remote_addr);
		form(req, login, "Wrong login or password.");
		return 401;
	}
	record(db, forget_sql, login, NULL, now - WINDOW);
	if (password_needs_rehash(hash)) {
		char fresh[crypto_pwhash_STRBYTES];

		if (password_hash(pw, fresh) == 0 && (st = db_stmt(db, rehash_sql)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, fresh, -1, SQLITE_STATIC);
			sqlite3_step(st);
			sqlite3_reset(st);
		}
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
