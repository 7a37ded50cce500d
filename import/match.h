/*
 * match.h: who the people of a file are and which session each of its sessions is: the
 * identity rules (README, "Identity").
 *
 * People, in order: Lectern's own guid (its own export); the source's guid; the source's id,
 * if it is a key: used for one name only throughout the file, and not "0" (merged files reuse
 * ids across their parts, some writers give everyone 0), and still the name it was; then the
 * name, normalized, together with what the file says (the organization of "Name [Org]", the
 * event), never over two distinct guids. A doubtful match is made a new person and listed to
 * review. Sessions: the guid, else the id, else title and start; a key met again in the same
 * file (a workshop over several slots, or two parts of a merged file) is another slot: its
 * start is added.
 */
#ifndef LECTERN_IMPORT_MATCH_H
#define LECTERN_IMPORT_MATCH_H
#include "import/idmap.h"
#include "import/map.h"
#include "import/reader.h"
#include "import/store.h"

struct match {
	struct store	*st;
	struct report	*r;
	struct idmap	*ids;		/* the people and organizations this run has met (match.c) */
	struct idmap	*seen;		/* the session keys it has met */
	char		 source[64];	/* "event:<id>": the scope of the file's keys */
	long long	 event;
	int		 own;		/* the file is this installation's own export */
	int		 new_event;	/* this run made the event: no key of its source is stored yet */
};

void	match_init(struct match *, struct store *, struct report *);
void	match_release(struct match *);
/* The first reading of the file: notes which person ids are used for one name only. */
void	match_observe(struct match *, const struct imp_session *);
/* The scope of the keys: the event the file is imported into; made: by this run. */
void	match_event(struct match *, long long event, int made);
/* The registry's person for p, made when none matches; the organization p represents is org
 * (0: none), session the one p speaks in (for messages). The id, or -1. */
long long match_person(struct match *, const struct mapped_person *p, long long org,
	    struct mapped *session);
/* The registry's organization named name, made when none matches; the id, or -1. */
long long match_org(struct match *, const char *name);
/* The source key of session s (mapped as m) for this run, into key; *local is the session a
 * guid of this installation's own export names when that session has no key yet. 0 or -1. */
int	match_session_key(struct match *, const struct imp_session *s, const struct mapped *m,
	    struct buf *key, long long *local);
/* True when this run met the session key (store_vanished's question). */
int	match_seen(void *match, const char *key);
/* The id as a key of a person (see above), or NULL. */
const char *match_person_id(struct match *, const char *id);

#endif
