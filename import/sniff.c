/* sniff.c: what a file is, from its first bytes: the reader that takes it, or what it looks like. */
#include <string.h>
#include <strings.h>

#include "import/gov_run.h"
#include "import/import.h"
#include "import/reader.h"
#include "import/sniff.h"

/* The readers, in the order they are asked: Sched's dialects before the general formats they
 * are written in, CSV (the least telling first line) last. */
static const struct imp_reader *const readers[] = {
	&read_sched_ics, &read_ics, &read_sched_json, &read_json, &read_xml, &read_csv, NULL
};

static const char formats[] = "xml|ics|sched-ics|sched-json|json|csv|sigs-yaml|tags-yaml|toc-readme|gitdm";

static const struct { const char *start; const char *what; } others[] = {
	{ "<!DOCTYPE html", "this is a web page (HTML), not a schedule: download the schedule's "
	    "export (often .../schedule.xml, .../schedule.json or, on Sched, .../all.ics)" },
	{ "<html", "this is a web page (HTML), not a schedule: download the schedule's export "
	    "(often .../schedule.xml, .../schedule.json or, on Sched, .../all.ics)" },
	{ "%PDF", "this is a PDF document, not a schedule" },
	{ "PK\x03\x04", "this is a ZIP archive (a spreadsheet such as .xlsx or .ods?), not a "
	    "schedule: save the sheet as CSV (UTF-8) and import that" },
	{ "{", "this is JSON, but neither a schedule.json (an object with \"schedule\", as pretalx "
	    "and frab write it) nor Sched's API export (a list of sessions with \"event_key\")" },
	{ "[", "this is JSON, but neither a schedule.json (an object with \"schedule\", as pretalx "
	    "and frab write it) nor Sched's API export (a list of sessions with \"event_key\")" },
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
	/* A web page starts with markup too: named before the XML reader claims it. */
	for (size_t i = 0; i < 4; i++)
		if (len >= strlen(others[i].start) && strncasecmp(p, others[i].start, strlen(others[i].start)) == 0) {
			*why = others[i].what;
			return NULL;
		}
	for (size_t i = 0; readers[i]; i++)
		if (readers[i]->claims(p, len))
			return readers[i];
	for (size_t i = 4; i < sizeof(others) / sizeof(others[0]); i++)
		if (strncmp(p, others[i].start, strlen(others[i].start)) == 0) {
			*why = others[i].what;
			return NULL;
		}
	*why = "this is not a file Lectern reads: schedule.xml (frab, pretalx, Pentabarf), "
	    "schedule.json, iCalendar (.ics, Sched's feed), Sched's API export (JSON), a "
	    "spreadsheet saved as CSV with a header row, or governance records (sigs.yaml, "
	    "tags.yaml, the TOC's README.md, gitdm's developers_affiliations*.txt)";
	return NULL;
}

const struct imp_reader *
sniff_by_name(const char *name)
{
	for (size_t i = 0; readers[i]; i++)
		if (strcmp(readers[i]->name, name) == 0)
			return readers[i];
	return NULL;
}

const char *
import_sniff(const char *head, size_t len, const char **why)
{
	const struct gov_format *g = gov_sniff(head, len);
	const struct imp_reader *r = g ? NULL : sniff_reader(head, len, why);

	if (g)
		*why = NULL;
	return g ? g->format : r ? r->format : NULL;
}

const char *
import_formats(void)
{
	return formats;
}

int
import_format_known(const char *name)
{
	return name && (sniff_by_name(name) != NULL || gov_format_by_name(name) != NULL);
}
