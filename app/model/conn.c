/* conn.c: connections of one's own (see conn.h). */
#include <stdlib.h>

#include "core/config.h"
#include "core/mem.h"
#include "model/conn.h"
#include "model/db.h"

struct db_conn {
	sqlite3		*db;
	int		 owned;		/* closed with the handle */
	int		 pooled;	/* given back to the export pool with the handle */
};

struct db_conn *
conn_open(const char *path, int migrate)
{
	struct db_conn *c;
	sqlite3 *db = NULL;

	if (path == NULL)
		path = config.db_path;
	if (migrate ? db_open_migrated(path, 0, &db) == -1 : (db = db_open(path, 0)) == NULL)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->db = db;
	c->owned = 1;
	return c;
}

struct db_conn *
conn_pool_take(void)
{
	struct db_conn *c;
	sqlite3 *db;

	if ((db = db_pool_take()) == NULL)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->db = db;
	c->pooled = 1;
	return c;
}

struct db_conn *
conn_of(sqlite3 *db)
{
	struct db_conn *c = xcalloc(1, sizeof(*c));

	c->db = db;
	return c;
}

sqlite3 *
conn_db(const struct db_conn *c)
{
	return c->db;
}

void
conn_close(struct db_conn *c)
{
	if (c == NULL)
		return;
	if (c->pooled)
		db_pool_give(c->db);
	else if (c->owned)
		db_close(c->db);
	free(c);
}
