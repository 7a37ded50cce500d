/* access_log.c: per-thread buffers of access-log lines, drained in batches by one writer thread. */
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/access_log.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/request.h"

/* A worker writes its own lines past this (the writer cannot keep up: the disk or the pipe
 * is slow), which holds it back as the synchronous log did. */
#define GATHER_MAX	(4 * 1024 * 1024)

struct gathered {
	pthread_mutex_t		 lock;
	struct buf		 lines;
	struct gathered		*next;
};

static struct {
	pthread_mutex_t		 lock;		/* the list, and the writer's sleep */
	pthread_cond_t		 wake;
	struct gathered		*all;
	pthread_t		 thread;
	int			 fd;
	int			 stopping;
	atomic_int		 running;
	atomic_size_t		 unwritten;	/* bytes gathered since the writer last looked */
	unsigned		 starts;	/* a thread's buffer is from this start */
} w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, 1, 0, 0, 0, 0 };

static _Thread_local struct gathered *mine;
static _Thread_local unsigned mine_start;

static void
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;	/* a closed or full log loses lines; the server goes on */
		p += k;
		n -= (size_t)k;
	}
}

/* Writes what every thread has gathered, each buffer taken whole under its lock. The list
 * only grows at its head until the writer stops, so it is walked unlocked. */
static void
drain(struct buf *spare)
{
	struct gathered *head;

	pthread_mutex_lock(&w.lock);
	head = w.all;
	pthread_mutex_unlock(&w.lock);
	for (struct gathered *g = head; g; g = g->next) {
		struct buf taken;

		pthread_mutex_lock(&g->lock);
		taken = g->lines;
		g->lines = *spare;
		pthread_mutex_unlock(&g->lock);
		write_all(w.fd, taken.data, taken.len);
		buf_reset(&taken);
		*spare = taken;
	}
}

static void *
writer(void *arg)
{
	const struct timespec batch = { 0, ACCESS_LOG_BATCH_MS * 1000000L };
	struct buf spare = BUF_INIT;
	int stopping;

	(void)arg;
	do {
		pthread_mutex_lock(&w.lock);
		while (atomic_load(&w.unwritten) == 0 && !w.stopping)
			pthread_cond_wait(&w.wake, &w.lock);
		stopping = w.stopping;
		pthread_mutex_unlock(&w.lock);
		/* The first line after a quiet spell woke us: let a batch gather behind it. */
		if (!stopping)
			nanosleep(&batch, NULL);
		/* Zeroed before draining: a line gathered after this wakes us again. */
		atomic_store(&w.unwritten, 0);
		drain(&spare);
	} while (!stopping);
	buf_release(&spare);
	return NULL;
}

int
access_log_start(int fd)
{
	w.fd = fd;
	w.stopping = 0;
	w.starts++;
	if (pthread_create(&w.thread, NULL, writer, NULL) != 0)
		return log_err("access log: cannot start its writer; lines are written one by one");
	atomic_store(&w.running, 1);
	return 0;
}

static struct gathered *
gathered_new(void)
{
	struct gathered *g = xcalloc(1, sizeof(*g));

	pthread_mutex_init(&g->lock, NULL);
	buf_init(&g->lines, 0);
	pthread_mutex_lock(&w.lock);
	g->next = w.all;
	w.all = g;
	pthread_mutex_unlock(&w.lock);
	return g;
}

void
access_log_line(const char *line, size_t len)
{
	size_t gathered;

	if (!atomic_load(&w.running)) {
		write_all(w.fd, line, len);
		return;
	}
	if (mine == NULL || mine_start != w.starts) {
		mine = gathered_new();
		mine_start = w.starts;
	}
	pthread_mutex_lock(&mine->lock);
	buf_append(&mine->lines, line, len);
	if ((gathered = mine->lines.len) > GATHER_MAX) {
		write_all(w.fd, mine->lines.data, mine->lines.len);
		buf_reset(&mine->lines);
	}
	pthread_mutex_unlock(&mine->lock);
	if (gathered <= GATHER_MAX && atomic_fetch_add(&w.unwritten, len) == 0) {
		pthread_mutex_lock(&w.lock);
		pthread_cond_signal(&w.wake);
		pthread_mutex_unlock(&w.lock);
	}
}

void
access_log_stop(void)
{
	struct gathered *g, *next;

	if (!atomic_load(&w.running))
		return;
	pthread_mutex_lock(&w.lock);
	w.stopping = 1;
	pthread_cond_signal(&w.wake);
	pthread_mutex_unlock(&w.lock);
	pthread_join(w.thread, NULL);
	atomic_store(&w.running, 0);
	/* Threads that logged while the writer finished (none once the workers are joined). */
	for (g = w.all; g; g = next) {
		next = g->next;
		write_all(w.fd, g->lines.data, g->lines.len);
		buf_release(&g->lines);
		pthread_mutex_destroy(&g->lock);
		free(g);
	}
	w.all = NULL;
}

/* The time of the lines, formatted once a second per thread. */
static const char *
line_time(void)
{
	static _Thread_local time_t last;
	static _Thread_local char when[32];
	time_t t = time(NULL);

	if (t != last) {
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		last = t;
	}
	return when;
}

void
access_log_request(struct request *req, size_t bytes, long us, const char *cached, int aborted)
{
	char line[1024];
	struct buf big = BUF_INIT;
	int n;

	/* The path is printed with %s, and the engine has decoded it. */
	for (char *p = (char *)req->path; p && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
#define LINE_FORMAT "%s %s %s %s %d %zu %ldus%s%s%s\n", line_time(), req->remote_addr, \
	req->method_name, req->path, req->status, bytes, us, cached ? " " : "", \
	cached ? cached : "", aborted ? " aborted" : ""
	if ((n = snprintf(line, sizeof(line), LINE_FORMAT)) >= 0 && (size_t)n < sizeof(line))
		access_log_line(line, (size_t)n);
	else {	/* a long path */
		buf_appendf(&big, LINE_FORMAT);
		access_log_line(big.data, big.len);
		buf_release(&big);
	}
#undef LINE_FORMAT
}
