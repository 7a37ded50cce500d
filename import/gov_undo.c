/*
 * gov_undo.c: the rows' states a governance run records (gov_row_state), and undoing its
 * changes from them (undo.h). A row whose state is no longer the one the run left was changed
 * since, by hand or otherwise: it is kept as it is and listed, never overwritten. A row put back
 * gets its version back too, so that the run before can be undone in turn (and a form opened on
 * that version may be saved against it again).
 */
#include <sqlite3.h>
#include <string.h>

#include "import/gov_store.h"
#include "import/undo.h"
#include "model/audit.h"
#include "model/db.h"
#include "model/record.h"

static const struct {
	const char	*kind;
	const char	*state_sql;	/* the state compared, ?1 = id */
	const char	*restore_sql;	/* the state put back, ?1 = id, ?2 = the state */
	const char	*delete_sql;	/* a row the run made; NULL: not deleted here */
	const char	*unused_sql;	/* 1 when nothing else refers to it (NULL: always) */
} kinds[] = {
	{ "role",
	  "SELECT json_object('person_id', person_id, 'body_id', body_id, 'role', role, 'seat_type', seat_type,"
	  " 'org_id', org_id, 'starts_on', starts_on, 'ends_on', ends_on, 'notes', notes, 'source', source,"
	  " 'version', version) FROM roles WHERE id = ?1",
	  "UPDATE roles SET seat_type = json_extract(?2, '$.seat_type'), org_id = json_extract(?2, '$.org_id'),"
	  " starts_on = json_extract(?2, '$.starts_on'), ends_on = json_extract(?2, '$.ends_on'),"
	  " notes = json_extract(?2, '$.notes'), source = json_extract(?2, '$.source'),"
	  " version = json_extract(?2, '$.version'), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
	  "DELETE FROM roles WHERE id = ?1", NULL },
	{ "body",
	  "SELECT json_object('name', name, 'slug', slug, 'kind', kind, 'parent_id', parent_id, 'url', url,"
	  " 'description', description, 'source', source, 'version', version) FROM bodies WHERE id = ?1",
	  "UPDATE bodies SET name = json_extract(?2, '$.name'), kind = json_extract(?2, '$.kind'),"
	  " parent_id = json_extract(?2, '$.parent_id'), url = json_extract(?2, '$.url'),"
	  " description = json_extract(?2, '$.description'), source = json_extract(?2, '$.source'),"
	  " version = json_extract(?2, '$.version'), updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
	  "DELETE FROM bodies WHERE id = ?1",
	  "SELECT NOT EXISTS (SELECT 1 FROM roles WHERE body_id = ?1)"
	  " AND NOT EXISTS (SELECT 1 FROM bodies WHERE parent_id = ?1)" },
	{ "affiliation",
	  "SELECT json_object('person_id', person_id, 'org_id', org_id, 'title', title, 'since', since,"
	  " 'until', until, 'source', source, 'version', version) FROM affiliations WHERE id = ?1",
	  "INSERT INTO affiliations(id, person_id, org_id, title, since, until, source) VALUES (CASE WHEN"
	  " EXISTS (SELECT 1 FROM affiliations WHERE id = ?1) THEN NULL ELSE ?1 END, json_extract(?2, '$.person_id'),"
	  " json_extract(?2, '$.org_id'), json_extract(?2, '$.title'), json_extract(?2, '$.since'),"
	  " json_extract(?2, '$.until'), json_extract(?2, '$.source'))",
	  "DELETE FROM affiliations WHERE id = ?1", NULL },
	{ "person",
	  "SELECT json_object('name', name, 'github', github, 'email', email, 'version', version)"
	  " FROM people WHERE id = ?1",
	  "UPDATE people SET name = json_extract(?2, '$.name'), github = json_extract(?2, '$.github'),"
	  " email = json_extract(?2, '$.email'), version = json_extract(?2, '$.version'),"
	  " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
	  NULL, NULL },
	{ "appearance",
	  "SELECT json_object('org_id', org_id) FROM appearances WHERE id = ?1",
	  "UPDATE appearances SET org_id = json_extract(?2, '$.org_id') WHERE id = ?1",
	  NULL, NULL },
};
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

static int
kind_of(const char *kind)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

int
gov_row_state(sqlite3 *db, const char *kind, long long id, struct buf *out)
{
	int k = kind_of(kind);
	sqlite3_stmt *st = k < 0 ? NULL : db_stmt(db, kinds[k].state_sql);
	int rc;

	buf_reset(out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	/* No row is a state too: the row is gone. */
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_append(out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
gov_undoes(const char *kind, const char *action)
{
	/* A person the run made is undone as a schedule's are (undo.c): deleted when unused. */
	return kind_of(kind) >= 0 && (strcmp(kind, "person") != 0 || strcmp(action, "update") == 0);
}

static int
unused(sqlite3 *db, int k, long long id)
{
	sqlite3_stmt *st;

	if (kinds[k].unused_sql == NULL)
		return 1;
	if ((st = db_stmt(db, kinds[k].unused_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return (int)db_one_int(st, -1);
}

/* The row back as before, written to the history (a kind the history knows). */
static int
put_back(struct undo *u, int k, long long id, const char *before)
{
	struct buf was = BUF_INIT;
	int history = record_kind_by_name(kinds[k].kind) != NULL;	/* not an appearance */
	int rc = history ? undo_snapshot(u->db, kinds[k].kind, id, &was) : 0;

	if (rc == 0)
		rc = undo_step(u->db, kinds[k].restore_sql, id, before, NULL);
	if (rc == 0 && was.len && audit_write(u->db, u->req, kinds[k].kind, id, "update", was.data, NULL) != MODEL_OK)
		rc = -1;
	buf_release(&was);
	return rc;
}

/* A deleted row made again (its id if free), written to the history. */
static int
recreate(struct undo *u, int k, long long id, const char *before)
{
	struct buf now = BUF_INIT;
	long long made;
	int rc = undo_step(u->db, kinds[k].restore_sql, id, before, NULL);

	if (rc == 0) {
		made = sqlite3_last_insert_rowid(u->db);
		rc = undo_snapshot(u->db, kinds[k].kind, made, &now) == 0 &&
		    audit_insert(u->db, u->req, kinds[k].kind, made, "create", NULL, now.len ? now.data : NULL) ==
		    MODEL_OK ? 0 : -1;
	}
	buf_release(&now);
	return rc;
}

int
gov_undo_one(struct undo *u, const char *kind, long long id, const char *action, const char *before,
    const char *after)
{
	struct buf now = BUF_INIT;
	int k = kind_of(kind), rc = gov_row_state(u->db, kind, id, &now), use;

	if (rc == -1)
		goto out;
	if (strcmp(action, "delete") == 0)
		rc = now.len ? 0 : recreate(u, k, id, before);
	else if (now.len == 0)
		rc = 0;		/* gone since: nothing to undo */
	else if (after == NULL || strcmp(now.data, after) != 0)
		buf_appendf(u->kept, "kept: %s %lld was changed after the import\n", kind, id);
	else if (strcmp(action, "update") == 0)
		rc = put_back(u, k, id, before);
	else if ((use = unused(u->db, k, id)) == 1)
		rc = undo_delete_recorded(u, kind, id, kinds[k].delete_sql);
	else if (use == 0)
		buf_appendf(u->kept, "kept: %s %lld is referred to by records made since the import\n", kind, id);
	else
		rc = -1;
out:
	buf_release(&now);
	return rc;
}
