/*
 * conn.h: a database connection of one's own, opaque above the model: the export streams
 * read on one (their rows outlive one call of a worker thread, which serves other
 * requests, with their cached statements and transactions, in between, and one
 * connection gives them one consistent snapshot of the data).
 */
#ifndef LECTERN_CONN_H
#define LECTERN_CONN_H

struct db_conn;

/* Opens the database at path (config.db_path when NULL), brought to the current schema
 * first with migrate; NULL (logged) when it cannot be. */
struct db_conn	*conn_open(const char *path, int migrate);
/* A connection of the export pool (model/db.h: twice the worker threads, kept open), or
 * NULL when all are in use or the database cannot be opened: the caller answers 503. */
struct db_conn	*conn_pool_take(void);
/* Closes the connection, or gives a pooled one back; NULL is fine. Its statements must be
 * finalized first. */
void		 conn_close(struct db_conn *);

#endif
