/* sniff.c: what a file is, from its first bytes: the reader that takes it, or what it looks like. */
#include <string.h>
#include <strings.h>

#include "import/import.h"
#include "import/reader.h"
#include "import/sniff.h"

/* The readers, in the order they are asked. The readers of issue 14 (iCalendar, Sched, schedule.json,
 * CSV) go here; until then their formats are only recognized below, to say so. */
static const struct imp_reader *const readers[] = { &read_xml, NULL };

static const struct { const char *start; const char *what; } others[] = {
	{ "BEGIN:VCALENDAR", "this is an iCalendar file (.ics), not a schedule.xml: Lectern reads "
	    "frab/Pentabarf schedule.xml files for now" },
	{ "<!DOCTYPE html", "this is a web page (HTML), not a schedule.xml: download the schedule's "
	    "XML export (often .../schedule.xml or .../schedule/export/schedule.xml)" },
	{ "<html", "this is a web page (HTML), not a schedule.xml: download the schedule's XML "
	    "export (often .../schedule.xml or .../schedule/export/schedule.xml)" },
	{ "%PDF", "this is a PDF document, not a schedule.xml" },
	{ "PK\x03\x04", "this is a ZIP archive (a spreadsheet such as .xlsx or .ods?), not a "
	    "schedule.xml: export the schedule's XML, or save the sheet as CSV for a later version" },
	{ "{", "this is JSON (a schedule.json or an API export?), not a schedule.xml: Lectern reads "
	    "frab/Pentabarf schedule.xml files for now; pretalx and frab offer both" },
	{ "[", "this is JSON (a schedule.json or an API export?), not a schedule.xml: Lectern reads "
	    "frab/Pentabarf schedule.xml files for now; pretalx and frab offer both" },
};

/* Past a byte-order mark and white space. */
static const char *
skip(const char *p, size_t *len)
{
	if (*len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, *len -= 3;
	while (*len && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++, (*len)--;
	return p;
}

/* A first line with several commas, semicolons or tabs and no markup: a spreadsheet's CSV. */
static int
looks_csv(const char *p, size_t len)
{
	size_t line = 0;
	int seps = 0;

	while (line < len && p[line] != '\n' && line < 4096) {
		seps += p[line] == ',' || p[line] == ';' || p[line] == '\t';
		line++;
	}
	return seps >= 2 && memchr(p, '<', line) == NULL;
}

const struct imp_reader *
sniff_reader(const char *head, size_t len, const char **why)
{
	const char *p = head;

	*why = NULL;
	if (len >= 2 && (memcmp(head, "\xFF\xFE", 2) == 0 || memcmp(head, "\xFE\xFF", 2) == 0)) {
		*why = "this file is in UTF-16: save it as UTF-8 and try again";
		return NULL;
	}
	p = skip(p, &len);
	if (len == 0) {
		*why = "the file is empty";
		return NULL;
	}
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (len >= strlen(others[i].start) && strncasecmp(p, others[i].start, strlen(others[i].start)) == 0) {
			*why = others[i].what;
			return NULL;
		}
	for (size_t i = 0; readers[i]; i++)
		if (readers[i]->claims(p, len))
			return readers[i];
	*why = looks_csv(p, len) ? "this is CSV (a spreadsheet?), not a schedule.xml: Lectern reads "
	    "frab/Pentabarf schedule.xml files for now" : "this is not a schedule.xml (it does not "
	    "start with XML markup)";
	return NULL;
}

const char *
import_sniff(const char *head, size_t len, const char **why)
{
	const struct imp_reader *r = sniff_reader(head, len, why);

	return r ? r->format : NULL;
}
