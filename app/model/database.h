/*
 * database.h: the database as a whole, for the command line: a command's connection,
 * migrations, backup, the checks, the demo data. Every other model call of a command
 * uses the connection database_open gives the thread.
 */
#ifndef LECTERN_DATABASE_H
#define LECTERN_DATABASE_H
#include "model/model.h"

/* Opens path (creating it if asked) as this thread's connection, brought to the current
 * schema. MODEL_OK, or a failure (logged). */
enum model_status	database_open(const char *path, int create);
/* Closes this thread's connection. */
void			database_close(void);
/* Creates or upgrades the database at path, saying each migration it applies. */
enum model_status	database_migrate(const char *path);
/* The newest schema version compiled in, and the SQLite library's version. */
int			database_schema_version(void);
const char		*database_engine_version(void);
/* Copies the database at path to out (which must not exist) with SQLite's online backup:
 * consistent while a server writes. A failed copy is removed. */
enum model_status	database_backup(const char *path, const char *out);
/*
 * Checks the database at path: integrity, foreign keys, the full-text indexes (each record
 * indexed once, no import's deferral left behind), the tallies triggers keep (each the same
 * as its recount). Each problem is a line given to report;
 * *problems gets their number. A failure when path cannot be opened.
 */
enum model_status	database_check(const char *path, void (*report)(void *, const char *), void *arg,
			    int *problems);
/* Loads the compiled-in demo data into this thread's database in one transaction;
 * MODEL_CONFLICT (logged) when it already holds records. */
enum model_status	demo_load(void);

#endif
