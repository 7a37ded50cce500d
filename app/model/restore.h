/* restore.h: putting records back from the audit trail, and merging duplicate people or organizations. */
#ifndef LECTERN_RESTORE_H
#define LECTERN_RESTORE_H
#include <sqlite3.h>

#include "core/request.h"

/* Restores the record of audit entry id to its "before" state (re-creating it if deleted),
 * or undoes a merge. In the caller's transaction; 0, or -1 with *why. */
int	restore_entry(sqlite3 *, struct request *, long long audit_id, const char **why);
/* Merges person or organization `from` into `into`: every appearance, role, affiliation
 * (and project, account) moves; `from` is deleted; an undoable "merge" entry is written.
 * kind is "person" or "organization". In the caller's transaction; 0, or -1 with *why. */
int	merge_records(sqlite3 *, struct request *, const char *kind, long long from, long long into,
	    const char **why);

#endif
