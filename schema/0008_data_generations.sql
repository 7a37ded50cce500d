-- 0008_data_generations.sql: a generation per kind of record, bumped in the same transaction as
-- every write to it, so that a page's ETag, Last-Modified and cached copy depend only on the kinds
-- it shows. Kept in the database, it survives restarts and is the same for every worker and for
-- every process writing (the command line, sqlite3). app/model/generation.c reads it.

CREATE TABLE data_generations (
	kind		TEXT PRIMARY KEY,
	generation	INTEGER NOT NULL DEFAULT 0,
	changed_at	INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))	-- unix seconds
) WITHOUT ROWID;

-- Which database this is: a random number of the database's own, in the ETags with the
-- generations, so that another database (a restored copy, a fresh one) that reaches the same
-- generations does not answer 304 for pages it never served.
INSERT INTO data_generations(kind, generation) VALUES ('database', abs(random() % 4294967296));
INSERT INTO data_generations(kind) VALUES ('organizations'), ('people'), ('affiliations'),
	('events'), ('sessions'), ('bodies'), ('projects'), ('accounts'), ('imports');

-- While a schedule import holds its transaction (fts_deferred has its row, 0005), the tables it
-- writes by the thousand are not bumped row by row, which cost a tenth of an import: the first
-- write to each of their kinds notes the kind here, and when the import deletes fts_deferred's
-- row before it commits, each kind noted is bumped once, in the same transaction. An import that
-- changes no session leaves the session pages cached. Like fts_deferred, the table holds rows
-- only inside an import's transaction.
CREATE TABLE data_written (
	kind		TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TRIGGER fts_deferred_gen AFTER DELETE ON fts_deferred BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind IN (SELECT kind FROM data_written);
	DELETE FROM data_written;
END;

-- One trigger per table and statement kind, naming the kind it bumps (generation.c maps tables
-- to kinds the same way; test_route_deps checks that a write to each bumps its kind alone).

-- The tables an import writes in bulk: bumped row by row outside an import, noted inside one.

CREATE TRIGGER organizations_gen_i AFTER INSERT ON organizations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'organizations';
END;
CREATE TRIGGER organizations_gen_u AFTER UPDATE ON organizations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'organizations';
END;
CREATE TRIGGER organizations_gen_d AFTER DELETE ON organizations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'organizations';
END;
CREATE TRIGGER organizations_noted_i AFTER INSERT ON organizations
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'organizations')
BEGIN
	INSERT INTO data_written VALUES ('organizations');
END;
CREATE TRIGGER organizations_noted_u AFTER UPDATE ON organizations
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'organizations')
BEGIN
	INSERT INTO data_written VALUES ('organizations');
END;
CREATE TRIGGER organizations_noted_d AFTER DELETE ON organizations
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'organizations')
BEGIN
	INSERT INTO data_written VALUES ('organizations');
END;

CREATE TRIGGER people_gen_i AFTER INSERT ON people
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'people';
END;
CREATE TRIGGER people_gen_u AFTER UPDATE ON people
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'people';
END;
CREATE TRIGGER people_gen_d AFTER DELETE ON people
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'people';
END;
CREATE TRIGGER people_noted_i AFTER INSERT ON people
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'people')
BEGIN
	INSERT INTO data_written VALUES ('people');
END;
CREATE TRIGGER people_noted_u AFTER UPDATE ON people
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'people')
BEGIN
	INSERT INTO data_written VALUES ('people');
END;
CREATE TRIGGER people_noted_d AFTER DELETE ON people
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'people')
BEGIN
	INSERT INTO data_written VALUES ('people');
END;

CREATE TRIGGER events_gen_i AFTER INSERT ON events
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'events';
END;
CREATE TRIGGER events_gen_u AFTER UPDATE ON events
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'events';
END;
CREATE TRIGGER events_gen_d AFTER DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'events';
END;
CREATE TRIGGER events_noted_i AFTER INSERT ON events
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'events')
BEGIN
	INSERT INTO data_written VALUES ('events');
END;
CREATE TRIGGER events_noted_u AFTER UPDATE ON events
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'events')
BEGIN
	INSERT INTO data_written VALUES ('events');
END;
CREATE TRIGGER events_noted_d AFTER DELETE ON events
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'events')
BEGIN
	INSERT INTO data_written VALUES ('events');
END;

-- A session and who spoke in it are one kind: every page that shows one shows the other.
CREATE TRIGGER sessions_gen_i AFTER INSERT ON sessions
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'sessions';
END;
CREATE TRIGGER sessions_gen_u AFTER UPDATE ON sessions
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'sessions';
END;
CREATE TRIGGER sessions_gen_d AFTER DELETE ON sessions
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'sessions';
END;
CREATE TRIGGER sessions_noted_i AFTER INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'sessions')
BEGIN
	INSERT INTO data_written VALUES ('sessions');
END;
CREATE TRIGGER sessions_noted_u AFTER UPDATE ON sessions
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'sessions')
BEGIN
	INSERT INTO data_written VALUES ('sessions');
END;
CREATE TRIGGER sessions_noted_d AFTER DELETE ON sessions
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'sessions')
BEGIN
	INSERT INTO data_written VALUES ('sessions');
END;

CREATE TRIGGER appearances_gen_i AFTER INSERT ON appearances
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'sessions';
END;
CREATE TRIGGER appearances_gen_u AFTER UPDATE ON appearances
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'sessions';
END;
CREATE TRIGGER appearances_gen_d AFTER DELETE ON appearances
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'sessions';
END;
CREATE TRIGGER appearances_noted_i AFTER INSERT ON appearances
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'sessions')
BEGIN
	INSERT INTO data_written VALUES ('sessions');
END;
CREATE TRIGGER appearances_noted_u AFTER UPDATE ON appearances
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'sessions')
BEGIN
	INSERT INTO data_written VALUES ('sessions');
END;
CREATE TRIGGER appearances_noted_d AFTER DELETE ON appearances
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'sessions')
BEGIN
	INSERT INTO data_written VALUES ('sessions');
END;

-- Imports: the runs, and the source keys schedule.xml exports as guids.
CREATE TRIGGER source_keys_gen_i AFTER INSERT ON source_keys
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'imports';
END;
CREATE TRIGGER source_keys_gen_u AFTER UPDATE ON source_keys
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'imports';
END;
CREATE TRIGGER source_keys_gen_d AFTER DELETE ON source_keys
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'imports';
END;
CREATE TRIGGER source_keys_noted_i AFTER INSERT ON source_keys
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'imports')
BEGIN
	INSERT INTO data_written VALUES ('imports');
END;
CREATE TRIGGER source_keys_noted_u AFTER UPDATE ON source_keys
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'imports')
BEGIN
	INSERT INTO data_written VALUES ('imports');
END;
CREATE TRIGGER source_keys_noted_d AFTER DELETE ON source_keys
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'imports')
BEGIN
	INSERT INTO data_written VALUES ('imports');
END;

CREATE TRIGGER import_runs_gen_i AFTER INSERT ON import_runs
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'imports';
END;
CREATE TRIGGER import_runs_gen_u AFTER UPDATE ON import_runs
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'imports';
END;
CREATE TRIGGER import_runs_gen_d AFTER DELETE ON import_runs
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'imports';
END;
CREATE TRIGGER import_runs_noted_i AFTER INSERT ON import_runs
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'imports')
BEGIN
	INSERT INTO data_written VALUES ('imports');
END;
CREATE TRIGGER import_runs_noted_u AFTER UPDATE ON import_runs
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'imports')
BEGIN
	INSERT INTO data_written VALUES ('imports');
END;
CREATE TRIGGER import_runs_noted_d AFTER DELETE ON import_runs
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'imports')
BEGIN
	INSERT INTO data_written VALUES ('imports');
END;

-- The other tables: bumped row by row always.

CREATE TRIGGER affiliations_gen_i AFTER INSERT ON affiliations BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'affiliations';
END;
CREATE TRIGGER affiliations_gen_u AFTER UPDATE ON affiliations BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'affiliations';
END;
CREATE TRIGGER affiliations_gen_d AFTER DELETE ON affiliations BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'affiliations';
END;

-- Bodies and the roles and seats held in them are one kind too.
CREATE TRIGGER bodies_gen_i AFTER INSERT ON bodies BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'bodies';
END;
CREATE TRIGGER bodies_gen_u AFTER UPDATE ON bodies BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'bodies';
END;
CREATE TRIGGER bodies_gen_d AFTER DELETE ON bodies BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'bodies';
END;

CREATE TRIGGER roles_gen_i AFTER INSERT ON roles BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'bodies';
END;
CREATE TRIGGER roles_gen_u AFTER UPDATE ON roles BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'bodies';
END;
CREATE TRIGGER roles_gen_d AFTER DELETE ON roles BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'bodies';
END;

CREATE TRIGGER projects_gen_i AFTER INSERT ON projects BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'projects';
END;
CREATE TRIGGER projects_gen_u AFTER UPDATE ON projects BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'projects';
END;
CREATE TRIGGER projects_gen_d AFTER DELETE ON projects BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'projects';
END;

-- Accounts: no anonymous page shows one, so a new user or a changed role leaves them cached.
CREATE TRIGGER users_gen_i AFTER INSERT ON users BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'accounts';
END;
CREATE TRIGGER users_gen_u AFTER UPDATE ON users BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'accounts';
END;
CREATE TRIGGER users_gen_d AFTER DELETE ON users BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'accounts';
END;
