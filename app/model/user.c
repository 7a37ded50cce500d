/* user.c: accounts in the database: creating users with policy-checked, hashed passwords, roles, state. */
#include <sodium.h>
#include <string.h>

#include "core/log.h"
#include "core/password.h"
#include "model/audit.h"
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

/* One change of an account: by id or by login, what to set, and who asks (NULL: the command line). */
struct change {
	long long		 id;
	const char		*login;
	const char		*role;		/* NULL: keep */
	int			 disabled;	/* -1: keep */
	const char		*hash;		/* NULL: keep */
	struct request		*req;
	const unsigned char	*keep;		/* a new password: the login (token hash) that stays */
	size_t			 keep_len;
};

/* Runs sql on the change's user (?1 id, ?2 login, ?3 role, ?4 disabled, ?5 hash, ?6 the login kept). */
static enum model_status
exec_change(sqlite3 *db, const char *sql, const struct change *c)
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
	if (c->keep)
		sqlite3_bind_blob(st, 6, c->keep, (int)c->keep_len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	rc = sqlite3_step(st);
	return db_done(st, rc, "account");
}

/* The account as its history keeps it (never the password's hash, only when it was set), and
 * its id: *id 0 when there is none. */
static enum model_status
user_state(sqlite3 *db, const struct change *c, long long *id, struct buf *json)
{
	static const char sql[] =
	    "SELECT id, json_object('login', login, 'display_name', display_name, 'role', role,"
	    " 'disabled', disabled, 'person_id', person_id, 'org_id', org_id, 'password_set_at', password_set_at,"
	    " 'reset_link_until', (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', max(expires_at), 'unixepoch')"
	    " FROM password_resets WHERE user_id = users.id), 'version', version)"
	    " FROM users WHERE id = ?1 OR login = ?2";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	*id = 0;
	if (st == NULL)
		return db_failed(db, 0, "account");
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, c->login);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		buf_puts(json, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MODEL_OK : db_failed(db, rc, "account");
}

static enum model_status
change_in(sqlite3 *db, void *arg)
{
	/* The user is named by id (?1) or by login (?2); what is not set keeps its value. */
	static const char update_sql[] =
	    "UPDATE users SET role = coalesce(?3, role), disabled = CASE WHEN ?4 < 0 THEN disabled ELSE ?4 END,"
	    " password_hash = coalesce(?5, password_hash), version = version + 1,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), password_set_at = CASE WHEN ?5 IS NULL"
	    " THEN password_set_at ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END"
	    " WHERE id = ?1 OR login = ?2";
	/* Disabling, or a new password, ends every login the user has (but the one kept) and
	 * every reset link (the trigger of 0010 does it for disabling). */
	static const char drop_sql[] =
	    "DELETE FROM logins WHERE user_id IN (SELECT id FROM users WHERE id = ?1 OR login = ?2)"
	    " AND (?4 = 1 OR ?5 IS NOT NULL) AND token_hash IS NOT ?6";
	static const char resets_sql[] =
	    "DELETE FROM password_resets WHERE user_id IN (SELECT id FROM users WHERE id = ?1 OR login = ?2)"
	    " AND ?5 IS NOT NULL";
	const struct change *c = arg;
	struct buf before = BUF_INIT, after = BUF_INIT;
	enum model_status ms;
	long long id;

	if ((ms = user_state(db, c, &id, &before)) == MODEL_OK && id == 0)
		ms = MODEL_NOT_FOUND;
	if (ms == MODEL_OK && (ms = exec_change(db, update_sql, c)) == MODEL_OK &&
	    (ms = exec_change(db, drop_sql, c)) == MODEL_OK &&
	    (ms = exec_change(db, resets_sql, c)) == MODEL_OK &&
	    (ms = user_state(db, c, &id, &after)) == MODEL_OK)
		ms = audit_insert(db, c->req, "user", id, "update", before.data, after.data);
	buf_release(&before);
	buf_release(&after);
	return ms;
}

enum model_status
user_update(struct request *req, long long id, const char *role, int disabled)
{
	struct change c = { id, NULL, role, disabled != 0, NULL, req, NULL, 0 };

	return db_transaction(db_thread(), change_in, &c);
}

enum model_status
user_set_disabled(const char *login, int disabled)
{
	struct change c = { 0, login, NULL, disabled != 0, NULL, NULL, NULL, 0 };

	return db_transaction(db_thread(), change_in, &c);
}

enum model_status
user_set_password(const char *login, const char *hash)
{
	struct change c = { 0, login, NULL, -1, hash, NULL, NULL, 0 };

	return db_transaction(db_thread(), change_in, &c);
}

enum model_status
user_change_password(struct request *req, const char *hash, const unsigned char *keep, size_t keep_len)
{
	struct change c = { req->user->id, NULL, NULL, -1, hash, req, keep, keep_len };

	return db_transaction(db_thread(), change_in, &c);
}

struct reset {
	struct request		*req;
	long long		 user, now, expires;
	const unsigned char	*token_hash;
	size_t			 len;
	const char		*password_hash;	/* its use: the new password */
};

/* The link's row, and the account's state before and after in its history. */
static enum model_status
reset_add_in(sqlite3 *db, void *arg)
{
	static const char sql[] = "INSERT INTO password_resets(token_hash, user_id, made_by, created_at, expires_at)"
	    " SELECT ?1, id, ?3, ?4, ?5 FROM users WHERE id = ?2 AND disabled = 0";
	const struct reset *r = arg;
	struct change c = { r->user, NULL, NULL, -1, NULL, r->req, NULL, 0 };
	struct buf before = BUF_INIT, after = BUF_INIT;
	sqlite3_stmt *st = db_stmt(db, sql);
	enum model_status ms;
	long long id;

	if (st == NULL)
		return db_failed(db, 0, "reset link");
	if ((ms = user_state(db, &c, &id, &before)) != MODEL_OK)
		goto out;
	sqlite3_bind_blob(st, 1, r->token_hash, (int)r->len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->user);
	sqlite3_bind_int64(st, 3, r->req->user->id);
	sqlite3_bind_int64(st, 4, r->now);
	sqlite3_bind_int64(st, 5, r->expires);
	if ((ms = db_done(st, sqlite3_step(st), "reset link")) != MODEL_OK)
		goto out;
	if (sqlite3_changes(db) == 0)
		ms = MODEL_NOT_FOUND;
	else if ((ms = user_state(db, &c, &id, &after)) == MODEL_OK)
		ms = audit_insert(db, r->req, "user", id, "update", before.data, after.data);
out:
	buf_release(&before);
	buf_release(&after);
	return ms;
}

enum model_status
user_reset_add(struct request *req, long long user, const unsigned char *token_hash, size_t len, long long now,
    long long expires)
{
	struct reset r = { req, user, now, expires, token_hash, len, NULL };

	return db_transaction(db_thread(), reset_add_in, &r);
}

/* The link's account, if the link is good: it sets the password (and ends the links and every
 * login), recorded as a change the account's owner made. */
static enum model_status
reset_use_in(sqlite3 *db, void *arg)
{
	static const char sql[] = "SELECT u.id, u.login FROM password_resets r JOIN users u ON u.id = r.user_id"
	    " WHERE r.token_hash = ?1 AND r.expires_at > ?2 AND u.disabled = 0";
	const struct reset *r = arg;
	sqlite3_stmt *st = db_stmt(db, sql);
	struct user *asking = r->req->user, owner = { 0 };
	struct change c = { 0, NULL, NULL, -1, r->password_hash, r->req, NULL, 0 };
	enum model_status ms;

	if (st == NULL)
		return db_failed(db, 0, "reset link");
	sqlite3_bind_blob(st, 1, r->token_hash, (int)r->len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->now);
	if ((ms = db_row(st, "reset link")) != MODEL_OK)
		return ms;
	c.id = owner.id = db_col_int(st, 0);
	owner.login = db_col(r->req, st, 1);
	sqlite3_reset(st);
	r->req->user = &owner;
	ms = change_in(db, &c);
	r->req->user = asking;
	return ms;
}

enum model_status
user_reset_use(struct request *req, const unsigned char *token_hash, size_t len, long long now,
    const char *password_hash)
{
	struct reset r = { req, 0, now, 0, token_hash, len, password_hash };

	return db_transaction(db_thread(), reset_use_in, &r);
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
