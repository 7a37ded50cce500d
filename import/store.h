/*
 * store.h: the import's reads and writes of the registry: store.c and store_run.c, the only
 * files of the import besides undo.c that run SQL.
 *
 * store.c holds the records' reads and writes, store_run.c the run: its transaction, the
 * deferred full-text indexing, the organizations' match keys and the run record.
 *
 * A store holds one transaction. For a real run it is a write transaction, and every change is
 * recorded in import_changes for undo. For a dry run (the web preview) it is a read
 * transaction: nothing is written, so no writer waits; what the run would create gets a
 * virtual id (negative), which the matching stage remembers (idmap) in place of the rows.
 */
#ifndef LECTERN_IMPORT_STORE_H
#define LECTERN_IMPORT_STORE_H
#include "core/buf.h"
#include "import/report.h"

struct sqlite3;
struct sqlite3_stmt;

/* The storage stage's own state (store.c and store_run.c only). */
struct store {
	struct sqlite3	*db;
	struct report	*r;
	int		 dry;
	long long	 run;
	int		 seq;		/* of the run's recorded changes */
	long long	 virtual_id;	/* the last a dry run gave out (negative) */
	long long	 people_from;	/* the first person id this run makes */
	char		 installation[64];
};

/* Session fields as stored, in the order of the values JSON (store.c) and the diff masks. */
enum store_field {
	SF_TITLE, SF_SUBTITLE, SF_KIND, SF_TRACK, SF_ROOM, SF_STARTS_AT, SF_DURATION, SF_ABSTRACT,
	SF_URL, SF_SPEAKERS, SF__MAX
};
extern const char *const store_field_names[SF__MAX];

/* A person of the registry that a name may mean (store_people_named). */
struct store_person {
	long long	 id;
	const char	*name, *slug;
	const char	*guids;		/* the person's guid keys, comma-separated, or "" */
	int		 org_link;	/* credited to or affiliated with the organization asked about */
	int		 has_org;	/* credited to or affiliated with any organization (asked
					 * only when an organization is asked about and is not theirs) */
	int		 in_event;	/* speaks in the event already */
};

/* A session as an import last left it (store_session_by_key). */
struct store_session {
	long long	 id;		/* 0: no such key */
	int		 cancelled;
	struct buf	 imported;	/* the values last imported ("": none) */
};

/* Begins the transaction and, for a real run, the run record. NULL with err on failure. */
struct store	*store_open(struct sqlite3 *, int dry_run, struct report *, const char *sha);
/* Ends a real run: the run record with its counts and warnings; then commits (a dry run
 * rolls back). 0 or -1. Either way the store is freed. */
int		 store_close(struct store *, int commit);
long long	 store_run_id(const struct store *);
int		 store_dry(const struct store *);
/* This database's installation id (its own exports carry it); "" when it has none. */
const char	*store_installation(const struct store *);

/* For store.c and store_run.c: a cached statement, NULL after report_fail; a step and reset,
 * 0 or -1 after report_fail. */
struct sqlite3_stmt *store_prep(struct store *, const char *sql);
int		 store_done(struct store *, struct sqlite3_stmt *);
/* Records one change of this run, for undo: the state before it and, for a session, after. */
int		 store_change(struct store *, const char *kind, long long id, const char *action,
		    const char *before, const char *key, const char *key_before, const char *after);

/* Events: found by slug or by the conference's key; 0 when there is none, -1 on error. */
long long	 store_event_by_slug(struct store *, const char *slug, struct buf *zone);
long long	 store_event_by_key(struct store *, const char *key, struct buf *zone);
long long	 store_event_add(struct store *, const char *name, const char *slug_base,
		    const char *starts_on, const char *ends_on, const char *zone, const char *key);
/* Widens the event to the dates first..last; its version goes up when they change. */
int		 store_event_dates(struct store *, long long id, const char *first, const char *last);

/* Organizations by their match key (parse.c, org_match_key). */
long long	 store_org_find(struct store *, const char *match_key);
long long	 store_org_add(struct store *, const char *name, const char *match_key);

/* People. A key of a source ("event:<id>") names a person: the id, and the name in *name. */
long long	 store_person_by_key(struct store *, const char *source, const char *key,
		    struct buf *name);
/* True when person id exists. */
int		 store_person_exists(struct store *, long long id);
/* Calls each for every person named like slug (slug, slug-2 ...) who was not made by this
 * run, with what the registry knows of them (their guids only when guid is asked, whether they
 * speak in event only when it can matter); each returns 0 to go on, 1 to stop. 0 or -1. */
int		 store_people_named(struct store *, const char *slug, long long org, long long event,
		    int guid, int (*each)(void *, const struct store_person *), void *arg);
long long	 store_person_add(struct store *, const char *name, const char *key);
/* Records source's key for a person (kind "person") or a session (with the values). */
int		 store_key_put(struct store *, const char *source, const char *kind, const char *key,
		    long long id, const char *values);

/* Sessions. */
int		 store_session_by_key(struct store *, const char *source, const char *key,
		    struct store_session *);
/* The source key of session id when it belongs to event (into key); 1, 0 when it does not, -1. */
int		 store_session_key_of(struct store *, long long id, long long event, const char *source,
		    struct buf *key);
/* The values JSON of a mapped session with its speakers ("[[person, org or null], ...]"). */
int		 store_session_values(struct store *, const char *const field[SF__MAX], int duration,
		    const char *source_id, struct buf *out);
/* A new session of event with the fields (store_field order, as for store_session_values) and
 * its speakers; records its creation under key. The id, or -1. */
long long	 store_session_add(struct store *, long long event, const char *const field[SF__MAX],
		    int duration, const long long *people, const long long *orgs, int n, const char *key);
/* The session as it is now (values JSON, speakers as [person, org]) and its version. */
int		 store_session_state(struct store *, long long id, struct buf *now, long long *version);
/* Which fields differ: bit f of *ab when a and b differ, of *ac for a and c, of *cb for c and b. */
int		 store_session_diff(struct store *, const char *a, const char *b, const char *c,
		    unsigned *ab, unsigned *ac, unsigned *cb);
/* Writes the fields of mask (SF_SPEAKERS: the speakers) from values, schedules the session
 * again when reschedule, in one UPDATE that raises the version once; records the change
 * with the states before and after. */
int		 store_session_update(struct store *, long long id, unsigned mask, int reschedule,
		    const char *values, const long long *people, const long long *orgs, int n,
		    const char *before, const char *key, const char *key_before);
/* Cancels the scheduled sessions of source whose key seen() does not know; their count. */
int		 store_vanished(struct store *, const char *source, int (*seen)(void *, const char *key),
		    void *arg);
/* Rooms with scheduled sessions in event. */
int		 store_rooms(struct store *, long long event);

#endif
