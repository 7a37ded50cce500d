/* lookalike.c: people who look like a new one (see lookalike.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/fuzzy.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/lookalike.h"

/* Names compared as words: lower case, one space between, words in order (so "Zolotusky,
 * Dave" and "dave zolotusky" are one name). The comma of "Last, First" is a space. */
static void
fold_name(struct buf *out, const char *name)
{
	const char *words[16];
	size_t lens[16], n = 0;

	for (const char *p = name; *p && n < 16;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		words[n] = p;
		while (*p && *p != ' ' && *p != ',' && *p != '\t')
			p++;
		lens[n] = (size_t)(p - words[n]);
		n++;
	}
	/* Insertion sort: a name has a handful of words. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strncasecmp(words[j - 1], words[j],
		    lens[j] > lens[j - 1] ? lens[j] : lens[j - 1]) > 0; j--) {
			const char *w = words[j];
			size_t l = lens[j];

			words[j] = words[j - 1], lens[j] = lens[j - 1];
			words[j - 1] = w, lens[j - 1] = l;
		}
	buf_truncate(out, 0);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ' ');
		for (size_t k = 0; k < lens[i]; k++)
			buf_putc(out, (char)tolower((unsigned char)words[i][k]));
	}
}

/* Two folded names are one person's when a typo or two (one in a short name) apart. */
static int
names_alike(const struct buf *a, const struct buf *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int max = n < 10 ? 1 : 2;

	if (fuzzy_allowance(n) < max)
		max = fuzzy_allowance(n);
	return fuzzy_distance(a->data, a->len, b->data, b->len, max) <= max;
}

/* Only names of about the same length can be a typo or two apart: the scan reads those. */
static const char lookalike_sql[] =
	"SELECT name, slug, github, ?2 <> '' AND lower(github) = lower(?2) FROM people"
	" WHERE (?2 <> '' AND lower(github) = lower(?2)) OR abs(length(name) - length(?1)) <= 2"
	" ORDER BY id";

enum model_status
person_lookalikes(struct request *req, const char *name, const char *github, struct lookalike *out,
    size_t *n)
{
	struct buf want = BUF_INIT, have = BUF_INIT;
	sqlite3_stmt *st;
	enum model_status ms;
	int rc = SQLITE_DONE;

	*n = 0;
	if ((ms = db_query(lookalike_sql, &st)) != MODEL_OK)
		return ms;
	fold_name(&want, name ? name : "");
	db_bind_text(st, 1, name ? name : "");
	db_bind_text(st, 2, github ? github : "");
	while (*n < LOOKALIKES_MAX && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int same = sqlite3_column_int(st, 3);

		fold_name(&have, (const char *)sqlite3_column_text(st, 0));
		if (!same && (want.len == 0 || !names_alike(&want, &have)))
			continue;
		out[*n].name = db_col(req, st, 0);
		out[*n].slug = db_col(req, st, 1);
		out[*n].github = db_col(req, st, 2);
		out[*n].same_github = same;
		(*n)++;
	}
	buf_release(&want);
	buf_release(&have);
	return db_done(st, *n == LOOKALIKES_MAX ? SQLITE_DONE : rc, "people alike");
}

static const char insert_sql[] = "INSERT INTO people(name, slug) VALUES (?1, ?2)";

enum model_status
person_insert(struct sqlite3 *db, struct request *req, const char *name, long long *id)
{
	struct buf slug = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (slug_unique(db, "people", name, &slug) == -1 || (st = db_stmt(db, insert_sql)) == NULL) {
		buf_release(&slug);
		return db_failed(db, SQLITE_ERROR, "new person");
	}
	db_bind_text(st, 1, name);
	sqlite3_bind_text(st, 2, slug.data, (int)slug.len, SQLITE_TRANSIENT);
	buf_release(&slug);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		return db_done(st, rc, "new person");
	*id = sqlite3_last_insert_rowid(db);
	sqlite3_reset(st);
	return audit_write(db, req, "person", *id, "create", NULL, NULL);
}
