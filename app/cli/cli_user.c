/* cli_user.c: `lectern user add|passwd|disable|enable|list|demo` — accounts from the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "model/db.h"
#include "core/log.h"
#include "core/password.h"
#include "model/user.h"

static const char usage[] =
"usage: lectern user add --db FILE --login NAME --role admin|staff|member\n"
"                        [--name NAME] [--email EMAIL] [--person SLUG] [--org SLUG]\n"
"       lectern user passwd --db FILE --login NAME\n"
"       lectern user disable|enable --db FILE --login NAME\n"
"       lectern user list --db FILE\n"
"       lectern user demo --db FILE\n"
"\n"
"The password is read from the terminal without echo, or as one line from\n"
"standard input when it is not a terminal. At least 12 characters.\n"
"`demo` creates an admin, a staff user and a member linked to the demo person\n"
"dave-zolotusky with random passwords, and prints them once.\n";

/* Reads a password: twice without echo from a terminal, once from a pipe. */
static int
read_password(char *out, size_t size)
{
	struct termios old, quiet;
	char again[PASSWORD_MAX + 2];
	int tty = isatty(STDIN_FILENO);

	if (tty) {
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		fputs("Password: ", stderr);
	}
	if (fgets(out, (int)size, stdin) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\r\n")] = '\0';
	if (tty) {
		fputs("\nAgain: ", stderr);
		if (fgets(again, sizeof(again), stdin) == NULL)
			again[0] = '\0';
		again[strcspn(again, "\r\n")] = '\0';
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
		if (strcmp(out, again) != 0)
			return log_err("the passwords differ");
	}
	return 0;
}

static void
random_password(char *out, size_t n)
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	for (size_t i = 0; i + 1 < n; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[n - 1] = '\0';
}

static int
demo_users(sqlite3 *db)
{
	static const struct { const char *login, *name, *role, *person, *org; } users[] = {
		{ "admin", "Demo Admin", "admin", NULL, NULL },
		{ "staff", "Demo Staff", "staff", NULL, NULL },
		{ "dave", "Dave Zolotusky", "member", "dave-zolotusky", "spotify" },
	};
	char pw[3][21];

	if (db_begin(db) == -1)
		return -1;
	for (size_t i = 0; i < 3; i++) {
		random_password(pw[i], sizeof(pw[i]));
		if (user_create(db, users[i].login, users[i].name, NULL, users[i].role,
		    users[i].person, users[i].org, pw[i]) == -1) {
			db_rollback(db);
			return -1;
		}
	}
	if (db_commit(db) == -1)
		return -1;
	printf("Demo accounts (log in at /login):\n");
	for (size_t i = 0; i < 3; i++)
		printf("  %-8s %-7s password %s\n", users[i].role, users[i].login, pw[i]);
	return 0;
}

static int
list_users(sqlite3 *db)
{
	static const char sql[] =
	    "SELECT u.login, u.role, u.display_name, coalesce(p.slug, '-'), coalesce(o.slug, '-'),"
	    " CASE u.disabled WHEN 1 THEN 'disabled' ELSE 'active' END, coalesce(u.last_login, 'never')"
	    " FROM users u LEFT JOIN people p ON p.id = u.person_id LEFT JOIN organizations o ON o.id = u.org_id"
	    " ORDER BY u.login";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	printf("%-16s %-7s %-24s %-20s %-12s %-8s %s\n", "LOGIN", "ROLE", "NAME", "PERSON", "ORG",
	    "STATE", "LAST LOGIN");
	while (sqlite3_step(st) == SQLITE_ROW)
		printf("%-16s %-7s %-24s %-20s %-12s %-8s %s\n", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
		    sqlite3_column_text(st, 4), sqlite3_column_text(st, 5), sqlite3_column_text(st, 6));
	sqlite3_reset(st);
	return 0;
}

static int
set_password(sqlite3 *db, const char *login)
{
	static const char sql[] = "UPDATE users SET password_hash = ?2, version = version + 1,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE login = ?1";
	static const char drop_sql[] =
	    "DELETE FROM logins WHERE user_id = (SELECT id FROM users WHERE login = ?1)";
	char pw[PASSWORD_MAX + 2], hash[crypto_pwhash_STRBYTES];
	const char *why;
	sqlite3_stmt *st;
	int changed;

	if (read_password(pw, sizeof(pw)) == -1)
		return -1;
	if (password_check_policy(pw, login, &why) == -1)
		return log_err("the password %s", why);
	if (password_hash(pw, hash) == -1 || (st = db_stmt(db, sql)) == NULL)
		return -1;
	sodium_memzero(pw, sizeof(pw));
	db_bind_text(st, 1, login);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_reset(st);
	if ((changed = sqlite3_changes(db)) == 0)
		return log_err("no user %s", login);
	/* A new password ends every login made with the old one. */
	if ((st = db_stmt(db, drop_sql)) != NULL) {
		db_bind_text(st, 1, login);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	return 0;
}

static int
set_disabled(sqlite3 *db, const char *login, int disabled)
{
	static const char sql[] = "UPDATE users SET disabled = ?2, version = version + 1 WHERE login = ?1";
	static const char drop_sql[] =
	    "DELETE FROM logins WHERE user_id = (SELECT id FROM users WHERE login = ?1)";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, login);
	sqlite3_bind_int(st, 2, disabled);
	sqlite3_step(st);
	sqlite3_reset(st);
	if (sqlite3_changes(db) == 0)
		return log_err("no user %s", login);
	if (disabled && (st = db_stmt(db, drop_sql)) != NULL) {
		db_bind_text(st, 1, login);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	return 0;
}

int
cmd_user(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "login", required_argument, NULL, 'l' },
		{ "role", required_argument, NULL, 'r' }, { "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' }, { "person", required_argument, NULL, 'p' },
		{ "org", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *path = NULL, *login = NULL, *role = NULL, *name = NULL, *email = NULL;
	const char *person = NULL, *org = NULL;
	char pw[PASSWORD_MAX + 2];
	sqlite3 *db;
	int c, rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	sub = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "d:l:r:n:e:p:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': path = optarg; break;
		case 'l': login = optarg; break;
		case 'r': role = optarg; break;
		case 'n': name = optarg; break;
		case 'e': email = optarg; break;
		case 'p': person = optarg; break;
		case 'o': org = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (path == NULL || optind != argc ||
	    (strcmp(sub, "list") != 0 && strcmp(sub, "demo") != 0 && login == NULL) ||
	    (strcmp(sub, "add") == 0 && role == NULL)) {
		fputs(usage, stderr);
		return 2;
	}
	if (cli_open_db(path, 1, &db) == -1)
		return 1;
	if (strcmp(sub, "add") == 0) {
		rc = read_password(pw, sizeof(pw));
		if (rc == 0)
			rc = user_create(db, login, name, email, role, person, org, pw);
		sodium_memzero(pw, sizeof(pw));
		if (rc == 0)
			printf("user %s added (%s)\n", login, role);
	} else if (strcmp(sub, "passwd") == 0)
		rc = set_password(db, login);
	else if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0)
		rc = set_disabled(db, login, sub[0] == 'd');
	else if (strcmp(sub, "list") == 0)
		rc = list_users(db);
	else if (strcmp(sub, "demo") == 0)
		rc = demo_users(db);
	else {
		fputs(usage, stderr);
		db_close(db);
		return 2;
	}
	db_close(db);
	return rc == 0 ? 0 : 1;
}
