/* request.c: per-request memory (an arena), parameter lists and response helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/request.h"
#include "core/mem.h"

#define ARENA_BLOCK	8192

struct arena_block {
	struct arena_block	*next;
	size_t			 used, size;
	_Alignas(16) unsigned char data[];
};

void
req_init(struct request *req)
{
	memset(req, 0, sizeof(*req));
	buf_init(&req->out, 0);
	req->status = 200;
}

void
req_free(struct request *req)
{
	struct arena_block *a, *next;

	if (req->stream_free && req->stream_ctx)
		req->stream_free(req->stream_ctx);
	if (req->out_ref.release)
		req->out_ref.release(req->out_ref.ctx);
	for (a = req->arena; a; a = next) {
		next = a->next;
		free(a);
	}
	buf_release(&req->out);
	req->arena = NULL;
}

void *
req_alloc(struct request *req, size_t n)
{
	struct arena_block *a = req->arena;

	n = (n + 15) & ~(size_t)15;
	if (a == NULL || a->size - a->used < n) {
		size_t size = n > ARENA_BLOCK / 2 ? n : ARENA_BLOCK;

		a = xmalloc(sizeof(*a) + size);
		a->size = size;
		a->used = 0;
		/* A big one-off block goes behind the current one, which keeps its room. */
		if (req->arena && size != ARENA_BLOCK) {
			a->next = req->arena->next;
			req->arena->next = a;
		} else {
			a->next = req->arena;
			req->arena = a;
		}
	}
	a->used += n;
	return a->data + a->used - n;
}

char *
req_strndup(struct request *req, const char *s, size_t n)
{
	char *p = req_alloc(req, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
req_strdup(struct request *req, const char *s)
{
	return s ? req_strndup(req, s, strlen(s)) : NULL;
}

char *
req_printf(struct request *req, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	char *s;

	va_start(ap, fmt);
	buf_vappendf(&b, fmt, ap);
	va_end(ap);
	s = req_strndup(req, b.data, b.len);
	buf_release(&b);
	return s;
}

void *
req_grow(struct request *req, void *array, size_t n, size_t *cap, size_t size)
{
	void *bigger;

	if (n < *cap)
		return array;
	/* The old array stays in the arena until the request ends: at most as much again. */
	*cap = *cap ? *cap * 2 : 16;
	bigger = req_alloc(req, *cap * size);
	if (n)
		memcpy(bigger, array, n * size);
	return bigger;
}

void
param_push(struct request *req, struct param **list, const char *name,
    const char *value, size_t len)
{
	struct param *p = req_alloc(req, sizeof(*p));

	p->name = req_strdup(req, name);
	p->value = req_strndup(req, value ? value : "", len);
	p->len = len;
	p->next = NULL;
	p->last = p;
	/* Keep arrival order (repeated fields such as speakers depend on it) without walking
	 * the list: a form of 100,000 fields took seconds of a worker when each push did. */
	if (*list == NULL)
		*list = p;
	else {
		(*list)->last->next = p;
		(*list)->last = p;
	}
}

const char *
param_find(const struct param *p, const char *name)
{
	for (; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p->value;
	return NULL;
}

const char *
req_header(const struct request *req, const char *name)
{
	const struct param *p;

	for (p = req->headers; p; p = p->next)
		if (strcasecmp(p->name, name) == 0)
			return p->value;
	return NULL;
}

const char *
req_cookie(const struct request *req, const char *name)
{
	return param_find(req->cookies, name);
}

const char *
req_arg(const struct request *req, const char *name)
{
	return param_find(req->args, name);
}

long long
req_arg_int(const struct request *req, const char *name, long long def)
{
	const char *v = req_arg(req, name);

	/* Validated by the router already: a plain decimal in range. */
	return v && *v ? strtoll(v, NULL, 10) : def;
}

const char **
req_args(struct request *req, const char *name, size_t *np)
{
	const struct param *p;
	const char **v;
	size_t n = 0;

	for (p = req->args; p; p = p->next)
		n += strcmp(p->name, name) == 0;
	v = req_alloc(req, (n + 1) * sizeof(*v));
	n = 0;
	for (p = req->args; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			v[n++] = p->value;
	v[n] = NULL;
	*np = n;
	return v;
}

void
resp_header(struct request *req, const char *name, const char *value)
{
	param_push(req, &req->out_headers, name, value, strlen(value));
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* A byte no redirect target may hold: a browser drops tabs and newlines from a URL
 * ("/\t/x" becomes "//x") and reads a backslash as a slash. Encoded, a space is how a
 * query holds one; as it is, it has no place in a Location. */
static int
unsafe_in_target(unsigned char c, int encoded)
{
	return c < ' ' || c == 0x7F || c == '\\' || (encoded ? c == '/' : c == ' ');
}

int
redirect_target_valid(const char *s)
{
	if (s == NULL || s[0] != '/' || s[1] == '/')
		return 0;
	for (; *s; s++) {
		int hi, lo;

		if (unsafe_in_target((unsigned char)*s, 0))
			return 0;
		if (*s == '%' && (hi = hex_value(s[1])) >= 0 && (lo = hex_value(s[2])) >= 0 &&
		    unsafe_in_target((unsigned char)(hi << 4 | lo), 1))
			return 0;
	}
	return 1;
}

int
resp_redirect(struct request *req, const char *location)
{
	/* Only local paths: an open redirect would let a link lead off-site. */
	if (!redirect_target_valid(location))
		location = "/";
	resp_header(req, "Location", location);
	return 303;
}

enum user_role
role_of(const char *s)
{
	if (s == NULL)
		return ROLE_NONE;
	if (strcmp(s, "admin") == 0)
		return ROLE_ADMIN;
	if (strcmp(s, "staff") == 0)
		return ROLE_STAFF;
	if (strcmp(s, "member") == 0)
		return ROLE_MEMBER;
	return ROLE_NONE;
}

const char *
role_name(enum user_role r)
{
	static const char *const names[ROLE__MAX] = { "none", "member", "staff", "admin" };

	return r < ROLE__MAX ? names[r] : "none";
}
