/*
 * read_csv.c: a schedule kept in a spreadsheet and saved as CSV (RFC 4180; UTF-8 with or
 * without a byte-order mark; comma, semicolon or tab), through libcsv; the only file that
 * includes it. The first row names the columns; each column is taken for a field (title,
 * speakers, companies, date, start, end, duration, room, track, kind, abstract, url, id) by its
 * name, from the table below (Sessionize's export, "Talk", "Speaker(s)", "Company", "Start
 * Time"...), or as --map says ("title=Talk,start=#3": a name or a column number). Each row is a
 * session, its times read in the conference's zone (a spreadsheet names none: --tz, or the
 * preview asks). Streamed: memory holds one row. Refused with the line: more than MAX_COLUMNS
 * columns, a cell over MAX_CELL bytes or a row over MAX_ROW, invalid UTF-8, a NUL byte, a file
 * without a title column.
 */
#include <csv.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/params.h"
#include "import/csv_time.h"
#include "import/import.h"
#include "import/ics_text.h"
#include "import/lines.h"
#include "import/parse.h"
#include "import/reader.h"
#include "import/record.h"
#include "import/sched_map.h"

#define MAX_COLUMNS	1000
#define MAX_CELL	(1024 * 1024)
#define MAX_ROW		(4 * 1024 * 1024)
#define FEED		4096	/* bytes given to libcsv at a time, so limits are checked often */

/* A warning about the row being read. */
#define WARN(c, category, ...) \
	rd_warn(&(c)->rd, (c)->row_line, rec_session(&(c)->rec), (category), __VA_ARGS__)

enum csv_field {
	CF_TITLE, CF_SPEAKERS, CF_COMPANIES, CF_DATE, CF_START, CF_END, CF_DURATION, CF_ROOM,
	CF_TRACK, CF_KIND, CF_ABSTRACT, CF_URL, CF_ID, CF__MAX
};

static const char *const field_names[CF__MAX] = {
	"title", "speakers", "companies", "date", "start", "end", "duration", "room", "track", "kind",
	"abstract", "url", "id"
};
static const char all_fields[] = "title|speakers|companies|date|start|end|duration|room|track|kind|"
    "abstract|url|id";

/* Column names each field is known by, as compared: lower case, letters and digits only
 * ("Speaker(s)" is "speakers", "Scheduled At" "scheduledat"). The first column that matches wins. */
static const char *const aliases[CF__MAX] = {
	"title talk talktitle sessiontitle session sessionname name presentation presentationtitle "
	    "eventname titel vortrag",
	"speakers speaker speakerss speakername speakernames presenter presenters presenterss people "
	    "persons authors author referent referenten sprecher",
	"companies company companys speakercompany speakercompanies organization organizations "
	    "organisation organisations affiliation affiliations employer companyname firma",
	"date day sessiondate datum tag",
	"start starttime time begin begins from scheduledat startsat startdate startdatetime beginn uhrzeit",
	"end endtime ends endsat to until scheduledend enddate enddatetime ende bis",
	"duration length scheduledduration durationminutes durationmin durationmins minutes mins dauer",
	"room location venue stage hall raum ort saal",
	"track tracks assignedtrack maintopic category categories topic theme stream",
	"kind type sessiontype format sessionformat eventtype typ art",
	"abstract description summary details sessiondescription beschreibung zusammenfassung",
	"url link website sessionurl web",
	"id sessionid code key eventkey uid guid sessioncode",
};

struct cr {
	struct rd		 rd;
	struct csv_parser	 p;
	/* The row being read. */
	char			*cell[MAX_COLUMNS];
	int			 ncells;
	size_t			 row_bytes;
	int			 row_line, line;
	/* The header, and the column of each field (-1: none). */
	char			*header[MAX_COLUMNS];
	int			 nheader, have_header;
	int			 col[CF__MAX];
	int			 rows, dated, ambiguous_said;
	struct rec_conf		 conf;
	char			 day[11];
	struct rec		 rec;
};

/* --- the header --------------------------------------------------------------------------- */

static void
normalized(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; s && *s && n + 1 < size; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

static int
alias_of(int field, const char *name)
{
	const char *a = aliases[field];
	size_t n = strlen(name);

	for (const char *p = a; *p; p += strcspn(p, " "), p += *p == ' ')
		if (strcspn(p, " ") == n && n && strncmp(p, name, n) == 0)
			return 1;
	return 0;
}

/* The column a --map value names: "#3" or a column's name; -1 when none, -2 for "" (no column). */
static int
column_named(struct cr *c, const char *v, size_t n)
{
	char want[256], have[256], text[256];

	if (n == 0)
		return -2;
	snprintf(text, sizeof(text), "%.*s", (int)n, v);
	if (text[0] == '#' && strspn(text + 1, "0123456789") == strlen(text + 1) && text[1])
		return atoi(text + 1) >= 1 && atoi(text + 1) <= c->nheader ? atoi(text + 1) - 1 : -1;
	normalized(text, want, sizeof(want));
	for (int i = 0; i < c->nheader; i++) {
		normalized(c->header[i], have, sizeof(have));
		if (strcmp(want, have) == 0)
			return i;
	}
	return -1;
}

/* --map's "field=Column,..." over the built-in names. */
static int
explicit_map(struct cr *c, const char *map)
{
	for (const char *p = map; p && *p; p += strcspn(p, ","), p += *p == ',') {
		size_t n = strcspn(p, ","), k = strcspn(p, "=");
		int f, col;

		if (k >= n)
			return rd_fail(&c->rd, 1, "--map: \"%.*s\" is not field=Column", (int)n, p);
		for (f = 0; f < CF__MAX; f++)
			if (strlen(field_names[f]) == k && strncasecmp(p, field_names[f], k) == 0)
				break;
		if (f == CF__MAX)
			return rd_fail(&c->rd, 1, "--map: no field \"%.*s\" (the fields: %s)", (int)k, p, all_fields);
		if ((col = column_named(c, p + k + 1, n - k - 1)) == -1)
			return rd_fail(&c->rd, 1, "--map %.*s: the file has no such column (a column's name as in the "
			    "first row, or #N for the N-th)", (int)n, p);
		c->col[f] = col == -2 ? -1 : col;
	}
	return 0;
}

/* What the sink is told: the columns one a line, and "field=#N" for each taken. */
static int
tell_columns(struct cr *c)
{
	struct buf cols = BUF_INIT, map = BUF_INIT;
	int rc = 0;

	for (int i = 0; i < c->nheader; i++)
		buf_appendf(&cols, "%s\n", c->header[i]);
	for (int f = 0; f < CF__MAX; f++)
		if (c->col[f] >= 0)
			buf_appendf(&map, "%s=#%d\n", field_names[f], c->col[f] + 1);
	if (c->rd.sink->columns)
		rc = rd_answer(&c->rd, c->rd.sink->columns(c->rd.sink->arg, cols.data, map.data));
	buf_release(&cols), buf_release(&map);
	return rc;
}

static int
header(struct cr *c)
{
	char name[256];

	for (int i = 0; i < c->ncells; i++) {
		c->header[i] = c->cell[i] ? c->cell[i] : xstrdup("");
		c->cell[i] = NULL;
	}
	c->nheader = c->ncells;
	c->have_header = 1;
	for (int f = 0; f < CF__MAX; f++) {
		c->col[f] = -1;
		for (int i = 0; i < c->nheader && c->col[f] < 0; i++) {
			normalized(c->header[i], name, sizeof(name));
			if (alias_of(f, name))
				c->col[f] = i;
		}
	}
	if (explicit_map(c, c->rd.src->map) == -1)
		return -1;
	if (c->col[CF_START] == c->col[CF_DATE])
		c->col[CF_DATE] = -1;	/* one column with both ("Scheduled At") */
	if (tell_columns(c) == -1)
		return -1;
	if (c->col[CF_TITLE] < 0)
		return rd_fail(&c->rd, c->row_line, "no column for the title: name it with --map title=COLUMN (or "
		    "in the preview); the first row names none of title, talk, session, name");
	return 0;
}

/* --- rows ----------------------------------------------------------------------------------- */

static const char *
cell(struct cr *c, int field)
{
	int i = c->col[field];

	return i >= 0 && i < c->ncells && c->cell[i] && c->cell[i][0] ? c->cell[i] : NULL;
}

struct people {
	struct cr	*c;
	char		*company[IMP_MAX_PERSONS];
	int		 ncompanies, n;
};

static void
one_speaker(void *arg, const char *name, const char *org)
{
	struct people *p = arg;
	const char *company = org;

	if (company == NULL && p->ncompanies == 1)
		company = p->company[0];	/* one company for every speaker */
	else if (company == NULL && p->n < p->ncompanies)
		company = p->company[p->n];
	rec_person(&p->c->rec, name, company, NULL, NULL, p->c->row_line);
	p->n++;
}

/* Speakers, with the companies column read in the same order (or one for all). */
static int
speakers(struct cr *c)
{
	const char *names = cell(c, CF_SPEAKERS), *companies = cell(c, CF_COMPANIES);
	struct people p = { c, { NULL }, 0, 0 };
	const char *seps = companies && strchr(companies, ';') ? ";" : ",";
	int rc = 0, n;

	for (const char *q = companies; q && *q && p.ncompanies < IMP_MAX_PERSONS; q += strcspn(q, seps),
	    q += *q == *seps) {
		size_t len = strcspn(q, seps);

		while (len && q[len - 1] == ' ')
			len--;
		q += strspn(q, " ");
		if (len)
			p.company[p.ncompanies++] = strndup(q, len);
	}
	n = ics_names(names, one_speaker, &p);
	if (p.ncompanies > 1 && p.ncompanies != n) {
		for (int i = 0; i < c->rec.npersons; i++)
			c->rec.persons[i].org.s = NULL;	/* which belongs to whom cannot be told */
		rec_set(&c->rec, IMP_REVIEW, "the companies do not pair with the speakers", c->row_line);
		rc = WARN(c, "people", "%d speakers but %d companies (\"%.*s\"): imported without "
		    "companies, to review", n, p.ncompanies, UTF8_CLIP(companies, 100));
	}
	for (int i = 0; i < p.ncompanies; i++)
		free(p.company[i]);
	return rc;
}

/* A day record when the row's date is not the last one sent. */
static int
day_of(struct cr *c, const char *date)
{
	struct imp_day day = { { date, c->row_line }, { NULL, 0 }, { NULL, 0 }, c->row_line };

	if (strcmp(date, c->day) == 0)
		return 0;
	snprintf(c->day, sizeof(c->day), "%s", date);
	return rd_answer(&c->rd, c->rd.sink->day(c->rd.sink->arg, &day));
}

/* The start: a date and a time in the start column, or a time on the date column's day. */
static int
start_time(struct cr *c, struct wall *start)
{
	const char *d = cell(c, CF_DATE), *s = cell(c, CF_START);
	struct wall w;
	char iso[32];
	int amb = 0, amb2 = 0, kind = -1;

	memset(start, 0, sizeof(*start));
	if (d && csv_date(d, start->date, &amb) == -1 && WARN(c, "time", "date \"%.*s\" is not a date: the row is "
	    "imported without one", UTF8_CLIP(d, 40)) == -1)
		return -1;
	if (s && (kind = csv_when(s, &w, iso, &amb2)) == 1)
		rec_set(&c->rec, IMP_DATE, iso, c->row_line);
	else if (kind == 0) {
		if (w.date[0])
			memcpy(start->date, w.date, sizeof(start->date)), amb = amb2;
		memcpy(start->time, w.time, sizeof(start->time));
	} else if (s && WARN(c, "time", "start \"%.*s\" is not a time: imported without one",
	    UTF8_CLIP(s, 40)) == -1)
		return -1;
	if (amb && !c->ambiguous_said++ && WARN(c, "time", "dates such as \"%.*s\" could be day or month "
	    "first: they are read month first (as in the US); write them as YYYY-MM-DD if not",
	    UTF8_CLIP(d ? d : s, 20)) == -1)
		return -1;
	c->dated += start->date[0] || c->rec.s.f[IMP_DATE].s;
	if (start->date[0]) {
		if (day_of(c, start->date) == -1)
			return -1;
		rec_set(&c->rec, IMP_DAY, start->date, c->row_line);
	}
	rec_set(&c->rec, IMP_START, start->time[0] ? start->time : NULL, c->row_line);
	return 0;
}

/* The duration column, else the end: a time on the start's day, or a date and time. */
static int
end_time(struct cr *c, const struct wall *start)
{
	const char *e = cell(c, CF_END), *dur = cell(c, CF_DURATION);
	struct wall end;
	char iso[32], text[16];
	int amb, min, kind;

	if (dur) {
		if (csv_duration(dur, &min) == -1)
			return WARN(c, "duration", "duration \"%.*s\" is not minutes or H:MM: left empty",
			    UTF8_CLIP(dur, 20));
		wall_duration(min, text);
		rec_set(&c->rec, IMP_DURATION, text, c->row_line);
		return 0;
	}
	if (e == NULL || (kind = csv_when(e, &end, iso, &amb)) == -1)
		return e ? WARN(c, "duration", "end \"%.*s\" is not a time: no duration",
		    UTF8_CLIP(e, 40)) : 0;
	if (kind == 1) {
		rec_set(&c->rec, IMP_END, iso, c->row_line);
		return 0;
	}
	if (end.date[0] == '\0')
		memcpy(end.date, start->date, sizeof(end.date));
	if ((min = wall_minutes(start, &end)) > 0) {
		wall_duration(min, text);
		rec_set(&c->rec, IMP_DURATION, text, c->row_line);
	}
	return 0;
}

static int
row(struct cr *c)
{
	static const struct { int field; enum imp_field f; } plain[] = {
		{ CF_TITLE, IMP_TITLE }, { CF_ROOM, IMP_ROOM }, { CF_TRACK, IMP_TRACK }, { CF_KIND, IMP_TYPE },
		{ CF_ABSTRACT, IMP_ABSTRACT }, { CF_URL, IMP_URL }, { CF_ID, IMP_ID },
	};
	struct wall start;
	int rc;

	if (c->ncells == 1 && cell(c, CF_TITLE) == NULL)
		return 0;	/* an empty line of the sheet */
	rec_clear(&c->rec);
	c->rec.s.line = c->row_line;
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (plain[i].f != IMP_ABSTRACT || c->rd.sink->want_text)
			rec_set(&c->rec, plain[i].f, cell(c, plain[i].field), c->row_line);
	sched_map_logistics(&c->rec, cell(c, CF_KIND), cell(c, CF_TITLE), c->row_line);
	if (speakers(c) == -1 || start_time(c, &start) == -1 || end_time(c, &start) == -1)
		return -1;
	c->rows++;
	rc = rd_answer(&c->rd, c->rd.sink->session(c->rd.sink->arg, rec_session(&c->rec)));
	rec_clear(&c->rec);
	return rc;
}

/* --- libcsv's callbacks ------------------------------------------------------------------ */

static void
on_cell(void *s, size_t len, void *arg)
{
	struct cr *c = arg;

	if (c->rd.failed || c->rd.stopped)
		return;
	if (c->ncells == MAX_COLUMNS) {
		rd_fail(&c->rd, c->line, "more than %d columns in a row: refused", MAX_COLUMNS);
		return;
	}
	if ((c->row_bytes += len) > MAX_ROW) {
		rd_fail(&c->rd, c->line, "a row over %d MiB: refused", MAX_ROW / (1024 * 1024));
		return;
	}
	if (memchr(s, '\0', len) || !utf8_valid(s, len)) {
		rd_fail(&c->rd, c->line, "%s: save the sheet as CSV in UTF-8 and try again",
		    memchr(s, '\0', len) ? "a NUL byte" : "not valid UTF-8");
		return;
	}
	c->cell[c->ncells++] = len ? strndup(s, len) : NULL;
}

static void
row_clear(struct cr *c)
{
	for (int i = 0; i < c->ncells; i++)
		free(c->cell[i]);
	c->ncells = 0;
	c->row_bytes = 0;
}

static void
on_row(int term, void *arg)
{
	struct cr *c = arg;

	(void)term;
	if (!c->rd.failed && !c->rd.stopped) {
		if (!c->have_header)
			header(c);
		else
			row(c);
	}
	row_clear(c);
	c->row_line = 0;
}

/* --- the file --------------------------------------------------------------------------- */

/* The separator the first row uses most, outside quotes: ',' ';' or tab. */
static unsigned char
separator(const char *line, size_t n)
{
	int commas = 0, semis = 0, tabs = 0, quoted = 0;

	for (size_t i = 0; i < n && line[i] != '\n'; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			commas += line[i] == ',', semis += line[i] == ';', tabs += line[i] == '\t';
	}
	return semis > commas && semis >= tabs ? ';' : tabs > commas ? '\t' : ',';
}

static int
feed(struct cr *c, const char *piece, size_t n, int line)
{
	c->line = line;
	for (size_t at = 0; at < n && !c->rd.failed && !c->rd.stopped; at += FEED) {
		size_t k = n - at < FEED ? n - at : FEED;

		/* A row begins on the first line given while none is open (libcsv's ROW_NOT_BEGUN). */
		if (c->row_line == 0 && c->ncells == 0 && c->p.pstate == 0)
			c->row_line = line;
		if (csv_parse(&c->p, piece + at, k, on_cell, on_row, c) != k)
			return rd_fail(&c->rd, line, "%s", csv_strerror(csv_error(&c->p)));
		if (c->p.entry_pos > MAX_CELL)
			return rd_fail(&c->rd, c->row_line, "a cell over %d MiB (a quote never closed?): refused",
			    MAX_CELL / (1024 * 1024));
	}
	return c->rd.failed ? -1 : 0;
}

static void
cr_release(struct cr *c)
{
	row_clear(c);
	for (int i = 0; i < c->nheader; i++)
		free(c->header[i]);
	csv_free(&c->p);
	rec_conf_clear(&c->conf), rec_clear(&c->rec);
}

static int
csv_read(const struct imp_source *src, const struct imp_sink *sink, struct buf *err)
{
	struct cr c;
	struct lines l;
	const char *piece;
	long n;
	int line, first = 1;

	memset(&c, 0, sizeof(c));
	c.rd.src = src, c.rd.sink = sink, c.rd.err = err;
	if (lines_open(&l, src, err) == -1)
		return -1;
	csv_init(&c.p, CSV_APPEND_NULL);
	/* The conference: a sheet names none (the event is the one asked for, or after the file). */
	if (rd_answer(&c.rd, sink->conference(sink->arg, &c.conf.c)) == 0)
		while (!c.rd.failed && !c.rd.stopped && (n = lines_next(&l, &piece, 0, &line)) > 0) {
			if (first && !(first = 0))
				csv_set_delim(&c.p, separator(piece, (size_t)n));
			feed(&c, piece, (size_t)n, line);
		}
	if (!c.rd.failed && !c.rd.stopped && csv_fini(&c.p, on_cell, on_row, &c) != 0)
		rd_fail(&c.rd, c.line, "%s", csv_strerror(csv_error(&c.p)));
	if (!c.rd.failed && !c.rd.stopped && !c.have_header)
		rd_fail(&c.rd, 1, "the file is empty");
	if (!c.rd.failed && !c.rd.stopped && c.rows && !c.dated)
		rd_fail(&c.rd, 1, "no row gives a date: name the column with the dates (or dates and times) with "
		    "--map date=COLUMN or --map start=COLUMN, or in the preview");
	lines_close(&l);
	cr_release(&c);
	if (c.rd.failed && err->len == 0)
		buf_appendf(err, "%s: the file could not be read", src->name);
	return c.rd.failed ? -1 : 0;
}

/* A first line with several commas, semicolons or tabs and no markup: a sheet's header row. */
static int
csv_claims(const char *head, size_t len)
{
	size_t n = 0;
	int seps = 0;

	while (n < len && head[n] != '\n' && n < 4096) {
		seps += head[n] == ',' || head[n] == ';' || head[n] == '\t';
		n++;
	}
	return seps >= 1 && memchr(head, '<', n) == NULL && head[0] != '{' && head[0] != '[';
}

const char *
import_csv_fields(void)
{
	return all_fields;
}

const struct imp_reader read_csv = { "CSV", csv_claims, csv_read, "csv" };
