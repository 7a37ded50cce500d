/*
 * record.h: what each kind of editable record is made of — its table, its
 * address, and its fields with their widgets and rules. The editor pages, the
 * audit trail (snapshots as JSON) and restore all work from these descriptors.
 */
#ifndef LECTERN_RECORD_H
#define LECTERN_RECORD_H
#include <sqlite3.h>

#include "core/buf.h"
#include "core/params.h"

enum widget {
	W_TEXT,		/* one line */
	W_TEXTAREA,
	W_DATE,
	W_NUMBER,
	W_SELECT,	/* options: "value=Label|value=Label" */
	W_CHECK,	/* 0 or 1 */
	W_REF,		/* another record, typed as its slug or exact name (id for sessions) */
	W__MAX
};

struct field {
	const char	*name;		/* form field and column (W_REF: the column is name_id) */
	const char	*label;
	enum widget	 widget;
	const char	*options;	/* W_SELECT */
	const char	*ref;		/* W_REF: the kind referred to */
	int		 required;
	const char	*hint;
};

struct record_kind {
	const char		*kind;		/* "organization": audit kind and messages */
	const char		*title;		/* "Organization" */
	const char		*table;
	const char		*path;		/* "/orgs": /orgs/new, /orgs/{key}/edit ... */
	int			 by_slug;	/* addressed by slug (derived from name), else by id */
	const struct field	*fields;
	const char		*snapshot_sql;	/* one JSON object of a row, ?1 = id */
};

extern const struct record_kind	record_kinds[];
extern const unsigned		record_kinds_count;

const struct record_kind	*record_kind_by_path(const char *path);
const struct record_kind	*record_kind_by_name(const char *kind);
/* The column a field is stored in ("org_id" for the W_REF field "org"). */
const char			*field_column(const struct field *, char *tmp, size_t size);
/* The record's id from its address key (slug or decimal id); 0 when there is none. */
long long			 record_id(sqlite3 *, const struct record_kind *, const char *key);
/* Resolves what a person typed in a W_REF field (slug, exact name or id) to an id:
 * >0, 0 when not found, -1 when several records share that name. */
long long			 record_resolve(sqlite3 *, const char *ref_kind, const char *typed);
/* The slug or id by which the record is addressed, for links. */
const char			*record_key(sqlite3 *, const struct record_kind *, long long id,
				    char *tmp, size_t size);

#endif
