-- 0009_governance.sql: governance and affiliation records imported from the files CNCF keeps
-- (kubernetes/community sigs.yaml, cncf/toc tags.yaml and README.md, cncf/gitdm's affiliations).

-- New codes in four CHECK lists. SQLite cannot ALTER a CHECK; rebuilding bodies, roles and
-- import_changes would drop every trigger on them (0006's URL checks, the caches' counters) and
-- need the foreign keys off, which a migration's transaction cannot do. A CHECK that allows more
-- codes changes nothing on disk, so its text is edited in place, as SQLite's documentation of
-- ALTER TABLE describes for CHECK constraints; RESET reloads this connection's schema and the
-- CREATE TABLE below moves the schema cookie, so every other connection reloads it too.
-- test_vocab compares the lists with core/vocab.h, test_migrate the import_changes ones.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '''end_user_sig'', ''working_group'', ''other'')',
	'''end_user_sig'', ''working_group'', ''committee'', ''user_group'', ''tag_subproject'', ''other'')')
WHERE type = 'table' AND name = 'bodies';
UPDATE sqlite_schema SET sql = replace(sql, '''liaison'', ''seat'')',
	'''liaison'', ''seat'', ''lead'', ''emeritus'', ''shadow'')')
WHERE type = 'table' AND name = 'roles';
UPDATE sqlite_schema SET sql = replace(replace(sql,
	'''event'', ''session'', ''person'', ''organization'')',
	'''event'', ''session'', ''person'', ''organization'', ''body'', ''role'', ''affiliation'', ''appearance'')'),
	'''create'', ''update'', ''cancel'')', '''create'', ''update'', ''cancel'', ''delete'')')
WHERE type = 'table' AND name = 'import_changes';
PRAGMA writable_schema = RESET;

-- Where an imported record came from: the import's scope ("kubernetes/community sigs.yaml",
-- "cncf/toc README.md", "cncf/gitdm"); NULL for a record entered by hand. A later snapshot of
-- the same file closes the terms it opened and no longer lists; hand-entered terms and
-- affiliations are never changed by an import (they are listed as conflicts instead).
ALTER TABLE bodies ADD COLUMN source TEXT;
ALTER TABLE roles ADD COLUMN source TEXT;
ALTER TABLE affiliations ADD COLUMN source TEXT;
CREATE INDEX roles_source ON roles(source, ends_on) WHERE source IS NOT NULL;

-- A governance run is one snapshot of one file: its scope and the date it was true (--as-of).
-- Snapshots of a scope go in date order, and only the latest run of a scope can be undone.
ALTER TABLE import_runs ADD COLUMN scope TEXT;
ALTER TABLE import_runs ADD COLUMN as_of TEXT CHECK (as_of IS NULL OR date(as_of, '+0 days') IS as_of);
CREATE INDEX import_runs_scope ON import_runs(scope, id) WHERE scope IS NOT NULL;

-- People are matched by GitHub handle first, in any case.
CREATE INDEX people_github ON people(github COLLATE NOCASE) WHERE github IS NOT NULL;

-- Other names of an organization ("International Business Machines Corporation" for IBM), for
-- every importer's matching: an alias's match key (import/parse.c, org_match_key) wins over the
-- organizations' own names. Staff review and edit them at /admin/aliases.
CREATE TABLE org_aliases (
	id		INTEGER PRIMARY KEY,
	alias		TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(alias)) BETWEEN 1 AND 200),
	org_id		INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	created_by	TEXT,		-- the login, NULL from the command line
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX org_aliases_org ON org_aliases(org_id);

-- An emeritus lead is an honour for a past role, and a shadow sits beside the TOC without a
-- vote: neither counts among an organization's SIG/TAG roles or TOC seats.
DROP VIEW org_figures;
CREATE VIEW org_figures AS
SELECT o.id AS org_id,
	(SELECT count(DISTINCT a.session_id) FROM appearances a JOIN sessions s ON s.id = a.session_id
		WHERE a.org_id = o.id AND s.status = 'scheduled' AND s.kind = 'keynote') AS keynotes,
	(SELECT count(DISTINCT a.session_id) FROM appearances a JOIN sessions s ON s.id = a.session_id
		WHERE a.org_id = o.id AND s.status = 'scheduled' AND s.kind <> 'keynote') AS talks,
	(SELECT count(DISTINCT a.person_id) FROM appearances a JOIN sessions s ON s.id = a.session_id
		WHERE a.org_id = o.id AND s.status = 'scheduled') AS speakers,
	(SELECT count(DISTINCT a.session_id) FROM appearances a JOIN sessions s ON s.id = a.session_id
		JOIN events e ON e.id = s.event_id
		WHERE a.org_id = o.id AND s.status = 'scheduled' AND e.parent_id IS NOT NULL) AS colocated_talks,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind NOT IN ('toc', 'board')
		AND r.role NOT IN ('emeritus', 'shadow')) AS group_roles,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind = 'toc' AND r.role = 'seat') AS toc_seats,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind = 'toc' AND r.role = 'seat'
		AND (r.ends_on IS NULL OR r.ends_on >= date('now'))) AS toc_seats_current,
	(SELECT count(*) FROM projects p WHERE p.org_id = o.id) AS projects
FROM organizations o;

-- gitdm's files write affiliations by the ten thousand: inside an import's transaction (fts_deferred
-- has its row, 0005) they are noted once and bumped when the import ends, as organizations and people
-- are (0008), instead of a bump a row (a sixth of a 40,000-person import).
DROP TRIGGER affiliations_gen_i;
DROP TRIGGER affiliations_gen_u;
DROP TRIGGER affiliations_gen_d;
CREATE TRIGGER affiliations_gen_i AFTER INSERT ON affiliations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'affiliations';
END;
CREATE TRIGGER affiliations_gen_u AFTER UPDATE ON affiliations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'affiliations';
END;
CREATE TRIGGER affiliations_gen_d AFTER DELETE ON affiliations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'affiliations';
END;
CREATE TRIGGER affiliations_noted_i AFTER INSERT ON affiliations
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'affiliations')
BEGIN
	INSERT INTO data_written VALUES ('affiliations');
END;
CREATE TRIGGER affiliations_noted_u AFTER UPDATE ON affiliations
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'affiliations')
BEGIN
	INSERT INTO data_written VALUES ('affiliations');
END;
CREATE TRIGGER affiliations_noted_d AFTER DELETE ON affiliations
WHEN EXISTS (SELECT 1 FROM fts_deferred) AND NOT EXISTS (SELECT 1 FROM data_written WHERE kind = 'affiliations')
BEGIN
	INSERT INTO data_written VALUES ('affiliations');
END;
