/* restore.h: putting records back from the audit trail, and merging duplicate people or organizations. */
#ifndef LECTERN_RESTORE_H
#define LECTERN_RESTORE_H
#include "core/request.h"
#include "model/model.h"

/*
 * Restores the record of audit entry audit_id to its "before" state (re-creating it if
 * deleted), or undoes a merge, in one transaction with its own audit row. MODEL_OK;
 * MODEL_NOT_FOUND (no such entry), MODEL_CONFLICT (undone already, nothing earlier to
 * restore, or a constraint refused it) or a failure, with *why in words (req's arena,
 * NULL for a database error without a message).
 */
enum model_status	restore_entry(struct request *, long long audit_id, const char **why);
/*
 * Merges person or organization `from` into `into`: every appearance, role, affiliation
 * (and project, account) moves; `from` is deleted; an undoable "merge" entry is written;
 * all in one transaction. kind is "person" or "organization". Statuses as restore_entry's.
 */
enum model_status	merge_records(struct request *, const char *kind, long long from, long long into,
			    const char **why);

#endif
