/* cli_backup.c: `lectern backup` (an online copy) and `lectern check` (integrity, keys, search indexes). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "model/database.h"

static const char backup_usage[] =
"usage: lectern backup --db FILE OUT\n"
"\n"
"Copies the database to OUT with SQLite's online backup API: consistent even\n"
"while the server runs and writes. OUT must not exist. Restore by stopping the\n"
"server and copying OUT over the database file (see README).\n";

int
cmd_backup(int argc, char *argv[])
{
	const char *path, *out;

	if (argc != 4 || strcmp(argv[1], "--db") != 0) {
		int help = argc == 2 && strcmp(argv[1], "--help") == 0;

		fputs(backup_usage, help ? stdout : stderr);
		return help ? 0 : 2;
	}
	path = argv[2], out = argv[3];
	if (database_backup(path, out) != MODEL_OK)
		return 1;
	printf("%s: backed up to %s\n", path, out);
	return 0;
}

static void
print_line(void *arg, const char *line)
{
	fprintf(arg, "%s\n", line);
}

int
cmd_check(int argc, char *argv[])
{
	const char *path;
	int problems;

	if (cli_db_only(argc, argv, "usage: lectern check --db FILE\n", &path))
		return 2;
	if (database_check(path, print_line, stdout, &problems) != MODEL_OK)
		return 1;
	printf("%s: %s\n", path, problems ? "problems found" : "ok");
	return problems ? 1 : 0;
}
