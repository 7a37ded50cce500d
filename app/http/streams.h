/*
 * streams.h: the streamed responses in flight (exports), watched for a deadline and a
 * minimum rate.
 *
 * A stream holds one of the few connections of the export pool, and its snapshot of the
 * database, for as long as its client takes to read it. A client that reads slowly, or
 * stops, would hold them for good (libmicrohttpd's timeout restarts with every byte). Once
 * a second the server's main thread asks streams_sweep() to cut the streams past
 * STREAM_DEADLINE_S, and those that sent less than STREAM_MIN_RATE over their last
 * STREAM_WINDOW_S: their socket is shut down, and libmicrohttpd closes the connection and
 * frees the stream. The rate is measured window by window, not from the start: the
 * buffers of both ends take the first megabytes at once, which would otherwise count for a
 * client that then reads nothing for minutes. A stream whose last piece is made holds
 * nothing of the pool any more and is no longer watched (stream_done).
 */
#ifndef LECTERN_STREAMS_H
#define LECTERN_STREAMS_H
#include <stdatomic.h>
#include <stddef.h>
#include <time.h>

#define STREAM_DEADLINE_S	600		/* seconds a stream may last */
#define STREAM_WINDOW_S		10		/* seconds over which the rate is measured */
#define STREAM_MIN_RATE		(16 * 1024)	/* bytes a second, in every window */
/* The socket send buffer of a stream (the kernel doubles it): less left unsent when the
 * client stops reading, so that it shows in the next window. */
#define STREAM_SNDBUF		(64 * 1024)

struct stream_watch {
	int			 fd;
	struct timespec		 start, mark;	/* when it started; when its window did */
	size_t			 mark_sent;	/* bytes sent when its window started */
	atomic_size_t		 sent;		/* bytes handed to the connection so far */
	atomic_int		 done;		/* its last piece is made */
	int			 cut;
	struct stream_watch	*prev, *next;
};

/* Watches a stream writing to socket fd from now on (and narrows its send buffer). */
void	streams_add(struct stream_watch *, int fd);
/* Stops watching it; call before its socket is closed. */
void	streams_remove(struct stream_watch *);
/* True when a stream elapsed seconds old, which sent window_bytes over the last window of
 * window seconds, is to be cut. */
int	streams_too_slow(double elapsed, double window, size_t window_bytes);
/* Cuts the streams streams_too_slow picks and starts the windows that are over; returns
 * how many it cut. */
int	streams_sweep(void);
/* Streams being watched (done or not). */
int	streams_count(void);

#endif
