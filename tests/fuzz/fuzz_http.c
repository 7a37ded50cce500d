/*
 * fuzz_http.c: arbitrary bytes as HTTP through libmicrohttpd, the adapter and the router
 * (server_handle_raw), over a database with the demo data and a staff login.
 *
 * The first byte picks what the rest is, so the fuzzer reaches each decoder at once: the
 * whole request; the query string of /search.json; the login name of a urlencoded login;
 * a urlencoded body; a multipart body (a login, or a staff import upload); a Cookie header.
 * Properties, besides no crash and no leak: every answer starts "HTTP/1.1 NNN " and has a
 * complete head and body; an error from our pages has a body; a complete request is
 * answered; a query's q and a login's name reach the page exactly as decoded by the
 * rules below, or are refused when their validator says so; a Cookie header logs in
 * exactly when its first lectern_login pair, without the spaces around it, is the token.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/fixture.h"
#include "auth/auth.h"
#include "cli/cli.h"
#include "core/html.h"
#include "core/params.h"
#include "http/server.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum shape { S_RAW, S_QUERY, S_LOGIN, S_FORM, S_MULTIPART, S_UPLOAD, S_COOKIE, S__MAX };

#define HOST		"Host: lectern\r\n"
#define BOUNDARY	"XyZ"

static char dbpath[] = "lectern-fuzz-http-XXXXXX";	/* in build/fuzz, where run.sh runs it */
static sqlite3 *json_db;	/* reads the JSON answers back */

static void
cleanup(void)
{
	sqlite3_close(json_db);
	fixture_db_remove(dbpath);
}

static void
setup(void)
{
	if (fixture_db_create(dbpath, db_demo_load) == -1 ||
	    sqlite3_open(":memory:", &json_db) != SQLITE_OK)
		abort();
	atexit(cleanup);
}

/* What libmicrohttpd makes of a query or urlencoded value: + is a space, %XX
 * the byte, any other % stays as it is. Returns the length written to out. */
static size_t
url_decode(const char *s, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+')
			out[o++] = ' ';
		else if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], '\0' };

			out[o++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else
			out[o++] = s[i];
	}
	return o;
}

/* The value of the header name (any case) in head (n bytes), or NULL when absent. */
static const char *
header(const char *head, size_t n, const char *name)
{
	size_t k = strlen(name);

	for (const char *p = head; p && p + k + 4 <= head + n; ) {
		if (strncasecmp(p, name, k) == 0 && p[k] == ':')
			return p + k + 1 + (p[k + 1] == ' ');
		p = memmem(p, (size_t)(head + n - p), "\r\n", 2);
		p = p ? p + 2 : NULL;
	}
	return NULL;
}

/* Reads a chunked body at p (n bytes); returns the bytes it takes, *data gets its payload size. */
static size_t
chunked(const char *p, size_t n, size_t *data)
{
	size_t at = 0;

	*data = 0;
	for (;;) {
		char *end;
		unsigned long k = strtoul(p + at, &end, 16);

		if (end == p + at || (size_t)(end - p) + 2 > n || memcmp(end, "\r\n", 2) != 0)
			abort();	/* a chunk size line */
		at = (size_t)(end - p) + 2;
		if (at + k + 2 > n || memcmp(p + at + k, "\r\n", 2) != 0)
			abort();	/* a chunk and its CRLF */
		at += k + 2;
		*data += k;
		if (k == 0)
			return at;
	}
}

/*
 * Checks each answer in out and returns the status of the first (0 for none).
 * all: the request had no HEAD, so lengths can be followed to the next answer.
 */
static int
check_answers(const char *p, size_t n, int all)
{
	int first = 0;

	while (n > 0) {
		const char *end = memmem(p, n, "\r\n\r\n", 4), *cl, *te;
		size_t head, body;
		int status, ours;

		if (n < 13 || memcmp(p, "HTTP/1.1 ", 9) != 0 || !isdigit((unsigned char)p[9]) ||
		    !isdigit((unsigned char)p[10]) || !isdigit((unsigned char)p[11]) || p[12] != ' ')
			abort();
		status = atoi(p + 9);
		if (first == 0)
			first = status;
		if (!all)
			return first;
		if (end == NULL)
			abort();	/* a head is always complete */
		head = (size_t)(end - p) + 4;
		/* libmicrohttpd's own error answers (without our headers) end the connection,
		 * and 0.9.75 sends the head of some twice (a malformed Content-Length): there
		 * is nothing after them to follow. */
		if ((ours = header(p, head, "Content-Security-Policy") != NULL) == 0 && status >= 400)
			return first;
		cl = header(p, head, "Content-Length");
		te = header(p, head, "Transfer-Encoding");
		if (status < 200 || status == 204 || status == 304)
			body = 0;
		else if (te && strncasecmp(te, "chunked", 7) == 0)
			head += chunked(p + head, n - head, &body);
		else if (cl) {
			body = strtoul(cl, NULL, 10);
			if (head + body > n)
				abort();	/* the body is all there */
			head += body;
		} else {
			body = n - head;	/* to the end of the connection */
			head = n;
		}
		/* Our pages answer every error with a page (a generic one at least). */
		if (status >= 400 && body == 0)
			abort();
		p += head;
		n -= head;
	}
	return first;
}

/* q of /search.json: refused exactly when its rule refuses it, else echoed as decoded. */
static void
check_query(const char *q, size_t n, const struct buf *out, int status)
{
	static const struct param_rule rule = { "q", P_LINE, PF_QUERY, 0, 200, NULL };
	char *want = malloc(n + 1);
	size_t len = url_decode(q, n, want);
	const char *why, *body = strstr(out->data, "\r\n\r\n");
	sqlite3_stmt *st;

	if (len > 0 && param_check(&rule, want, len, &why) == -1) {
		if (status != 400)
			abort();
	} else if (len > 0) {
		if (status != 200 || body == NULL ||
		    sqlite3_prepare_v2(json_db, "SELECT json_extract(?1, '$.q')", -1, &st, NULL) != SQLITE_OK)
			abort();
		sqlite3_bind_text(st, 1, body + 4, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW || (size_t)sqlite3_column_bytes(st, 0) != len ||
		    memcmp(sqlite3_column_text(st, 0), want, len) != 0)
			abort();
		sqlite3_finalize(st);
	}
	free(want);
}

/* The login name: refused by its rule, or shown again in the form (wrong password or throttled). */
static void
check_login(const char *name, size_t n, const struct buf *out, int status)
{
	static const struct param_rule rule = { "login", P_LINE, PF_FORM | PF_REQUIRED, 0, 64, NULL };
	char *want = malloc(n + 1);
	size_t len = url_decode(name, n, want);
	struct buf shown = BUF_INIT;
	const char *why;

	want[len] = '\0';
	if (len == 0 || param_check(&rule, want, len, &why) == -1) {
		if (status != 400)
			abort();
	} else {
		html_lit(&shown, "required value=\"");
		html_attr(&shown, want);
		if ((status != 401 && status != 429) || strstr(out->data, shown.data) == NULL)
			abort();
	}
	buf_release(&shown);
	free(want);
}

/* The spaces and tabs around [*a, *b) left out. */
static void
trim(const char **a, const char **b)
{
	while (*a < *b && (**a == ' ' || **a == '\t'))
		(*a)++;
	while (*b > *a && ((*b)[-1] == ' ' || (*b)[-1] == '\t'))
		(*b)--;
}

/* True when the Cookie header s (n bytes) is plain pairs: names and values of letters,
 * digits and _, semicolons between them, spaces and tabs only around a pair. */
static int
cookie_plain(const char *s, size_t n)
{
	for (const char *p = s, *end = s + n, *semi; p < end; p = semi ? semi + 1 : end) {
		const char *a = p, *b;

		semi = memchr(p, ';', (size_t)(end - p));
		b = semi ? semi : end;
		trim(&a, &b);
		for (; a < b; a++)
			if (!isalnum((unsigned char)*a) && *a != '_' && *a != '=')
				return 0;
	}
	return 1;
}

/* Logged in exactly when the first lectern_login pair of the header holds the token. */
static void
check_cookie(const char *s, size_t n, int status)
{
	const size_t k = strlen(LOGIN_COOKIE), t = strlen(FIXTURE_TOKEN);

	for (const char *p = s, *end = s + n, *semi; p < end; p = semi ? semi + 1 : end) {
		const char *a = p, *b;

		semi = memchr(p, ';', (size_t)(end - p));
		b = semi ? semi : end;
		trim(&a, &b);
		if ((size_t)(b - a) > k && memcmp(a, LOGIN_COOKIE "=", k + 1) == 0) {
			if (status != ((size_t)(b - a) == k + 1 + t && memcmp(a + k + 1, FIXTURE_TOKEN, t) == 0 ?
			    200 : 303))
				abort();
			return;
		}
	}
	if (status != 303)
		abort();	/* no login cookie: to the login page */
}

/* True when s (n bytes) is a value as a browser encodes it: printable, every %
 * starting an escape, no & or = (libmicrohttpd's post processor drops a field
 * with a stray = or a % near its end, and stops at a NUL; none of that is ours). */
static int
form_plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7F || c == '&' || c == '=')
			return 0;
		if (c == '%' && (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) ||
		    !isxdigit((unsigned char)s[i + 2])))
			return 0;
	}
	return 1;
}

/* True when s (n bytes) has none of the bytes in set. */
static int
none_of(const char *s, size_t n, const char *set, size_t setn)
{
	for (size_t i = 0; i < n; i++)
		if (memchr(set, s[i], setn))
			return 0;
	return 1;
}

/* How many times c is in s (n bytes). libmicrohttpd 0.9.75 keeps each query argument
 * and cookie in the connection's memory (20 KiB, HEADER_MEMORY in server_mhd.c) and, at
 * about 250 of them, closes the connection without the 431 it logs: such a request goes
 * unanswered (the README's limits say so). */
#define MANY_ARGS	150

static size_t
count_of(const char *s, size_t n, char c)
{
	size_t k = 0;

	for (const char *p = s; (p = memchr(p, c, (size_t)(s + n - p))) != NULL; p++)
		k++;
	return k;
}

/* Appends a POST of body to req. */
static void
post(struct buf *req, const char *path, const char *headers, const char *ctype,
    const char *body, size_t n)
{
	buf_appendf(req, "POST %s HTTP/1.1\r\n" HOST "%sContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
	    path, headers, ctype, n);
	buf_append(req, body, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	enum shape shape = size ? (enum shape)(data[0] % S__MAX) : S_RAW;
	const char *in = size ? (const char *)data + 1 : "";
	size_t n = size ? size - 1 : 0;
	struct buf req = BUF_INIT, out = BUF_INIT;
	int answered = 1, exact = 0, status;	/* must be answered; decoding checked */

	if (!ready++)
		setup();
	/* A request before may have logged the staff user out. */
	if ((shape == S_COOKIE || shape == S_UPLOAD) && fixture_login(db_thread()) == -1)
		abort();
	switch (shape) {
	case S_RAW:
		buf_append(&req, in, n);
		answered = 0;
		break;
	case S_QUERY:
		buf_puts(&req, "GET /search.json?q=");
		buf_append(&req, in, n);
		buf_puts(&req, " HTTP/1.1\r\n" HOST "\r\n");
		/* Bytes that end the target or the value leave the checks out. */
		answered = none_of(in, n, " \r\n\0", 4) && count_of(in, n, '&') < MANY_ARGS;
		exact = answered && none_of(in, n, "&#", 2);
		break;
	case S_LOGIN: {
		struct buf body = BUF_INIT;

		buf_puts(&body, "login=");
		buf_append(&body, in, n);
		buf_puts(&body, "&password=pw");
		post(&req, "/login", "", "application/x-www-form-urlencoded", body.data, body.len);
		buf_release(&body);
		exact = form_plain(in, n);
		break;
	}
	case S_FORM:
		post(&req, "/login", "", "application/x-www-form-urlencoded", in, n);
		break;
	case S_MULTIPART:
		post(&req, "/login", "", "multipart/form-data; boundary=" BOUNDARY, in, n);
		break;
	case S_UPLOAD:
		post(&req, "/admin/import", "Cookie: lectern_login=" FIXTURE_TOKEN "\r\nX-CSRF-Token: "
		    FIXTURE_CSRF "\r\n", "multipart/form-data; boundary=" BOUNDARY, in, n);
		break;
	case S_COOKIE:
		buf_puts(&req, "GET /me HTTP/1.1\r\n" HOST "Cookie: ");
		buf_append(&req, in, n);
		buf_puts(&req, "\r\n\r\n");
		answered = none_of(in, n, "\r\n\0", 3) && count_of(in, n, ';') < MANY_ARGS;
		exact = answered && cookie_plain(in, n);
		break;
	case S__MAX:
		abort();
	}
	if (server_handle_raw(req.data, req.len, &out) == -1)
		abort();
	/* Any shape can carry a pipelined HEAD (its answer has a length but no body). */
	status = check_answers(out.data, out.len, memmem(in, n, "HEAD", 4) == NULL);
	if (answered && status == 0)
		abort();	/* a complete request is answered */
	if (shape == S_QUERY && exact)
		check_query(in, n, &out, status);
	if (shape == S_LOGIN && exact)
		check_login(in, n, &out, status);
	if (shape == S_COOKIE && exact)
		check_cookie(in, n, status);
	buf_release(&req);
	buf_release(&out);
	return 0;
}
