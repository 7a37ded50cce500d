/* cli.c: helpers for subcommands, privilege dropping, and the backup and check commands. */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/config.h"
#include "model/db.h"
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
cli_open_db(const char *path, int create, sqlite3 **out)
{
	struct stat st;
	sqlite3 *db;

	if ((db = db_open(path, create)) == NULL)
		return -1;
	/* Created 0600 since main's umask; one made before may still let others read the
	 * password hashes, emails and notes. */
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		log_info("%s can be read by others (mode %03o): chmod 600 it, and its -wal and -shm files",
		    path, (unsigned)(st.st_mode & 0777));
	if (db_migrate(db, 0) == -1) {
		db_close(db);
		return -1;
	}
	*out = db;
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

static const char backup_usage[] =
"usage: lectern backup --db FILE OUT\n"
"\n"
"Copies the database to OUT with SQLite's online backup API: consistent even\n"
"while the server runs and writes. OUT must not exist. Restore by stopping the\n"
"server and copying OUT over the database file (see README).\n";

int
cmd_backup(int argc, char *argv[])
{
	const char *path = NULL, *out;
	sqlite3 *src, *dst = NULL;
	sqlite3_backup *bk;
	int rc;

	if (argc == 4 && strcmp(argv[1], "--db") == 0)
		path = argv[2], out = argv[3];
	else {
		fputs(backup_usage, argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
		return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
	}
	if (access(out, F_OK) == 0)
		return log_err("%s exists; refusing to overwrite it", out), 1;
	if ((src = db_open(path, 0)) == NULL)
		return 1;
	if (sqlite3_open_v2(out, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		log_err("%s: %s", out, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		db_close(src);
		return 1;
	}
	if ((bk = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		log_err("backup: %s", sqlite3_errmsg(dst));
		rc = SQLITE_ERROR;
	} else {
		/* Copy in steps so a busy server is never locked out for long. */
		do {
			rc = sqlite3_backup_step(bk, 256);
			if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
				sqlite3_sleep(20);
		} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
		sqlite3_backup_finish(bk);
		if (rc != SQLITE_DONE)
			log_err("backup: %s", sqlite3_errstr(rc));
	}
	sqlite3_close(dst);
	db_close(src);
	if (rc != SQLITE_DONE) {
		unlink(out);
		return 1;
	}
	printf("%s: backed up to %s\n", path, out);
	return 0;
}

/* The full-text indexes: FTS5's own structure check, every record indexed exactly once (an
 * index of external content cannot say so itself), and no import's deferral left behind
 * (schema/0005_import_speed.sql). Returns the number of problems, each printed. */
static int
check_search(sqlite3 *db)
{
	/* FTS5 takes its structure check as an INSERT: a read-only database cannot run it. */
	static const struct { const char *what, *sql; int writes; } checks[] = {
		{ "sessions: the index's structure", "INSERT INTO sessions_fts(sessions_fts) VALUES ('integrity-check')", 1 },
		{ "people: the index's structure", "INSERT INTO people_fts(people_fts) VALUES ('integrity-check')", 1 },
		{ "organizations: the index's structure",
		  "INSERT INTO organizations_fts(organizations_fts) VALUES ('integrity-check')", 1 },
		{ "sessions not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM sessions WHERE id NOT IN"
		  " (SELECT id FROM sessions_fts_docsize)) + (SELECT count(*) FROM sessions_fts_docsize WHERE id NOT IN"
		  " (SELECT id FROM sessions))", 0 },
		{ "people not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM people WHERE id NOT IN"
		  " (SELECT id FROM people_fts_docsize)) + (SELECT count(*) FROM people_fts_docsize WHERE id NOT IN"
		  " (SELECT id FROM people))", 0 },
		{ "organizations not indexed, or indexed but gone", "SELECT (SELECT count(*) FROM organizations WHERE id"
		  " NOT IN (SELECT id FROM organizations_fts_docsize)) + (SELECT count(*) FROM organizations_fts_docsize"
		  " WHERE id NOT IN (SELECT id FROM organizations))", 0 },
		{ "an import's deferred indexing left behind", "SELECT count(*) FROM fts_deferred", 0 },
	};
	int bad = 0, readonly = sqlite3_db_readonly(db, "main") == 1;

	if (readonly)
		printf("search: the indexes' structure is not checked on a read-only database\n");
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		sqlite3_stmt *st;
		int rc;
		long long n = 0;

		if (readonly && checks[i].writes)
			continue;
		rc = sqlite3_prepare_v2(db, checks[i].sql, -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			printf("search: %s: %s\n", checks[i].what, sqlite3_errmsg(db));
			bad++;
		} else if (n > 0) {
			printf("search: %s: %lld\n", checks[i].what, n);
			bad++;
		}
		sqlite3_finalize(st);
	}
	return bad;
}

int
cmd_check(int argc, char *argv[])
{
	const char *path;
	sqlite3_stmt *st;
	sqlite3 *db;
	int bad = 0;

	if (cli_db_only(argc, argv, "usage: lectern check --db FILE\n", &path))
		return 2;
	if ((db = db_open(path, 0)) == NULL)
		return 1;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *r = (const char *)sqlite3_column_text(st, 0);

			if (r && strcmp(r, "ok") != 0) {
				printf("integrity: %s\n", r);
				bad++;
			}
		}
		sqlite3_finalize(st);
	} else
		bad++;
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			printf("foreign key: %s row %lld refers to a missing %s\n",
			    sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
			    sqlite3_column_text(st, 2));
			bad++;
		}
		sqlite3_finalize(st);
	} else
		bad++;
	bad += check_search(db);
	db_close(db);
	printf("%s: %s\n", path, bad ? "problems found" : "ok");
	return bad ? 1 : 0;
}
