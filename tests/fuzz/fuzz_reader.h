/*
 * fuzz_reader.h: what every reader's harness checks (fuzz_ics.c, fuzz_json.c, fuzz_sched_json.c,
 * fuzz_csv.c): the bytes imported as one format, into a fresh in-memory database, dry run first.
 * Never a crash, leak or undefined behaviour; a refusal says why and writes nothing; a dry run
 * writes nothing and counts what the import then does; an accepted file imports again as a no-op.
 */
#ifndef LECTERN_FUZZ_READER_H
#define LECTERN_FUZZ_READER_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "import/import.h"
#include "model/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long long
fuzz_records(sqlite3 *db)
{
	sqlite3_stmt *st;
	long long n;

	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM events)"
	    " + (SELECT count(*) FROM people) + (SELECT count(*) FROM organizations)"
	    " + (SELECT count(*) FROM import_runs)", -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		abort();
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
fuzz_import(sqlite3 *db, const uint8_t *data, size_t size, const char *format, const char *map, int dry,
    struct import_summary *sum)
{
	struct import_options opt = { 0 };
	struct buf err = BUF_INIT;
	int rc;

	opt.file_name = "fuzz";
	opt.format = format;
	opt.map = map;
	opt.dry_run = dry;
	opt.tz = "Europe/Vienna";
	if ((rc = import_memory(db, (const char *)data, size, &opt, sum, &err)) == -1 && err.len == 0)
		abort();	/* a refusal always says why */
	buf_release(&err);
	return rc;
}

static int
fuzz_same(const struct import_summary *a, const struct import_summary *b)
{
	return a->sessions_new == b->sessions_new && a->sessions_changed == b->sessions_changed &&
	    a->sessions_unchanged == b->sessions_unchanged && a->people_new == b->people_new &&
	    a->orgs_new == b->orgs_new && a->review == b->review && a->warnings == b->warnings &&
	    a->skipped == b->skipped;
}

static void
fuzz_reader(const uint8_t *data, size_t size, const char *format, const char *map)
{
	struct import_summary dry, sum;
	sqlite3 *db = db_open(":memory:", 1);
	int rc, dry_rc;

	if (db == NULL || db_migrate(db, 0) == -1)
		abort();
	dry_rc = fuzz_import(db, data, size, format, map, 1, &dry);
	if (fuzz_records(db) != 0)
		abort();	/* a dry run writes nothing */
	rc = fuzz_import(db, data, size, format, map, 0, &sum);
	if (rc != dry_rc || (rc == 0 && !fuzz_same(&dry, &sum)))
		abort();	/* the preview said what the import did */
	if (dry_rc == 0)
		import_summary_release(&dry);
	if (rc == 0) {
		import_summary_release(&sum);
		if (fuzz_import(db, data, size, format, map, 0, &sum) != 0 || sum.sessions_new ||
		    sum.sessions_changed || sum.sessions_cancelled || sum.people_new || sum.orgs_new)
			abort();	/* the same file again: every session unchanged */
		import_summary_release(&sum);
	} else if (fuzz_records(db) != 0)
		abort();	/* all or nothing */
	db_close(db);
}

#endif
