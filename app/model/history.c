/* history.c: the audit trail's listing (see history.h); restoring is restore.c's. */
#include <string.h>

#include "model/db.h"
#include "model/history.h"

/* ?1 user login, ?2 kind, ?3 from date, ?4 to date, ?5 record id (0: all), ?6 limit, ?7 offset.
 * The changed fields come packed "field US before US after RS ..." (US = char(31), RS = char(30)). */
static const char list_sql[] =
	"SELECT a.id, a.at, coalesce(a.user_login, '(command line)'), a.kind, a.record_id, a.action,"
	" a.undone_by IS NOT NULL, (SELECT group_concat(k || char(31) || coalesce(b, '') || char(31) || coalesce(v, ''), char(30))"
	"  FROM (SELECT key AS k, json_extract(a.before, '$.' || key) AS b, json_extract(a.after, '$.' || key) AS v"
	"  FROM (SELECT key FROM json_each(coalesce(a.after, '{}')) UNION SELECT key FROM json_each(coalesce(a.before, '{}')))"
	"  WHERE key NOT IN ('version', 'updated_at', 'created_at')"
	"  AND json_extract(a.before, '$.' || key) IS NOT json_extract(a.after, '$.' || key))),"
	" a.before IS NOT NULL"
	" FROM audit a WHERE (?1 IS NULL OR a.user_login = ?1) AND (?2 IS NULL OR a.kind = ?2)"
	" AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < date(?4, '+1 day'))"
	" AND (?5 = 0 OR a.record_id = ?5) ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static void
unpack_changes(struct request *req, const char *p, struct history_entry *e)
{
	size_t cap = 0;

	while (p && *p) {
		size_t n = strcspn(p, "\x1e");
		const char *u1 = memchr(p, '\x1f', n), *u2 = NULL;

		if (u1)
			u2 = memchr(u1 + 1, '\x1f', n - (size_t)(u1 + 1 - p));
		if (u2) {
			struct field_change *c;

			e->changes = req_grow(req, e->changes, e->n_changes, &cap, sizeof(*c));
			c = &e->changes[e->n_changes++];
			c->field = req_strndup(req, p, (size_t)(u1 - p));
			c->before = req_strndup(req, u1 + 1, (size_t)(u2 - u1 - 1));
			c->after = req_strndup(req, u2 + 1, (size_t)(p + n - u2 - 1));
		}
		p += n;
		if (*p)
			p++;
	}
}

static void
changes(struct request *req, sqlite3_stmt *st, void *row)
{
	unpack_changes(req, (const char *)sqlite3_column_text(st, 7), row);
}

#define E(type, field)	COL(type, struct history_entry, field)
static const struct column entry_cols[] = {
	E(LONG, id), E(TEXT, at), E(TEXT, who), E(TEXT, kind), E(LONG, record_id), E(TEXT, action),
	E(INT, undone), COL_PASS, E(INT, has_before),
};
static const struct row_type entry_row = ROW_TYPE(struct history_entry, entry_cols, changes, "history");

enum model_status
history_list(struct request *req, const struct history_filter *f, long long offset, int limit,
    struct history_entry **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, f->user);
	db_bind_text(st, 2, f->kind);
	db_bind_text(st, 3, f->from);
	db_bind_text(st, 4, f->to);
	sqlite3_bind_int64(st, 5, f->record);
	sqlite3_bind_int(st, 6, limit);
	sqlite3_bind_int64(st, 7, offset);
	*out = db_rows(req, st, &entry_row, n, &ms);
	return ms;
}
