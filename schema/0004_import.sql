-- 0004_import.sql: schedule imports: each run, and the keys by which a source's records are found again.

CREATE TABLE import_runs (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user_login	TEXT,			-- NULL from the command line
	file_name	TEXT NOT NULL,
	sha256		TEXT NOT NULL,
	event_id	INTEGER REFERENCES events(id) ON DELETE SET NULL,
	counts		TEXT NOT NULL CHECK (json_valid(counts))
);

-- A record as a source knows it: (source, kind, key) -> local id, with the values last
-- imported, so a later import can tell a hand edit (a conflict) from a change at the source.
CREATE TABLE source_keys (
	source		TEXT NOT NULL,		-- "event:<id>": keys are scoped to the conference
	kind		TEXT NOT NULL CHECK (kind IN ('event', 'session', 'person')),
	key		TEXT NOT NULL,
	local_id	INTEGER NOT NULL,
	imported	TEXT CHECK (imported IS NULL OR json_valid(imported)),
	run_id		INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
	PRIMARY KEY (source, kind, key)
) WITHOUT ROWID;
CREATE INDEX source_keys_local ON source_keys(kind, local_id);

-- An upload waiting between its preview and the staff member's confirmation.
CREATE TABLE import_uploads (
	token_hash	BLOB PRIMARY KEY,	-- BLAKE2b of the random token in the confirm form
	user_id		INTEGER REFERENCES users(id) ON DELETE CASCADE,
	file_name	TEXT NOT NULL,
	event_slug	TEXT,
	tz		TEXT,
	data		BLOB NOT NULL,
	created_at	INTEGER NOT NULL	-- unix seconds; older than a day is dropped
) WITHOUT ROWID;

-- What each run changed, in order, so that undoing it restores exactly that.
CREATE TABLE import_changes (
	run_id		INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
	seq		INTEGER NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('event', 'session', 'person', 'organization')),
	local_id	INTEGER NOT NULL,
	action		TEXT NOT NULL CHECK (action IN ('create', 'update', 'cancel')),
	before		TEXT CHECK (before IS NULL OR json_valid(before)),	-- the session as it was
	source_key	TEXT,		-- its key in source_keys ...
	key_before	TEXT,		-- ... and what was recorded as imported there before
	PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
ALTER TABLE import_runs ADD COLUMN undone_at TEXT;
