/* fuzz_import.c: the schedule importer on arbitrary bytes, into a fresh in-memory database each
 * time, and its dry run first. It must never crash; a refused file leaves no record behind; a
 * dry run writes nothing and counts what the import then does; an accepted file imports again
 * as a no-op. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "import/import.h"
#include "model/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long long
records(sqlite3 *db)
{
	sqlite3_stmt *st;
	long long n;

	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM events)"
	    " + (SELECT count(*) FROM people) + (SELECT count(*) FROM organizations)"
	    " + (SELECT count(*) FROM import_runs)", -1, &st, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(st) != SQLITE_ROW)
		abort();
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
import(sqlite3 *db, const uint8_t *data, size_t size, int dry, struct import_summary *sum)
{
	struct import_options opt = { 0 };
	struct buf err = BUF_INIT;
	int rc;

	opt.file_name = "fuzz.xml";
	opt.dry_run = dry;
	if ((rc = import_memory(db, (const char *)data, size, &opt, sum, &err)) == -1 && err.len == 0)
		abort();	/* a refusal always says why */
	buf_release(&err);
	return rc;
}

/* The preview's counts are the import's. */
static int
same_counts(const struct import_summary *a, const struct import_summary *b)
{
	return a->sessions_new == b->sessions_new && a->sessions_changed == b->sessions_changed &&
	    a->sessions_unchanged == b->sessions_unchanged && a->people_new == b->people_new &&
	    a->orgs_new == b->orgs_new && a->review == b->review && a->warnings == b->warnings;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_summary dry, sum;
	sqlite3 *db = db_open(":memory:", 1);
	int rc, dry_rc;

	if (db == NULL || db_migrate(db, 0) == -1)
		abort();
	dry_rc = import(db, data, size, 1, &dry);
	if (records(db) != 0)
		abort();	/* a dry run writes nothing */
	rc = import(db, data, size, 0, &sum);
	if (rc != dry_rc || (rc == 0 && !same_counts(&dry, &sum)))
		abort();	/* the preview said what the import did */
	if (dry_rc == 0)
		import_summary_release(&dry);
	if (rc == 0) {
		import_summary_release(&sum);
		/* The same file again: every session unchanged. */
		if (import(db, data, size, 0, &sum) != 0 || sum.sessions_new || sum.sessions_changed ||
		    sum.sessions_cancelled || sum.people_new || sum.orgs_new)
			abort();
		import_summary_release(&sum);
	} else if (records(db) != 0)
		abort();	/* all or nothing: a refused file wrote nothing */
	db_close(db);
	return 0;
}
