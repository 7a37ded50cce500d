/* user.c: accounts in the database: creating users with policy-checked, hashed passwords, roles, state. */
#include <sodium.h>
#include <string.h>

#include "core/log.h"
#include "core/password.h"
#include "model/db.h"
#include "model/user.h"

/* The id of slug in the table of sql; 0 for no slug; MODEL_INVALID (logged) when it names nothing. */
static enum model_status
id_of(sqlite3 *db, const char *sql, const char *what, const char *slug, long long *id)
{
	sqlite3_stmt *st;

	*id = 0;
	if (slug == NULL)
		return MODEL_OK;
	if ((st = db_stmt(db, sql)) == NULL)
		return db_failed(db, 0, "user");
	db_bind_text(st, 1, slug);
	if ((*id = db_one_int(st, 0)) == 0) {
		log_err("no %s with the slug %s", what, slug);
		return MODEL_INVALID;
	}
	return MODEL_OK;
}

static enum model_status
create_one(sqlite3 *db, const struct new_user *u)
{
	static const char add_sql[] =
	    "INSERT INTO users(login, display_name, email, role, person_id, org_id, password_hash)"
	    " VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(?6, 0), ?7)";
	char hash[crypto_pwhash_STRBYTES];
	long long pid, oid;
	const char *why;
	enum model_status ms;
	sqlite3_stmt *st;
	int rc;

	if (role_of(u->role) == ROLE_NONE)
		return log_err("role must be admin, staff or member"), MODEL_INVALID;
	if ((ms = id_of(db, "SELECT id FROM people WHERE slug = ?1", "person", u->person, &pid)) != MODEL_OK ||
	    (ms = id_of(db, "SELECT id FROM organizations WHERE slug = ?1", "organization", u->org, &oid)) != MODEL_OK)
		return ms;
	if (password_check_policy(u->password, u->login, &why) == -1)
		return log_err("the password %s", why), MODEL_INVALID;
	if (password_hash(u->password, hash) == -1)
		return log_err("cannot hash the password (out of memory)"), MODEL_UNAVAILABLE;
	if ((st = db_stmt(db, add_sql)) == NULL)
		return db_failed(db, 0, "user");
	db_bind_text(st, 1, u->login);
	db_bind_text(st, 2, u->name ? u->name : u->login);
	db_bind_text(st, 3, u->email);
	db_bind_text(st, 4, u->role);
	sqlite3_bind_int64(st, 5, pid);
	sqlite3_bind_int64(st, 6, oid);
	sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE && (rc & 0xff) == SQLITE_CONSTRAINT) {
		sqlite3_reset(st);
		log_err("cannot add %s: that login exists or is not letters, digits, . _ -", u->login);
		return MODEL_CONFLICT;
	}
	return db_done(st, rc, "cannot add the user");
}

struct batch {
	const struct new_user	*users;
	size_t			 n;
};

static enum model_status
create_in(sqlite3 *db, void *arg)
{
	struct batch *b = arg;
	enum model_status ms = MODEL_OK;

	for (size_t i = 0; i < b->n && ms == MODEL_OK; i++)
		ms = create_one(db, &b->users[i]);
	return ms;
}

enum model_status
users_create(const struct new_user *users, size_t n)
{
	struct batch b = { users, n };

	return db_transaction(db_thread(), create_in, &b);
}

static const char list_sql[] =
	"SELECT u.id, u.login, u.display_name, u.role, u.disabled, u.last_login, p.slug, o.slug"
	" FROM users u LEFT JOIN people p ON p.id = u.person_id"
	" LEFT JOIN organizations o ON o.id = u.org_id ORDER BY u.login";

#define U(type, field)	COL(type, struct user_item, field)
static const struct column user_cols[] = {
	U(LONG, id), U(TEXT, login), U(TEXT, display_name), U(TEXT, role), U(INT, disabled), U(TEXT, last_login),
	U(TEXT, person_slug), U(TEXT, org_slug),
};
static const struct row_type user_row = ROW_TYPE(struct user_item, user_cols, NULL, "users");

enum model_status
user_list(struct request *req, struct user_item **out, size_t *n)
{
	enum model_status ms;

	*out = db_rows_of(req, list_sql, 0, 0, 0, &user_row, n, &ms);
	return ms;
}

/* One change of an account: by id or by login, and what to set. */
struct change {
	long long	 id;
	const char	*login;
	const char	*role;		/* NULL: keep */
	int		 disabled;	/* -1: keep */
	const char	*hash;		/* NULL: keep */
};

/* Runs sql on the change's user (?1 id, ?2 login, ?3 role, ?4 disabled, ?5 hash); *changes: rows changed. */
static enum model_status
exec_change(sqlite3 *db, const char *sql, const struct change *c, int *changes)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return db_failed(db, 0, "account");
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, c->login);
	db_bind_text(st, 3, c->role);
	sqlite3_bind_int(st, 4, c->disabled);
	db_bind_text(st, 5, c->hash);
	rc = sqlite3_step(st);
	if (changes)
		*changes = sqlite3_changes(db);
	return db_done(st, rc, "account");
}

static enum model_status
change_in(sqlite3 *db, void *arg)
{
	/* The user is named by id (?1) or by login (?2); what is not set keeps its value. */
	static const char update_sql[] =
	    "UPDATE users SET role = coalesce(?3, role), disabled = CASE WHEN ?4 < 0 THEN disabled ELSE ?4 END,"
	    " password_hash = coalesce(?5, password_hash), version = version + 1,"
	    " updated_at = CASE WHEN ?5 IS NULL THEN updated_at ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END"
	    " WHERE id = ?1 OR login = ?2";
	/* Disabling, or a new password, ends every login the user has. */
	static const char drop_sql[] =
	    "DELETE FROM logins WHERE user_id IN (SELECT id FROM users WHERE id = ?1 OR login = ?2)"
	    " AND (?4 = 1 OR ?5 IS NOT NULL)";
	const struct change *c = arg;
	enum model_status ms;
	int changed = 0;

	if ((ms = exec_change(db, update_sql, c, &changed)) != MODEL_OK)
		return ms;
	if (changed == 0)
		return MODEL_NOT_FOUND;
	return exec_change(db, drop_sql, c, NULL);
}

enum model_status
user_update(long long id, const char *role, int disabled)
{
	struct change c = { id, NULL, role, disabled != 0, NULL };

	return db_transaction(db_thread(), change_in, &c);
}

enum model_status
user_set_disabled(const char *login, int disabled)
{
	struct change c = { 0, login, NULL, disabled != 0, NULL };

	return db_transaction(db_thread(), change_in, &c);
}

enum model_status
user_set_password(const char *login, const char *hash)
{
	struct change c = { 0, login, NULL, -1, hash };

	return db_transaction(db_thread(), change_in, &c);
}

static const char password_sql[] =
	"SELECT id, password_hash FROM users WHERE login = ?1 AND disabled = 0";

enum model_status
user_password(struct request *req, const char *login, long long *id, const char **hash)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*id = 0;
	*hash = NULL;
	if ((ms = db_query(password_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, login);
	if ((ms = db_row(st, "login")) != MODEL_OK)
		return ms;
	*id = db_col_int(st, 0);
	*hash = db_col(req, st, 1);
	sqlite3_reset(st);
	return MODEL_OK;
}

enum model_status
user_rehash(long long id, const char *hash)
{
	static const char sql[] = "UPDATE users SET password_hash = ?2 WHERE id = ?1";
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, hash);
	return db_done(st, sqlite3_step(st), "rehash");
}
