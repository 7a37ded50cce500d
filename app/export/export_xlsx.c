/* export_xlsx.c: a list as an Excel workbook (libxlsxwriter): a bold header row, frozen under it with a
 * filter, dates as dates and counts as numbers; written to a temporary file, then streamed from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/log.h"
#include "core/mem.h"
#include "export/stream.h"

#define XLSX_MAX_ROWS	1048575		/* Excel's rows, less the header */

struct xlsx {
	const struct xlsx_list	*list;
	size_t			 hidden;	/* the column left out (>= n: none) */
	FILE			*file;		/* the workbook written, open after it is unlinked */
	void			(*release)(struct export_stream *);	/* the rows' */
};

/* "2019-05-22" as an Excel date: 0, or -1 when it is not such a date. */
static int
date_of(const char *v, lxw_datetime *d)
{
	int y, m, day, n = 0;

	if (v == NULL || sscanf(v, "%4d-%2d-%2d%n", &y, &m, &day, &n) != 3 || n != 10 || v[10] != '\0' ||
	    y < 1900 || m < 1 || m > 12 || day < 1 || day > 31)
		return -1;
	*d = (lxw_datetime){ y, m, day, 0, 0, 0 };
	return 0;
}

static void
cell_out(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, enum xlsx_type type, const char *v,
    lxw_format *date)
{
	lxw_datetime d;

	if (v == NULL || *v == '\0')
		return;
	if (type == XLSX_DATE && date_of(v, &d) == 0)
		worksheet_write_datetime(ws, row, col, &d, date);
	else if (type == XLSX_NUMBER)
		worksheet_write_number(ws, row, col, strtod(v, NULL), NULL);
	else
		worksheet_write_string(ws, row, col, v, NULL);
}

/* Every row of the list into the workbook at path: 0, or -1 (logged). */
static int
workbook_write(struct export_stream *s, const struct xlsx *x, const char *path, char *tmpdir)
{
	const struct xlsx_list *l = x->list;
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir, .use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, l->sheet) : NULL;
	lxw_format *bold = wb ? workbook_add_format(wb) : NULL, *date = wb ? workbook_add_format(wb) : NULL;
	const char *cells[XLSX_MAX_COLUMNS];
	lxw_row_t row = 0;
	int rc = 0;

	if (ws == NULL || bold == NULL || date == NULL) {
		workbook_close(wb);
		return log_err("export: cannot start a workbook");
	}
	format_set_bold(bold);
	format_set_num_format(date, "yyyy-mm-dd");
	for (size_t i = 0, c = 0; i < l->n; i++)
		if (i != x->hidden) {
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, l->widths[i], NULL);
			worksheet_write_string(ws, 0, (lxw_col_t)c++, l->header[i], bold);
		}
	worksheet_freeze_panes(ws, 1, 0);
	while (row < XLSX_MAX_ROWS && (rc = l->next(s, cells)) == 1) {
		row++;
		for (size_t i = 0, c = 0; i < l->n; i++)
			if (i != x->hidden)
				cell_out(ws, row, (lxw_col_t)c++, l->types[i], cells[i], date);
	}
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)(l->n - (x->hidden < l->n) - 1));
	if (workbook_close(wb) != LXW_NO_ERROR)
		return log_err("export: cannot write the workbook");
	return rc == -1 ? -1 : 0;
}

/* The first step writes the workbook; the others stream its bytes. */
static int
step_file(struct export_stream *s, struct buf *out)
{
	struct xlsx *x = s->priv;
	char buf[EXPORT_PIECE];
	size_t n;

	if (!s->started) {
		const char *dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		char *path = xstrdup(dir), *tmpl;
		int fd, rc;

		n = strlen(dir) + sizeof("/lectern-XXXXXX");
		tmpl = xmalloc(n);
		snprintf(tmpl, n, "%s/lectern-XXXXXX", dir);
		s->started = 1;
		if ((fd = mkstemp(tmpl)) == -1) {
			free(path), free(tmpl);
			return log_err("export: no temporary file in %s", dir);
		}
		close(fd);
		rc = workbook_write(s, x, tmpl, path);
		x->file = rc == 0 ? fopen(tmpl, "rb") : NULL;
		unlink(tmpl);
		free(path), free(tmpl);
		if (x->file == NULL)
			return -1;
		return 1;
	}
	if ((n = fread(buf, 1, sizeof(buf), x->file)) > 0)
		buf_append(out, buf, n);
	if (n < sizeof(buf))
		return ferror(x->file) ? log_err("export: cannot read the workbook") : 0;
	return 1;
}

static void
release_file(struct export_stream *s)
{
	struct xlsx *x = s->priv;

	if (x->file)
		fclose(x->file);
	if (x->release)
		x->release(s);
	free(x);
}

struct export_stream *
export_xlsx_new(struct export_stream *s, const struct xlsx_list *l, size_t hidden)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));

	x->list = l;
	x->hidden = hidden;
	x->release = s->release;
	s->priv = x;
	s->step = step_file;
	s->release = release_file;
	return s;
}
