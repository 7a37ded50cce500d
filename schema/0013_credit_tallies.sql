-- 0013_credit_tallies.sql: the credits an organization page reads on every view, kept in tables by
-- triggers in the same transaction as each change to the records they count, where they were views
-- over every appearance (on the generated registry the largest organization's figures, years,
-- sessions, people and milestones read 4,500 appearances, their sessions and events five times
-- over: 60 ms of its cold render). The figures stay queries over the records: the *_recount views
-- below are the definitions, each trigger recounts the keys a change touches from them, and
-- `lectern check` compares each table with its view in full (app/model/database.c).

-- Each scheduled session credited to each organization one of its speakers represented then
-- (as 0002's view of the same name, which this table replaces under its name).
CREATE VIEW session_credits_recount AS
SELECT DISTINCT a.org_id, s.id AS session_id, s.kind, e.parent_id IS NOT NULL AS colocated,
	CAST(strftime('%Y', coalesce(s.starts_utc, e.starts_on)) AS INTEGER) AS year,
	coalesce(s.starts_utc, e.starts_on) AS starts
FROM appearances a
JOIN sessions s ON s.id = a.session_id
JOIN events e ON e.id = s.event_id
WHERE a.org_id IS NOT NULL AND s.status = 'scheduled';

-- Each person who spoke for an organization, and in how many scheduled sessions.
CREATE VIEW org_speakers_recount AS
SELECT a.org_id, a.person_id, count(DISTINCT a.session_id) AS sessions
FROM appearances a JOIN sessions s ON s.id = a.session_id
WHERE a.org_id IS NOT NULL AND s.status = 'scheduled'
GROUP BY a.org_id, a.person_id;

DROP VIEW org_figures;
DROP VIEW session_credits;
CREATE TABLE session_credits (
	org_id		INTEGER NOT NULL,
	session_id	INTEGER NOT NULL,
	kind		TEXT NOT NULL,
	colocated	INTEGER NOT NULL,
	year		INTEGER,
	starts		TEXT,
	PRIMARY KEY (org_id, session_id)
) WITHOUT ROWID;
-- An organization's sessions newest first, its sessions per year, a session's organizations.
CREATE INDEX session_credits_starts ON session_credits(org_id, starts, session_id);
CREATE INDEX session_credits_year ON session_credits(org_id, year);
CREATE INDEX session_credits_session ON session_credits(session_id);
INSERT INTO session_credits SELECT * FROM session_credits_recount;

CREATE TABLE org_speakers (
	org_id		INTEGER NOT NULL,
	person_id	INTEGER NOT NULL,
	sessions	INTEGER NOT NULL,
	PRIMARY KEY (org_id, person_id)
) WITHOUT ROWID;
-- An organization's people who spoke most.
CREATE INDEX org_speakers_most ON org_speakers(org_id, sessions DESC, person_id);
INSERT INTO org_speakers SELECT * FROM org_speakers_recount;

-- A schedule lists each session's speakers from this index alone, not from the appearances
-- themselves (on the generated registry 1,100 lookups of rows spread over the table for the
-- 750-session schedule: 13 ms of sqlite3's CPU for its statement, 10.8 with this index).
DROP INDEX appearances_session;
CREATE INDEX appearances_session ON appearances(session_id, position, id, person_id, org_id);

-- The home page counts the roles held now: without an index, every role ever held.
CREATE INDEX roles_ends ON roles(ends_on);

-- 0002's figures, counted from the tables above.
CREATE VIEW org_figures AS
SELECT o.id AS org_id,
	(SELECT count(*) FROM session_credits c WHERE c.org_id = o.id AND c.kind = 'keynote') AS keynotes,
	(SELECT count(*) FROM session_credits c WHERE c.org_id = o.id AND c.kind <> 'keynote') AS talks,
	(SELECT count(*) FROM org_speakers sp WHERE sp.org_id = o.id) AS speakers,
	(SELECT count(*) FROM session_credits c WHERE c.org_id = o.id AND c.colocated) AS colocated_talks,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind NOT IN ('toc', 'board')
		AND r.role NOT IN ('emeritus', 'shadow')) AS group_roles,	-- as 0009 counts them
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind = 'toc' AND r.role = 'seat') AS toc_seats,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind = 'toc' AND r.role = 'seat'
		AND (r.ends_on IS NULL OR r.ends_on >= date('now'))) AS toc_seats_current,
	(SELECT count(*) FROM projects p WHERE p.org_id = o.id) AS projects
FROM organizations o;

-- The triggers: each names the keys the changed row touches (an organization, a session and
-- a person) to tally_keys, whose trigger recounts from the views, deleting them first, the
-- credit of that organization and session and the speaker of that organization and person.
-- A change counted twice (an appearance's own trigger, then 0001's appearances_credit setting
-- its organization) comes to the same rows. Like fts_deferred, tally_keys holds rows only
-- inside a statement.
CREATE TABLE tally_keys (
	org_id		INTEGER,
	session_id	INTEGER,
	person_id	INTEGER
);
CREATE TRIGGER tally_keys_recount AFTER INSERT ON tally_keys WHEN NEW.org_id IS NOT NULL BEGIN
	DELETE FROM session_credits WHERE org_id = NEW.org_id AND session_id = NEW.session_id;
	INSERT INTO session_credits SELECT * FROM session_credits_recount
	WHERE org_id = NEW.org_id AND session_id = NEW.session_id;
	DELETE FROM org_speakers WHERE org_id = NEW.org_id AND person_id = NEW.person_id;
	INSERT INTO org_speakers SELECT * FROM org_speakers_recount
	WHERE org_id = NEW.org_id AND person_id = NEW.person_id;
END;

CREATE TRIGGER appearances_tally_i AFTER INSERT ON appearances WHEN NEW.org_id IS NOT NULL BEGIN
	INSERT INTO tally_keys VALUES (NEW.org_id, NEW.session_id, NEW.person_id);
	DELETE FROM tally_keys;
END;
CREATE TRIGGER appearances_tally_d AFTER DELETE ON appearances WHEN OLD.org_id IS NOT NULL BEGIN
	INSERT INTO tally_keys VALUES (OLD.org_id, OLD.session_id, OLD.person_id);
	DELETE FROM tally_keys;
END;
CREATE TRIGGER appearances_tally_u AFTER UPDATE OF session_id, person_id, org_id ON appearances BEGIN
	INSERT INTO tally_keys VALUES (OLD.org_id, OLD.session_id, OLD.person_id),
		(NEW.org_id, NEW.session_id, NEW.person_id);
	DELETE FROM tally_keys;
END;

-- A session's credits follow its status, kind, time and event; its speakers' counts its status.
CREATE TRIGGER sessions_tally_i AFTER INSERT ON sessions BEGIN
	INSERT OR REPLACE INTO session_credits SELECT * FROM session_credits_recount WHERE session_id = NEW.id;
END;
CREATE TRIGGER sessions_tally_u AFTER UPDATE OF id, status, kind, starts_utc, event_id ON sessions BEGIN
	DELETE FROM session_credits WHERE session_id IN (OLD.id, NEW.id);
	INSERT INTO session_credits SELECT * FROM session_credits_recount WHERE session_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER sessions_tally_status AFTER UPDATE OF id, status ON sessions
WHEN OLD.status IS NOT NEW.status OR OLD.id <> NEW.id BEGIN
	INSERT INTO tally_keys SELECT org_id, session_id, person_id FROM appearances
	WHERE session_id IN (OLD.id, NEW.id);
	DELETE FROM tally_keys;
END;
-- Deleted, its appearances go too (ON DELETE CASCADE, whose triggers recount them); without
-- foreign keys (sqlite3's default) they stay, counted for no session.
CREATE TRIGGER sessions_tally_d AFTER DELETE ON sessions BEGIN
	DELETE FROM session_credits WHERE session_id = OLD.id;
	INSERT INTO tally_keys SELECT org_id, session_id, person_id FROM appearances WHERE session_id = OLD.id;
	DELETE FROM tally_keys;
END;

-- An event's date and parent are its sessions' year, start and co-location (the view's query by
-- the event: through the view, SQLite would read every scheduled session).
CREATE TRIGGER events_tally_u AFTER UPDATE OF id, starts_on, parent_id ON events BEGIN
	DELETE FROM session_credits WHERE session_id IN (SELECT id FROM sessions WHERE event_id IN (OLD.id, NEW.id));
	INSERT INTO session_credits
	SELECT DISTINCT a.org_id, s.id AS session_id, s.kind, e.parent_id IS NOT NULL AS colocated,
		CAST(strftime('%Y', coalesce(s.starts_utc, e.starts_on)) AS INTEGER) AS year,
		coalesce(s.starts_utc, e.starts_on) AS starts
	FROM sessions s JOIN events e ON e.id = s.event_id JOIN appearances a ON a.session_id = s.id
	WHERE s.event_id IN (OLD.id, NEW.id) AND a.org_id IS NOT NULL AND s.status = 'scheduled';
END;
