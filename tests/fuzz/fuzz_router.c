/* fuzz_router.c: the router on arbitrary method, path, query, form and cookie values (as the
 * adapter hands them over after libmicrohttpd decoded them); must never crash and always answer
 * a status with a body. Input: fields separated by NUL bytes: method, path, then name/value pairs
 * (query, form and cookies take turns). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "core/request.h"
#include "core/mem.h"
#include "http/router.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *
next_field(const char **p, const char *end, size_t *len)
{
	const char *start = *p, *z;

	if (*p >= end)
		return NULL;
	z = memchr(*p, '\0', (size_t)(end - *p));
	*len = z ? (size_t)(z - start) : (size_t)(end - start);
	*p = z ? z + 1 : end;
	return start;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const methods[] = { "GET", "HEAD", "POST" };
	const char *p = (const char *)data, *end = p + size, *f, *name;
	struct request req;
	size_t len, nlen;
	int turn = 0;

	if (config.bind == NULL) {
		config_defaults(&config);
		free(config.db_path);	/* no database: pages must fail cleanly */
		config.db_path = xstrdup("/nonexistent/lectern.db");
	}
	req_init(&req);
	req.method = size ? (enum http_method)(data[0] % 3) : HTTP_GET;
	req.method_name = methods[req.method];
	if (size)
		p++;
	f = next_field(&p, end, &len);
	req.path = f && len && f[0] == '/' ? req_strndup(&req, f, len) : "/";
	while ((name = next_field(&p, end, &nlen)) != NULL && (f = next_field(&p, end, &len)) != NULL) {
		struct param **list = turn == 0 ? &req.query : turn == 1 ? &req.form : &req.cookies;

		param_push(&req, list, req_strndup(&req, name, nlen), f, len);
		turn = (turn + 1) % 3;
	}
	router_dispatch(&req);
	if (req.status < 100 || req.status > 599)
		abort();
	if (req.status >= 400 && req.out.len == 0 && req.stream == NULL)
		abort();
	req_free(&req);
	return 0;
}
