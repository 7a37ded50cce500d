-- 0003_accounts.sql: users, their logins (cookie tokens, stored hashed), login throttling, and the audit trail.

CREATE TABLE users (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE COLLATE NOCASE
			CHECK (length(login) BETWEEN 2 AND 64 AND login NOT GLOB '*[^A-Za-z0-9._-]*'),
	display_name	TEXT NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 200),
	email		TEXT,
	role		TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'member')),
	person_id	INTEGER REFERENCES people(id) ON DELETE SET NULL,
	org_id		INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
	password_hash	TEXT NOT NULL,		-- crypto_pwhash_str (argon2id)
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	last_login	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A login: the cookie holds a random 256-bit token; only its BLAKE2b hash is kept here.
CREATE TABLE logins (
	token_hash	BLOB PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf_token	TEXT NOT NULL,
	address		TEXT,
	created_at	INTEGER NOT NULL,	-- unix seconds
	last_used	INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX logins_user ON logins(user_id);

-- Failed attempts, by account and by address, for throttling with growing delays.
CREATE TABLE login_failures (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL COLLATE NOCASE,
	address		TEXT NOT NULL,
	at		INTEGER NOT NULL	-- unix seconds
);
CREATE INDEX login_failures_login ON login_failures(login, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

-- Every create, update, delete, merge and restore, written in the same transaction as the change.
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user_id		INTEGER REFERENCES users(id) ON DELETE SET NULL,
	user_login	TEXT,			-- kept when the user goes
	kind		TEXT NOT NULL,		-- organization, person, event, session, ...
	record_id	INTEGER NOT NULL,
	action		TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'merge', 'restore',
			'unmerge')),
	before		TEXT CHECK (before IS NULL OR json_valid(before)),
	after		TEXT CHECK (after IS NULL OR json_valid(after)),
	undone_by	INTEGER REFERENCES audit(id)
);
CREATE INDEX audit_record ON audit(kind, record_id, id);
CREATE INDEX audit_user ON audit(user_id, id);
