/*
 * sched_map.h: a Sched session (a VEVENT of a Sched iCal feed, an entry of Sched's API export)
 * in Lectern's terms, for read_ics.c and read_sched_json.c alike. The name is split by
 * sched_title.c (README, "Reading Sched names"); each speaker is credited to the company named
 * for that session (the API's company field first, then the name's); the kind comes from the
 * name's prefix, else from the event type (CATEGORIES, event_type); a topic type is the track;
 * whatever the name says two ways goes to review with the raw text. Pure: text in, record out.
 */
#ifndef LECTERN_IMPORT_SCHED_MAP_H
#define LECTERN_IMPORT_SCHED_MAP_H
#include "import/record.h"

/* A speaker as the API lists it (every field may be NULL). */
struct sched_person {
	const char	*name, *company, *position, *username;
	int		 line;
};

/*
 * Fills r's title, type (a Lectern kind), track, review and logistics fields and its speakers
 * from name (SUMMARY, "name") at line, the ntypes event types, and the API's speakers (napi 0:
 * the name's own). Returns 0; 1 when the name could not be read as Sched writes it (the whole
 * name is the title, and *why says why, a static sentence).
 */
int	sched_map(struct rec *r, const char *name, int line, const char *const *types, int ntypes,
	    const struct sched_person *api, int napi, const char **why);
/* For the formats without Sched's event types (a calendar's CATEGORIES, a sheet's kind column):
 * when type or a short title (four words at most: "Coffee Break", "Lunch") names logistics,
 * sets r's type to other and marks it logistics; a type naming a kind is left to the run. */
void	sched_map_logistics(struct rec *r, const char *type, const char *title, int line);

#endif
