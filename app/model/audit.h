/* audit.h: the audit trail — who changed which record when, with its state before and after as JSON (model only). */
#ifndef LECTERN_AUDIT_H
#define LECTERN_AUDIT_H
#include <sqlite3.h>

#include "core/request.h"
#include "model/model.h"

/* The record's current state as JSON in *snapshot (req's arena), NULL when it does not
 * exist. Call inside the transaction, before the change. MODEL_OK, or the failure. */
enum model_status	audit_capture(sqlite3 *, struct request *, const char *kind, long long id,
			    const char **snapshot);
/* Writes the audit row: before (from audit_capture) and the record's state now as "after"
 * (NULL once deleted); who is req->user (nobody when req is NULL: a command-line run). Must
 * run in the same transaction as the change.
 * The new row's id goes to *audit_id unless it is NULL. */
enum model_status	audit_write(sqlite3 *, struct request *, const char *kind, long long id,
			    const char *action, const char *before, long long *audit_id);
/* Writes an audit row with the given before and after JSON (either may be NULL). */
enum model_status	audit_insert(sqlite3 *, struct request *, const char *kind, long long id,
			    const char *action, const char *before, const char *after);

#endif
