/*
 * map.h: what a session's values mean in Lectern's terms: its instant in the chosen zone, its
 * duration, its kind (the table in the README), its text (HTML made readable, over-long
 * fields cut at a character boundary), its address. Every value that cannot be used as
 * written is left empty or changed with a warning that says so. No database.
 */
#ifndef LECTERN_IMPORT_MAP_H
#define LECTERN_IMPORT_MAP_H
#include "import/idmap.h"
#include "import/reader.h"
#include "import/report.h"
#include "import/zone.h"

#define MAP_TITLE_MAX	500	/* characters, as the schema's CHECKs count them */
#define MAP_NAME_MAX	200

struct mapped_person {
	char		*name, *org;	/* cut to MAP_NAME_MAX characters; org NULL when none */
	const char	*id, *guid;	/* the producer's keys as written (in the record) */
	int		 line;
};

struct mapped {
	char			*title, *subtitle, *track, *room, *abstract, *url;
	const char		*kind;
	char			 starts_at[32];	/* local time with its offset; "" when none */
	int			 duration;	/* minutes; 0 when none */
	struct mapped_person	 persons[IMP_MAX_PERSONS];
	int			 npersons;
	struct buf		 name;		/* the session as messages name it (mapped_name) */
	const struct imp_session *src;		/* the record it was mapped from */
	int			 line;
};

struct map_ctx {
	struct report			*r;
	const struct zone_choice	*zone;
	int				 own;		/* Lectern's own export: values as written */
	int				 day_change;	/* minutes after midnight, -1: none */
	struct idmap			*types;		/* unknown types warned about once */
	/* The day the sessions are listed under. */
	char				 day[11];	/* "": no usable date */
	long long			 day_start;
	int				 have_day_start;
};

/* Maps s into out: 0, 1 when s cannot be used at all (left out with a warning), -1 when a
 * strict run fails. out is to be released after 0 or 1. */
int		 map_session(struct map_ctx *, const struct imp_session *, struct mapped *out);
void		 mapped_release(struct mapped *);
/* Takes the day the next sessions are listed under. 0, or -1 when a strict run fails. */
int		 map_day(struct map_ctx *, const struct imp_day *);
/* The kind of a session from its type, track and title (README, "Kinds"); *known is 0 when
 * the type is not in the table (and the session is taken as a talk). */
const char	*map_kind(const char *type, const char *track, const char *title, int *known);
/* A conference date ("2025-12-27" or a date-time with an offset, then its date in zone);
 * 0 with out filled, 1 when absent, -1 when it cannot be used (after a warning, or a strict
 * failure: *failed). */
int		 map_date(struct map_ctx *, const struct imp_text *, const char *what, char out[11],
		    int *failed);
/* A copy of s with runs of white space (line breaks too) made one space. */
char		*map_squash(const char *s);
/* Cuts *s at max characters; warns (what, line, the session m or none) when it does. -1 when a
 * strict run fails. */
int		 map_cut(struct map_ctx *, char *s, size_t max, const char *what, int line,
		    struct mapped *m);
/* The session as messages name it: "\"Title\" (guid G, id I)"; valid while m lives (and its record). */
const char	*mapped_name(struct mapped *m);

#endif
