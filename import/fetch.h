/*
 * fetch.h: a schedule fetched by URL for `lectern import https://...`, through libcurl (fetch.c
 * alone includes it). Only on the command line: the server's seccomp filter forbids sockets
 * and new processes after start (README, "What is sandboxed"), so it cannot fetch, and a
 * fetching helper it started before would be a second, networked process for little gain.
 *
 * Safe for a URL staff paste: http and https only, also after redirects (at most
 * FETCH_REDIRECTS); every address connected to, the first and after each redirect, must be a
 * public one (not loopback, private, link-local, shared, multicast or reserved, in IPv4 or
 * IPv6, mapped forms included), checked on the resolved address itself, so a name that
 * resolves to 127.0.0.1 or 169.254.169.254 is refused as well; no proxy from the environment;
 * at most FETCH_MAX bytes (after decompression) and a time limit.
 */
#ifndef LECTERN_IMPORT_FETCH_H
#define LECTERN_IMPORT_FETCH_H
#include "core/buf.h"

struct sockaddr;

#define FETCH_MAX	(64L * 1024 * 1024)
#define FETCH_REDIRECTS	5
#define FETCH_SECONDS	60

struct fetch_options {
	long	 max_bytes;	/* 0: FETCH_MAX */
	long	 seconds;	/* the whole transfer; 0: FETCH_SECONDS */
	int	 allow_loopback;	/* tests: a server on 127.0.0.1 or ::1 (never a private one) */
};

/* True when s is a URL fetch_url takes (http:// or https://). */
int	fetch_is_url(const char *s);
/* Fetches url into out (appended): 0, or -1 with the reason in err ("URL: ..."). */
int	fetch_url(const char *url, const struct fetch_options *, struct buf *out, struct buf *err);
/* True when a connection to addr is allowed (see above); why says otherwise ("a private address"). */
int	fetch_address_allowed(const struct sockaddr *addr, int allow_loopback, const char **why);

#endif
