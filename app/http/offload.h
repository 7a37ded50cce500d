/*
 * offload.h: threads of their own for the requests that spend the database's time.
 *
 * A libmicrohttpd worker serves hundreds of connections from one thread: a request that
 * holds it for 80 ms (a broad search, within its budget) holds every one of them. Such
 * routes (RF_OFFLOAD) are handed to these threads instead, while the adapter suspends
 * the connection; a flood of them queues here, and the rest of the site is not kept
 * waiting. Engine-neutral: the adapter passes a function and its argument.
 */
#ifndef LECTERN_OFFLOAD_H
#define LECTERN_OFFLOAD_H

#define OFFLOAD_QUEUE	32	/* jobs waiting at most; beyond, the caller answers 503 */

/* Starts n threads (call before the sandbox: they are running and ready when it returns).
 * Returns 0, or -1 with a message. */
int	offload_start(int n);
/* Runs every job still queued, then stops and joins the threads. */
void	offload_stop(void);
/* True while the threads run (not in tests and fuzzing, which answer inline). */
int	offload_running(void);
/* Reserves a place in the queue: 0, or -1 when it is full. A reservation is kept for one
 * offload_submit, which then cannot fail: the adapter suspends the connection in between,
 * and the job, which resumes it, must not run before that. */
int	offload_reserve(void);
/* Queues fn(arg) for a thread, in the place reserved. */
void	offload_submit(void (*fn)(void *), void *arg);

#endif
