/*
 * server_mhd.c: the libmicrohttpd adapter, the only file that includes <microhttpd.h>.
 *
 * It turns an MHD connection into a struct request, hands it to the router and
 * turns the result back into an MHD response with the security headers. The
 * response is queued only on the last access-handler call (after the body):
 * queueing on the first call, which carries only the headers, makes
 * libmicrohttpd close the connection instead of keeping it alive.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/access_log.h"
#include "core/buf.h"
#include "core/compress.h"
#include "core/config.h"
#include "core/request.h"
#include "core/log.h"
#include "core/mem.h"
#include "http/offload.h"
#include "http/listen.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "http/server.h"
#include "http/streams.h"
#include "model/db.h"

/* The largest request head (request line and headers, cookies included) answered; past it,
 * 431. An 8 KiB cookie, the line limit of nginx and Apache, fits beside a browser's usual
 * headers. libmicrohttpd alone let a 19.9 KB head through, or one with cookies of 10 KB,
 * which it parses once more in the same memory (HEADER_MEMORY). */
#define HEAD_MAX	(9 * 1024 + 512)
/* Per-connection memory for the request head and read buffers (libmicrohttpd's pool).
 * libmicrohttpd zeroes all of it after every request and keeps it for every kept-alive
 * connection, so its size costs twice: at 64 KiB that memset was three quarters of a small
 * request's instructions, and 2,000 kept-alive connections held 130 MiB. */
#define HEADER_MEMORY	(20 * 1024)
#define STREAM_CHUNK	(32 * 1024)
/* Answers compressed as they go (not kept): fast levels, most of the gain. */
#define LIVE_GZIP_LEVEL	5
#define LIVE_BR_LEVEL	4
/* Threads for the routes that spend the database's time (offload.h): half the workers. */
#define OFFLOAD_THREADS	(config.threads > 1 ? config.threads / 2 : 1)
/* The most of a refused body read and thrown away so that its answer arrives (see on_request). */
#define DISCARD_MAX	((unsigned long long)config.max_upload * 4)

static const char csp[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

struct conn_state {
	struct request		 req;
	int			 target_nul;	/* the request target held a NUL byte (on_uri) */
	struct buf		 body;
	size_t			 limit;
	int			 denied;	/* for an upload route: the login's status there */
	int			 too_large;	/* the rest of the body is read and thrown away */
	size_t			 discarded;
	struct timespec		 start;
	size_t			 bytes;
	/* Form fields being assembled by the post processor. */
	struct buf		 field;
	char			*field_name;
	/* Handed to an offload thread (RF_OFFLOAD): the connection, suspended meanwhile. */
	struct MHD_Connection	*conn;
	int			 offloaded;
	/* A public page set aside (rendered on an offload thread, or waited for while another
	 * request renders it) while the worker serves its other connections; lock orders the
	 * suspension before the resumption. */
	pthread_mutex_t		 lock;
	enum { PHASE_NEW, PHASE_ASIDE, PHASE_RENDERED, PHASE_WOKEN } phase;
	int			 suspended;
};

static enum http_method
method_of(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return HTTP_GET;
	if (strcmp(m, "HEAD") == 0)
		return HTTP_HEAD;
	if (strcmp(m, "POST") == 0)
		return HTTP_POST;
	return HTTP_OTHER;
}

/* Values come with their length: a query value's %00 is a NUL byte inside it,
 * which the validators refuse, not the end of a shorter value. */
static enum MHD_Result
collect(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
    const char *value, size_t len)
{
	struct request *req = cls;
	struct param **list;

	(void)key_size;
	switch (kind) {
	case MHD_HEADER_KIND: list = &req->headers; break;
	case MHD_COOKIE_KIND: list = &req->cookies; break;
	case MHD_GET_ARGUMENT_KIND: list = &req->query; break;
	default: return MHD_YES;
	}
	if (key == NULL)
		return MHD_YES;
	if (value == NULL)
		value = "", len = 0;
	/* libmicrohttpd 0.9.75 keeps the spaces and tabs that end a header line, which
	 * are not part of its value (RFC 9110 5.5), and those before a cookie's ';':
	 * "Host: x " must still be our own origin, "lectern_login=T ; a=1" still T. */
	if (kind != MHD_GET_ARGUMENT_KIND)
		while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t'))
			len--;
	param_push(req, list, key, value, len);
	return MHD_YES;
}

static void
field_flush(struct conn_state *cs)
{
	if (cs->field_name == NULL)
		return;
	param_push(&cs->req, &cs->req.form, cs->field_name, cs->field.data, cs->field.len);
	free(cs->field_name);
	cs->field_name = NULL;
	buf_reset(&cs->field);
}

/* Post-processor callback: a field arrives in pieces; off == 0 starts a new one. */
static enum MHD_Result
form_piece(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
    const char *ctype, const char *enc, const char *data, uint64_t off, size_t size)
{
	struct conn_state *cs = cls;

	(void)kind, (void)ctype, (void)enc;
	if (key == NULL)
		return MHD_YES;
	if (off == 0 || cs->field_name == NULL || strcmp(cs->field_name, key) != 0) {
		field_flush(cs);
		cs->field_name = xstrdup(key);
		if (filename) {	/* the file name travels as KEY.filename */
			char *n = req_printf(&cs->req, "%s.filename", key);

			param_push(&cs->req, &cs->req.form, n, filename, strlen(filename));
		}
	}
	buf_append(&cs->field, data, size);
	return MHD_YES;
}

static void
parse_form(struct MHD_Connection *c, struct conn_state *cs)
{
	struct MHD_PostProcessor *pp;

	if (cs->body.len == 0)
		return;
	/* NULL for a content type that is not a form (JSON bodies stay in req.body). */
	pp = MHD_create_post_processor(c, 16 * 1024, form_piece, cs);
	if (pp == NULL)
		return;
	MHD_post_process(pp, cs->body.data, cs->body.len);
	MHD_destroy_post_processor(pp);
	field_flush(cs);
}

static void
fill_request(struct MHD_Connection *c, struct conn_state *cs, const char *url,
    const char *method)
{
	struct request *req = &cs->req;
	const union MHD_ConnectionInfo *ci;
	char addr[INET6_ADDRSTRLEN] = "-";

	req->method = method_of(method);
	req->method_name = req_strdup(req, method);
	req->path = req_strdup(req, url);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;

		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			    addr, sizeof(addr));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			    addr, sizeof(addr));
	}
	req->remote_addr = req_strdup(req, addr);
	req->tls = config.tls_cert != NULL || config.behind_tls_proxy;
	MHD_get_connection_values_n(c, MHD_HEADER_KIND, collect, req);	/* cookies: at the head */
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect, req);
	req->body = cs->body.data;
	req->body_len = cs->body.len;
	if (req->method == HTTP_POST)
		parse_form(c, cs);
}

/*
 * A streamed body, owned by its libmicrohttpd response: the response's free callback
 * (stream_released) runs when the connection is done with it, finished or dropped, and
 * may run after the connection's state is gone. What the stream holds (a connection of
 * the export pool) is given back as soon as its last piece is made.
 */
struct stream_out {
	stream_fn		 fn;
	void			*ctx;
	void			(*free)(void *);
	struct buf		 chunk;		/* the current piece and how far it has been sent */
	size_t			 off;
	int			 done;
	size_t			*bytes;		/* the access log's count, in the connection's state */
	struct stream_watch	 watch;
	struct zstream		*zs;		/* compressing: the export's own piece goes into raw */
	struct buf		 raw;
};

/* Frees what the stream holds (its pool connection); from then on it is not watched. */
static void
stream_end(struct stream_out *so)
{
	if (so->free && so->ctx)
		so->free(so->ctx);
	so->ctx = NULL;
	atomic_store(&so->watch.done, 1);
}

static void
stream_released(void *cls)
{
	struct stream_out *so = cls;

	stream_end(so);
	streams_remove(&so->watch);
	buf_release(&so->chunk);
	buf_release(&so->raw);
	zstream_free(so->zs);
	free(so);
}

/* The stream's next piece into so->chunk, through the compressor when there is one; an
 * empty piece from the export ends it. 0, or -1 on error. */
static int
stream_piece(struct stream_out *so)
{
	int finish;

	if (so->zs == NULL) {
		if (so->fn(so->ctx, &so->chunk) == -1)
			return -1;
		so->done = so->chunk.len == 0;
		return 0;
	}
	do {	/* the compressor may keep a small piece for later */
		buf_reset(&so->raw);
		if (so->fn(so->ctx, &so->raw) == -1)
			return -1;
		finish = so->raw.len == 0;
		if (zstream_put(so->zs, so->raw.data, so->raw.len, finish, &so->chunk) == -1)
			return -1;
	} while (so->chunk.len == 0 && !finish);
	so->done = finish;
	return 0;
}

static ssize_t
stream_reader(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream_out *so = cls;
	size_t n;

	(void)pos;
	while (so->off == so->chunk.len) {
		if (so->done)
			return MHD_CONTENT_READER_END_OF_STREAM;
		buf_reset(&so->chunk);
		so->off = 0;
		if (stream_piece(so) == -1) {
			stream_end(so);
			return MHD_CONTENT_READER_END_WITH_ERROR;
		}
		if (so->done)
			stream_end(so);
	}
	n = so->chunk.len - so->off;
	if (n > max)
		n = max;
	memcpy(out, so->chunk.data + so->off, n);
	so->off += n;
	*so->bytes += n;
	atomic_fetch_add(&so->watch.sent, n);
	return (ssize_t)n;
}

/* The coding a response of this type goes in, among those available, for this client. */
static enum coding
coding_for(const struct request *req, unsigned available)
{
	if (!coding_suits(req->content_type) || req->status == 304)
		return CODING_IDENTITY;
	return coding_choose(req_header(req, "Accept-Encoding"), available);
}

/* The response of a streamed body, which takes the stream over from the request; compressed
 * as it goes when the client takes a coding. */
static struct MHD_Response *
stream_response(struct MHD_Connection *c, struct conn_state *cs, enum coding *coding)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct stream_out *so = xcalloc(1, sizeof(*so));
	struct MHD_Response *r;

	so->fn = cs->req.stream;
	so->ctx = cs->req.stream_ctx;
	so->free = cs->req.stream_free;
	cs->req.stream_ctx = NULL;
	so->bytes = &cs->bytes;
	buf_init(&so->chunk, 0);
	buf_init(&so->raw, 0);
	*coding = coding_for(&cs->req, (1u << CODING_GZIP) | (1u << CODING_BR));
	if (*coding != CODING_IDENTITY && (so->zs = zstream_new(*coding, *coding == CODING_BR ?
	    LIVE_BR_LEVEL : LIVE_GZIP_LEVEL)) == NULL)
		*coding = CODING_IDENTITY;
	streams_add(&so->watch, ci ? ci->connect_fd : -1);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, STREAM_CHUNK, stream_reader, so,
	    stream_released);
	if (r == NULL)
		stream_released(so);
	return r;
}

static void
add_headers(struct MHD_Response *r, struct request *req)
{
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	if (config.tls_cert)
		MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
	if (req->content_type && req->status != 304)
		MHD_add_response_header(r, "Content-Type", req->content_type);
	for (const struct param *h = req->out_headers; h; h = h->next)
		MHD_add_response_header(r, h->name, h->value);
}

/* A kept body (a cached page, an asset) in the client's coding: MHD takes over the
 * reference and releases it when the response is done. */
static struct MHD_Response *
kept_response(struct conn_state *cs, enum coding *coding)
{
	struct resp_body *k = &cs->req.out_ref;
	struct MHD_Response *r;
	unsigned available = 0;

	for (int i = CODING_GZIP; i < CODING__MAX; i++)
		available |= k->data[i] ? 1u << i : 0;
	*coding = coding_for(&cs->req, available);
	cs->bytes = k->len[*coding];
	if (k->release == NULL)
		return MHD_create_response_from_buffer(k->len[*coding], (void *)(uintptr_t)k->data[*coding],
		    MHD_RESPMEM_PERSISTENT);
	r = MHD_create_response_from_buffer_with_free_callback_cls(k->len[*coding],
	    (void *)(uintptr_t)k->data[*coding], k->release, k->ctx);
	if (r)
		k->release = NULL;
	return r;
}

/* A rendered body, compressed now for a client that takes it when that pays. */
static struct MHD_Response *
rendered_response(struct conn_state *cs, enum coding *coding)
{
	struct request *req = &cs->req;
	struct buf z = BUF_INIT;
	size_t len;
	char *data;

	*coding = req->out.len >= CODING_MIN_BYTES ?
	    coding_for(req, (1u << CODING_GZIP) | (1u << CODING_BR)) : CODING_IDENTITY;
	if (*coding != CODING_IDENTITY && compress_body(*coding, *coding == CODING_BR ?
	    LIVE_BR_LEVEL : LIVE_GZIP_LEVEL, req->out.data, req->out.len, &z) == 0 &&
	    z.len < req->out.len) {
		data = buf_detach(&z, &len);
		cs->bytes = len;
		return MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	}
	buf_release(&z);
	*coding = CODING_IDENTITY;
	cs->bytes = req->out.len;
	return MHD_create_response_from_buffer(req->out.len, req->out.data, MHD_RESPMEM_PERSISTENT);
}

/* Content-Encoding for the coding sent, and Vary on every answer that has codings. */
static void
coding_headers(struct MHD_Response *r, const struct request *req, enum coding coding)
{
	if (coding != CODING_IDENTITY)
		MHD_add_response_header(r, "Content-Encoding", coding_name(coding));
	if (coding_suits(req->content_type) && param_find(req->out_headers, "Vary") == NULL)
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
}

static enum MHD_Result
respond(struct MHD_Connection *c, struct conn_state *cs)
{
	struct request *req = &cs->req;
	struct MHD_Response *r;
	enum MHD_Result ret;
	enum coding coding;

	if (req->stream && req->method != HTTP_HEAD)
		r = stream_response(c, cs, &coding);
	else if (req->out_ref.data[0])
		r = kept_response(cs, &coding);
	else
		r = rendered_response(cs, &coding);
	if (r == NULL)
		return MHD_NO;
	add_headers(r, req);
	coding_headers(r, req, coding);
	ret = MHD_queue_response(c, (unsigned)req->status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
quick_error(struct MHD_Connection *c, struct conn_state *cs, int status)
{
	cs->req.status = status;
	router_error_page(&cs->req);
	cs->req.content_type = "text/html; charset=utf-8";
	return respond(c, cs);
}

/* On an offload thread: the route runs there, then the connection's worker answers. */
static void
run_offloaded(void *arg)
{
	struct conn_state *cs = arg;

	router_dispatch(&cs->req);
	MHD_resume_connection(cs->conn);
}

/* Hands the request to an offload thread and suspends the connection until it is done;
 * when the queue is full, 503 at once. */
static enum MHD_Result
offload(struct MHD_Connection *c, struct conn_state *cs)
{
	if (offload_reserve() == -1) {
		resp_header(&cs->req, "Retry-After", "1");
		cs->req.error_detail = "The server is answering many searches at once; try again in a moment.";
		return quick_error(c, cs, 503);
	}
	cs->conn = c;
	cs->offloaded = 1;
	MHD_suspend_connection(c);
	offload_submit(run_offloaded, cs);
	return MHD_YES;
}

/* Ends a connection's time aside (on the thread that rendered or woke it): MHD calls
 * on_request again, which answers it or looks again. */
static void
bring_back(struct conn_state *cs, int phase)
{
	pthread_mutex_lock(&cs->lock);
	cs->phase = phase;
	if (cs->suspended) {
		cs->suspended = 0;
		MHD_resume_connection(cs->conn);
	}
	pthread_mutex_unlock(&cs->lock);
}

/* On an offload thread: a public page to render for the others (ROUTER_RENDER). */
static void
render_job(void *arg)
{
	struct conn_state *cs = arg;

	router_render(&cs->req);
	bring_back(cs, PHASE_RENDERED);
	page_cache_compress_later();	/* cs may be gone: its answer is being sent */
}

static void
wake_job(void *arg)
{
	bring_back(arg, PHASE_WOKEN);
}

/*
 * Sets a page to render, or to wait for, aside: queued (or registered) and the connection
 * suspended under cs->lock, so that the job cannot resume it before it is suspended.
 * Returns 1 when set aside, 0 when it must go on here (next says how): the queue is full
 * (the page is rendered here), or the render it would wait for has ended.
 */
static int
set_aside(struct MHD_Connection *c, struct conn_state *cs, enum router_next *next)
{
	int aside;

	pthread_mutex_lock(&cs->lock);
	cs->conn = c;
	cs->phase = PHASE_ASIDE;
	if (*next == ROUTER_RENDER)
		aside = offload_reserve() == 0;
	else
		aside = page_cache_wait(&cs->req, wake_job, cs);
	if (aside) {
		MHD_suspend_connection(c);
		cs->suspended = 1;
		if (*next == ROUTER_RENDER)
			offload_submit(render_job, cs);
	}
	pthread_mutex_unlock(&cs->lock);
	if (!aside && *next == ROUTER_RENDER) {
		router_render(&cs->req);
		*next = ROUTER_DONE;
	} else if (!aside)
		*next = router_retry(&cs->req);
	return aside;
}

/* The router's answer for a request (filled in), from the start or from where it was set
 * aside. */
static enum MHD_Result
answer(struct MHD_Connection *c, struct conn_state *cs)
{
	enum router_next next;

	if (cs->phase == PHASE_NEW) {
		cs->req.can_defer = offload_running();
		next = router_dispatch(&cs->req);
	} else if (cs->phase == PHASE_WOKEN)
		next = router_retry(&cs->req);
	else
		next = ROUTER_DONE;	/* rendered */
	while (next != ROUTER_DONE)
		if (set_aside(c, cs, &next))
			return MHD_YES;
	return respond(c, cs);
}

/* What on_uri answers for a request target with a NUL byte (a marker, never freed). */
static char target_has_nul;

/*
 * libmicrohttpd's URI log callback, at the request line, before anything is decoded: it
 * ends the target where the version starts ("/a HTTP/1.1"), and 0.9.75 ends it again at a
 * NUL byte and serves "GET /a<NUL>b" as /a; then what follows the target's end is not the
 * version. Nothing is allocated here: after this callback, libmicrohttpd may close a
 * connection (out of memory for its arguments) without notify_completed.
 */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	const char *rest = uri + strlen(uri) + 1;

	(void)cls, (void)c;
	return strncmp(rest, "HTTP/", 5) == 0 && strlen(rest) <= 8 ? NULL : &target_has_nul;
}

/* A new connection state (the first call of a request). */
static struct conn_state *
conn_new(void)
{
	struct conn_state *cs = xcalloc(1, sizeof(*cs));

	pthread_mutex_init(&cs->lock, NULL);
	req_init(&cs->req);
	buf_init(&cs->body, 0);
	buf_init(&cs->field, 0);
	clock_gettime(CLOCK_MONOTONIC, &cs->start);
	return cs;
}

struct head_count {
	size_t	 bytes;
	int	 hosts;
};

static enum MHD_Result
count_header(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
    const char *value, size_t len)
{
	struct head_count *h = cls;

	(void)kind;
	/* "Key: value" CRLF; a query argument "key=value&" (decoded: about its size) */
	h->bytes += key_size + len + (kind == MHD_HEADER_KIND ? 4 : 2);
	h->hosts += kind == MHD_HEADER_KIND && key && strcasecmp(key, "Host") == 0;
	return MHD_YES;
}

/*
 * The status of a head refused before any route sees it, or 0: a request target with a
 * NUL byte (on_uri), an HTTP/1.1 request without Host or with two, which libmicrohttpd
 * 0.9.75 accepts (RFC 9112 3.2: 400), or a head over HEAD_MAX.
 */
static int
head_refused(struct MHD_Connection *c, struct conn_state *cs, const char *url,
    const char *method, const char *version)
{
	struct head_count h = { 0, 0 };

	if (cs->target_nul) {
		cs->req.error_detail = "The request line holds a NUL byte.";
		return 400;
	}
	MHD_get_connection_values_n(c, MHD_HEADER_KIND | MHD_GET_ARGUMENT_KIND, count_header, &h);
	if (h.hosts > 1 || (h.hosts == 0 && strcmp(version, MHD_HTTP_VERSION_1_1) == 0)) {
		cs->req.error_detail = "An HTTP/1.1 request names its host once, in one Host header.";
		return 400;
	}
	if (strlen(method) + strlen(url) + strlen(version) + 4 + h.bytes + 2 > HEAD_MAX)
		return 431;
	return 0;
}

/* The first call for a request, once its head is complete. */
static enum MHD_Result
on_head(struct MHD_Connection *c, struct conn_state *cs, const char *url, const char *method,
    const char *version)
{
	const char *cl;
	int status;

	cs->req.path = req_strdup(&cs->req, url);
	cs->req.method_name = req_strdup(&cs->req, method);
	cs->req.remote_addr = "-";
	if ((status = head_refused(c, cs, url, method, version)) != 0)
		return quick_error(c, cs, status);
	/* The head is complete: its cookies say whose login an upload would be. */
	MHD_get_connection_values_n(c, MHD_COOKIE_KIND, collect, &cs->req);
	cs->limit = router_body_limit(&cs->req, &cs->denied);
	cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	if (cl && strtoull(cl, NULL, 10) > cs->limit) {
		/* A declared oversize body is refused (as too large, or for a login that
		 * may not upload there, with the status that login gets) without keeping
		 * any of it. From the head when the client waits for a go-ahead, or when
		 * the body is beyond reason; else after reading it: closing on a body
		 * still arriving makes the client's system reset the connection and throw
		 * the answer away (a browser shows "connection reset", not our page). */
		const char *expect = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Expect");

		if ((expect && strcasecmp(expect, "100-continue") == 0) ||
		    strtoull(cl, NULL, 10) > DISCARD_MAX)
			return quick_error(c, cs, cs->denied ? cs->denied : 413);
		cs->too_large = 1;
	}
	return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct conn_state *cs = *con_cls;

	(void)cls;
	if (cs == NULL || cs == (void *)&target_has_nul) {	/* the first call: the head */
		struct conn_state *fresh = conn_new();

		fresh->target_nul = cs != NULL;
		*con_cls = fresh;
		return on_head(c, fresh, url, method, version);
	}
	if (*upload_size) {
		if (!cs->too_large && cs->body.len + *upload_size > cs->limit)
			cs->too_large = 1;
		if (!cs->too_large)
			buf_append(&cs->body, upload, *upload_size);
		else if ((cs->discarded += *upload_size) > DISCARD_MAX)
			return MHD_NO;	/* a chunked body beyond reason: close */
		*upload_size = 0;
		return MHD_YES;
	}
	if (cs->too_large)
		return quick_error(c, cs, cs->denied ? cs->denied : 413);
	if (cs->offloaded)	/* resumed: the offload thread has left the answer */
		return respond(c, cs);
	if (cs->phase == PHASE_NEW) {
		fill_request(c, cs, url, method);
		if (offload_running() && router_offloaded(&cs->req))
			return offload(c, cs);
	}
	return answer(c, cs);
}

/* One access-log line: how long the request took and whether it ended well are the
 * engine's to tell. */
static void
log_request(struct conn_state *cs, enum MHD_RequestTerminationCode toe)
{
	struct timespec now;
	long us;

	clock_gettime(CLOCK_MONOTONIC, &now);
	us = (now.tv_sec - cs->start.tv_sec) * 1000000L + (now.tv_nsec - cs->start.tv_nsec) / 1000;
	access_log_request(&cs->req, cs->bytes, us, page_cache_outcome(&cs->req),
	    toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct conn_state *cs = *con_cls;

	(void)cls, (void)c;
	if (cs == NULL || cs == (void *)&target_has_nul)	/* refused before the head was ours */
		return;
	if (config.access_log)
		log_request(cs, toe);
	free(cs->field_name);
	buf_release(&cs->field);
	buf_release(&cs->body);
	req_free(&cs->req);
	pthread_mutex_destroy(&cs->lock);
	free(cs);
	*con_cls = NULL;
}

static void
on_log(void *cls, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	(void)cls;
	buf_vappendf(&b, fmt, ap);
	while (b.len && b.data[b.len - 1] == '\n')
		buf_truncate(&b, b.len - 1);
	log_info("http: %s", b.data);
	buf_release(&b);
}

/* Lets the offloaded requests and the pages rendered for others finish (no connection may
 * still be suspended when the daemon stops), then the workers, then writes out the access
 * log. */
static void
serve_stop(struct MHD_Daemon *d)
{
	offload_stop();
	MHD_stop_daemon(d);
	access_log_stop();	/* every line of every request answered */
	page_cache_clear();
}

/* SIGINT and SIGTERM blocked in the threads to come (they inherit the mask), so that only
 * server_run's sigtimedwait() sees them; SIGPIPE ignored (a client gone mid-answer). */
static void
block_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, set, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int
server_run(int (*bound)(void), int (*started)(void))
{
	struct MHD_Daemon *d;
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
	    MHD_ALLOW_SUSPEND_RESUME;
	char *cert = NULL, *key = NULL;
	sigset_t set;
	int is6, sig, port = 0, fd;
	unsigned max_conns;

	if (config.tls_cert) {
		cert = listen_read_file(config.tls_cert);
		key = listen_read_file(config.tls_key);
		if (cert == NULL || key == NULL) {
			free(cert), free(key);
			return log_err("cannot read tls_cert %s or tls_key %s",
			    config.tls_cert, config.tls_key);
		}
		flags |= MHD_USE_TLS;
	}
	block_signals(&set);

	/* before the drop, like everything else that asks the system */
	max_conns = listen_fit_fd_limit((unsigned)(config.threads + OFFLOAD_THREADS + db_pool_size()));
	if ((fd = listen_socket(&port, &is6)) == -1 || (bound && bound() == -1)) {
		if (fd != -1)
			close(fd);
		free(cert), free(key);
		return -1;
	}
	if (is6)
		flags |= MHD_USE_IPv6;
	if (config.access_log)	/* its writer is a thread: made before the seccomp filter */
		access_log_start(STDOUT_FILENO);
	d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, on_log, NULL,
	    MHD_OPTION_LISTEN_SOCKET, fd,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)config.threads,
	    MHD_OPTION_CONNECTION_LIMIT, max_conns,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)config.max_per_ip,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)config.timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
	    cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_END);
	if (d == NULL) {
		close(fd);
		free(cert), free(key);
		access_log_stop();
		return log_err("cannot serve on %s port %d", config.bind, port);
	}
	if (offload_start(OFFLOAD_THREADS) == -1 || (started && started() == -1)) {
		serve_stop(d);
		free(cert), free(key);
		return -1;
	}
	printf("lectern: serving on %s://%s%s%s:%d/\n", cert ? "https" : "http",
	    is6 ? "[" : "", config.bind, is6 ? "]" : "", port);
	fflush(stdout);
	/* Once a second, cut the downloads too slow or too long (streams.h). */
	while ((sig = sigtimedwait(&set, NULL, &(struct timespec){ 1, 0 })) <= 0)
		streams_sweep();
	log_info("signal %d: finishing requests in flight", sig);
	MHD_quiesce_daemon(d);	/* stop accepting first */
	serve_stop(d);
	db_pool_close();
	free(cert), free(key);
	return 0;
}

/* --- One raw request, for tests and fuzzing ------------------------------------------
 *
 * A daemon with no listening socket and no thread of its own gets one end of a
 * socket pair with MHD_add_connection and is driven with MHD_run from the calling
 * thread, while the request goes in and the answer comes out at the other end:
 * libmicrohttpd parses the request line, headers, cookies, query string and body,
 * and the post processor the form, exactly as for a client of server_run. */

/* Quiet rounds in a row after which MHD is waiting for the client: a round in
 * which it can do anything with the connection does something visible. */
#define RAW_IDLE_ROUNDS	3

struct raw_conn {
	struct MHD_Daemon	*d;
	int			 fd;		/* our end of the socket pair */
	const char		*in;
	size_t			 len, off;	/* the request, and how much of it is sent */
	struct buf		*out;
	long			 unread;	/* bytes MHD has not read yet, last round */
};

/* Bytes waiting on the sockets MHD wants to read from: MHD reading them is
 * progress even when nothing is answered yet (a large head, a body). */
static long
raw_unread(struct MHD_Daemon *d)
{
	fd_set rs, ws, es;
	MHD_socket max = MHD_INVALID_SOCKET;
	long sum = 0;
	int n;

	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_ZERO(&es);
	if (MHD_get_fdset(d, &rs, &ws, &es, &max) != MHD_YES)
		return -1;
	for (MHD_socket fd = 0; fd <= max; fd++)
		if (FD_ISSET(fd, &rs) && ioctl(fd, FIONREAD, &n) == 0)
			sum += n;
	return sum;
}

/* Sends what is left of the request, lets MHD work, reads what it answered.
 * Returns 1 when something moved, 0 when nothing did, -1 once MHD closed. */
static int
raw_round(struct raw_conn *rc)
{
	char tmp[16 * 1024];
	ssize_t n;
	long unread;
	int moved = 0;

	if (rc->off < rc->len && (n = send(rc->fd, rc->in + rc->off, rc->len - rc->off,
	    MSG_NOSIGNAL | MSG_DONTWAIT)) > 0) {
		rc->off += (size_t)n;
		moved = 1;
	}
	MHD_run(rc->d);
	while ((n = recv(rc->fd, tmp, sizeof(tmp), MSG_DONTWAIT)) > 0) {
		buf_append(rc->out, tmp, (size_t)n);
		moved = 1;
	}
	if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
		return -1;
	if ((unread = raw_unread(rc->d)) != rc->unread) {
		rc->unread = unread;
		moved = 1;
	}
	return moved;
}

/* Runs rounds until MHD closes the connection (-1) or nothing moves for a while (0). */
static int
raw_pump(struct raw_conn *rc)
{
	int idle = 0, r;

	while (idle < RAW_IDLE_ROUNDS) {
		if ((r = raw_round(rc)) == -1)
			return -1;
		idle = r ? 0 : idle + 1;
	}
	return 0;
}

int
server_handle_raw(const char *request, size_t len, struct buf *response)
{
	struct sockaddr_in peer = { .sin_family = AF_INET, .sin_port = htons(40000) };
	struct raw_conn rc = { NULL, -1, request, len, 0, response, -1 };
	int sv[2];

	peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	/* No MHD_USE_ERROR_LOG: a socket pair is not TCP, and MHD would log each
	 * TCP option it cannot set. */
	rc.d = MHD_start_daemon(MHD_USE_NO_LISTEN_SOCKET, 0, NULL, NULL, on_request, NULL,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
	    MHD_OPTION_END);
	if (rc.d == NULL)
		return log_err("raw request: cannot start a daemon");
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1) {
		MHD_stop_daemon(rc.d);
		return log_err("raw request: socketpair: %s", strerror(errno));
	}
	rc.fd = sv[1];
	/* MHD owns sv[0] from here on, even when it refuses it. */
	if (MHD_add_connection(rc.d, sv[0], (const struct sockaddr *)&peer,
	    sizeof(peer)) != MHD_YES) {
		close(rc.fd);
		MHD_stop_daemon(rc.d);
		return log_err("raw request: MHD_add_connection failed");
	}
	/* A complete request has been answered by the time nothing moves; then
	 * the client's end of stream, which also settles an incomplete one. */
	if (raw_pump(&rc) == 0 && rc.off == rc.len) {
		shutdown(rc.fd, SHUT_WR);
		raw_pump(&rc);
	}
	MHD_stop_daemon(rc.d);
	close(rc.fd);
	return 0;
}
