/* offload.c: the threads that run RF_OFFLOAD requests (see offload.h). */
#include <pthread.h>
#include <stdlib.h>

#include "core/log.h"
#include "core/mem.h"
#include "http/offload.h"

struct job {
	void	(*fn)(void *);
	void	*arg;
};

/* A ring of queued jobs and the threads that take them, under one lock. */
static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job was queued, or stopping */
	pthread_cond_t	 ready;		/* a thread has started */
	struct job	 ring[OFFLOAD_QUEUE];
	unsigned	 head, count;
	unsigned	 reserved;	/* places promised to an offload_submit to come */
	int		 started, stopping;
	pthread_t	*threads;
	int		 n;
} q = { .lock = PTHREAD_MUTEX_INITIALIZER, .work = PTHREAD_COND_INITIALIZER,
    .ready = PTHREAD_COND_INITIALIZER };

static void *
worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&q.lock);
	q.started++;
	pthread_cond_broadcast(&q.ready);
	for (;;) {
		struct job j;

		/* A reserved place is a job on its way, even while stopping. */
		while (q.count == 0 && (!q.stopping || q.reserved))
			pthread_cond_wait(&q.work, &q.lock);
		if (q.count == 0)
			break;	/* stopping, and the queue is drained */
		j = q.ring[q.head];
		q.head = (q.head + 1) % OFFLOAD_QUEUE;
		q.count--;
		pthread_mutex_unlock(&q.lock);
		j.fn(j.arg);
		pthread_mutex_lock(&q.lock);
	}
	pthread_mutex_unlock(&q.lock);
	return NULL;
}

int
offload_start(int n)
{
	q.threads = xcalloc((size_t)n, sizeof(*q.threads));
	for (q.n = 0; q.n < n; q.n++)
		if (pthread_create(&q.threads[q.n], NULL, worker, NULL) != 0) {
			offload_stop();
			return log_err("cannot start the search threads");
		}
	/* Their start (glibc's, under the filter) is over before the sandbox loads. */
	pthread_mutex_lock(&q.lock);
	while (q.started < n)
		pthread_cond_wait(&q.ready, &q.lock);
	pthread_mutex_unlock(&q.lock);
	return 0;
}

void
offload_stop(void)
{
	pthread_mutex_lock(&q.lock);
	q.stopping = 1;
	pthread_cond_broadcast(&q.work);
	pthread_mutex_unlock(&q.lock);
	for (int i = 0; i < q.n; i++)
		pthread_join(q.threads[i], NULL);
	free(q.threads);
	q.threads = NULL;
	q.n = q.started = q.stopping = 0;
}

int
offload_running(void)
{
	return q.n > 0 && !q.stopping;
}

int
offload_reserve(void)
{
	int rc = -1;

	pthread_mutex_lock(&q.lock);
	if (q.count + q.reserved < OFFLOAD_QUEUE && !q.stopping) {
		q.reserved++;
		rc = 0;
	}
	pthread_mutex_unlock(&q.lock);
	return rc;
}

void
offload_submit(void (*fn)(void *), void *arg)
{
	pthread_mutex_lock(&q.lock);
	q.reserved--;
	q.ring[(q.head + q.count) % OFFLOAD_QUEUE] = (struct job){ fn, arg };
	q.count++;
	pthread_cond_signal(&q.work);
	pthread_mutex_unlock(&q.lock);
}
