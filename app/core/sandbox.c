/*
 * sandbox.c: the seccomp-bpf allow-list `lectern serve` runs under once its
 * sockets, files and user are settled, as Kore's workers do (src/seccomp.c).
 */
#include <errno.h>
#include <seccomp.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "core/log.h"
#include "core/sandbox.h"

/*
 * Every system call the server makes once it serves, by who makes it: traced
 * under `strace -f` through every end-to-end test, from the filter's loading on.
 * The rest are marked: "alias" is the same call under the name another
 * architecture or C library uses, "untraced" one no test provokes. Names, not
 * numbers: libseccomp resolves them for the architecture built for and skips
 * one it lacks. Calls allowed only with some arguments are in allow_checked().
 */
static const char *const allowed[] = {
	/* libmicrohttpd's thread pool: wait, accept, read and write connections,
	 * wake a worker through its eventfd (read, write), TCP options, close. */
	"epoll_wait", "epoll_ctl", "accept4", "recvfrom", "sendto", "sendmsg", "setsockopt",
	"shutdown", "read", "write", "close",
	"epoll_pwait", "accept",	/* alias */
	/* SQLite: each worker opens the database, its WAL and shm files on its
	 * first request; POSIX locks, positioned I/O, WAL reset, durability; the
	 * last connection unlinks the WAL; a new WAL or shm file gets the
	 * database's owner (and mode: fchmod, under a umask such as 077); a path
	 * is made absolute and its symbolic links resolved (getcwd, readlink). */
	"openat", "pread64", "pwrite64", "lseek", "fcntl", "ftruncate", "fdatasync",
	"unlink", "fchown", "fchmod", "geteuid", "getpid", "getcwd", "readlink",
	"open", "fsync",	/* alias */
	/* The stat family: SQLite, glibc's time zones (/etc/localtime for the
	 * access log, /usr/share/zoneinfo for an imported schedule's zone). */
	"newfstatat", "access",
	"fstat", "stat", "lstat",	/* alias */
	/* Randomness: libsodium (session tokens, password salts) and GnuTLS. */
	"getrandom",
	/* glibc: memory (mmap and mprotect are in allow_checked), locks, SQLite's
	 * busy wait. */
	"munmap", "mremap", "madvise", "futex", "clock_nanosleep",
	"nanosleep",	/* alias */
	/* untraced: the main thread's heap (brk); the clock when the vDSO cannot
	 * serve it, as on some virtual machines. */
	"brk", "clock_gettime", "gettimeofday", "time",
	/* Signals: the main thread waits in sigwait() for SIGTERM; any signal
	 * handler returns through rt_sigreturn (root is dropped before the workers
	 * start now, but glibc's broadcast to every thread once returned so under
	 * the filter). abort() asks for its thread id and signals itself (gettid;
	 * tgkill is checked). */
	"rt_sigprocmask", "rt_sigtimedwait", "rt_sigreturn", "gettid",
	/* Pool threads are created before the filter loads but may make their
	 * first calls under it (glibc's thread start), and end under it. */
	"set_robust_list", "rseq", "exit", "exit_group",
};

/*
 * What the sanitizer build's runtime adds: the test build, never the product,
 * whose list above stays the one that is traced and documented.
 */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_BUILD 1
#endif
#endif
#ifdef SANITIZER_BUILD
static const char *const allowed_sanitizer[] = {
	/* ASan's thread start and exit. */
	"sched_getaffinity", "sigaltstack",
	/* LeakSanitizer at exit: a thread it clones reads the others' registers
	 * with ptrace to find the pointers they hold (found in log mode). */
	"prctl", "clone", "sched_yield", "getppid", "rt_sigaction", "ptrace", "wait4",
	"getdents64", "getdents",
};
#endif

static int
allow_names(scmp_filter_ctx ctx, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int nr = seccomp_syscall_resolve_name(names[i]);

		/* Not a system call of this architecture. */
		if (nr < 0)
			continue;
		if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0) < 0)
			return log_err("seccomp: cannot allow %s", names[i]);
	}
	return 0;
}

/*
 * The calls allowed only with some arguments.
 * No memory is mapped executable once serving (mmap), none made executable later
 * (mprotect): an exploit can neither write code and run it nor map a file it wrote as
 * code. The code the server needs is mapped by then; glibc's iconv, which maps a
 * character-set converter the first time a schedule declares its encoding, has its
 * converters loaded before (sandbox_prepare). An executable mmap fails with EPERM rather
 * than killing, so a schedule in an encoding not loaded is refused with a message (what
 * the systemd unit's MemoryDenyWriteExecute asks is weaker: it lets a new read-only
 * executable mapping through). libmicrohttpd's pool threads name themselves as they
 * start (prctl). abort() signals only this process, so a failed allocation still ends
 * in SIGABRT and a core, not in SIGSYS.
 */
static int
allow_checked(scmp_filter_ctx ctx, enum sandbox_mode mode)
{
	const struct scmp_arg_cmp not_x = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0);
	const struct scmp_arg_cmp x = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC);

	/* In log mode the filter's default (log) is already the rule for an executable mmap. */
	if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, not_x) < 0 ||
	    (mode != SANDBOX_LOG &&
		seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(mmap), 1, x) < 0) ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, not_x) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1,
		SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME)) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
		SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid())) < 0)
		return log_err("seccomp: cannot add the rules on arguments");
	return 0;
}

static int
allow_all(scmp_filter_ctx ctx, enum sandbox_mode mode)
{
	if (allow_names(ctx, allowed, sizeof(allowed) / sizeof(allowed[0])) == -1)
		return -1;
#ifdef SANITIZER_BUILD
	if (allow_names(ctx, allowed_sanitizer,
	    sizeof(allowed_sanitizer) / sizeof(allowed_sanitizer[0])) == -1)
		return -1;
#endif
	return allow_checked(ctx, mode);
}

int
sandbox_enter(enum sandbox_mode mode)
{
	scmp_filter_ctx ctx;
	int rc = -1, err;

	if (mode == SANDBOX_OFF)
		return 0;
	if ((ctx = seccomp_init(mode == SANDBOX_LOG ? SCMP_ACT_LOG : SCMP_ACT_KILL_PROCESS)) == NULL)
		return log_err("seccomp: cannot start a filter");
	/*
	 * TSYNC: the thread pool is already running, and a filter on this thread
	 * alone would leave the threads that serve requests free. A call made for
	 * another architecture (int 0x80 on x86_64) has no business here at all.
	 */
	if (seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1) < 0 ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) < 0) {
		log_err("seccomp: cannot set the filter's attributes");
		goto out;
	}
	if (allow_all(ctx, mode) == -1)
		goto out;
	if ((err = seccomp_load(ctx)) < 0) {
		log_err("seccomp: cannot load the filter: %s (`seccomp = no` turns it off)",
		    strerror(-err));
		goto out;
	}
	log_info("seccomp: a system call off the list %s", mode == SANDBOX_LOG ?
	    "is logged by the kernel" : "kills the process");
	rc = 0;
out:
	seccomp_release(ctx);
	return rc;
}
