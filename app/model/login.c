/* login.c: the logins and failed tries tables (see login.h). */
#include <string.h>

#include "model/db.h"
#include "model/login.h"

static const char find_sql[] =
	"SELECT u.id, u.login, u.display_name, u.role, coalesce(u.person_id, 0), coalesce(u.org_id, 0),"
	" l.csrf_token, l.created_at, l.last_used FROM logins l JOIN users u ON u.id = l.user_id"
	" WHERE l.token_hash = ?1 AND u.disabled = 0";

static void
role(struct request *req, sqlite3_stmt *st, void *row)
{
	(void)req;
	((struct login *)row)->user.role = role_of((const char *)sqlite3_column_text(st, 3));
}

#define L(type, field)	COL(type, struct login, field)
static const struct column login_cols[] = {
	L(LONG, user.id), L(TEXT, user.login), L(TEXT, user.display_name), COL_PASS, L(LONG, user.person_id),
	L(LONG, user.org_id), L(TEXT, csrf), L(LONG, created), L(LONG, used),
};
static const struct row_type login_row = ROW_TYPE(struct login, login_cols, role, "login");

enum model_status
login_find(struct request *req, const unsigned char *hash, size_t len, struct login *l)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(l, 0, sizeof(*l));
	if ((ms = db_query(find_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_blob(st, 1, hash, (int)len, SQLITE_STATIC);
	if ((ms = db_row(st, "login")) != MODEL_OK)
		return ms;
	db_read(req, st, &login_row, l);
	sqlite3_reset(st);
	return MODEL_OK;
}

/* Runs a statement of the logins and failures tables: ?1 a blob or text, ?2 text, ?3 and ?4 integers. */
static enum model_status
run(const char *sql, const void *blob, size_t len, const char *text1, const char *text2, long long n1,
    long long n2)
{
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	if (blob)
		sqlite3_bind_blob(st, 1, blob, (int)len, SQLITE_STATIC);
	else
		db_bind_text(st, 1, text1);
	db_bind_text(st, 2, text2);
	sqlite3_bind_int64(st, 3, n1);
	sqlite3_bind_int64(st, 4, n2);
	return db_done(st, sqlite3_step(st), "logins");
}

enum model_status
login_touch(const unsigned char *hash, size_t len, long long now)
{
	static const char sql[] = "UPDATE logins SET last_used = ?3 WHERE token_hash = ?1";

	return run(sql, hash, len, NULL, NULL, now, 0);
}

enum model_status
login_forget(const unsigned char *hash, size_t len)
{
	static const char sql[] = "DELETE FROM logins WHERE token_hash = ?1";

	return run(sql, hash, len, NULL, NULL, 0, 0);
}

struct new_login {
	const unsigned char	*hash;
	size_t			 len;
	long long		 user, now;
	const char		*csrf, *address;
};

static enum model_status
add_in(sqlite3 *db, void *arg)
{
	static const char login_sql[] =
	    "INSERT INTO logins(token_hash, user_id, csrf_token, address, created_at, last_used)"
	    " VALUES (?1, ?3, ?2, ?5, ?4, ?4)";
	static const char last_sql[] =
	    "UPDATE users SET last_login = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?3";
	const struct new_login *l = arg;
	sqlite3_stmt *st;
	enum model_status ms;

	if ((st = db_stmt(db, login_sql)) == NULL)
		return db_failed(db, 0, "login");
	sqlite3_bind_blob(st, 1, l->hash, (int)l->len, SQLITE_STATIC);
	db_bind_text(st, 2, l->csrf);
	sqlite3_bind_int64(st, 3, l->user);
	sqlite3_bind_int64(st, 4, l->now);
	db_bind_text(st, 5, l->address);
	if ((ms = db_done(st, sqlite3_step(st), "login")) != MODEL_OK)
		return ms;
	return run(last_sql, NULL, 0, NULL, NULL, l->user, 0);
}

enum model_status
login_add(const unsigned char *hash, size_t len, long long user, const char *csrf, const char *address,
    long long now)
{
	struct new_login l = { hash, len, user, now, csrf, address };

	return db_transaction(db_thread(), add_in, &l);
}

static const char failures_sql[] =
	"SELECT (SELECT count(*) FROM login_failures WHERE login = ?1 AND at > ?3),"
	" (SELECT coalesce(max(at), 0) FROM login_failures WHERE login = ?1 AND at > ?3),"
	" (SELECT count(*) FROM login_failures WHERE address = ?2 AND at > ?3),"
	" (SELECT coalesce(max(at), 0) FROM login_failures WHERE address = ?2 AND at > ?3)";

enum model_status
login_failures(const char *login, const char *address, long long since, struct login_failures *f)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(f, 0, sizeof(*f));
	if ((ms = db_query(failures_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, address);
	sqlite3_bind_int64(st, 3, since);
	if ((ms = db_row(st, "failed logins")) != MODEL_OK)
		return ms;
	f->by_login = db_col_int(st, 0);
	f->last_by_login = db_col_int(st, 1);
	f->by_address = db_col_int(st, 2);
	f->last_by_address = db_col_int(st, 3);
	sqlite3_reset(st);
	return MODEL_OK;
}

enum model_status
login_failure_add(const char *login, const char *address, long long now)
{
	static const char sql[] = "INSERT INTO login_failures(login, address, at) VALUES (?1, ?2, ?3)";

	return run(sql, NULL, 0, login, address, now, 0);
}

enum model_status
login_failures_forget(const char *login, long long before)
{
	static const char sql[] = "DELETE FROM login_failures WHERE login = ?1 OR at < ?3";

	return run(sql, NULL, 0, login, NULL, before, 0);
}

/* ?1 the user, ?2 the hash of the request's own login. key: the first 8 bytes of the hash in hex,
 * enough to tell one's own logins apart and nothing a login could be made from. */
static const char list_sql[] =
	"SELECT hex(substr(token_hash, 1, 8)), address, created_at, last_used, token_hash = ?2"
	" FROM logins WHERE user_id = ?1 ORDER BY last_used DESC";

#define I(type, field)	COL(type, struct login_item, field)
static const struct column item_cols[] = {
	I(TEXT, key), I(TEXT, address), I(LONG, created), I(LONG, used), I(INT, current),
};
static const struct row_type item_row = ROW_TYPE(struct login_item, item_cols, NULL, "logins");

enum model_status
login_list(struct request *req, long long user, const unsigned char *own, size_t own_len,
    struct login_item **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, user);
	sqlite3_bind_blob(st, 2, own, (int)own_len, SQLITE_STATIC);
	*out = db_rows(req, st, &item_row, n, &ms);
	return ms;
}

enum model_status
login_end(long long user, const char *key)
{
	static const char sql[] = "DELETE FROM logins WHERE hex(substr(token_hash, 1, 8)) = ?2 AND user_id = ?3";

	return run(sql, NULL, 0, NULL, key, user, 0);
}
