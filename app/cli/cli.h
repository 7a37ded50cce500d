/* cli.h: helpers shared by the subcommands, and each subcommand's entry point. */
#ifndef LECTERN_CLI_H
#define LECTERN_CLI_H
#include <sqlite3.h>

/* Parses a decimal in [min, max]; 0 or -1. */
int	cli_number(const char *, long min, long max, long *out);
/* Parses "--db FILE" (and --help) for commands that take nothing else; 0, or 2 after usage. */
int	cli_db_only(int argc, char *argv[], const char *usage, const char **path);
/* Opens and migrates a database for a command; 0, or -1 with a message. */
int	cli_open_db(const char *path, int create, sqlite3 **out);
/* Called once the server's socket is bound: drops root to config.user. */
int	privilege_drop(void);

/* Frees what a command left open: this thread's database connection, the configuration. */
void	cli_release(void);

int	cmd_serve(int, char *[]);
int	cmd_migrate(int, char *[]);
int	cmd_version(int, char *[]);
int	cmd_backup(int, char *[]);
int	cmd_demo(int, char *[]);
int	cmd_user(int, char *[]);
int	cmd_import(int, char *[]);
/* Loads the compiled-in demo data in one transaction; -1 if the database has records. */
int	demo_load(sqlite3 *);
int	cmd_check(int, char *[]);
/* Exports (cli_export.c). */
int	cmd_export(int, char *[]);

#endif
