/* demo.c: `lectern demo` — loads the demo registry (the SQL of demo/, compiled in) into a new database. */
#include <stdio.h>

#include "cli/cli.h"
#include "model/db.h"
#include "core/embed.h"
#include "core/log.h"

/* Loads every demo file in one transaction; refuses a database that already holds records. */
int
demo_load(sqlite3 *db)
{
	static const char count_sql[] =
	    "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM people)"
	    " + (SELECT count(*) FROM events)";
	sqlite3_stmt *st = db_stmt(db, count_sql);

	if (st == NULL)
		return -1;
	if (db_one_int(st, -1) != 0)
		return log_err("the database already holds records; demo data goes into a new one");
	if (db_begin(db) == -1)
		return -1;
	for (unsigned long i = 0; i < demo_files_count; i++)
		if (db_exec(db, (const char *)demo_files[i].data) == -1) {
			db_rollback(db);
			return log_err("demo/%s failed; nothing was loaded", demo_files[i].name);
		}
	return db_commit(db);
}

int
cmd_demo(int argc, char *argv[])
{
	const char *path;
	sqlite3 *db;
	int rc;

	if (cli_db_only(argc, argv, "usage: lectern demo --db FILE\n\n"
	    "Creates FILE if needed and loads the demo registry (Spotify's End User\n"
	    "Journey and a few other organizations). Refuses a database with records.\n", &path))
		return 2;
	if (cli_open_db(path, 1, &db) == -1)
		return 1;
	rc = demo_load(db);
	db_close(db);
	if (rc == 0)
		printf("%s: demo data loaded\n", path);
	return rc == 0 ? 0 : 1;
}
