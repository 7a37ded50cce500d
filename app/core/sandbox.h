/* sandbox.h: what confines `lectern serve`: W^X, Landlock on files, the seccomp allow-list. */
#ifndef LECTERN_SANDBOX_H
#define LECTERN_SANDBOX_H

enum sandbox_mode {
	SANDBOX_OFF,	/* no filter (config: seccomp = no) */
	SANDBOX_KILL,	/* a system call off the list kills the process (yes) */
	SANDBOX_LOG,	/* it is let through and the kernel logs it (log) */
	SANDBOX__MAX
};

/*
 * What must be in place before the worker threads start, which inherit it; call it once
 * privileges are dropped. Memory never writable and executable at once, nor made
 * executable later (prctl PR_SET_MDWE, Linux 6.3 on); the character-set converters an
 * uploaded schedule may name loaded now (glibc's iconv maps them as code, and once the
 * filter runs nothing new is mapped executable); and, with Landlock (Linux 5.13 on), files
 * opened for writing only beneath the database's directory and the temporary directories
 * SQLite may use (not /proc/self/mem, say). SANDBOX_OFF does nothing. A kernel without
 * MDWE or Landlock is logged, not refused. Returns 0, or -1 with a message.
 */
int	sandbox_prepare(enum sandbox_mode, const char *db_path);

/*
 * Confines every thread of the process, for good, to the system calls serving
 * needs (the list is in sandbox.c). Call once sockets, TLS files and the user
 * are settled. In SANDBOX_LOG a call off the list runs and the kernel logs it
 * (audit type 1326, `syscall=N`), so an operator can find one the list lacks.
 * Returns 0 (SANDBOX_OFF does nothing), or -1 with a message if the filter
 * cannot be built or loaded; the process is then as it was.
 */
int	sandbox_enter(enum sandbox_mode);

#endif
