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
/* A merge as staff chose it after the preview (merge.h). */
struct merge_plan {
	long long		 keep, drop;			/* the survivor, the record merged away */
	long long		 keep_version, drop_version;	/* as the preview showed them */
	const unsigned char	*take;	/* per field of the kind, in order: 1 when the survivor takes
					 * drop's value; else it keeps its own, or gets drop's where
					 * it had none */
};

/*
 * Merges person or organization plan->drop into plan->keep: every appearance, role,
 * affiliation (and project, account, a person's source keys) moves; the survivor gets the
 * fields chosen; drop is deleted and its address leads to keep (301); an undoable "merge"
 * entry is written; all in one transaction. kind is "person" or "organization".
 * MODEL_STALE when either record changed since the preview; otherwise as restore_entry.
 */
enum model_status	merge_records(struct request *, const char *kind, const struct merge_plan *,
			    const char **why);

#endif
