/*
 * listen.c: what the server asks of the system before the HTTP engine starts: the listening
 * socket, a descriptor limit that fits the connection limit, the TLS files.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/config.h"
#include "core/log.h"
#include "http/listen.h"
#include "model/db.h"

static int
make_addr(struct sockaddr_storage *ss, int *is6)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, config.bind, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)config.port);
		*is6 = 0;
		return 0;
	}
	if (inet_pton(AF_INET6, config.bind, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)config.port);
		*is6 = 1;
		return 0;
	}
	return log_err("bind: %s is not an IPv4 or IPv6 address", config.bind);
}

int
listen_socket(int *port, int *is6)
{
	struct sockaddr_storage ss, got;
	socklen_t len, glen = sizeof(got);
	int fd, on = 1;

	if (make_addr(&ss, is6) == -1)
		return -1;
	len = *is6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
	if ((fd = socket(*is6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) == -1)
		return log_err("socket: %s", strerror(errno));
	/* Restart while old connections linger in TIME_WAIT; not SO_REUSEPORT, which would let a
	 * second server share the port unnoticed. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (*is6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
	if (bind(fd, (const struct sockaddr *)&ss, len) == -1 || listen(fd, SOMAXCONN) == -1 ||
	    getsockname(fd, (struct sockaddr *)&got, &glen) == -1) {
		log_err("cannot listen on %s port %d: %s", config.bind, config.port, strerror(errno));
		close(fd);
		return -1;
	}
	*port = ntohs(*is6 ? ((struct sockaddr_in6 *)&got)->sin6_port : ((struct sockaddr_in *)&got)->sin_port);
	return fd;
}

/* Every connection is a descriptor, and so is every file a database connection holds:
 * DB_FILES for each worker's, each offload thread's and each of the export pool's.
 * systemd starts services with a soft limit of 1024: a flood of connections must meet
 * the connection limit, not EMFILE in accept() or in SQLite. */
unsigned
listen_fit_fd_limit(unsigned databases)
{
	rlim_t spare = 32 + DB_FILES * (rlim_t)databases, want = (rlim_t)config.max_connections + spare;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return (unsigned)config.max_connections;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want ? rl.rlim_max : want;
	if (setrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur >= want)
		return (unsigned)config.max_connections;
	getrlimit(RLIMIT_NOFILE, &rl);
	want = rl.rlim_cur > 2 * spare ? rl.rlim_cur - spare : rl.rlim_cur / 2;
	log_info("max_connections lowered from %d to %llu to fit the limit of %llu open files",
	    config.max_connections, (unsigned long long)want, (unsigned long long)rl.rlim_cur);
	return (unsigned)want;
}

char *
listen_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char tmp[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_append(&b, tmp, n);
	fclose(f);
	return buf_detach(&b, NULL);
}
