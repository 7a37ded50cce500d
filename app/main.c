/* main.c: start-up and the table of subcommands (serve, migrate, demo, import, export, user, backup, check). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/config.h"
#include "core/log.h"

static const char usage[] =
"usage: lectern COMMAND [OPTIONS]\n"
"\n"
"Lectern keeps the record of who speaks for whom: talks, keynotes, roles and\n"
"seats, each credited to the person and the organization they represented.\n"
"\n"
"Commands:\n"
"  serve    serve the web application             lectern serve --help\n"
"  migrate  create or upgrade a database           lectern migrate --db FILE\n"
"  demo     load the demo data set                 lectern demo --db FILE\n"
"  import   import a frab/Pentabarf schedule.xml   lectern import --help\n"
"  export   export speaker lists and schedules     lectern export --help\n"
"  report   an organization's report as a PDF       lectern report --help\n"
"  user     manage accounts                        lectern user --help\n"
"  backup   copy a live database consistently      lectern backup --db FILE OUT\n"
"  check    integrity and foreign-key checks       lectern check --db FILE\n"
"  version  print the version\n"
"\n"
"Every command takes --db FILE; serve reads its settings from --config FILE.\n";

static const struct command {
	const char	*name;
	int		(*run)(int, char *[]);
} commands[] = {
	{ "serve", cmd_serve },
	{ "migrate", cmd_migrate },
	{ "version", cmd_version },
	{ "backup", cmd_backup },
	{ "demo", cmd_demo },
	{ "user", cmd_user },
	{ "import", cmd_import },
	{ "check", cmd_check },
	{ "export", cmd_export },	/* exports */
	{ "report", cmd_report },
};

int
main(int argc, char *argv[])
{
	/* Every file Lectern creates is its user's alone: the database (password hashes,
	 * emails, notes), its -wal and -shm files, backups, spooled import changes. */
	umask(077);
	if (sodium_init() < 0) {
		log_err("libsodium failed to initialise");
		return 1;
	}
	config_defaults(&config);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			int rc = commands[i].run(argc - 1, argv + 1);

			cli_release();
			return rc;
		}
	log_err("unknown command \"%s\"; see lectern --help", argv[1]);
	return 2;
}
