/* listen.h: the listening socket and the descriptor budget, prepared before the HTTP engine starts. */
#ifndef LECTERN_LISTEN_H
#define LECTERN_LISTEN_H

/*
 * A listening TCP socket on config.bind:config.port, non-blocking and close-on-exec. Bound
 * here rather than by the engine so that privileges can be dropped before any of its
 * threads exists. *port is the port bound (config.port, or the one the system chose for
 * 0), *is6 whether the address is IPv6. The descriptor, or -1 with a message.
 */
int		listen_socket(int *port, int *is6);

/*
 * The connection limit to give the engine: config.max_connections when the soft descriptor
 * limit fits it beside the database connections (each holds DB_FILES descriptors), after
 * raising the limit as far as the hard limit allows; else as many connections as fit.
 */
unsigned	listen_fit_fd_limit(unsigned databases);

/* The whole file at path, NUL-terminated and malloc'ed, or NULL. */
char		*listen_read_file(const char *path);

#endif
