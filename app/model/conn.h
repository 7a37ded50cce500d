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
/* Closes the connection; NULL is fine. */
void		 conn_close(struct db_conn *);

#endif
