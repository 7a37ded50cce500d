/*
 * import_runs.h: the import runs and the uploads waiting for confirmation, as /admin/imports,
 * /admin/import and `lectern import --list` see them. The runs themselves are made by the
 * importer (import/store_run.c).
 */
#ifndef LECTERN_IMPORT_RUNS_H
#define LECTERN_IMPORT_RUNS_H
#include <stddef.h>

#include "core/buf.h"

struct sqlite3;

#define UPLOAD_TTL	3600	/* seconds an upload waits for its confirmation */
#define UPLOADS_PER_USER 3	/* uploads one user may have waiting; older ones are dropped */

struct import_run_row {
	long long	 id;
	const char	*at, *user, *file, *sha256;
	const char	*event_slug, *event_name;	/* NULL when the event is gone */
	const char	*counts;			/* the JSON object of counts */
	const char	*warnings;			/* the JSON array of kept warnings, or NULL */
	int		 n_new, n_changed, n_unchanged, n_cancelled, n_conflicts, n_warnings;
	int		 undone;
};

/* Calls each for the runs, newest first (oldest first with oldest_first), from offset on, at
 * most limit (0: all); each returns 0 to go on. The number of runs seen, or -1. */
int	import_runs_each(struct sqlite3 *, int oldest_first, int limit, int offset,
	    int (*each)(void *, const struct import_run_row *), void *arg);

/* One warning kept with a run (import/import.h has what they mean). */
struct import_run_warning {
	int		 line;
	const char	*category, *event, *text;	/* event NULL when none */
};

/* Calls each with the warnings kept with run, in file order; the number, or -1. */
int	import_run_warnings(struct sqlite3 *, long long run,
	    int (*each)(void *, const struct import_run_warning *), void *arg);

struct import_upload {
	struct buf	 file_name, event_slug, tz;
	struct buf	 data;
};

/* Keeps an upload under the hash of its token for user, dropping uploads older than
 * UPLOAD_TTL and the user's oldest beyond UPLOADS_PER_USER. 0 or -1. */
int	import_upload_keep(struct sqlite3 *, const unsigned char *hash, size_t hash_len, long long user,
	    const char *file_name, const char *event_slug, const char *tz, const void *data, size_t len);
/* The user's waiting upload of that token hash, not expired: 1 (into out), 0 when none, -1. */
int	import_upload_take(struct sqlite3 *, const unsigned char *hash, size_t hash_len, long long user,
	    struct import_upload *out);
int	import_upload_drop(struct sqlite3 *, const unsigned char *hash, size_t hash_len);
void	import_upload_release(struct import_upload *);

#endif
