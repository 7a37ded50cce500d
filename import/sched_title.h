/*
 * sched_title.h: Sched's session names split into title, kind and speakers, and Sched's
 * event types (iCal CATEGORIES, the API's event_type) mapped to session kinds.
 *
 * KubeCon's Sched names carry the speakers: "Title - Name, Company",
 * "Title - Name, Position, Company", "Title - Name & Name, Company",
 * "Title - Name, Company & Name, Company", "Title - Name, Company; Name, Company", with a
 * kind prefix ("Keynote:", "Sponsored Keynote:", "Project Lightning Talk:", "Panel:",
 * "Tutorial:", "Maintainer Track:", "Deep Dive:") and " - " inside titles. The rules are in
 * the README (Sched titles). Whatever could be read two ways is kept with a review reason
 * and the raw text; nothing is guessed silently.
 */
#ifndef LECTERN_SCHED_TITLE_H
#define LECTERN_SCHED_TITLE_H
#include <stddef.h>

/* Session kinds, in the order and with the codes of the sessions.kind column. */
enum sched_kind {
	SCHED_KEYNOTE,
	SCHED_TALK,
	SCHED_LIGHTNING,
	SCHED_PANEL,
	SCHED_TUTORIAL,
	SCHED_MAINTAINER,
	SCHED_OTHER,
	SCHED_KIND__MAX
};

#define SCHED_TITLE_MAX		2000	/* bytes of a session name read; longer is refused */
#define SCHED_SPEAKERS_MAX	40	/* speakers read from one name */

struct sched_speaker {
	char	*name;		/* "William A. Rowe, Jr." */
	char	*position;	/* "Staff Developer Advocate", or NULL */
	char	*company;	/* "Pivotal", or NULL when the name gives none */
	int	 shared;	/* the company was named once after several names */
};

struct sched_title {
	char			*raw;		/* the name as given, spaces collapsed */
	char			*title;		/* without the kind prefix and the speakers */
	char			*prefix;	/* the kind prefix as written, or NULL */
	enum sched_kind		 kind;		/* from the prefix; SCHED_TALK without one */
	int			 kind_from_prefix;
	int			 sponsored;	/* "Sponsored Keynote:" and the like */
	struct sched_speaker	*speakers;
	size_t			 nspeakers;
	char			*review;	/* NULL, or why staff should look ("; "-joined) */
};

/* "keynote", "talk", "lightning", "panel", "tutorial", "maintainer", "other". */
const char		*sched_kind_code(enum sched_kind);

/*
 * Splits one Sched session name (a NUL-terminated SUMMARY or API "name"). Returns the
 * result, owned by the caller (sched_title_free), or NULL with a static reason in *error
 * when the name is refused: longer than SCHED_TITLE_MAX, not UTF-8, control characters
 * other than tab and line ends, or empty.
 */
struct sched_title	*sched_title_parse(const char *name, const char **error);
void			 sched_title_free(struct sched_title *);

/* What one Sched event type or CATEGORIES value says about a session. */
struct sched_category {
	enum sched_kind	kind;		/* SCHED_TALK for a topic track */
	int		is_kind;	/* the value names a kind (or logistics), not a topic */
	int		logistics;	/* breaks, registration, meals, expo: kind SCHED_OTHER */
};

/* Maps value ("Keynote Sessions", "Lightning Talks", "Breaks", "Security + Identity");
 * returns out->is_kind. A topic track ("AI + ML") gives SCHED_TALK and 0. */
int			 sched_category(const char *value, struct sched_category *out);

#endif
