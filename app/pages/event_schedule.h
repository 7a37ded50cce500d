/* event_schedule.h: an event's schedule as HTML, a list by time or a grid of rooms and times. */
#ifndef LECTERN_EVENT_SCHEDULE_H
#define LECTERN_EVENT_SCHEDULE_H
#include "core/request.h"
#include "model/event.h"

/* One table a day, the sessions by start time (none last), each with its end, room and speakers. */
void	schedule_list(struct request *, const struct event_page *);
/*
 * One table a day with the day's rooms as columns and its start times as rows; a session
 * spans the rows of the starts before its end. Plain HTML (no script): on a narrow screen
 * the stylesheet stacks it into a list by time, each session with its room.
 */
void	schedule_grid(struct request *, const struct event_page *);

#endif
