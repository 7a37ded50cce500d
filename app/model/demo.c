/* demo.c: the demo registry (the SQL of demo/, compiled in) loaded into a new database. */
#include "core/embed.h"
#include "core/log.h"
#include "model/database.h"
#include "model/db.h"

int
db_demo_load(sqlite3 *db)
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

enum model_status
demo_load(void)
{
	sqlite3 *db = db_thread();

	if (db == NULL)
		return MODEL_UNAVAILABLE;
	return db_demo_load(db) == 0 ? MODEL_OK : MODEL_CONFLICT;
}
