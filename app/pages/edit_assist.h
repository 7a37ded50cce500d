/*
 * edit_assist.h: what the record forms (page_edit.c) do for particular fields: a session's
 * start as a date and a time in its event's zone, speakers added as new people from the
 * session form, and the people a new one may duplicate.
 */
#ifndef LECTERN_EDIT_ASSIST_H
#define LECTERN_EDIT_ASSIST_H
#include "core/request.h"
#include "model/record.h"

/* The W_WHEN field f: a date and a time input, named f->name "_date" and "_time", with the
 * event's zone beside them; value is the stored local time with its offset (or NULL). */
void	when_field(struct request *, const struct field *f, const char *value, const char *error);
/* What is wrong with field f's value, beside it ("Starts needs both a date and a time of
 * day."); nothing when error is NULL. */
void	field_message(struct buf *, const struct field *f, const char *error);
/* Before a form is checked: each W_WHEN field's date and time, read in the zone of the event
 * the form names, as the local time with its offset the field holds. */
void	when_compose(struct request *, const struct record_kind *);
/* Speaker row i's last cells: "New" (add the typed name as a new person) and, once the form
 * found someone of that name, "Someone else" (add them all the same). */
void	speaker_new_cells(struct request *, int i);
/* A new person about to be saved whom someone in Lectern looks like (the same GitHub handle,
 * a name like theirs), and the form does not say "someone else": 1, with the form to show
 * again; 0 to save. */
int	lookalikes_stop(struct request *, const struct record_kind *, long long id);
/* Inside a new person's form shown again: the people they look like, linked, and the box
 * that says "someone else". */
void	lookalikes_notice(struct request *, const struct record_kind *, long long id);

#endif
