/* user.c: accounts in the database: creating a user with a policy-checked, hashed password. */
#include <sodium.h>

#include "core/log.h"
#include "core/password.h"
#include "core/request.h"
#include "model/db.h"
#include "model/user.h"

static long long
id_of(sqlite3 *db, const char *table_sql, const char *slug)
{
	sqlite3_stmt *st;

	if (slug == NULL)
		return 0;
	if ((st = db_stmt(db, table_sql)) == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	return db_one_int(st, -1);
}

int
user_create(sqlite3 *db, const char *login, const char *name, const char *email, const char *role,
    const char *person, const char *org, const char *pw)
{
	static const char person_sql[] = "SELECT id FROM people WHERE slug = ?1";
	static const char org_sql[] = "SELECT id FROM organizations WHERE slug = ?1";
	static const char add_sql[] =
	    "INSERT INTO users(login, display_name, email, role, person_id, org_id, password_hash)"
	    " VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(?6, 0), ?7)";
	char hash[crypto_pwhash_STRBYTES];
	long long pid = id_of(db, person_sql, person), oid = id_of(db, org_sql, org);
	const char *why;
	sqlite3_stmt *st;
	int rc;

	if (role_of(role) == ROLE_NONE)
		return log_err("role must be admin, staff or member");
	if (pid < 0)
		return log_err("no person with the slug %s", person);
	if (oid < 0)
		return log_err("no organization with the slug %s", org);
	if (password_check_policy(pw, login, &why) == -1)
		return log_err("the password %s", why);
	if (password_hash(pw, hash) == -1)
		return log_err("cannot hash the password (out of memory)");
	if ((st = db_stmt(db, add_sql)) == NULL)
		return -1;
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, name ? name : login);
	db_bind_text(st, 3, email);
	db_bind_text(st, 4, role);
	sqlite3_bind_int64(st, 5, pid);
	sqlite3_bind_int64(st, 6, oid);
	sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return log_err("cannot add %s: %s", login, rc == SQLITE_CONSTRAINT ?
		    "that login exists or is not letters, digits, . _ -" : sqlite3_errmsg(db));
	return 0;
}

