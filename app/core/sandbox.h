/* sandbox.h: the seccomp allow-list `lectern serve` runs under once it is set up. */
#ifndef LECTERN_SANDBOX_H
#define LECTERN_SANDBOX_H

enum sandbox_mode {
	SANDBOX_OFF,	/* no filter (config: seccomp = no) */
	SANDBOX_KILL,	/* a system call off the list kills the process (yes) */
	SANDBOX_LOG,	/* it is let through and the kernel logs it (log) */
	SANDBOX__MAX
};

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
