/* fetch.c: a schedule fetched by URL, public addresses only, through libcurl (fetch.h). */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/version.h"
#include "import/fetch.h"

struct fetch {
	struct buf	*out;
	long		 max;
	int		 too_large;
	int		 allow_loopback;
	char		 refused[160];	/* the last address refused, and why */
};

/* --- addresses ------------------------------------------------------------------------- */

/* IPv4 ranges no fetch goes to (RFC 6890's special-purpose registry). */
static const struct { uint32_t net; int bits; const char *what; } v4_ranges[] = {
	{ 0x00000000, 8, "a \"this network\" address" }, { 0x0A000000, 8, "a private address" },
	{ 0x64400000, 10, "a shared (carrier-grade NAT) address" }, { 0x7F000000, 8, "a loopback address" },
	{ 0xA9FE0000, 16, "a link-local address (cloud metadata lives there)" },
	{ 0xAC100000, 12, "a private address" }, { 0xC0000000, 24, "a reserved address" },
	{ 0xC0000200, 24, "a documentation address" }, { 0xC0586300, 24, "a relay address" },
	{ 0xC0A80000, 16, "a private address" }, { 0xC6120000, 15, "a benchmarking address" },
	{ 0xC6336400, 24, "a documentation address" }, { 0xCB007100, 24, "a documentation address" },
	{ 0xE0000000, 4, "a multicast address" }, { 0xF0000000, 4, "a reserved address" },
};

static const char *
v4_refused(uint32_t a, int allow_loopback)
{
	for (size_t i = 0; i < sizeof(v4_ranges) / sizeof(v4_ranges[0]); i++) {
		uint32_t mask = v4_ranges[i].bits ? ~0u << (32 - v4_ranges[i].bits) : 0;

		if ((a & mask) == v4_ranges[i].net && !(allow_loopback && v4_ranges[i].net == 0x7F000000))
			return v4_ranges[i].what;
	}
	return NULL;
}

static const char *
v6_refused(const unsigned char *b, int allow_loopback)
{
	static const unsigned char loopback[16] = { [15] = 1 }, any[16] = { 0 };
	static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
	static const unsigned char nat64[12] = { 0x00, 0x64, 0xff, 0x9b };

	if (memcmp(b, loopback, 16) == 0)
		return allow_loopback ? NULL : "a loopback address";
	if (memcmp(b, any, 16) == 0)
		return "an unspecified address";
	/* IPv4 inside IPv6 (mapped, NAT64, 6to4): the IPv4 address decides. */
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0)
		return v4_refused((uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 | (uint32_t)b[14] << 8 | b[15],
		    allow_loopback);
	if (b[0] == 0x20 && b[1] == 0x02)
		return v4_refused((uint32_t)b[2] << 24 | (uint32_t)b[3] << 16 | (uint32_t)b[4] << 8 | b[5], 0);
	if ((b[0] & 0xfe) == 0xfc)
		return "a private (unique local) address";
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
		return "a link-local address";
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
		return "a site-local address";
	if (b[0] == 0xff)
		return "a multicast address";
	if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
		return "a documentation address";
	if (b[0] == 0x01 && b[1] == 0x00 && memcmp(b + 2, any, 6) == 0)
		return "a discard address";
	if (b[0] == 0 && memcmp(b, any, 10) == 0)
		return "a reserved address";	/* ::/80 but the forms above */
	return NULL;
}

int
fetch_address_allowed(const struct sockaddr *addr, int allow_loopback, const char **why)
{
	*why = "an address of an unknown family";
	if (addr->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)addr;

		*why = v4_refused(ntohl(in->sin_addr.s_addr), allow_loopback);
	} else if (addr->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)addr;

		*why = v6_refused(in6->sin6_addr.s6_addr, allow_loopback);
	}
	return *why == NULL;
}

/* --- the transfer ------------------------------------------------------------------------ */

/* libcurl asks for each socket it connects with: after resolving, for every address it tries,
 * and again after a redirect. A refused address gets no socket, so nothing is sent to it. */
static curl_socket_t
open_socket(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct fetch *f = arg;
	char host[INET6_ADDRSTRLEN] = "?";
	const void *at;
	const char *why;

	if (purpose != CURLSOCKTYPE_IPCXN)
		return CURL_SOCKET_BAD;
	if (!fetch_address_allowed(&a->addr, f->allow_loopback, &why)) {
		at = a->family == AF_INET ? (const void *)&((struct sockaddr_in *)(void *)&a->addr)->sin_addr :
		    (const void *)&((struct sockaddr_in6 *)(void *)&a->addr)->sin6_addr;
		inet_ntop(a->family, at, host, sizeof(host));
		snprintf(f->refused, sizeof(f->refused), "%s is %s: not fetched", host, why);
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

static size_t
write_body(char *data, size_t size, size_t n, void *arg)
{
	struct fetch *f = arg;

	if (f->out->len + n > (size_t)f->max) {
		f->too_large = 1;
		return 0;	/* libcurl stops: CURLE_WRITE_ERROR */
	}
	buf_append(f->out, data, n * size);
	return n * size;
}

int
fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

static void
options(CURL *c, const char *url, struct fetch *f, long seconds)
{
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)FETCH_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, f);
	curl_easy_setopt(c, CURLOPT_PROXY, "");		/* not the environment's */
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_TIMEOUT, seconds);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, seconds < 10 ? seconds : 10L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->max);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
	curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Lectern/" LECTERN_VERSION " (schedule import)");
}

int
fetch_url(const char *url, const struct fetch_options *opt, struct buf *out, struct buf *err)
{
	struct fetch f = { out, opt->max_bytes ? opt->max_bytes : FETCH_MAX, 0, opt->allow_loopback, "" };
	char message[CURL_ERROR_SIZE] = "";
	CURLcode rc;
	CURL *c;

	if (!fetch_is_url(url) || strpbrk(url, " \t\r\n")) {
		buf_appendf(err, "%s: only http:// and https:// addresses are fetched", url);
		return -1;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || (c = curl_easy_init()) == NULL) {
		buf_appendf(err, "%s: cannot start the HTTP client", url);
		return -1;
	}
	options(c, url, &f, opt->seconds ? opt->seconds : FETCH_SECONDS);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, message);
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK) {
		buf_appendf(err, "%s: ", url);
		if (f.too_large || rc == CURLE_FILESIZE_EXCEEDED)
			buf_appendf(err, "larger than %ld MiB: not fetched", f.max / (1024 * 1024));
		else if (f.refused[0])
			buf_appendf(err, "%s", f.refused);
		else
			buf_appendf(err, "%s", message[0] ? message : curl_easy_strerror(rc));
	}
	curl_easy_cleanup(c);
	curl_global_cleanup();
	return rc == CURLE_OK ? 0 : -1;
}
