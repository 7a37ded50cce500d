/* session.h: sessions — one session's page, and the row of a session in every listing. */
#ifndef LECTERN_SESSION_H
#define LECTERN_SESSION_H
#include "core/request.h"
#include "model/model.h"

/* A speaker of a session, for the organization they represented then. */
struct speaker {
	long long	 person;	/* the person's id: listings only */
	const char	*slug, *name;
	const char	*role;		/* "speaker", "moderator"...; NULL in listings */
	const char	*org;		/* the organization's name, or NULL */
	const char	*org_slug;	/* NULL in listings */
};

/* A session as the listings show it (an organization's, a person's, an event's). */
struct session_item {
	long long	 id;
	const char	*title, *kind, *status;
	const char	*date;		/* its local day, or the event's first day */
	const char	*event_slug, *event_name;
	struct speaker	*speakers;	/* in order */
	size_t		 n_speakers;
};

struct session_page {
	long long	 id;
	const char	*title, *subtitle, *kind, *status, *track, *room;
	const char	*starts_at;	/* local time with its UTC offset, or NULL */
	long long	 duration_min;	/* 0: not known */
	const char	*end_time;	/* local "09:55" from the start and duration, or NULL */
	const char	*abstract, *url, *video_url;
	const char	*event_name, *event_slug, *event_time_zone;
	struct speaker	*speakers;
	size_t		 n_speakers;
};

/* Session id with its speakers; MODEL_NOT_FOUND when there is none. */
enum model_status	session_page(struct request *, long long id, struct session_page *);

#endif
