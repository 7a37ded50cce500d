/* cli_demo.c: `lectern demo` — loads the demo registry (the SQL of demo/, compiled in) into a new database. */
#include <stdio.h>

#include "cli/cli.h"
#include "model/database.h"

int
cmd_demo(int argc, char *argv[])
{
	const char *path;
	enum model_status rc;

	if (cli_db_only(argc, argv, "usage: lectern demo --db FILE\n\n"
	    "Creates FILE if needed and loads the demo registry (Spotify's End User\n"
	    "Journey and a few other organizations). Refuses a database with records.\n", &path))
		return 2;
	if (database_open(path, 1) != MODEL_OK)
		return 1;
	if ((rc = demo_load()) == MODEL_OK)
		printf("%s: demo data loaded\n", path);
	return rc == MODEL_OK ? 0 : 1;
}
