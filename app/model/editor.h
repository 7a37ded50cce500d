/* editor.h: saving records from forms — validation per field, versions, speakers, audit. */
#ifndef LECTERN_EDITOR_H
#define LECTERN_EDITOR_H
#include <sqlite3.h>

#include "core/request.h"
#include "model/record.h"

#define SPEAKER_ROWS	10

/* A message for one field of a form, shown beside it. */
struct field_error {
	const char		*name;
	const char		*message;
	struct field_error	*next;
};

/*
 * Checks every field of kind in req's arguments; returns the list of errors
 * (NULL when the form is good). W_REF fields are resolved: *ids gets one id per
 * field in descriptor order (0 for empty).
 */
struct field_error	*editor_check(struct request *, sqlite3 *, const struct record_kind *,
			    long long *ids);
/*
 * Inserts (id == 0) or updates the record from req's arguments within the
 * caller's transaction; version must match for an update. Returns the id, 0 when
 * the version is stale, -1 on a database error (message in *why).
 */
long long		editor_save(struct request *, sqlite3 *, const struct record_kind *,
			    long long id, long long version, const long long *ids, const char **why);
/* Replaces a session's speakers with the form's rows; 0, or -1 with *why. */
int			editor_save_speakers(struct request *, sqlite3 *, long long session,
			    const char **why);

#endif
