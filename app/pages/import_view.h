/*
 * import_view.h: the HTML of an import's preview (import_view.c), which the upload, preview and
 * confirm handlers (page_import.c) and the list of runs (page_imports.c) show.
 */
#ifndef LECTERN_IMPORT_VIEW_H
#define LECTERN_IMPORT_VIEW_H

struct buf;
struct request;
struct import_options;
struct import_summary;
struct import_warning;

/* A <datalist> or <option>s of every zone the system knows (first those in first, one a line). */
void	import_zone_options(struct buf *b, const char *first, const char *selected);
/* The run's report (what was added, changed, kept, left out), from the importer's text. */
void	import_report_list(struct buf *b, const char *report);
/* The warnings with their lines, grouped by category: n of them listed, of total. */
void	import_warnings_list(struct buf *b, const struct import_warning *w, int n, int total);
/* The preview of an upload: what would change, the zone to read it in, the review list, the
 * warnings, and the forms that confirm or cancel it (token names the kept upload). */
void	import_preview_page(struct request *req, const char *file, const char *token,
	    const struct import_summary *sum, const struct import_options *opt);
/* A sheet refused for its columns: the reason, and the columns to choose from. */
void	import_columns_page(struct request *req, const char *message, const char *token,
	    const char *columns, const char *mapping, const struct import_options *opt);

#endif
