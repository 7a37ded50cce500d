/* cli.c: helpers for subcommands, and privilege dropping. */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/config.h"
#include "core/log.h"

int
cli_number(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
cli_db_only(int argc, char *argv[], const char *usage, const char **path)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	*path = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		if (c == 'd')
			*path = optarg;
		else {
			fputs(usage, c == 'h' ? stdout : stderr);
			return 2;
		}
	}
	if (*path == NULL || optind != argc) {
		fputs(usage, stderr);
		return 2;
	}
	return 0;
}

int
privilege_drop(void)
{
	struct passwd *pw;

	if (geteuid() != 0)
		return 0;
	if (config.user == NULL) {
		log_info("running as root: set `user` in the configuration to drop privileges");
		return 0;
	}
	/* Root only to bind; the workers run as config.user from here on. */
	if ((pw = getpwnam(config.user)) == NULL)
		return log_err("user %s does not exist (config: user)", config.user);
	if (setgroups(1, &pw->pw_gid) == -1 || setgid(pw->pw_gid) == -1 ||
	    setuid(pw->pw_uid) == -1)
		return log_err("cannot drop privileges to %s: %s", config.user, strerror(errno));
	if (setuid(0) != -1)
		return log_err("privileges were not dropped");
	log_info("running as %s", config.user);
	return 0;
}
