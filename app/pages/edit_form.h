/* edit_form.h: the edit forms' HTML (page_edit.c's), and what a form shows after a stale save. */
#ifndef LECTERN_EDIT_FORM_H
#define LECTERN_EDIT_FORM_H
#include "core/request.h"
#include "model/editor.h"

/* A field after a stale save: who changed it since the form was opened. */
enum edit_change {
	EDIT_SAME,	/* nobody, or both the same way */
	EDIT_THEIRS,	/* only the other person: their value is shown */
	EDIT_MINE,	/* only this user: theirs is kept */
	EDIT_BOTH,	/* both, differently: the user chooses */
};

struct edit_conflict {
	enum edit_change	 change;
	const char		*opened, *theirs, *mine;
};

/* What an edit form page shows. */
struct edit_view {
	const struct record_kind	*k;
	const char			*key;		/* the record's address; NULL for a new one */
	long long			 id, version;
	const struct record_form	*shown;		/* what the controls hold */
	const struct record_form	*opened;	/* what the form carries as opened with (NULL: none) */
	const struct edit_conflict	*conflicts;	/* one per field after a stale save, else NULL */
	const struct edit_conflict	*speakers;	/* a session's speakers after a stale save, else NULL */
	const struct field_error	*errors;
	const char			*message;	/* shown as an error */
};

/* The whole page: the form (with its CSRF token, version and what it was opened with), the
 * pickers' options, the Delete form of a stored record. Every value escaped. */
void	edit_form_page(struct request *, const struct edit_view *);
/* After a stale save: v->shown, v->conflicts and v->speakers from what the form was opened with,
 * (NULL when it did not say: every difference is then a choice), what it sent and what is
 * stored now (in req's arena). */
void	edit_conflict(struct request *, struct edit_view *, const struct record_form *opened,
	    const struct record_form *sent, const struct record_form *now);

#endif
