/* schedule_rows.h: the rows of the schedule exports — an event's frab schedule.xml, an event's or a person's calendar — read one at a time (streamed). */
#ifndef LECTERN_SCHEDULE_ROWS_H
#define LECTERN_SCHEDULE_ROWS_H
#include "model/conn.h"

/* An event as schedule.xml's head names it. */
struct schedule_head {
	long long	 event_id;
	const char	*name, *slug, *starts_on, *ends_on, *url, *time_zone;
	const char	*days;		/* how many <day>s: every date of the event and any a session falls on */
	const char	*offset;	/* its sessions' UTC offset, "+02:00", or "Z" */
	const char	*installation;	/* this database's id (core/guid.h), "" for none */
};

/* A row of schedule.xml: a scheduled session, or a day without any (session_id 0). */
struct schedule_row {
	const char	*day;
	long long	 session_id;
	const char	*room;		/* "" for none */
	const char	*title, *subtitle, *kind;
	const char	*date;		/* its start with its offset (or in UTC) */
	const char	*start, *duration;	/* "09:40", "00:30" */
	const char	*abstract, *track, *url;
	/* An imported session keeps the source's guid and id, so a schedule read back from
	 * Lectern's own export comes out the same; the XSD wants both unique, so where a merged
	 * file or a workshop over several slots repeats one, the first session (by id) keeps it
	 * and the others get ids past every source id of the event and guids of their own. */
	const char	*guid;		/* the source's, or NULL: Lectern's own (core/guid.h) */
	long long	 shown_id;	/* the id to write */
};

/* A speaker of a schedule.xml session. */
struct schedule_person {
	long long	 id;		/* the person's own */
	const char	*source_id;	/* the source's numeric id in this event, or NULL */
	const char	*guid;		/* the source's guid in this event, or NULL */
	const char	*name;		/* "Name [Organization]", the organization represented */
};

struct schedule_rows;

/* The schedule of event (a slug) on c, its head in *head (valid until closed); NULL when there
 * is no such event or on error (logged). */
struct schedule_rows	*schedule_rows_open(struct db_conn *c, const char *event, struct schedule_head *head);
/* The next row, by day, room, start and id: 1, 0 at the end, -1 on error (logged). Strings
 * are valid until the next row. */
int			 schedule_rows_next(struct schedule_rows *, struct schedule_row *);
/* Calls fn with each speaker of session sid, in order. 0, or -1 on error or when fn returns -1. */
int			 schedule_persons(struct schedule_rows *, long long sid,
			    int (*fn)(void *, const struct schedule_person *), void *arg);
void			 schedule_rows_close(struct schedule_rows *);

/* A calendar entry: a session with a start, its times in UTC as iCalendar writes them. */
struct calendar_row {
	long long	 id;
	const char	*start, *end, *stamp;	/* 20190520T070000Z */
	const char	*title, *room, *abstract;
	const char	*url;		/* "" for none */
	const char	*status, *kind, *event;
	const char	*speakers;	/* "A, B", or NULL */
	const char	*installation;	/* this database's id, which makes the UID globally unique */
};

struct calendar_rows;

/* The sessions of event, or (event NULL) of person, by start, room and id, with the calendar's
 * name in *name (the event's, or "Name: talks"; valid until closed). NULL when there is no such
 * event or person, or on error. */
struct calendar_rows	*calendar_rows_open(struct db_conn *c, const char *event, const char *person,
			    const char **name);
int			 calendar_rows_next(struct calendar_rows *, struct calendar_row *);
void			 calendar_rows_close(struct calendar_rows *);

#endif
