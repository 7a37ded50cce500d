/*
 * http.h: the engine-neutral request/response interface handed to pages.
 *
 * The adapter (server_mhd.c) fills a struct request, the router validates its
 * parameters into args, a handler appends to out and returns a status. Every
 * allocation for one request comes from its arena and is freed in one place
 * when the response is done (req_free).
 */
#ifndef LECTERN_HTTP_H
#define LECTERN_HTTP_H
#include <stddef.h>
#include <sys/types.h>

#include "core/buf.h"
#include "core/compress.h"

enum http_method {
	HTTP_GET,
	HTTP_HEAD,
	HTTP_POST,
	HTTP_OTHER,
	HTTP_METHOD__MAX
};

/* A name/value pair; values are NUL-terminated and may contain no NUL. */
struct param {
	const char	*name;
	const char	*value;
	size_t		 len;
	struct param	*next;
	struct param	*last;		/* on a list's first entry: its last, for O(1) appends */
};

struct arena_block;
struct cache_state;

/* A response body kept elsewhere (a cached page, a compiled-in asset) instead of in out, in
 * up to one copy per content coding; release(ctx), when set, once the answer is done with it. */
struct resp_body {
	const char	*data[CODING__MAX];	/* NULL: no copy in that coding */
	size_t		 len[CODING__MAX];
	void		(*release)(void *ctx);
	void		*ctx;
};

/* Streams a response body: append the next piece to out; return 0 with
 * nothing appended at the end, -1 on error (the connection is closed). */
typedef int (*stream_fn)(void *ctx, struct buf *out);

/* Who may do what: a login's role. */
enum user_role {
	ROLE_NONE,
	ROLE_MEMBER,	/* sees /me, edits their own bio and links */
	ROLE_STAFF,	/* edits every record, imports, sees history and private fields */
	ROLE_ADMIN,	/* also manages users */
	ROLE__MAX
};

/* A role from its name ("admin", "staff", "member"; ROLE_NONE for anything else), and back. */
enum user_role	role_of(const char *);
const char	*role_name(enum user_role);

/* The logged-in user of a request (req->user), allocated in the request's arena. */
struct user {
	long long		 id;
	const char		*login;
	const char		*display_name;
	enum user_role		 role;
	long long		 person_id;	/* linked person, 0 for none */
	long long		 org_id;	/* linked organization, 0 for none */
};

struct request {
	enum http_method	 method;
	const char		*method_name;
	const char		*path;		/* as requested, without a .json suffix */
	int			 want_json;	/* the path ended in .json */
	const char		*remote_addr;
	int			 tls;		/* served over TLS (here or at a declared proxy) */
	struct param		*headers;
	struct param		*query;		/* raw, never seen by handlers */
	struct param		*form;		/* raw, never seen by handlers */
	struct param		*cookies;
	struct param		*args;		/* validated path, query and form parameters */
	const char		*body;
	size_t			 body_len;
	const struct route	*route;
	struct user		*user;		/* logged in, or NULL */
	const char		*csrf_token;	/* of the login, or NULL */
	/* Set by the router: whether some route answers method at path, so that pages show
	 * only links that lead somewhere without knowing the route table. */
	int			(*route_exists)(enum http_method, const char *path);

	/* Response. */
	int			 status;
	const char		*content_type;
	struct param		*out_headers;
	struct buf		 out;
	stream_fn		 stream;
	void			*stream_ctx;
	void			(*stream_free)(void *);
	const char		*error_detail;	/* shown, escaped, on the error page */
	struct resp_body	 out_ref;	/* when out_ref.data[0] is set, the body instead of out */
	struct cache_state	*cache;		/* a public page's validators and cached copy (http/) */
	int			 can_defer;	/* the engine can set it aside (router.h, ROUTER_LATER) */

	struct arena_block	*arena;
};

void		 req_init(struct request *);
void		 req_free(struct request *);
/* Request-lifetime memory: freed by req_free, never by the caller. */
void		*req_alloc(struct request *, size_t);
char		*req_strdup(struct request *, const char *);
char		*req_strndup(struct request *, const char *, size_t);
char		*req_printf(struct request *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* Room for element n of an array (of elements of size bytes, *cap of them) in the arena:
 * returns the array, moved into one twice as long when n == *cap. */
void		*req_grow(struct request *, void *array, size_t n, size_t *cap, size_t size);
void		 param_push(struct request *, struct param **, const char *name,
		    const char *value, size_t len);
const char	*param_find(const struct param *, const char *name);

/* Case-insensitive lookup of a request header; NULL when absent. */
const char	*req_header(const struct request *, const char *name);
const char	*req_cookie(const struct request *, const char *name);
/* A validated argument (path segment, query or form field); NULL when absent. */
const char	*req_arg(const struct request *, const char *name);
long long	 req_arg_int(const struct request *, const char *name, long long def);
/* Every validated value of a repeated field, in order; *np gets the count. */
const char	**req_args(struct request *, const char *name, size_t *np);

void		 resp_header(struct request *, const char *name, const char *value);
/*
 * True when location is a path of this site as every browser reads it: one '/' first,
 * then no control character, space or backslash, and no control character, backslash or
 * slash written percent-encoded (%00-%1F, %7F, %5C, %2F), which a second decoding would
 * bring back.
 * "//evil.example", "/\evil.example", "/\t/evil.example" (a browser drops the tab and
 * reads "//") and "/%2F/evil.example" are not.
 */
int		 redirect_target_valid(const char *location);
/* Redirects with 303 See Other to location, or to / when it is not redirect_target_valid. */
int		 resp_redirect(struct request *, const char *location);

#endif
