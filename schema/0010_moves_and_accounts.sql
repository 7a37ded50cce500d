-- 0010_moves_and_accounts.sql: addresses that moved, password-reset links, and accounts whose
-- changes are kept like every other record's.

-- The old slug of a record merged into another or renamed: a GET of its old address is
-- answered 301 to the record's address now. Keyed by the record, not the slug it moved to, so a
-- second rename or merge needs no chain: the record's slug is read when the redirect is.
CREATE TABLE slug_redirects (
	kind		TEXT NOT NULL CHECK (kind IN ('organization', 'person', 'event', 'body', 'project')),
	old_slug	TEXT NOT NULL CHECK (old_slug <> '' AND old_slug NOT GLOB '*[^a-z0-9-]*'),
	record_id	INTEGER NOT NULL,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (kind, old_slug)
) WITHOUT ROWID;
CREATE INDEX slug_redirects_record ON slug_redirects(kind, record_id);

-- A password-reset link an admin made for a user: only the BLAKE2b hash of its token is kept,
-- it works once (the row goes when it is used) and until expires_at (unix seconds).
CREATE TABLE password_resets (
	token_hash	BLOB PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	made_by		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL,
	expires_at	INTEGER NOT NULL CHECK (expires_at > created_at)
) WITHOUT ROWID;
CREATE INDEX password_resets_user ON password_resets(user_id);

-- When the password was last set (by its owner, a reset link or the command line), for the
-- account's history: the hash itself is never in a snapshot.
ALTER TABLE users ADD COLUMN password_set_at TEXT;

-- A disabled account has no login and no reset link, whoever disables it (the admin page, the
-- command line, a restore from the history).
CREATE TRIGGER users_disabled_ends_logins AFTER UPDATE OF disabled ON users WHEN new.disabled = 1
BEGIN
	DELETE FROM logins WHERE user_id = new.id;
	DELETE FROM password_resets WHERE user_id = new.id;
END;
