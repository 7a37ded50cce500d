/* cli.h: helpers shared by the subcommands, and each subcommand's entry point. */
#ifndef LECTERN_CLI_H
#define LECTERN_CLI_H

/* Parses a decimal in [min, max]; 0 or -1. */
int	cli_number(const char *, long min, long max, long *out);
/* Parses "--db FILE" (and --help) for commands that take nothing else; 0, or 2 after usage. */
int	cli_db_only(int argc, char *argv[], const char *usage, const char **path);
/* cli_import.c's own connection (model/db.h), until the importer's split into stages gives it
 * the model's calls; every other command uses database_open (model/database.h). */
#define cli_open_db	db_open_migrated
/* Called once the server's socket is bound: drops root to config.user. */
int	privilege_drop(void);

/* Frees what a command left open: this thread's database connection, the configuration. */
void	cli_release(void);

int	cmd_serve(int, char *[]);
int	cmd_migrate(int, char *[]);
int	cmd_version(int, char *[]);
int	cmd_backup(int, char *[]);
int	cmd_check(int, char *[]);
int	cmd_demo(int, char *[]);
int	cmd_user(int, char *[]);
int	cmd_import(int, char *[]);
int	cmd_export(int, char *[]);
int	cmd_report(int, char *[]);

#endif
