/* test_server_raw.c: raw requests through libmicrohttpd and the adapter (server_handle_raw):
 * what the pages receive after form, query string and cookie decoding, and oversize requests. */
#include "unit.h"

#include "fixture.h"
#include "http/server.h"

#define FORM	"application/x-www-form-urlencoded"
#define STR_AND_LEN(s)	s, sizeof(s) - 1
#define LOGIN	"Cookie: lectern_login="

static char dbpath[] = "/tmp/lectern-test-server-raw-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return fixture_db_create(dbpath, NULL);
}

static int
teardown(void **state)
{
	(void)state;
	fixture_db_remove(dbpath);
	return 0;
}

/* Sends the raw request; returns the status of the (first) answer and the
 * whole answer in *answer (caller frees). */
static int
raw(const char *request, size_t len, char **answer)
{
	struct buf out = BUF_INIT;
	int status = 0;

	assert_int_equal(server_handle_raw(request, len, &out), 0);
	if (out.len >= 12 && memcmp(out.data, "HTTP/1.1 ", 9) == 0)
		status = atoi(out.data + 9);
	*answer = buf_detach(&out, NULL);
	return status;
}

/* A POST of body with its content type and exact length. */
static int
post(const char *path, const char *ctype, const char *body, size_t len, char **answer)
{
	struct buf req = BUF_INIT;
	int status;

	buf_appendf(&req, "POST %s HTTP/1.1\r\nHost: lectern\r\nContent-Type: %s\r\n"
	    "Content-Length: %zu\r\n\r\n", path, ctype, len);
	buf_append(&req, body, len);
	status = raw(req.data, req.len, answer);
	buf_release(&req);
	return status;
}

/* A GET of target (path and query) with extra header lines (each ending in CRLF). */
static int
get(const char *target, const char *headers, char **answer)
{
	struct buf req = BUF_INIT;
	int status;

	buf_appendf(&req, "GET %s HTTP/1.1\r\nHost: lectern\r\n%s\r\n", target, headers);
	status = raw(req.data, req.len, answer);
	buf_release(&req);
	return status;
}

static void
urlencoded_form(void **state)
{
	static const char body[] = "next=%2Fme&login=J%C3%B6rg+O%27Neil%2B1&password=a%26b";
	char *a;

	(void)state;
	/* A wrong password shows the form again with the login name as it was decoded. */
	assert_int_equal(post("/login", FORM, body, sizeof(body) - 1, &a), 401);
	assert_non_null(strstr(a, "name=\"login\" autocomplete=\"username\" required"
	    " value=\"J\xc3\xb6rg O&#39;Neil+1\""));
	assert_non_null(strstr(a, "name=\"next\" value=\"/me\""));
	free(a);
}

static void
multipart_form(void **state)
{
	static const char body[] =
		"--XyZ\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\na+b%20c \"q\"\r\n"
		"--XyZ\r\nContent-Disposition: form-data; name=\"undeclared\"; filename=\"x.txt\"\r\n"
		"Content-Type: text/plain\r\n\r\nignored\r\n"
		"--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n--XyZ--\r\n";
	char *a;

	(void)state;
	/* Multipart values are taken as they are: no + or % decoding. */
	assert_int_equal(post("/login", "multipart/form-data; boundary=XyZ", body, sizeof(body) - 1,
	    &a), 401);
	assert_non_null(strstr(a, "required value=\"a+b%20c &quot;q&quot;\""));
	free(a);
}

static void
empty_required_field(void **state)
{
	static const char body[] = "login=&password=pw";
	char *a;

	(void)state;
	/* An empty required field is a missing one: refused before the page (and its hashing). */
	assert_int_equal(post("/login", FORM, body, sizeof(body) - 1, &a), 400);
	assert_non_null(strstr(a, "The parameter \xe2\x80\x9clogin\xe2\x80\x9d is required."));
	free(a);
}

static void
query_string(void **state)
{
	char *a;

	(void)state;
	/* Escapes and + decoded, empty and unnamed pairs and undeclared repeats ignored. */
	assert_int_equal(get("/search.json?&q=caf%C3%A9+%2B1%zz&&=&page&x=1&x=2;y", "", &a), 200);
	assert_non_null(strstr(a, "\r\n\r\n{\"q\":\"caf\xc3\xa9 +1%zz\",\"kind\":null,\"page\":1,"));
	free(a);
	/* A declared parameter given twice is refused, not one of them picked. */
	assert_int_equal(get("/search.json?q=a&page=2&q=b", "", &a), 400);
	assert_non_null(strstr(a, "The parameter \xe2\x80\x9cq\xe2\x80\x9d is given more than once."));
	free(a);
	assert_int_equal(get("/search.json?page=%31%30", "", &a), 200);
	assert_non_null(strstr(a, "\"page\":10,"));
	free(a);
}

static void
query_nul_refused(void **state)
{
	char *a;

	(void)state;
	/* %00 decodes to a NUL byte: the value is refused, not cut short to "a". */
	assert_int_equal(get("/search.json?q=a%00b", "", &a), 400);
	assert_non_null(strstr(a, "contains a NUL byte"));
	free(a);
}

static void
cookies(void **state)
{
	char *a;

	(void)state;
	/* The login cookie among others, with and without spaces after the semicolons. */
	assert_int_equal(get("/me", "Cookie: theme=dark;lectern_login=" FIXTURE_TOKEN ";   x=\"y z\"\r\n",
	    &a), 200);
	assert_non_null(strstr(a, FIXTURE_NAME));
	free(a);
	assert_int_equal(get("/me", "Cookie:   a=1; b; c=;lectern_login=" FIXTURE_TOKEN "\r\n", &a), 200);
	assert_non_null(strstr(a, FIXTURE_NAME));
	free(a);
	/* Spaces and tabs that end the header line or stand before a semicolon are not the value's. */
	assert_int_equal(get("/me", LOGIN FIXTURE_TOKEN " \t \r\n", &a), 200);
	assert_non_null(strstr(a, FIXTURE_NAME));
	free(a);
	assert_int_equal(get("/me", LOGIN FIXTURE_TOKEN " ; a=1\r\n", &a), 200);
	assert_non_null(strstr(a, FIXTURE_NAME));
	free(a);
	/* A token one character short is no login: to the login page. */
	assert_int_equal(get("/me", LOGIN "123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	    "\r\n", &a), 303);
	assert_non_null(strstr(a, "\r\nLocation: /login?next=%2Fme\r\n"));
	free(a);
}

static void
header_whitespace(void **state)
{
	static const char req[] = "POST /login HTTP/1.1\r\nHost: lectern \t\r\nOrigin: http://lectern\r\n"
	    "Content-Type: " FORM "\r\nContent-Length: 6\r\n\r\nlogin=";
	char *a;

	(void)state;
	/* The space after the Host value is not part of it: the Origin is ours (400, not 403). */
	assert_int_equal(raw(req, sizeof(req) - 1, &a), 400);
	assert_non_null(strstr(a, "is required"));
	free(a);
}

static void
oversize(void **state)
{
	static const char asks[] = "POST /login HTTP/1.1\r\nHost: lectern\r\nExpect: 100-continue\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 99999999\r\n\r\n";
	static const char absurd[] = "POST /login HTTP/1.1\r\nHost: lectern\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 999999999999\r\n\r\nlogin=";
	struct buf req = BUF_INIT;
	char *a;
	int status;

	(void)state;
	buf_puts(&req, "GET / HTTP/1.1\r\nHost: lectern\r\nX-Big: ");
	for (int i = 0; i < 70000; i++)
		buf_putc(&req, 'a');
	buf_puts(&req, "\r\n\r\n");
	status = raw(req.data, req.len, &a);
	assert_true(status == 431 || status == 413 || status == 400);
	free(a);
	buf_release(&req);
	/* A body declared larger than the route takes: refused before it is sent when the client
	 * asks first, or when it is beyond reason; sent whole, read, thrown away, then refused. */
	assert_int_equal(raw(asks, strlen(asks), &a), 413);
	free(a);
	assert_int_equal(raw(absurd, strlen(absurd), &a), 413);
	free(a);
	buf_reset(&req);
	buf_appendf(&req, "POST /login HTTP/1.1\r\nHost: lectern\r\nContent-Type: %s\r\n"
	    "Content-Length: %d\r\n\r\n", FORM, 2 * 1024 * 1024);
	for (int i = 0; i < 2 * 1024 * 1024; i++)
		buf_putc(&req, 'b');
	assert_int_equal(raw(req.data, req.len, &a), 413);
	free(a);
	buf_release(&req);
}

/* A GET of /healthz whose head is about size bytes, a header of 'a' making up the rest. */
static int
head_of(size_t size, const char *name)
{
	struct buf req = BUF_INIT;
	char *a;
	int status;

	buf_appendf(&req, "GET /healthz HTTP/1.1\r\nHost: lectern\r\n%s: ", name);
	while (req.len + 4 < size)
		buf_putc(&req, 'a');
	buf_puts(&req, "\r\n\r\n");
	assert_int_equal(req.len, size);
	status = raw(req.data, req.len, &a);
	free(a);
	buf_release(&req);
	return status;
}

/* RFC 9112 3.2: an HTTP/1.1 request without Host, or with two, is 400; so is a request target
 * with a NUL byte, which libmicrohttpd cut there and served (GET /healthz<NUL>x as /healthz). */
static void
request_line_and_host(void **state)
{
	static const char nul[] = "GET /healthz\0/x HTTP/1.1\r\nHost: lectern\r\n\r\n";
	static const char nul_query[] = "GET /search?q=a\0b HTTP/1.1\r\nHost: lectern\r\n\r\n";
	char *a;

	(void)state;
	assert_int_equal(raw(STR_AND_LEN("GET /healthz HTTP/1.1\r\n\r\n"), &a), 400);
	assert_non_null(strstr(a, "one Host header"));
	free(a);
	assert_int_equal(raw(STR_AND_LEN("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), &a), 400);
	free(a);
	assert_int_equal(raw(STR_AND_LEN("GET /healthz HTTP/1.1\r\nhost: a\r\nHOST: a\r\n\r\n"), &a), 400);
	free(a);
	assert_int_equal(raw(nul, sizeof(nul) - 1, &a), 400);
	assert_non_null(strstr(a, "NUL byte"));
	free(a);
	assert_int_equal(raw(nul_query, sizeof(nul_query) - 1, &a), 400);
	free(a);
	/* HTTP/1.0 needs no Host; an empty one names no host but is one (RFC 9112 3.2). */
	assert_int_equal(raw(STR_AND_LEN("GET /healthz HTTP/1.0\r\n\r\n"), &a), 200);
	free(a);
	assert_int_equal(raw(STR_AND_LEN("GET /healthz HTTP/1.1\r\nHost:\r\n\r\n"), &a), 200);
	free(a);
}

/* The head limit is what the README says: 9.5 KiB, cookies or not (libmicrohttpd alone let
 * 19.9 KB of other headers through). */
static void
head_limit(void **state)
{
	(void)state;
	assert_int_equal(head_of(9 * 1024 + 512, "X-Pad"), 200);
	assert_int_equal(head_of(9 * 1024 + 513, "X-Pad"), 431);
	assert_int_equal(head_of(19000, "X-Pad"), 431);
	assert_int_equal(head_of(9 * 1024 + 512, "Cookie"), 200);
	assert_int_equal(head_of(9 * 1024 + 513, "Cookie"), 431);
}

/* 400 query arguments: libmicrohttpd runs out of connection memory after the request line's
 * callback and closes without notify_completed, so that callback must hold nothing to free
 * (LeakSanitizer, in the sanitizer build, finds it if it does). */
static void
arguments_past_memory(void **state)
{
	struct buf req = BUF_INIT;
	char *a;

	(void)state;
	buf_puts(&req, "GET /search?q=x");
	for (int i = 0; i < 400; i++)
		buf_appendf(&req, "&a%d=1", i);
	buf_puts(&req, " HTTP/1.1\r\nHost: lectern\r\n\r\n");
	assert_true(raw(req.data, req.len, &a) != 200);
	free(a);
	buf_release(&req);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(urlencoded_form),
		cmocka_unit_test(multipart_form),
		cmocka_unit_test(empty_required_field),
		cmocka_unit_test(query_string),
		cmocka_unit_test(query_nul_refused),
		cmocka_unit_test(cookies),
		cmocka_unit_test(header_whitespace),
		cmocka_unit_test(oversize),
		cmocka_unit_test(request_line_and_host),
		cmocka_unit_test(head_limit),
		cmocka_unit_test(arguments_past_memory),
	};

	return cmocka_run_group_tests_name("server_raw", tests, setup, teardown);
}
