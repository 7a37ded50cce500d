/* fuzz_import.c: the schedule importer on arbitrary bytes, into a fresh in-memory database each
 * time. It must never crash, and a refused file must leave no record behind. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/db.h"
#include "import/schedule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options opt = { "fuzz.xml", NULL, "UTC", NULL, 0 };
	struct import_summary sum;
	struct buf err = BUF_INIT;
	sqlite3 *db = db_open(":memory:", 1);
	sqlite3_stmt *st;

	if (db == NULL || db_migrate(db, 0) == -1)
		abort();
	if (import_schedule_memory(db, (const char *)data, size, &opt, &sum, &err) == 0)
		import_summary_release(&sum);
	else {
		/* All or nothing: a refused file wrote nothing. */
		if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM events)"
		    " + (SELECT count(*) FROM people)", -1, &st, NULL) != SQLITE_OK)
			abort();
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0)
			abort();
		sqlite3_finalize(st);
		if (err.len == 0)
			abort();	/* a refusal always says why */
	}
	buf_release(&err);
	db_close(db);
	return 0;
}
