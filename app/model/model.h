/*
 * model.h: the error convention of every model call, and the size of a page of a list.
 *
 * A model call returns an enum model_status: MODEL_OK (0) with its rows filled in, or
 * the one reason it did not. Rows are typed structs whose strings live in the request's
 * arena (req_alloc), or, for the streamed exports, in the iterator until its next row.
 * Nothing above the model sees an SQLite type: pages, auth, the command line and the
 * export writers call functions of this folder and read named fields.
 */
#ifndef LECTERN_MODEL_H
#define LECTERN_MODEL_H

/* A page of a list: what the HTML and JSON forms of a list page show at once. */
#define PAGE_SIZE	50

enum model_status {
	MODEL_OK,		/* done */
	MODEL_NOT_FOUND,	/* the record asked for does not exist (not an error: 404) */
	MODEL_CONFLICT,		/* a constraint refused the change: a duplicate, a record still used */
	MODEL_STALE,		/* the record's version moved on since the caller read it */
	MODEL_INVALID,		/* the input breaks a rule the model checks (a slug that names
				 * nothing, a password too weak); the reason is logged or returned */
	MODEL_TOO_COSTLY,	/* the work ran past its time budget (a search too broad: db_budget_begin) */
	MODEL_UNAVAILABLE,	/* the database cannot serve now: not open, busy, locked, full, read-only */
	MODEL_ERROR,		/* any other database error (logged where it happened) */
	MODEL_STATUS__MAX
};

/* A short name for logs and messages: "not found", "stale" ... */
const char	*model_status_name(enum model_status);

#endif
