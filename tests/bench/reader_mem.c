/* reader_mem.c: one reader alone over a file, into a sink that keeps nothing: the sessions read,
 * the seconds and the peak memory, to show that a reader's memory does not grow with the file
 * (make bench, tests/bench/import.sh). Usage: reader_mem FORMAT FILE. */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "import/reader.h"
#include "import/sniff.h"

static long sessions;

static int
conference(void *arg, const struct imp_conference *c)
{
	(void)arg, (void)c;
	return IMP_CONTINUE;
}

static int
day(void *arg, const struct imp_day *d)
{
	(void)arg, (void)d;
	return IMP_CONTINUE;
}

static int
session(void *arg, const struct imp_session *s)
{
	(void)arg, (void)s;
	sessions++;
	return IMP_CONTINUE;
}

static int
warning(void *arg, int line, const struct imp_session *s, const char *category, const char *text)
{
	(void)arg, (void)line, (void)s, (void)category, (void)text;
	return IMP_CONTINUE;
}

int
main(int argc, char **argv)
{
	struct imp_sink sink = { NULL, 1, conference, day, session, warning, NULL };
	struct imp_source src = { NULL, NULL, NULL, 0, NULL };
	const struct imp_reader *r = argc == 3 ? sniff_by_name(argv[1]) : NULL;
	struct buf err = BUF_INIT;
	struct timespec a, b;
	struct rusage ru;
	int rc;

	if (r == NULL) {
		fprintf(stderr, "usage: reader_mem xml|ics|sched-ics|sched-json|json|csv FILE\n");
		return 2;
	}
	src.name = src.path = argv[2];
	clock_gettime(CLOCK_MONOTONIC, &a);
	rc = r->read(&src, &sink, &err);
	clock_gettime(CLOCK_MONOTONIC, &b);
	getrusage(RUSAGE_SELF, &ru);
	printf("%ld %.2f %ld\n", sessions, (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9, ru.ru_maxrss);
	if (rc == -1)
		fprintf(stderr, "%s\n", err.data);
	buf_release(&err);
	return rc == 0 ? 0 : 1;
}
