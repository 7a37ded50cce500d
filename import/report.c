/* report.c: report lines, warnings and the error of an import run (report.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/parse.h"
#include "import/report.h"

void
report_line(struct report *r, const char *fmt, ...)
{
	struct buf line = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vappendf(&line, fmt, ap);
	va_end(ap);
	buf_putc(&line, '\n');
	/* A preview of tens of thousands of lines helps nobody: the counts say it all. */
	if (r->opt->report_line)
		r->opt->report_line(r->opt->report_arg, line.data);
	else if (r->lines++ < IMPORT_KEPT)
		buf_append(&r->sum->report, line.data, line.len);
	buf_release(&line);
}

void
report_end(struct report *r)
{
	if (r->lines > IMPORT_KEPT)
		buf_appendf(&r->sum->report, "... and %d more lines\n", r->lines - IMPORT_KEPT);
	r->lines = 0;
}

int
report_fail(struct report *r, int line, const char *fmt, ...)
{
	va_list ap;

	if (r->failed++)
		return -1;
	if (line > 0)
		buf_appendf(r->err, "%s:%d: ", r->opt->file_name, line);
	else
		buf_appendf(r->err, "%s: ", r->opt->file_name);
	va_start(ap, fmt);
	buf_vappendf(r->err, fmt, ap);
	va_end(ap);
	return -1;
}

int
report_warn(struct report *r, int line, const char *event, const char *category,
    const char *fmt, ...)
{
	struct import_warning w = { line, category, NULL, NULL };
	struct buf text = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vappendf(&text, fmt, ap);
	va_end(ap);
	r->sum->warnings++;
	if (r->opt->strict) {
		report_fail(r, line, "%s%s%s (refused: --strict turns warnings into errors)",
		    event ? event : "", event ? ": " : "", text.data);
		buf_release(&text);
		return -1;
	}
	w.event = event ? xstrdup(event) : NULL;
	w.text = buf_detach(&text, NULL);
	if (r->opt->warning)
		r->opt->warning(r->opt->report_arg, &w);
	if (r->sum->nwarning < IMPORT_KEPT) {
		if (r->sum->nwarning % 64 == 0)
			r->sum->warning = xrealloc(r->sum->warning,
			    (size_t)(r->sum->nwarning + 64) * sizeof(w));
		r->sum->warning[r->sum->nwarning++] = w;
	} else {
		free(w.event);
		free(w.text);
	}
	return 0;
}

void
report_event_name(struct buf *b, const char *title, const char *guid, const char *id)
{
	size_t n = title ? utf8_cut_chars(title, 80) : 0;

	/* A long title is named by its beginning: the line and the key say which it is. */
	if (title == NULL)
		buf_puts(b, "(no title)");
	else
		buf_appendf(b, "\"%.*s%s\"", (int)n, title, title[n] ? "\xe2\x80\xa6" : "");
	if (guid && id)
		buf_appendf(b, " (guid %s, id %s)", guid, id);
	else if (guid || id)
		buf_appendf(b, " (%s %s)", guid ? "guid" : "id", guid ? guid : id);
}

void
report_warnings_free(struct import_summary *sum)
{
	for (int i = 0; i < sum->nwarning; i++) {
		free(sum->warning[i].event);
		free(sum->warning[i].text);
	}
	free(sum->warning);
	sum->warning = NULL;
	sum->nwarning = 0;
}
