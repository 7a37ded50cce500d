/* audit.h: the audit trail — who changed which record when, with its state before and after as JSON. */
#ifndef LECTERN_AUDIT_H
#define LECTERN_AUDIT_H
#include <sqlite3.h>

#include "core/request.h"

/* The record's current state as JSON, in req's arena (NULL when it does not exist).
 * Sets *err on a database error. Call inside the transaction, before the change. */
const char	*audit_capture(sqlite3 *, struct request *, const char *kind, long long id, int *err);
/* Writes the audit row: before (from audit_capture) and the record's state now as
 * "after" (NULL once deleted); who is req->user. Returns the audit id, or -1.
 * Must run in the same transaction as the change. */
long long	 audit_write(sqlite3 *, struct request *, const char *kind, long long id,
		    const char *action, const char *before);

/* Writes an audit row with the given before and after JSON (either may be NULL). */
long long	 audit_insert(sqlite3 *, struct request *, const char *kind, long long id,
		    const char *action, const char *before, const char *after);

#endif
