/*
 * record.h: what each kind of editable record is made of — its table, its
 * address, and its fields with their widgets and rules. The editor pages, the
 * audit trail (snapshots as JSON) and restore all work from these descriptors.
 */
#ifndef LECTERN_RECORD_H
#define LECTERN_RECORD_H
#include "core/params.h"
#include "core/request.h"
#include "model/model.h"

enum widget {
	W_TEXT,		/* one line */
	W_TEXTAREA,
	W_DATE,
	W_NUMBER,
	W_SELECT,	/* options: "value=Label|value=Label" */
	W_CHECK,	/* 0 or 1 */
	W_REF,		/* another record, typed as its slug or exact name (id for sessions) */
	W_WHEN,		/* a local time (FIELD_TIMESTAMP) typed as a date and a time of day in the
			 * zone of the record's event: NAME_date, NAME_time (pages/edit_when.c) */
	W__MAX
};

#define FIELD_TIMESTAMP	0x01	/* a local time with its UTC offset (checked by SQLite's datetime) */
#define FIELD_SLUG	0x02	/* the record's address: made from the name when empty, its old
				 * one leading to the record when changed (model/redirect.h) */

struct field {
	const char	*name;		/* form field and column (W_REF: the column is name_id) */
	const char	*label;
	enum widget	 widget;
	const char	*options;	/* W_SELECT: "value=Label|value=Label" (core/vocab.h) */
	const char	*ref;		/* W_REF: the kind referred to */
	int		 required;
	const char	*hint;
	/* What a value must be: the rule it is checked against (params.h), and more. */
	enum param_kind	 kind;
	long long	 min, max;	/* P_INT: the range; text: the longest, in bytes */
	const char	*set;		/* P_ENUM: "a|b" */
	unsigned	 flags;		/* FIELD_TIMESTAMP */
	const char	*initial;	/* a new record's form starts with it; NULL: empty */
};

#define RECORD_SPEAKERS	0x01	/* has speakers (a session): in its form, its saves and its snapshots */
#define RECORD_APPEARS	0x02	/* speaks in sessions (a person): a merge drops the doubled appearances */
#define RECORD_MERGES	0x04	/* duplicates are merged (people, organizations: restore.h) */

struct record_kind {
	const char		*kind;		/* "organization": audit kind and messages */
	const char		*title;		/* "Organization" */
	const char		*table;
	const char		*path;		/* "/orgs": /orgs/new, /orgs/{key}/edit ... */
	int			 by_slug;	/* addressed by slug (derived from name), else by id */
	const struct field	*fields;
	const char		*snapshot_sql;	/* one JSON object of a row, ?1 = id */
	unsigned		 flags;		/* RECORD_SPEAKERS, RECORD_APPEARS */
	/* A kind without a page of its own is shown on another's: its path, then the key that
	 * shown_sql (?1 = id) gives ("/bodies/" and the role's body). NULL: its own page. */
	const char		*shown_on, *shown_sql;
};

extern const struct record_kind	record_kinds[];
extern const unsigned		record_kinds_count;

const struct record_kind	*record_kind_by_path(const char *path);
const struct record_kind	*record_kind_by_name(const char *kind);
/* The column a field is stored in ("org_id" for the W_REF field "org"). */
const char			*field_column(const struct field *, char *tmp, size_t size);
/* A value of f as people read it: a select's label, Yes or No for a check, else v itself
 * (in req's arena when it is a label; NULL stays NULL). */
const char			*field_value_label(struct request *, const struct field *, const char *v);
/* The record's id from its address key (slug, or decimal id): MODEL_OK with *id,
 * MODEL_NOT_FOUND, or a failure. */
enum model_status		 record_id(const struct record_kind *, const char *key, long long *id);
/* What a person typed in a W_REF field (slug, exact name or id) as an id: MODEL_OK with *id,
 * MODEL_NOT_FOUND, MODEL_CONFLICT when several records share that name, or a failure. */
enum model_status		 record_resolve(const char *ref_kind, const char *typed, long long *id);
/* The slug or id by which the record is addressed, for links ("" when it is gone); in req's arena. */
const char			*record_key(struct request *, const struct record_kind *, long long id);

#endif
