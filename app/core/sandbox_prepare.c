/*
 * sandbox_prepare.c: what confines `lectern serve` before its threads start: W^X for the
 * whole process (prctl PR_SET_MDWE), the character-set converters loaded while code may
 * still be mapped, and Landlock's limit on the files it may write (see sandbox.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/log.h"
#include "core/sandbox.h"

/* Linux 6.3 (prctl.h of Debian 12 predates it). */
#ifndef PR_SET_MDWE
#define PR_SET_MDWE			65
#define PR_GET_MDWE			66
#define PR_MDWE_REFUSE_EXEC_GAIN	1
#endif
/* Landlock ABI 3, Linux 6.2: truncating is a right of its own. */
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE	(1ULL << 14)
#endif

/* What Landlock lets the server do: read any file it could before, write only where
 * SQLite keeps its files. The rest (making devices, links, directories, executing) is
 * refused everywhere. */
#define FS_READ		(LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define FS_WRITE	(LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_MAKE_REG | \
			 LANDLOCK_ACCESS_FS_REMOVE_FILE)
#define FS_ALL_V1	((LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1)

/*
 * The converters libxml2 asks glibc's iconv for when an uploaded schedule declares its
 * encoding (UTF-8, UTF-16 and ISO-8859-1 need none). iconv maps a converter's shared
 * object as code on first use, which the filter then refuses; opened here and never
 * closed, each stays loaded. A schedule in another encoding is refused with libxml2's
 * "unsupported encoding".
 */
static const char *const converters[] = {
	"WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1253", "WINDOWS-1254",
	"WINDOWS-1255", "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-1258",
	"ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
	"ISO-8859-8", "ISO-8859-9", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15",
	"ISO-8859-16", "KOI8-R", "KOI8-U", "SHIFT_JIS", "EUC-JP", "ISO-2022-JP", "GB18030",
	"BIG5", "EUC-KR", "MACINTOSH",
};

/* Kept open for the life of the process: a converter's code stays mapped while used. */
static iconv_t loaded[sizeof(converters) / sizeof(converters[0])];

static void
converters_load(void)
{
	for (size_t i = 0; i < sizeof(converters) / sizeof(converters[0]); i++)
		if (loaded[i] == NULL &&
		    (loaded[i] = iconv_open("UTF-8", converters[i])) == (iconv_t)-1) {
			log_info("sandbox: no %s converter: schedules in it will be refused", converters[i]);
			loaded[i] = NULL;
		}
}

/* Grants access beneath path; a path that does not exist is skipped. */
static int
allow_beneath(int ruleset, const char *path, uint64_t access)
{
	struct landlock_path_beneath_attr rule = { .allowed_access = access };
	int rc;

	if ((rule.parent_fd = open(path, O_PATH | O_CLOEXEC | O_DIRECTORY)) == -1)
		return errno == ENOENT ? 0 : log_err("landlock: %s: %s", path, strerror(errno));
	rc = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
	close(rule.parent_fd);
	return rc == 0 ? 0 : log_err("landlock: cannot allow %s: %s", path, strerror(errno));
}

/* The directories the server writes in: the database's (SQLite creates and removes its
 * -wal and -shm beside it) and the temporary ones SQLite may pick for a large sort. */
static int
allow_writes(int ruleset, const char *db_path, uint64_t write)
{
	static const char *const tmp[] = { "SQLITE_TMPDIR", "TMPDIR" };
	char dir[PATH_MAX];
	const char *slash = strrchr(db_path, '/');
	int rc = 0;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if ((size_t)(slash - db_path) < sizeof(dir))
		snprintf(dir, sizeof(dir), "%.*s", slash == db_path ? 1 : (int)(slash - db_path), db_path);
	else
		return log_err("landlock: %s: path too long", db_path);
	rc |= allow_beneath(ruleset, dir, write);
	for (size_t i = 0; i < sizeof(tmp) / sizeof(tmp[0]); i++)
		if (getenv(tmp[i]) && *getenv(tmp[i]))
			rc |= allow_beneath(ruleset, getenv(tmp[i]), write);
	rc |= allow_beneath(ruleset, "/var/tmp", write);
	rc |= allow_beneath(ruleset, "/usr/tmp", write);
	rc |= allow_beneath(ruleset, "/tmp", write);
	return rc ? -1 : 0;
}

/* Landlock on this thread and the threads it starts from now on. */
static int
files_confine(const char *db_path)
{
	struct landlock_ruleset_attr attr = { .handled_access_fs = FS_ALL_V1 };
	uint64_t write = FS_READ | FS_WRITE;
	int abi, ruleset, rc = -1;

	abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1) {
		log_info("landlock: not available (%s): files are not confined", strerror(errno));
		return 0;
	}
	if (abi >= 2)
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3) {
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
		write |= LANDLOCK_ACCESS_FS_TRUNCATE;
	}
	if ((ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0)) == -1)
		return log_err("landlock: cannot create a ruleset: %s", strerror(errno));
	if (allow_beneath(ruleset, "/", FS_READ) == 0 && allow_writes(ruleset, db_path, write) == 0) {
		/* Landlock, like seccomp, asks that no later execve may gain privileges. */
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
		    syscall(SYS_landlock_restrict_self, ruleset, 0) == -1)
			log_err("landlock: cannot confine: %s", strerror(errno));
		else
			rc = 0;
	}
	close(ruleset);
	return rc;
}

int
sandbox_prepare(enum sandbox_mode mode, const char *db_path)
{
	if (mode == SANDBOX_OFF)
		return 0;
	/* The kernel refuses a mapping writable and executable at once, and making one
	 * executable that was not, for this process and what it starts. */
	if (prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) == -1)
		log_info("sandbox: no PR_SET_MDWE (%s): W^X rests on the seccomp filter alone",
		    strerror(errno));
	converters_load();
	return files_confine(db_path);
}
