/* router.c: matches a request against the route table and enforces its declarations. */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/config.h"
#include "http/freshness.h"
#include "http/page_cache.h"
#include "http/route_deps.h"
#include "http/router.h"
#include "http/server.h"
#include "pages/pages.h"

int
route_match(struct request *req, const char *pat, const char *path,
    struct param **segs)
{
	while (*pat && *path) {
		if (*pat == '{') {
			const char *close = strchr(pat, '}');
			size_t n = strcspn(path, "/");
			char name[64];

			if (close == NULL || n == 0 || (size_t)(close - pat - 1) >= sizeof(name))
				return 0;
			memcpy(name, pat + 1, (size_t)(close - pat - 1));
			name[close - pat - 1] = '\0';
			if (segs)
				param_push(req, segs, name, path, n);
			pat = close + 1;
			path += n;
			continue;
		}
		if (*pat++ != *path++)
			return 0;
	}
	return *pat == '\0' && *path == '\0';
}

static const struct param_rule *
rule_find(const struct param_rule *r, const char *name, unsigned source)
{
	for (; r && r->name; r++)
		if ((r->flags & source) && strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

static int
bad_param(struct request *req, const struct param_rule *r, const char *why)
{
	if (r->kind == P_INT && why && strcmp(why, "is out of range") == 0)
		req->error_detail = req_printf(req,
		    "The parameter \xe2\x80\x9c%s\xe2\x80\x9d must be a whole number from %lld to %lld.",
		    r->name, r->min, r->max);
	else
		req->error_detail = req_printf(req,
		    "The parameter \xe2\x80\x9c%s\xe2\x80\x9d %s.", r->name, why);
	return 400;
}

/* Moves every declared parameter of list into req->args, checked; drops the rest. */
static int
validate(struct request *req, struct param *list, unsigned source)
{
	const struct param_rule *rules = req->route->params;
	struct param *p;
	const char *why;

	for (p = list; p; p = p->next) {
		const struct param_rule *r = rule_find(rules, p->name, source);

		if (r == NULL) {
			if (source == PF_PATH)	/* undeclared segment: a slug at most 120 long */
				return 500;
			continue;
		}
		if (!(r->flags & PF_MULTI) && param_find(req->args, p->name))
			return bad_param(req, r, "is given more than once");
		if (p->len == 0 && !(r->flags & PF_REQUIRED))
			continue;	/* an empty optional field is an absent one */
		if (p->len == 0)	/* and an empty required one a missing one */
			return bad_param(req, r, "is required");
		if (param_check(r, p->value, p->len, &why) == -1)
			return bad_param(req, r, why);
		param_push(req, &req->args, p->name, p->value, p->len);
	}
	return 0;
}

static int
check_required(struct request *req)
{
	const struct param_rule *r;

	for (r = req->route->params; r && r->name; r++) {
		if (!(r->flags & PF_REQUIRED))
			continue;
		if ((r->flags & PF_FORM) && req->method != HTTP_POST)
			continue;
		if ((r->flags & PF_QUERY) && !(r->flags & PF_FORM) &&
		    req->method == HTTP_POST)
			continue;
		if (param_find(req->args, r->name) == NULL)
			return bad_param(req, r, "is required");
	}
	return 0;
}

static const struct route *
find_route(struct request *req, struct param **segs)
{
	const struct route *r;
	int get = 0, post = 0;
	size_t i;

	for (i = 0; i < routes_count; i++) {
		r = &routes[i];
		if (req->want_json && !(r->flags & RF_JSON))
			continue;
		/* Most routes differ from the path in the first letter after the slash. */
		if ((r->pattern[1] != req->path[1] && r->pattern[1] != '{') ||
		    !route_match(req, r->pattern, req->path, NULL))
			continue;
		if (r->method == req->method ||
		    (r->method == HTTP_GET && req->method == HTTP_HEAD)) {
			route_match(req, r->pattern, req->path, segs);
			return r;
		}
		get |= r->method == HTTP_GET;
		post |= r->method == HTTP_POST;
	}
	if (get || post) {
		resp_header(req, "Allow", get && post ? "GET, HEAD, POST" :
		    get ? "GET, HEAD" : "POST");
		req->status = 405;
	} else
		req->status = 404;
	return NULL;
}

static int
router_has(enum http_method method, const char *path)
{
	for (size_t i = 0; i < routes_count; i++)
		if (routes[i].method == method && route_match(NULL, routes[i].pattern, path, NULL))
			return 1;
	return 0;
}

/*
 * Up to the page: the route, who may call it, its parameters and, for a public page, its
 * validators and cached copy. Returns the status when the answer is known (a refusal, a
 * 304, a cached page), 0 when the page must run (*found says how the cache stands).
 */
static int
prepare(struct request *req, enum cache_lookup *found)
{
	struct param *segs = NULL;
	unsigned deps;
	int status;

	*found = CACHE_LOOKUP_RENDER;
	if ((req->route = find_route(req, &segs)) == NULL)
		return req->status;
	if ((status = auth_check(req, req->route->access, req->route->flags & RF_NOCSRF)) != 0)
		return status;
	if ((status = validate(req, segs, PF_PATH)) ||
	    (status = validate(req, req->query, PF_QUERY)) ||
	    (req->method == HTTP_POST && (status = validate(req, req->form, PF_FORM))) ||
	    (status = check_required(req)))
		return status;
	deps = route_deps(req->route->pattern);
	if (req->route->access == ACCESS_PUBLIC && freshness_begin(req, deps ? deps : D_REGISTRY)) {
		if ((status = freshness_precondition(req)) != 0)
			return status;
		if ((*found = page_cache_get(req)) == CACHE_LOOKUP_GOT)
			return req->status;
	}
	return 0;
}

/* Once the answer is there: the error page, the type, the page cache and the validators. */
static void
complete(struct request *req)
{
	if (req->status >= 400 && req->out.len == 0 && req->stream == NULL)
		page_error(req);
	if (req->content_type == NULL)
		req->content_type = req->want_json ?
		    "application/json" : "text/html; charset=utf-8";
	page_cache_put(req);
	freshness_finish(req);
}

/* A public page still to render: set aside for the engine when it can, else now. */
static enum router_next
page_next(struct request *req, enum cache_lookup found)
{
	if (found == CACHE_LOOKUP_WAIT)
		return ROUTER_WAIT;
	if (req->can_defer && req->cache)
		return ROUTER_RENDER;
	router_render(req);
	return ROUTER_DONE;
}

static int
literal_json(struct request *req)
{
	for (size_t i = 0; i < routes_count; i++) {
		size_t m = strlen(routes[i].pattern);

		if (m > 5 && strcmp(routes[i].pattern + m - 5, ".json") == 0 &&
		    route_match(req, routes[i].pattern, req->path, NULL))
			return 1;
	}
	return 0;
}

/*
 * A GET that named nothing as written but names a page once written as the site writes its
 * addresses (/orgs/Spotify, /orgs/spotify/: lower case, no slash at the end) is sent there
 * for good (301), its query kept. 1 when it was.
 */
static int
canonical_redirect(struct request *req)
{
	struct buf to = BUF_INIT;
	char *path = req_strdup(req, req->path);
	size_t n = strlen(path);
	int changed = 0;

	if (req->method != HTTP_GET && req->method != HTTP_HEAD)
		return 0;
	for (; n > 1 && path[n - 1] == '/'; changed = 1)
		path[--n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (path[i] >= 'A' && path[i] <= 'Z')
			path[i] = (char)(path[i] - 'A' + 'a'), changed = 1;
	if (!changed || !router_has(HTTP_GET, path))
		return 0;
	buf_puts(&to, path);
	if (req->want_json)
		buf_puts(&to, ".json");
	for (const struct param *q = req->query; q; q = q->next) {
		buf_putc(&to, q == req->query ? '?' : '&');
		url_component(&to, q->name);
		buf_putc(&to, '=');
		url_component(&to, q->value);
	}
	changed = redirect_target_valid(to.data);
	if (changed)
		resp_header(req, "Location", req_strndup(req, to.data, to.len));
	buf_release(&to);
	return changed;
}

enum router_next
router_dispatch(struct request *req)
{
	size_t n = strlen(req->path);
	enum cache_lookup found;
	int status;

	/* A route whose own pattern ends in .json (/export/speakers.json) is
	 * matched as written; any other PATH.json is the JSON form of PATH. */
	if (n > 5 && strcmp(req->path + n - 5, ".json") == 0 && !literal_json(req)) {
		req->want_json = 1;
		req->path = req_strndup(req, req->path, n - 5);
	}
	req->route_exists = router_has;
	if ((status = prepare(req, &found)) != 0) {
		req->status = status;
		if ((status == 404 || status == 400) && canonical_redirect(req)) {
			req->status = 301;
			req->error_detail = NULL;
		}
		complete(req);
		return ROUTER_DONE;
	}
	if (req->cache)
		return page_next(req, found);
	router_render(req);
	return ROUTER_DONE;
}

void
router_render(struct request *req)
{
	req->status = req->route->handler(req);
	complete(req);
}

enum router_next
router_retry(struct request *req)
{
	enum cache_lookup found = page_cache_get(req);

	if (found != CACHE_LOOKUP_GOT)
		return page_next(req, found);
	complete(req);
	return ROUTER_DONE;
}

void
router_error_page(struct request *req)
{
	page_error(req);
}

int
router_offloaded(const struct request *head)
{
	char path[256];
	size_t n = strlen(head->path);

	/* PATH.json is PATH's JSON form (router_dispatch), run where PATH runs. */
	if (n >= sizeof(path))
		return 0;
	memcpy(path, head->path, n + 1);
	if (n > 5 && strcmp(path + n - 5, ".json") == 0)
		path[n - 5] = '\0';
	for (size_t i = 0; i < routes_count; i++)
		if ((routes[i].flags & RF_OFFLOAD) && strcmp(head->method_name, "POST") != 0 &&
		    route_match(NULL, routes[i].pattern, path, NULL))
			return 1;
	return 0;
}

size_t
router_body_limit(const struct request *head, int *denied)
{
	struct request scratch;
	size_t limit = config.max_body;

	*denied = 0;
	/* Only a route that declares a file parameter accepts an upload-sized body, and only
	 * from a login allowed there: anyone else would make the server read it all first. */
	if (strcmp(head->method_name, "POST") != 0)
		return limit;
	req_init(&scratch);
	scratch.method = HTTP_POST;
	scratch.method_name = head->method_name;
	scratch.path = head->path;
	scratch.cookies = head->cookies;
	for (size_t i = 0; i < routes_count && limit == config.max_body; i++) {
		const struct param_rule *r;

		if (routes[i].method != HTTP_POST || !route_match(&scratch, routes[i].pattern, head->path, NULL))
			continue;
		for (r = routes[i].params; r && r->name; r++) {
			if (r->kind != P_FILE || config.max_upload <= limit)
				continue;
			if ((*denied = auth_access(&scratch, routes[i].access)) == 0)
				limit = config.max_upload;
			break;
		}
	}
	req_free(&scratch);
	return limit;
}
