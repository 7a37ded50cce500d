/* render_pool.c: a queue of render jobs and the threads that run them, in order. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "core/log.h"
#include "core/mem.h"
#include "http/render_pool.h"

#define MAX_THREADS	64

struct job {
	void		(*fn)(void *);
	void		*ctx;
	struct job	*next;
};

static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 more;
	struct job	*head, *tail;
	pthread_t	 thread[MAX_THREADS];
	int		 n;
	int		 stopping;
	atomic_int	 running;
} pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, NULL, { 0 }, 0, 0, 0 };

static void *
worker(void *arg)
{
	struct job *j;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&pool.lock);
		while (pool.head == NULL && !pool.stopping)
			pthread_cond_wait(&pool.more, &pool.lock);
		if ((j = pool.head) != NULL && (pool.head = j->next) == NULL)
			pool.tail = NULL;
		pthread_mutex_unlock(&pool.lock);
		if (j == NULL)
			return NULL;	/* stopping, and nothing left */
		j->fn(j->ctx);
		free(j);
	}
}

int
render_pool_start(int n)
{
	pool.stopping = 0;
	for (pool.n = 0; pool.n < n && pool.n < MAX_THREADS; pool.n++)
		if (pthread_create(&pool.thread[pool.n], NULL, worker, NULL) != 0) {
			render_pool_stop();
			return log_err("render pool: cannot start thread %d", pool.n + 1);
		}
	atomic_store(&pool.running, 1);
	return 0;
}

int
render_pool_running(void)
{
	return atomic_load(&pool.running);
}

int
render_pool_push(void (*fn)(void *), void *ctx)
{
	struct job *j = xmalloc(sizeof(*j));

	j->fn = fn;
	j->ctx = ctx;
	j->next = NULL;
	pthread_mutex_lock(&pool.lock);
	if (pool.stopping || !atomic_load(&pool.running)) {
		pthread_mutex_unlock(&pool.lock);
		free(j);
		return -1;
	}
	*(pool.tail ? &pool.tail->next : &pool.head) = j;
	pool.tail = j;
	pthread_cond_signal(&pool.more);
	pthread_mutex_unlock(&pool.lock);
	return 0;
}

void
render_pool_stop(void)
{
	pthread_mutex_lock(&pool.lock);
	pool.stopping = 1;
	atomic_store(&pool.running, 0);
	pthread_cond_broadcast(&pool.more);
	pthread_mutex_unlock(&pool.lock);
	for (int i = 0; i < pool.n; i++)
		pthread_join(pool.thread[i], NULL);
	pool.n = 0;
}
