/* cli_user.c: `lectern user add|passwd|disable|enable|list|demo` — accounts from the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/password.h"
#include "model/database.h"
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
demo_users(void)
{
	static const struct { const char *login, *name, *role, *person, *org; } demo[] = {
		{ "admin", "Demo Admin", "admin", NULL, NULL },
		{ "staff", "Demo Staff", "staff", NULL, NULL },
		{ "dave", "Dave Zolotusky", "member", "dave-zolotusky", "spotify" },
	};
	struct new_user users[3];
	char pw[3][21];

	for (size_t i = 0; i < 3; i++) {
		random_password(pw[i], sizeof(pw[i]));
		users[i] = (struct new_user){ demo[i].login, demo[i].name, NULL, demo[i].role, demo[i].person,
		    demo[i].org, pw[i] };
	}
	if (users_create(users, 3) != MODEL_OK)
		return -1;
	printf("Demo accounts (log in at /login):\n");
	for (size_t i = 0; i < 3; i++)
		printf("  %-8s %-7s password %s\n", demo[i].role, demo[i].login, pw[i]);
	return 0;
}

static int
list_users(void)
{
	struct request arena;
	struct user_item *u;
	size_t n;
	int rc = -1;

	req_init(&arena);
	if (user_list(&arena, &u, &n) == MODEL_OK) {
		printf("%-16s %-7s %-24s %-20s %-12s %-8s %s\n", "LOGIN", "ROLE", "NAME", "PERSON", "ORG",
		    "STATE", "LAST LOGIN");
		for (size_t i = 0; i < n; i++)
			printf("%-16s %-7s %-24s %-20s %-12s %-8s %s\n", u[i].login, u[i].role, u[i].display_name,
			    u[i].person_slug ? u[i].person_slug : "-", u[i].org_slug ? u[i].org_slug : "-",
			    u[i].disabled ? "disabled" : "active", u[i].last_login ? u[i].last_login : "never");
		rc = 0;
	}
	req_free(&arena);
	return rc;
}

static int
set_password(const char *login)
{
	char pw[PASSWORD_MAX + 2], hash[crypto_pwhash_STRBYTES];
	const char *why;
	enum model_status rc;
	int hashed;

	if (read_password(pw, sizeof(pw)) == -1)
		return -1;
	if (password_check_policy(pw, login, &why) == -1)
		return log_err("the password %s", why);
	hashed = password_hash(pw, hash);
	sodium_memzero(pw, sizeof(pw));
	if (hashed == -1)
		return -1;
	/* A new password ends every login made with the old one: both or neither. */
	if ((rc = user_set_password(login, hash)) == MODEL_NOT_FOUND)
		return log_err("no user %s", login);
	return rc == MODEL_OK ? 0 : -1;
}

static int
set_disabled(const char *login, int disabled)
{
	enum model_status rc = user_set_disabled(login, disabled);

	if (rc == MODEL_NOT_FOUND)
		return log_err("no user %s", login);
	return rc == MODEL_OK ? 0 : -1;
}

/* Adds one user, the password read from the terminal or standard input. */
static int
add_user(const struct new_user *u)
{
	char pw[PASSWORD_MAX + 2];
	struct new_user with = *u;
	int rc;

	if ((rc = read_password(pw, sizeof(pw))) == 0) {
		with.password = pw;
		rc = users_create(&with, 1) == MODEL_OK ? 0 : -1;
	}
	sodium_memzero(pw, sizeof(pw));
	if (rc == 0)
		printf("user %s added (%s)\n", u->login, u->role);
	return rc;
}

/* Reads the options after the subcommand into *u and *path; 0, 1 after --help, or 2. */
static int
parse(int argc, char *argv[], struct new_user *u, const char **path)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "login", required_argument, NULL, 'l' },
		{ "role", required_argument, NULL, 'r' }, { "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' }, { "person", required_argument, NULL, 'p' },
		{ "org", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 2;
	while ((c = getopt_long(argc, argv, "d:l:r:n:e:p:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': *path = optarg; break;
		case 'l': u->login = optarg; break;
		case 'r': u->role = optarg; break;
		case 'n': u->name = optarg; break;
		case 'e': u->email = optarg; break;
		case 'p': u->person = optarg; break;
		case 'o': u->org = optarg; break;
		case 'h': fputs(usage, stdout); return 1;
		default: fputs(usage, stderr); return 2;
		}
	}
	return optind == argc ? 0 : 2;
}

int
cmd_user(int argc, char *argv[])
{
	struct new_user u = { 0 };
	const char *sub, *path = NULL;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	sub = argv[1];
	if ((rc = parse(argc, argv, &u, &path)) != 0)
		return rc == 1 ? 0 : 2;
	if (path == NULL || (strcmp(sub, "list") != 0 && strcmp(sub, "demo") != 0 && u.login == NULL) ||
	    (strcmp(sub, "add") == 0 && u.role == NULL) || (strcmp(sub, "add") && strcmp(sub, "passwd") &&
	    strcmp(sub, "disable") && strcmp(sub, "enable") && strcmp(sub, "list") && strcmp(sub, "demo"))) {
		fputs(usage, stderr);
		return 2;
	}
	if (database_open(path, 1) != MODEL_OK)
		return 1;
	if (strcmp(sub, "add") == 0)
		rc = add_user(&u);
	else if (strcmp(sub, "passwd") == 0)
		rc = set_password(u.login);
	else if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0)
		rc = set_disabled(u.login, sub[0] == 'd');
	else if (strcmp(sub, "list") == 0)
		rc = list_users();
	else
		rc = demo_users();
	return rc == 0 ? 0 : 1;
}
