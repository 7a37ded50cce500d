/* export_speakers.c: speaker lists (per appearance or per speaker) as CSV or a JSON array. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/html.h"
#include "core/json.h"
#include "export/stream.h"
#include "model/speaker_rows.h"

static const char *const appearance_cols[] = { "name", "organization",
	"current_organization", "email", "github", "event", "session", "kind", "date",
	"role", "url", NULL };
static const char *const speaker_cols[] = { "name", "organizations",
	"current_organization", "email", "github", "sessions", "titles", NULL };
#define EMAIL_COLUMN	3	/* in both shapes */

/* The row's cells in the order of its shape's columns; text of the count in tmp. */
static void
cells(const struct speaker_row *r, int per_speaker, const char **c, char *tmp, size_t size)
{
	c[0] = r->name;
	c[2] = r->current_organization;
	c[3] = r->email;
	c[4] = r->github;
	if (per_speaker) {
		snprintf(tmp, size, "%lld", r->sessions);
		c[1] = r->organizations;
		c[5] = tmp;
		c[6] = r->titles;
		return;
	}
	c[1] = r->organization;
	c[5] = r->event;
	c[6] = r->session;
	c[7] = r->kind;
	c[8] = r->date;
	c[9] = r->role;
	c[10] = r->url;
}

/* A CSV line of cells (the header when r is NULL); the email column only for staff. */
static void
csv_row(struct export_stream *s, struct buf *out, const struct speaker_row *r)
{
	int per_speaker = s->f.shape == EXPORT_SPEAKERS, first = 1;
	const char *const *header = per_speaker ? speaker_cols : appearance_cols;
	const char *c[16];
	char tmp[32];

	if (r)
		cells(r, per_speaker, c, tmp, sizeof(tmp));
	for (int i = 0; header[i]; i++) {
		if (i == EMAIL_COLUMN && !s->f.include_email)
			continue;
		if (!first)
			buf_putc(out, ',');
		first = 0;
		csv_cell(out, r ? c[i] : header[i]);
	}
	buf_append(out, "\r\n", 2);
}

/* A JSON object of the row, keys in column order; without the email key unless staff asked. */
static void
json_row(struct export_stream *s, struct buf *out, const struct speaker_row *r)
{
	int per_speaker = s->f.shape == EXPORT_SPEAKERS;
	const char *const *keys = per_speaker ? speaker_cols : appearance_cols;
	const char *c[16];
	char tmp[32];
	struct json j;

	cells(r, per_speaker, c, tmp, sizeof(tmp));
	json_begin(&j, out);
	json_object(&j);
	for (int i = 0; keys[i]; i++) {
		if (i == EMAIL_COLUMN && !s->f.include_email)
			continue;
		if (per_speaker && i == 5)
			json_kint(&j, keys[i], r->sessions);
		else
			json_kstr(&j, keys[i], c[i]);
	}
	json_end(&j);
}

static void
csv_header(struct export_stream *s, struct buf *out)
{
	csv_row(s, out, NULL);
}

static int
row_out(struct export_stream *s, struct buf *out, int json)
{
	struct speaker_row r;
	int rc;

	if ((rc = speaker_rows_next(s->rows, &r)) <= 0)
		return rc;
	if (json) {
		if (s->n_rows)
			buf_putc(out, ',');
		json_row(s, out, &r);
	} else
		csv_row(s, out, &r);
	return 1;
}

static int
step_rows(struct export_stream *s, struct buf *out)
{
	return export_list_step(s, out, csv_header, row_out);
}

/* The next row's cells for a workbook; the count's text in s->scratch. */
static int
xlsx_next(struct export_stream *s, const char **c)
{
	struct speaker_row r;
	char tmp[32];
	int rc = speaker_rows_next(s->rows, &r);

	if (rc != 1)
		return rc;
	cells(&r, s->f.shape == EXPORT_SPEAKERS, c, tmp, sizeof(tmp));
	if (s->f.shape == EXPORT_SPEAKERS) {
		buf_reset(&s->scratch);
		buf_puts(&s->scratch, tmp);
		c[5] = s->scratch.data;
	}
	return 1;
}

static const struct xlsx_list appearances_xlsx = { "Speakers", 11,
	{ "Name", "Organization then", "Organization now", "Email", "GitHub", "Event", "Session", "Kind", "Date",
	  "Role", "URL" },
	{ XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_DATE,
	  XLSX_TEXT, XLSX_TEXT },
	{ 24, 24, 24, 28, 14, 34, 48, 10, 11, 10, 40 }, xlsx_next };
static const struct xlsx_list speakers_xlsx = { "Speakers", 7,
	{ "Name", "Organizations", "Organization now", "Email", "GitHub", "Sessions", "Titles" },
	{ XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_NUMBER, XLSX_TEXT },
	{ 24, 30, 24, 28, 14, 9, 60 }, xlsx_next };

static void
release_rows(struct export_stream *s)
{
	speaker_rows_close(s->rows);
}

struct export_stream *
export_speakers_new(struct db_conn *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = export_stream_new(db, own_db, f);
	struct speaker_query q = { f->event, f->colocated, f->org, f->kind, f->track, f->base, f->from, f->to,
	    f->body, f->role, f->person, f->match, f->shape == EXPORT_SPEAKERS, f->include_email };

	if ((s->rows = speaker_rows_open(db, &q)) == NULL) {
		export_free(s);
		return NULL;
	}
	s->release = release_rows;
	s->step = step_rows;
	if (f->format == EXPORT_XLSX)
		return export_xlsx_new(s, f->shape == EXPORT_SPEAKERS ? &speakers_xlsx : &appearances_xlsx,
		    f->include_email ? SIZE_MAX : EMAIL_COLUMN);
	return s;
}
