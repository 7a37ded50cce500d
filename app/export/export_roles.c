/* export_roles.c: who held which role or seat, with the organization then and now, as CSV or a JSON array. */
#include <stdint.h>
#include <string.h>

#include "core/html.h"
#include "core/json.h"
#include "export/stream.h"
#include "model/role_rows.h"

static const char *const role_cols[] = { "name", "github", "body", "role", "seat_type", "organization",
	"term_start", "term_end", "current_organization", NULL };

static void
cells(const struct role_row *r, const char **c)
{
	c[0] = r->person;
	c[1] = r->github;
	c[2] = r->body;
	c[3] = r->role;
	c[4] = r->seat_type;
	c[5] = r->organization;
	c[6] = r->starts_on;
	c[7] = r->ends_on;
	c[8] = r->current_organization;
}

/* A CSV line (the header when r is NULL). */
static void
csv_row(struct buf *out, const struct role_row *r)
{
	const char *c[16];

	if (r)
		cells(r, c);
	for (int i = 0; role_cols[i]; i++) {
		if (i)
			buf_putc(out, ',');
		csv_cell(out, r ? c[i] : role_cols[i]);
	}
	buf_append(out, "\r\n", 2);
}

static void
csv_header(struct export_stream *s, struct buf *out)
{
	csv_row(out, NULL);
}

/* The next term as a CSV line or a JSON object (keys in column order, a missing value null). */
static int
row_out(struct export_stream *s, struct buf *out, int json)
{
	struct role_row r;
	const char *c[16];
	struct json j;
	int rc;

	if ((rc = role_rows_next(s->rows, &r)) <= 0)
		return rc;
	if (!json) {
		csv_row(out, &r);
		return 1;
	}
	cells(&r, c);
	if (s->n_rows)
		buf_putc(out, ',');
	json_begin(&j, out);
	json_object(&j);
	for (int i = 0; role_cols[i]; i++)
		json_kstr(&j, role_cols[i], c[i]);
	json_end(&j);
	return 1;
}

static int
step_rows(struct export_stream *s, struct buf *out)
{
	return export_list_step(s, out, csv_header, row_out);
}

static int
xlsx_next(struct export_stream *s, const char **c)
{
	struct role_row r;
	int rc = role_rows_next(s->rows, &r);

	if (rc == 1)
		cells(&r, c);
	return rc;
}

static const struct xlsx_list roles_xlsx = { "Roles", 9,
	{ "Name", "GitHub", "Body", "Role", "Seat type", "Organization then", "Term start", "Term end",
	  "Organization now" },
	{ XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_TEXT, XLSX_DATE, XLSX_DATE, XLSX_TEXT },
	{ 24, 14, 30, 10, 10, 24, 11, 11, 24 }, xlsx_next };

static void
release_rows(struct export_stream *s)
{
	role_rows_close(s->rows);
}

struct export_stream *
export_roles_new(struct db_conn *db, int own_db, const struct export_filter *f)
{
	struct export_stream *s = export_stream_new(db, own_db, f);
	struct role_query q = { f->body, f->role, f->seat_type, f->on, f->current };

	if ((s->rows = role_rows_open(db, &q)) == NULL) {
		export_free(s);
		return NULL;
	}
	s->release = release_rows;
	s->step = step_rows;
	return f->format == EXPORT_XLSX ? export_xlsx_new(s, &roles_xlsx, SIZE_MAX) : s;
}
