/*
 * gov_store.h: the governance import's reads and writes (gov_store.c), and the rows' states
 * its undo compares and puts back (gov_undo.c). With store.c, store_run.c and undo.c the only
 * import files that run SQL.
 *
 * Every write is recorded in import_changes (store_change) with the row's state before and
 * after it (gov_row_state), so that undo can tell a later hand edit from the import's own work.
 * A dry run writes nothing and gives what it would make virtual ids (store.h).
 */
#ifndef LECTERN_IMPORT_GOV_STORE_H
#define LECTERN_IMPORT_GOV_STORE_H
#include "core/buf.h"
#include "import/store.h"

/* A person as the governance import weighs them. */
struct gov_person_row {
	long long	 id;
	const char	*name, *slug, *github, *email;
	int		 org_link;	/* credited to or affiliated with the organization asked about */
	int		 has_org;	/* credited to or affiliated with any organization */
};

struct gov_body_row {
	long long	 id;		/* 0: none */
	const char	*name, *kind, *url, *description, *source;
	long long	 parent;
};

/* A body as a file gives it. */
struct gov_body_in {
	const char	*slug, *name, *kind, *url, *description;
	long long	 parent;	/* 0: none */
};

struct gov_role_row {
	long long	 id;		/* 0: none */
	long long	 org;
	char		 starts_on[11], ends_on[11];	/* ends_on "" while held */
	char		 seat_type[16];
	int		 by_hand;	/* no import's: never changed by one */
};

/* A role or seat to write. */
struct gov_role_in {
	long long	 body, person, org;	/* org 0: none */
	const char	*role, *seat_type;	/* seat_type NULL but for seats */
	const char	*starts_on, *ends_on;	/* ends_on NULL: held */
	const char	*notes, *source;
};

/* One open term the run may close (gov_store_open_terms). */
struct gov_open_term {
	long long	 id;
	const char	*person, *role, *body, *starts_on;
	int		 by_hand;
};

struct gov_affiliation_row {
	long long	 id, org;
	const char	*since, *until;		/* NULL: open */
	const char	*source;		/* NULL: entered by hand */
};

/* Readies the run's temporary tables (what a dry run would add and delete). 0 or -1. */
int		 gov_store_begin(struct store *);

/* People: by login (0 when none; its strings live in text). */
long long	 gov_store_person_by_github(struct store *, const char *login, struct gov_person_row *,
		    struct buf *text);
/* Calls each for everyone named like slug made before this run (as store_people_named);
 * each returns 0 to go on, 1 to stop. 0 or -1. */
int		 gov_store_people_named(struct store *, const char *slug, long long org,
		    int (*each)(void *, const struct gov_person_row *), void *arg);
long long	 gov_store_person_add(struct store *, const char *name, const char *github,
		    const char *email);
/* Sets the fields given (non-NULL) of person id. 0 or -1. */
int		 gov_store_person_set(struct store *, long long id, const char *name, const char *github,
		    const char *email);
/* The organization person was affiliated with on date (YYYY-MM-DD); 0 for none, -1. */
long long	 gov_store_org_on(struct store *, long long person, const char *date);

/* Bodies: found by slug (row->id 0: none; its strings live in text); made; updated (only the
 * fields given, or only the empty ones when fill). Update: 1 changed, 0 not, -1. */
int		 gov_store_body(struct store *, const char *slug, struct gov_body_row *, struct buf *text);
long long	 gov_store_body_add(struct store *, const struct gov_body_in *, const char *source);
int		 gov_store_body_update(struct store *, const struct gov_body_row *, const struct gov_body_in *,
		    int fill);

/* Roles. The term of (body, person, role[, seat type]) that started on start, or with start
 * NULL the one held on date (imported ones first); row->id 0 when none. 0 or -1. */
int		 gov_store_role(struct store *, const struct gov_role_in *, const char *start,
		    const char *date, const char *source, struct gov_role_row *);
long long	 gov_store_role_add(struct store *, const struct gov_role_in *);
/* Sets the organization (0: leave), seat type (NULL: leave) and end (NULL: leave; "": held). */
int		 gov_store_role_set(struct store *, long long id, long long org, const char *seat_type,
		    const char *ends_on);
/* Calls each with the terms of source held past date (started on or before it), and with
 * the hand-entered ones in body (0: none) held then. 0 or -1. */
int		 gov_store_open_terms(struct store *, const char *source, long long body, const char *date,
		    int (*each)(void *, const struct gov_open_term *), void *arg);

/* Affiliations: a person's, in order; made; deleted (their state kept for undo). */
int		 gov_store_affiliations(struct store *, long long person,
		    int (*each)(void *, const struct gov_affiliation_row *), void *arg);
long long	 gov_store_affiliation_add(struct store *, long long person, long long org,
		    const char *since, const char *until, const char *source);
int		 gov_store_affiliation_delete(struct store *, long long id);
/* Credits the appearances without an organization from the affiliations on their dates
 * (a dry run counts them); their number, or -1. */
int		 gov_store_recredit(struct store *);

/* The date of the latest run of scope not undone, into out ("" when none). 0 or -1. */
int		 gov_store_last_as_of(struct store *, const char *scope, char out[11]);

/* The state of a row as a governance change records it (kind "role", "body", "affiliation",
 * "person", "appearance"), into out ("" when the row is gone). 0 or -1. */
int		 gov_row_state(struct sqlite3 *, const char *kind, long long id, struct buf *out);

#endif
