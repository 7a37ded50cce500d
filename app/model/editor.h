/* editor.h: the edit forms' model — a record as its form shows it, checking a form, saving and deleting. */
#ifndef LECTERN_EDITOR_H
#define LECTERN_EDITOR_H
#include "core/request.h"
#include "model/model.h"
#include "model/record.h"

#define SPEAKER_ROWS	10

/* A message for one field of a form, shown beside it. */
struct field_error {
	const char		*name;
	const char		*message;
	struct field_error	*next;
};

/* A session's speaker as the form shows it: slugs and the role. */
struct form_speaker {
	const char	*person, *org, *role;
};

/* A stored record as its form shows it (strings in the request's arena). */
struct record_form {
	long long		 id, version;
	const char		**values;	/* one per field, in order (W_REF: the record's key); NULL: empty */
	struct form_speaker	*speakers;	/* sessions: in order */
	size_t			 n_speakers;
};

/* A record a picker offers: its slug and name. */
struct choice {
	const char	*slug, *name;
};

/* Record id of kind k as its form shows it; MODEL_NOT_FOUND when it is gone. */
enum model_status	editor_load(struct request *, const struct record_kind *, long long id,
			    struct record_form *);
/* The values a form was opened with, as it carried them: a JSON object of field names (and
 * s1_person ... s10_role) to the text each control showed. MODEL_INVALID when json is not one. */
enum model_status	editor_opened(struct request *, const struct record_kind *, const char *json,
			    struct record_form *);
/* What the picker of a W_REF field of ref_kind offers (the latest 300). */
enum model_status	editor_choices(struct request *, const char *ref_kind, struct choice **, size_t *n);
/*
 * Checks every field of k in req's arguments against its rule, for record self (0: a new
 * one; a slug may not be another record's): *errors gets the list (NULL when the form is
 * good), ids one id per field in order (W_REF resolved, else 0).
 * MODEL_OK, or a failure of the database that left the form unchecked.
 */
enum model_status	editor_check(struct request *, const struct record_kind *, long long self,
			    long long *ids, struct field_error **errors);
/*
 * Inserts (id == 0) or updates the record from req's checked arguments over version, with
 * a session's speakers and the audit row, in one transaction; *saved gets its id.
 * MODEL_STALE when the version moved on, MODEL_NOT_FOUND when the record is gone; on any
 * other failure *why says what went wrong (req's arena), or is NULL when the database
 * refused before anything was tried.
 */
enum model_status	editor_save(struct request *, const struct record_kind *, long long id,
			    long long version, const long long *ids, long long *saved, const char **why);
/* Deletes record id over version, with its audit row: MODEL_STALE when it changed,
 * MODEL_CONFLICT when other records still refer to it. */
enum model_status	editor_delete(struct request *, const struct record_kind *, long long id,
			    long long version);
/* The page that shows the record: its own, or the one that lists it (a role: its body). */
const char		*editor_view_path(struct request *, const struct record_kind *, long long id);

#endif
