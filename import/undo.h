/* undo.h: the steps of an undo (undo_step.c), which undo.c and gov_undo.c (the governance import's
 * changes) build on, and gov_undo.c's entry points, which undo.c calls. */
#ifndef LECTERN_IMPORT_UNDO_H
#define LECTERN_IMPORT_UNDO_H
#include "core/buf.h"

struct sqlite3;
struct request;

struct undo {
	struct sqlite3	*db;
	struct request	*req;
	struct buf	*kept, *err;	/* what was kept (one line each), why undo failed */
};

/* Runs one statement bound to (id, a, b) (as many as it has); 0 or -1. */
int	undo_step(struct sqlite3 *, const char *sql, long long id, const char *a, const char *b);
/* The record's state for the history (its record.c snapshot) into out; "" when gone. 0 or -1. */
int	undo_snapshot(struct sqlite3 *, const char *kind, long long id, struct buf *out);
/* Deletes record id of kind through sql, written to the history first. 0 or -1. */
int	undo_delete_recorded(struct undo *, const char *kind, long long id, const char *sql);

/* gov_undo.c: whether a change is one of the governance import's, and its undoing: a row
 * changed since the import (its state is no longer after) is kept and listed. 0 or -1. */
int	gov_undoes(const char *kind, const char *action);
int	gov_undo_one(struct undo *, const char *kind, long long id, const char *action,
	    const char *before, const char *after);

#endif
