/*
 * undo_step.c: the steps every undo is made of (undo.h): one statement, a record's snapshot, a
 * delete written to the history first. undo.c (schedules) and gov_undo.c (governance files)
 * build on them.
 */
#include <stdio.h>
#include <string.h>

#include "import/undo.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/record.h"

int
undo_step(sqlite3 *db, const char *sql, long long id, const char *a, const char *b)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2)
		db_bind_text(st, 2, a);
	if (sqlite3_bind_parameter_count(st) >= 3)
		db_bind_text(st, 3, b);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
undo_snapshot(sqlite3 *db, const char *kind, long long id, struct buf *out)
{
	const struct record_kind *k = record_kind_by_name(kind);
	sqlite3_stmt *st = k ? db_stmt(db, k->snapshot_sql) : NULL;

	buf_reset(out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_one_text(st, out);
	return 0;
}

int
undo_delete_recorded(struct undo *u, const char *kind, long long id, const char *sql)
{
	struct buf before = BUF_INIT;
	int rc = -1;

	if (undo_snapshot(u->db, kind, id, &before) == 0 && (before.len == 0 ||
	    (audit_insert(u->db, u->req, kind, id, "delete", before.data, NULL) == MODEL_OK &&
	    undo_step(u->db, sql, id, NULL, NULL) == 0)))
		rc = 0;
	buf_release(&before);
	return rc;
}
