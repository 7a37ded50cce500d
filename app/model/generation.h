/*
 * generation.h: the data generation of each kind of record (schema/0008_data_generations.sql).
 *
 * Every write to a kind bumps its generation and its time in the same transaction, by
 * triggers, whoever writes (a worker, the command line, sqlite3). A page is current while
 * the generations of the kinds it shows are unchanged: its ETag, Last-Modified and cached
 * copy are derived from them (http/freshness.c, http/page_cache.c).
 */
#ifndef LECTERN_GENERATION_H
#define LECTERN_GENERATION_H

enum data_kind {
	DK_ORGANIZATIONS,
	DK_PEOPLE,
	DK_AFFILIATIONS,
	DK_EVENTS,
	DK_SESSIONS,		/* with their appearances */
	DK_BODIES,		/* with their roles and seats */
	DK_PROJECTS,
	DK_ACCOUNTS,		/* users */
	DK_IMPORTS,		/* import runs and source keys */
	DK__MAX
};

/* A set of kinds, as a route declares what its pages show. */
#define D_ORGS		(1u << DK_ORGANIZATIONS)
#define D_PEOPLE	(1u << DK_PEOPLE)
#define D_AFFIL		(1u << DK_AFFILIATIONS)
#define D_EVENTS	(1u << DK_EVENTS)
#define D_SESSIONS	(1u << DK_SESSIONS)
#define D_BODIES	(1u << DK_BODIES)
#define D_PROJECTS	(1u << DK_PROJECTS)
#define D_ACCOUNTS	(1u << DK_ACCOUNTS)
#define D_IMPORTS	(1u << DK_IMPORTS)
/* Every kind a public page could show: what a route that declares nothing depends on. */
#define D_REGISTRY	(D_ORGS | D_PEOPLE | D_AFFIL | D_EVENTS | D_SESSIONS | D_BODIES | \
			 D_PROJECTS | D_IMPORTS)

struct generations {
	long long	database;		/* the database's own random number */
	long long	gen[DK__MAX];
	long long	changed[DK__MAX];	/* unix seconds of the last write */
};

/*
 * The generations as this thread's connection sees them now: re-read only when the
 * database changed since this thread last asked (db_generation), so that most calls cost
 * one PRAGMA. Thread-local storage, valid until the thread's next call; NULL when they
 * cannot be read (no database, or one without the table).
 */
const struct generations	*db_generations(void);
/* The kind's name in data_generations ("organizations", ...). */
const char			*data_kind_name(enum data_kind);
/*
 * The kind whose generation a write to table bumps (FTS5 and its shadow tables count as
 * their content table); -1 for a table no kind covers, -2 for SQLite's own and ours that
 * hold no records (sqlite_schema, data_generations, data_written, fts_deferred, installation) and the
 * views (whose tables are reported with them).
 */
int				 data_kind_of_table(const char *table);

#endif
