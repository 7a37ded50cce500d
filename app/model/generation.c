/* generation.c: the data generation per kind of record, read from data_generations when the database changed. */
#include <string.h>

#include "model/db.h"
#include "model/generation.h"

static const char *const kind_names[DK__MAX] = {
	[DK_ORGANIZATIONS] = "organizations",
	[DK_PEOPLE] = "people",
	[DK_AFFILIATIONS] = "affiliations",
	[DK_EVENTS] = "events",
	[DK_SESSIONS] = "sessions",
	[DK_BODIES] = "bodies",
	[DK_PROJECTS] = "projects",
	[DK_ACCOUNTS] = "accounts",
	[DK_IMPORTS] = "imports",
};

/* The tables each kind's triggers watch (schema/0008), and the full-text tables kept from them. */
static const struct {
	const char	*table;
	enum data_kind	 kind;
	int		 prefix;	/* also every table whose name starts so (FTS5's shadow tables) */
} tables[] = {
	{ "organizations_fts", DK_ORGANIZATIONS, 1 },
	{ "organizations", DK_ORGANIZATIONS, 0 },
	{ "reports", DK_ORGANIZATIONS, 0 },	/* staff's text of an organization's report */
	{ "people_fts", DK_PEOPLE, 1 },
	{ "people", DK_PEOPLE, 0 },
	{ "affiliations", DK_AFFILIATIONS, 0 },
	{ "events_fts", DK_EVENTS, 1 },
	{ "events", DK_EVENTS, 0 },
	{ "sessions_fts", DK_SESSIONS, 1 },
	{ "sessions", DK_SESSIONS, 0 },
	{ "appearances", DK_SESSIONS, 0 },
	{ "session_credits", DK_SESSIONS, 0 },	/* kept from sessions, appearances, events (0013) */
	{ "org_speakers", DK_SESSIONS, 0 },
	{ "session_speakers", DK_SESSIONS, 0 },	/* and from people, organizations (0015) */
	{ "bodies_fts", DK_BODIES, 1 },
	{ "bodies", DK_BODIES, 0 },
	{ "roles", DK_BODIES, 0 },
	{ "projects_fts", DK_PROJECTS, 1 },
	{ "projects", DK_PROJECTS, 0 },
	/* Search's spelling lists (0011): fts5vocab views of each kind's index. */
	{ "search_vocab_sessions", DK_SESSIONS, 0 },
	{ "search_vocab_people", DK_PEOPLE, 0 },
	{ "search_vocab_orgs", DK_ORGANIZATIONS, 0 },
	{ "search_vocab_events", DK_EVENTS, 0 },
	{ "search_vocab_bodies", DK_BODIES, 0 },
	{ "search_vocab_projects", DK_PROJECTS, 0 },
	{ "users", DK_ACCOUNTS, 0 },
	{ "import_runs", DK_IMPORTS, 0 },
	{ "source_keys", DK_IMPORTS, 0 },
};

static _Thread_local struct {
	long long		 seen;		/* db_generation() when last read */
	int			 valid;
	struct generations	 g;
} view;

const char *
data_kind_name(enum data_kind k)
{
	return k < DK__MAX ? kind_names[k] : "?";
}

int
data_kind_of_table(const char *t)
{
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (tables[i].prefix ? strncmp(t, tables[i].table, strlen(tables[i].table)) == 0 :
		    strcmp(t, tables[i].table) == 0)
			return (int)tables[i].kind;
	/* The views are reported with the tables they read; the installation's id (0007) is
	 * written once, when the database is made. */
	if (strncmp(t, "sqlite_", 7) == 0 || strcmp(t, "data_generations") == 0 ||
	    strcmp(t, "fts_deferred") == 0 || strcmp(t, "data_written") == 0 ||
	    strcmp(t, "org_figures") == 0 || strcmp(t, "installation") == 0)
		return -2;
	return -1;
}

static int
kind_of_name(const char *name)
{
	for (int k = 0; k < DK__MAX; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

/* Reads every row of data_generations into g; -1 when the table cannot be read. */
static int
read_all(sqlite3 *db, struct generations *g)
{
	static const char sql[] = "SELECT kind, generation, changed_at FROM data_generations";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc, rows = 0;

	if (st == NULL)
		return -1;
	memset(g, 0, sizeof(*g));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int k = name ? kind_of_name(name) : -1;

		if (name && strcmp(name, "database") == 0)
			g->database = sqlite3_column_int64(st, 1);
		else if (k >= 0) {
			g->gen[k] = sqlite3_column_int64(st, 1);
			g->changed[k] = sqlite3_column_int64(st, 2);
		}
		rows++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE && rows > 0 ? 0 : -1;
}

const struct generations *
db_generations(void)
{
	long long now = db_generation();
	sqlite3 *db;

	if (now < 0)
		return NULL;
	if (view.valid && view.seen == now)
		return &view.g;
	view.valid = 0;
	if ((db = db_thread()) == NULL || read_all(db, &view.g) == -1)
		return NULL;
	/* Read after the check: a write in between makes the next call read again. */
	view.seen = now;
	view.valid = 1;
	return &view.g;
}
