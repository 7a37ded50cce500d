/*
 * render_pool.h: threads that render public pages for the workers, so that a worker never
 * stops serving its other connections (cached pages among them) for a render.
 */
#ifndef LECTERN_RENDER_POOL_H
#define LECTERN_RENDER_POOL_H

/* Starts n threads; before the seccomp filter loads (it creates them). 0 or -1 (logged). */
int	render_pool_start(int n);
/* Whether jobs can be given (started, not stopping). */
int	render_pool_running(void);
/* Queues fn(ctx) to run on a pool thread. -1 when the pool does not run: run it yourself. */
int	render_pool_push(void (*fn)(void *), void *ctx);
/* Runs every job queued, then ends the threads; jobs given later are refused. */
void	render_pool_stop(void);

#endif
