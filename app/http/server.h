/* server.h: the HTTP engine adapter's interface (server_mhd.c is the only file that knows the engine). */
#ifndef LECTERN_SERVER_H
#define LECTERN_SERVER_H
#include <stddef.h>

/*
 * Listens on config.bind:config.port, prints the URL on standard output,
 * serves until SIGTERM or SIGINT, then stops accepting, lets requests in
 * flight finish and returns 0. Returns -1 with a message if it cannot start.
 * bound() is called once the socket is bound and before any worker thread
 * exists (to drop privileges: no request is ever served as root); started()
 * once the workers run, before the URL is printed (to confine them). Either
 * may be NULL; either failing stops the server.
 */
int	server_run(int (*bound)(void), int (*started)(void));

struct buf;

/*
 * For tests and fuzzing: feeds request (len bytes: one request, several, or
 * anything at all) through a libmicrohttpd daemon that has no listening socket,
 * as a client connected to server_run would send it, and appends every byte the
 * server answers to response. Runs the handler in the calling thread (its
 * db_thread() connection) and returns once the server has closed the
 * connection or is waiting for more input, which it is then told will not come.
 * Returns 0, or -1 with a message if the daemon or socket pair cannot be set up.
 */
int	server_handle_raw(const char *request, size_t len, struct buf *response);

/* The largest body the route at the head's method and path accepts: max_upload on a route
 * that takes a file, for a login (from the head's cookies) allowed there; else max_body,
 * and *denied is the status that login gets on the route (0 when allowed). */
struct request;
size_t	router_body_limit(const struct request *head, int *denied);
/* True when the route at the head's path runs on the offload threads (RF_OFFLOAD, GET). */
int	router_offloaded(const struct request *head);

#endif
