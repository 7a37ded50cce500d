/* config.c: the configuration file, parsed by libinih; unknown keys are errors, not silence. */
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/config.h"
#include "core/mem.h"
#include "core/sandbox.h"

struct config config;

void
config_defaults(struct config *c)
{
	config_release(c);
	c->bind = xstrdup("127.0.0.1");
	c->port = 8888;
	c->threads = 4;
	c->db_path = xstrdup("data/lectern.db");
	c->public_url = NULL;
	c->tls_cert = NULL;
	c->tls_key = NULL;
	c->behind_tls_proxy = 0;
	c->max_body = 1024 * 1024;
	c->max_upload = 64 * 1024 * 1024;
	c->max_connections = 4000;
	c->max_per_ip = 100;
	c->timeout = 30;
	c->public_read = 1;
	c->user = NULL;
	c->seccomp = SANDBOX_KILL;
	c->login_idle = 2 * 3600;
	c->login_max = 7 * 86400;
	c->access_log = 1;
	c->cache_max_age = 60;
	c->cache_stale = 60;
	c->page_cache_size = 64 * 1024 * 1024;
	c->search_budget_ms = 80;
}

void
config_release(struct config *c)
{
	free(c->bind);
	free(c->db_path);
	free(c->tls_cert);
	free(c->tls_key);
	free(c->user);
	free(c->public_url);
	memset(c, 0, sizeof(*c));
}

static int
parse_bool(const char *v, int *out)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1") ||
	    !strcasecmp(v, "on"))
		*out = 1;
	else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") ||
	    !strcmp(v, "0") || !strcasecmp(v, "off"))
		*out = 0;
	else
		return -1;
	return 0;
}

static int
parse_int(const char *v, long long min, long long max, long long *out)
{
	char *end;
	long long n = strtoll(v, &end, 10);

	if (end == v)
		return -1;
	/* Sizes may carry a K, M or G suffix. */
	if (*end == 'K' || *end == 'k')
		n *= 1024, end++;
	else if (*end == 'M' || *end == 'm')
		n *= 1024 * 1024, end++;
	else if (*end == 'G' || *end == 'g')
		n *= 1024LL * 1024 * 1024, end++;
	if (*end != '\0' || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

static void
set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = *v ? xstrdup(v) : NULL;
}

/* public_url = https://host[:port][/prefix]: an http(s) address of printable ASCII, kept without
 * its trailing slashes (the exports append "/sessions/42"). */
static int
parse_public_url(const char *v, char **out)
{
	size_t n = strlen(v);

	if (strncmp(v, "https://", 8) != 0 && strncmp(v, "http://", 7) != 0)
		return -1;
	for (const char *p = v; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return -1;
	while (n > 8 && v[n - 1] == '/')
		n--;
	free(*out);
	*out = xstrndup(v, n);
	return 0;
}

/* seccomp = yes | no | log */
static int
parse_seccomp(const char *v, int *out)
{
	int b;

	if (strcasecmp(v, "log") == 0)
		*out = SANDBOX_LOG;
	else if (parse_bool(v, &b) == 0)
		*out = b ? SANDBOX_KILL : SANDBOX_OFF;
	else
		return -1;
	return 0;
}

/* Applies one key; returns 1 on success, 0 to make ini_parse report the line. */
static int
on_key(void *arg, const char *section, const char *key, const char *value)
{
	struct config *c = arg;
	long long n;
	int b;

	(void)section;	/* one flat namespace; sections are only for reading */
#define INT(k, f, lo, hi) \
	if (strcmp(key, k) == 0) { \
		if (parse_int(value, lo, hi, &n)) return 0; \
		c->f = n; return 1; }
#define BOOL(k, f) \
	if (strcmp(key, k) == 0) { \
		if (parse_bool(value, &b)) return 0; \
		c->f = b; return 1; }
#define STR(k, f) \
	if (strcmp(key, k) == 0) { set_str(&c->f, value); return 1; }
	STR("bind", bind)
	INT("port", port, 0, 65535)
	INT("threads", threads, 1, 256)
	STR("database", db_path)
	STR("tls_cert", tls_cert)
	STR("tls_key", tls_key)
	BOOL("behind_tls_proxy", behind_tls_proxy)
	INT("max_body", max_body, 1024, 1LL << 32)
	INT("max_upload", max_upload, 1024, 1LL << 34)
	INT("max_connections", max_connections, 1, 100000)
	INT("max_connections_per_ip", max_per_ip, 0, 100000)
	INT("timeout", timeout, 1, 3600)
	BOOL("public_read", public_read)
	STR("user", user)
	if (strcmp(key, "seccomp") == 0)
		return parse_seccomp(value, &c->seccomp) == 0;
	INT("login_idle", login_idle, 60, 365 * 86400)
	INT("login_max", login_max, 60, 365 * 86400)
	BOOL("access_log", access_log)
	INT("cache_max_age", cache_max_age, 0, 365 * 86400)
	INT("cache_stale", cache_stale, 0, 365 * 86400)
	INT("page_cache_size", page_cache_size, 0, 1LL << 40)
	INT("search_budget_ms", search_budget_ms, 10, 10000)
	if (strcmp(key, "public_url") == 0)
		return parse_public_url(value, &c->public_url) == 0;
#undef INT
#undef BOOL
#undef STR
	return 0;
}

int
config_load(struct config *c, const char *path)
{
	int line = ini_parse(path, on_key, c);

	if (line == -1) {
		fprintf(stderr, "lectern: %s: cannot open configuration file\n", path);
		return -1;
	}
	if (line != 0) {
		fprintf(stderr, "lectern: %s:%d: unknown key or bad value\n", path, line);
		return -1;
	}
	if ((c->tls_cert == NULL) != (c->tls_key == NULL)) {
		fprintf(stderr, "lectern: %s: tls_cert and tls_key go together\n", path);
		return -1;
	}
	return 0;
}
