/* test_sandbox.c: the sandbox, loaded in a child: what it lets run, what kills, what is refused (W^X, files
 * written only where the database is), and on every thread. */
#include "unit.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <errno.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/sandbox.h"

#ifndef PR_GET_MDWE
#define PR_GET_MDWE			66
#define PR_MDWE_REFUSE_EXEC_GAIN	1
#endif

static pid_t parent;
static char dir[64];
/* Outside /tmp (a temporary directory the server may write in): the test's own place. */
static char outside[256];
static int outside_apart;	/* outside lies beneath no directory the sandbox lets be written */

/* The Seccomp: line of a /proc status file (2: a filter), or -1. */
static int
seccomp_field(const char *path)
{
	char line[256];
	int v = -1;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Seccomp: %d", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* Confines the child as the server is, with its database in dir/real: sandbox_prepare (W^X,
 * converters, Landlock), which must have set MDWE. */
static void
prepare_as_server(void)
{
	char db[128];

	snprintf(db, sizeof(db), "%s/real/t.db", dir);
	if (sandbox_prepare(SANDBOX_KILL, db) == -1)
		_exit(100);
	if (prctl(PR_GET_MDWE, 0, 0, 0, 0) != PR_MDWE_REFUSE_EXEC_GAIN)
		_exit(101);
}

/* Runs fn in a child under the filter (after prepare, if not NULL); returns the child's wait status. */
static int
in_child_after(void (*prepare)(void), enum sandbox_mode mode, void (*fn)(void))
{
	struct rlimit no_core = { 0, 0 };
	pid_t pid;
	int st;

	fflush(NULL);
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 2);	/* the filter's log line is not TAP */
		setrlimit(RLIMIT_CORE, &no_core);
		if (prepare)
			prepare();
		if (sandbox_enter(mode) == -1)
			_exit(102);
		fn();
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return st;
}

#define in_child(mode, fn)	in_child_after(NULL, (mode), (fn))
#define in_server_child(fn)	in_child_after(prepare_as_server, SANDBOX_KILL, (fn))

static int
killed_by(int st)
{
	return WIFSIGNALED(st) ? WTERMSIG(st) : 0;
}

/* What the server does once it serves: SQLite in WAL mode (through a symbolic
 * link: readlink; under a umask that makes SQLite set the WAL's mode: fchmod),
 * libsodium, memory. */
static void
serve_like(void)
{
	char path[128], *p;
	unsigned char key[32];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/link/t.db", dir);
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS t(x);"
	    "BEGIN; INSERT INTO t VALUES (randomblob(5000)); COMMIT;"
	    "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL) != SQLITE_OK)
		_exit(1);
	sqlite3_sleep(1);
	if (sqlite3_close(db) != SQLITE_OK)
		_exit(2);
	randombytes_buf(key, sizeof(key));
	if ((p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0)) == MAP_FAILED || mprotect(p, 4096, PROT_READ) == -1)
		_exit(3);
	if (seccomp_field("/proc/self/status") != 2)
		_exit(4);
}

static void
allowed_calls_run(void **state)
{
	char path[128];
	struct stat st;
	sqlite3 *db;
	mode_t old;
	int rc;

	(void)state;
	snprintf(path, sizeof(path), "%s/real", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/link", dir);
	assert_int_equal(symlink("real", path), 0);
	/* Created here, readable by all; the child's umask would make its WAL private. */
	snprintf(path, sizeof(path), "%s/real/t.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	old = umask(077);
	rc = in_child(SANDBOX_KILL, serve_like);
	umask(old);
	assert_int_equal(rc, 0);
	snprintf(path, sizeof(path), "%s/real/t.db-wal", dir);
	assert_int_equal(stat(path, &st), -1);	/* the last close removed it */
}

static void
open_socket(void)
{
	socket(AF_INET, SOCK_STREAM, 0);
}

static void
run_program(void)
{
	static char prog[] = "/bin/true";
	char *argv[] = { prog, NULL };

	execve(argv[0], argv, argv + 1);
}

/* No new executable memory: writable or not, anonymous or a file the process wrote. */
static void
map_code(void)
{
	static const unsigned char ret[] = { 0xC3 };	/* x86 ret; never run */
	char path[128];
	int fd;

	if (mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0) != MAP_FAILED || errno != EPERM)
		_exit(1);
	if (mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED)
		_exit(2);
	snprintf(path, sizeof(path), "%s/real/code.bin", dir);
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0700)) == -1 ||
	    write(fd, ret, sizeof(ret)) != (ssize_t)sizeof(ret))
		_exit(3);	/* the database's directory is writable */
	if (mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0) != MAP_FAILED || errno != EPERM)
		_exit(4);
	if (mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED)
		_exit(5);	/* as data it maps */
}

static void
no_new_code(void **state)
{
	(void)state;
	assert_int_equal(in_server_child(map_code), 0);
	/* Under the filter alone too. */
	assert_int_equal(in_child(SANDBOX_KILL, map_code), 0);
}

/* /proc/self/mem writes any page, code included, whatever its protection: Landlock
 * refuses to open it for writing (or any file outside the database's and the temporary
 * directories), while reading goes on. */
static void
write_elsewhere(void)
{
	char path[300];

	if (open("/proc/self/mem", O_RDWR) != -1 || errno != EACCES)
		_exit(1);
	if (open("/proc/self/mem", O_WRONLY) != -1 || errno != EACCES)
		_exit(2);
	snprintf(path, sizeof(path), "%s/x", outside);
	if (outside_apart && (open(path, O_WRONLY | O_CREAT, 0600) != -1 || errno != EACCES))
		_exit(3);
	if (open("/proc/self/status", O_RDONLY) == -1 || open("/etc/passwd", O_RDONLY) == -1)
		_exit(4);
	snprintf(path, sizeof(path), "%s/real/ok.txt", dir);
	if (open(path, O_WRONLY | O_CREAT, 0600) == -1)
		_exit(5);
}

static void
files_written_only_where_the_database_is(void **state)
{
	(void)state;
	assert_int_equal(in_server_child(write_elsewhere), 0);
	/* The server's own work goes on: SQLite in WAL mode in its directory. */
	assert_int_equal(in_server_child(serve_like), 0);
}

static void
make_code(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p != MAP_FAILED)
		mprotect(p, 4096, PROT_READ | PROT_EXEC);
}

static void
signal_another(void)
{
	kill(parent, 0);
}

static void
signal_another_thread(void)
{
	syscall(SYS_tgkill, parent, parent, 0);
}

static void
become_root(void)
{
	if (setuid(0) == 0)
		_exit(0);
}

static void
forbidden_calls_kill(void **state)
{
	void (*calls[])(void) = { open_socket, run_program, make_code,
	    signal_another, signal_another_thread, become_root };

	(void)state;
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		assert_int_equal(killed_by(in_child(SANDBOX_KILL, calls[i])), SIGSYS);
}

static void
abort_is_still_sigabrt(void **state)
{
	(void)state;
	assert_int_equal(killed_by(in_child(SANDBOX_KILL, abort)), SIGABRT);
}

static void
socket_or_fail(void)
{
	if (socket(AF_INET, SOCK_STREAM, 0) == -1)
		_exit(1);
}

static void
log_mode_lets_calls_through(void **state)
{
	(void)state;
	assert_int_equal(in_child(SANDBOX_LOG, socket_or_fail), 0);
}

static void
no_filter(void)
{
	if (seccomp_field("/proc/self/status") != 0)
		_exit(1);
	socket_or_fail();
}

static void
off_loads_nothing(void **state)
{
	(void)state;
	assert_int_equal(in_child(SANDBOX_OFF, no_filter), 0);
}

/* A thread started before the filter, as libmicrohttpd's pool is. */
static int go[2];
static pid_t worker_tid;

static void *
worker(void *arg)
{
	char c;

	(void)arg;
	worker_tid = (pid_t)syscall(SYS_gettid);
	if (read(go[0], &c, 1) == 1)
		socket(AF_INET, SOCK_STREAM, 0);
	return NULL;
}

static void
thread_calls_socket(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%d/status", (int)worker_tid);
	if (seccomp_field(path) != 2)
		_exit(1);
	if (write(go[1], "x", 1) != 1)
		_exit(2);
	sleep(5);	/* the worker's socket() ends the whole process first */
	_exit(3);
}

static void
every_thread_is_filtered(void **state)
{
	pthread_t t;
	pid_t pid;
	int st;

	(void)state;
	assert_int_equal(pipe(go), 0);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 2);
		if (pthread_create(&t, NULL, worker, NULL) != 0)
			_exit(100);
		while (__atomic_load_n(&worker_tid, __ATOMIC_SEQ_CST) == 0)
			usleep(1000);
		if (sandbox_enter(SANDBOX_KILL) == -1)
			_exit(101);
		thread_calls_socket();
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_int_equal(killed_by(st), SIGSYS);
	close(go[0]), close(go[1]);
}

/* Whether path lies beneath a directory the sandbox lets be written whatever the database's
 * (sandbox_prepare.c: the temporary directories). */
static int
beneath_temporary(const char *path)
{
	const char *tmp[] = { "/tmp", "/var/tmp", "/usr/tmp", getenv("TMPDIR"), getenv("SQLITE_TMPDIR") };
	char real[PATH_MAX], top[PATH_MAX];
	size_t n;

	if (realpath(path, real) == NULL)
		return 1;
	for (size_t i = 0; i < sizeof(tmp) / sizeof(tmp[0]); i++)
		if (tmp[i] && *tmp[i] && realpath(tmp[i], top) && (n = strlen(top)) &&
		    strncmp(real, top, n) == 0 && (real[n] == '/' || real[n] == '\0' || top[n - 1] == '/'))
			return 1;
	return 0;
}

/* A directory outside the database's and the temporary ones, for a write the sandbox must
 * refuse: in build/, unless the checkout itself lies in /tmp (then in $HOME); without one, that
 * check is left out (said on the output). */
static int
make_outside(void)
{
	const char *home = getenv("HOME");

	snprintf(outside, sizeof(outside), "build/lectern-sandbox-XXXXXX");
	if (mkdtemp(outside) == NULL)
		return -1;
	if (!beneath_temporary(outside))
		return outside_apart = 1, 0;
	rmdir(outside);
	if (home && *home && (size_t)snprintf(outside, sizeof(outside), "%s/.lectern-sandbox-XXXXXX", home) <
	    sizeof(outside) && mkdtemp(outside) && !beneath_temporary(outside))
		return outside_apart = 1, 0;
	printf("# the checkout and $HOME lie in a temporary directory: a write outside it is not tried\n");
	snprintf(outside, sizeof(outside), "build/lectern-sandbox-XXXXXX");
	return mkdtemp(outside) == NULL ? -1 : 0;
}

static int
setup(void **state)
{
	(void)state;
	parent = getpid();
	strcpy(dir, "/tmp/lectern-sandbox-XXXXXX");
	return mkdtemp(dir) == NULL || make_outside() == -1 || sodium_init() < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[512];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s'", dir, outside);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(allowed_calls_run),
		cmocka_unit_test(forbidden_calls_kill),
		cmocka_unit_test(no_new_code),
		cmocka_unit_test(files_written_only_where_the_database_is),
		cmocka_unit_test(abort_is_still_sigabrt),
		cmocka_unit_test(log_mode_lets_calls_through),
		cmocka_unit_test(off_loads_nothing),
		cmocka_unit_test(every_thread_is_filtered),
	};

	return cmocka_run_group_tests_name("sandbox", tests, setup, teardown);
}
