/*
 * access_log.h: the access log's lines, gathered per worker thread and written in batches by
 * one writer thread, so that a request costs a copy into memory rather than a write(2).
 *
 * A line reaches the file within ACCESS_LOG_BATCH_MS; every line is written by
 * access_log_stop (a clean stop, SIGTERM), none is lost but on a crash. Without a
 * writer (before access_log_start, after access_log_stop) lines are written at once.
 */
#ifndef LECTERN_ACCESS_LOG_H
#define LECTERN_ACCESS_LOG_H
#include <stddef.h>

#define ACCESS_LOG_BATCH_MS	20

/* Starts the writer for descriptor fd. Call before the seccomp filter loads (it creates
 * a thread). 0, or -1 with a message (lines are then written at once). */
int	access_log_start(int fd);
/* Appends one whole line (with its newline). Any thread. */
void	access_log_line(const char *line, size_t len);
/* The line of one answered request: time, address, method, path (control characters
 * replaced, so that a path cannot forge lines), status, bytes sent, microseconds, and
 * cached (how the page cache answered a public page) or " aborted" when given. */
struct request;
void	access_log_request(struct request *req, size_t bytes, long us, const char *cached,
	    int aborted);
/* Writes every line still gathered and ends the writer; once the workers have stopped. */
void	access_log_stop(void);

#endif
