/*
 * handle.h: a database connection as the layers above the model hold one: an opaque pointer,
 * passed on to the calls that take one (the importer's, import.h; its runs', import_runs.h)
 * and never read. The command line opens its own; a page takes its worker thread's. Without
 * <sqlite3.h>, which only the model and the importer's storage stage include (layers.py).
 */
#ifndef LECTERN_HANDLE_H
#define LECTERN_HANDLE_H

struct sqlite3;

/* This thread's connection to config.db_path, opened on first use; NULL if unusable. */
struct sqlite3	*db_thread(void);
/* Opens (creating it if asked) and migrates path as a connection of the caller's own; 0, or
 * -1 (logged). */
int		 db_open_migrated(const char *path, int create, struct sqlite3 **out);
void		 db_close(struct sqlite3 *);

#endif
