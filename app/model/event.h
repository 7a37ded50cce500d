/* event.h: events — the list with co-located events nested, and an event's page with its schedule. */
#ifndef LECTERN_EVENT_H
#define LECTERN_EVENT_H
#include "core/request.h"
#include "model/model.h"
#include "model/session.h"

struct event_item {
	const char		*name, *slug, *series, *city, *country, *starts_on, *ends_on;
	long long		 sessions;
	int			 is_colocated;	/* part of the main event before it in a list */
	/* Co-located events, by start; recorded: the same in the order they were recorded. */
	struct event_item	*colocated, **recorded;
	size_t			 n_colocated;
	size_t			 recorded_rank;	/* its place in that order */
};

/* A page of the main events, newest first, and how many main events there are. */
struct event_list {
	struct event_item	*items;
	size_t			 n;
	long long		 total;
};

/* A session of an event's schedule. */
struct schedule_item {
	struct session_item	 session;
	const char		*track, *room;
	const char		*starts_at;	/* local time with its UTC offset, or NULL */
	const char		*time;		/* "09:40", or NULL */
	long long		 duration_min;	/* 0: not known */
	const char		*starts_utc;	/* for the order by day */
	const char		*end_time;	/* local "09:55" (start and duration), or NULL */
	const char		*ends_at;	/* the same with its date and UTC offset, or NULL */
};

/* What the schedule shows: a kind and a track (NULL for all). */
struct schedule_filter {
	const char	*kind, *track;
};

struct event_page {
	long long		 id;
	const char		*name, *slug, *series, *city, *country, *starts_on, *ends_on;
	const char		*time_zone, *url;
	const char		*parent, *parent_slug;	/* the main event of a co-located one, or NULL */
	struct event_item	*colocated, **recorded;	/* as in event_item */
	size_t			 n_colocated;
	/* The sessions by time and room; by_day: the same by local day, time and room (a
	 * session without a time last in its day). */
	struct schedule_item	*sessions, **by_day;
	size_t			 n_sessions;
};

/* Up to limit main events from offset, each with its co-located ones. */
enum model_status	event_list(struct request *, long long offset, int limit, struct event_list *);
enum model_status	event_page(struct request *, const char *slug, const struct schedule_filter *,
			    struct event_page *);
struct event_track {
	const char	*name;
};

/* The event's tracks, by name (the schedule's filter). */
enum model_status	event_tracks(struct request *, long long event, struct event_track **, size_t *n);

/* The time zone of the event typed in a form (slug or exact name), or else of session's
 * event (an edit form's): MODEL_OK with *zone, MODEL_NOT_FOUND, or a failure. */
enum model_status	event_zone(struct request *, const char *event, long long session, const char **zone);

#endif
