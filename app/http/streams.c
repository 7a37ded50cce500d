/* streams.c: the watch over streamed responses in flight (see streams.h). */
#include <pthread.h>
#include <sys/socket.h>

#include "core/log.h"
#include "http/streams.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct stream_watch *watched;
static int nwatched;

void
streams_add(struct stream_watch *w, int fd)
{
	int size = STREAM_SNDBUF;

	w->fd = fd;
	clock_gettime(CLOCK_MONOTONIC, &w->start);
	w->mark = w->start;
	w->mark_sent = 0;
	atomic_init(&w->sent, 0);
	atomic_init(&w->done, 0);
	w->cut = 0;
	if (fd >= 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
	pthread_mutex_lock(&lock);
	w->prev = NULL;
	w->next = watched;
	if (watched)
		watched->prev = w;
	watched = w;
	nwatched++;
	pthread_mutex_unlock(&lock);
}

void
streams_remove(struct stream_watch *w)
{
	pthread_mutex_lock(&lock);
	if (w->prev)
		w->prev->next = w->next;
	else
		watched = w->next;
	if (w->next)
		w->next->prev = w->prev;
	nwatched--;
	pthread_mutex_unlock(&lock);
}

int
streams_too_slow(double elapsed, double window, size_t window_bytes)
{
	return elapsed > STREAM_DEADLINE_S ||
	    (window >= STREAM_WINDOW_S && (double)window_bytes < STREAM_MIN_RATE * window);
}

static double
seconds(const struct timespec *from, const struct timespec *to)
{
	return (double)(to->tv_sec - from->tv_sec) + (double)(to->tv_nsec - from->tv_nsec) / 1e9;
}

int
streams_sweep(void)
{
	struct timespec now;
	int cut = 0;

	clock_gettime(CLOCK_MONOTONIC, &now);
	/* Under the lock the socket is still open: a stream leaves the list before its
	 * connection's socket is closed (streams_remove), so fd is never another's. */
	pthread_mutex_lock(&lock);
	for (struct stream_watch *w = watched; w; w = w->next) {
		size_t sent = atomic_load(&w->sent);
		double window = seconds(&w->mark, &now);

		if (w->cut || w->fd < 0 || atomic_load(&w->done))
			continue;
		if (streams_too_slow(seconds(&w->start, &now), window, sent - w->mark_sent)) {
			shutdown(w->fd, SHUT_RDWR);
			w->cut = 1;
			cut++;
		} else if (window >= STREAM_WINDOW_S) {
			w->mark = now;
			w->mark_sent = sent;
		}
	}
	pthread_mutex_unlock(&lock);
	if (cut)
		log_info("%d download%s too slow or too long: closed", cut, cut == 1 ? "" : "s");
	return cut;
}

int
streams_count(void)
{
	int n;

	pthread_mutex_lock(&lock);
	n = nwatched;
	pthread_mutex_unlock(&lock);
	return n;
}
