-- 0015_session_speakers.sql: each session's speakers packed as every session listing shows them
-- (model/listing.h: "id US slug US name US organization RS ...", by position), kept in a table by
-- triggers in the same transaction as each change to the records they are made of, where each
-- listing packed them from the appearances, people and organizations on every render. On the
-- generated registry the 750-session schedule looked up 1,100 speakers and their organizations
-- spread over those tables (sqlite3's CPU for the statement after a write: 9.2 ms; 3.7 with this
-- table, whose rows of one event lie together). As 0013's tallies, the view below is the
-- definition, the triggers recount from it the sessions a change touches, and `lectern check`
-- compares the table with it in full (app/model/database.c).

CREATE VIEW session_speakers_recount AS
SELECT s.event_id, s.id AS session_id,
	(SELECT group_concat(x, char(30)) FROM (SELECT p.id || char(31) || p.slug || char(31) || p.name ||
		char(31) || coalesce(o.name, '') AS x FROM appearances a
		JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id
		WHERE a.session_id = s.id ORDER BY a.position, a.id)) AS speakers
FROM sessions s;

-- Every session, its speakers NULL when it has none. By event: a schedule reads one range.
CREATE TABLE session_speakers (
	event_id	INTEGER NOT NULL,
	session_id	INTEGER NOT NULL,
	speakers	TEXT,
	PRIMARY KEY (event_id, session_id)
) WITHOUT ROWID;
-- The triggers' way in, by session.
CREATE INDEX session_speakers_session ON session_speakers(session_id);
INSERT INTO session_speakers SELECT * FROM session_speakers_recount;

-- A session's appearances: who, for whom, in what order.
CREATE TRIGGER appearances_speakers_i AFTER INSERT ON appearances BEGIN
	DELETE FROM session_speakers WHERE session_id = NEW.session_id;
	INSERT INTO session_speakers SELECT * FROM session_speakers_recount WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER appearances_speakers_d AFTER DELETE ON appearances BEGIN
	DELETE FROM session_speakers WHERE session_id = OLD.session_id;
	INSERT INTO session_speakers SELECT * FROM session_speakers_recount WHERE session_id = OLD.session_id;
END;
CREATE TRIGGER appearances_speakers_u AFTER UPDATE OF id, session_id, person_id, org_id, position ON appearances
BEGIN
	DELETE FROM session_speakers WHERE session_id IN (OLD.session_id, NEW.session_id);
	INSERT INTO session_speakers SELECT * FROM session_speakers_recount
	WHERE session_id IN (OLD.session_id, NEW.session_id);
END;

-- A session's own row follows its id and event; deleted, its appearances go by cascade (whose
-- triggers find no session left to count) or, without foreign keys, stay counted for none.
CREATE TRIGGER sessions_speakers_i AFTER INSERT ON sessions BEGIN
	INSERT OR REPLACE INTO session_speakers SELECT * FROM session_speakers_recount WHERE session_id = NEW.id;
END;
CREATE TRIGGER sessions_speakers_u AFTER UPDATE OF id, event_id ON sessions BEGIN
	DELETE FROM session_speakers WHERE session_id IN (OLD.id, NEW.id);
	INSERT INTO session_speakers SELECT * FROM session_speakers_recount WHERE session_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER sessions_speakers_d AFTER DELETE ON sessions BEGIN
	DELETE FROM session_speakers WHERE session_id = OLD.id;
END;

-- The sessions to count again, one row each (as 0013's tally_keys, rows only inside a statement).
CREATE TABLE speaker_keys (session_id INTEGER);
CREATE TRIGGER speaker_keys_recount AFTER INSERT ON speaker_keys BEGIN
	DELETE FROM session_speakers WHERE session_id = NEW.session_id;
	INSERT INTO session_speakers SELECT * FROM session_speakers_recount WHERE session_id = NEW.session_id;
END;

-- A speaker's name and slug, an organization's name: every session they appear in. (Deleted
-- with foreign keys on, neither may have appearances; without, theirs are counted again.)
CREATE TRIGGER people_speakers_u AFTER UPDATE OF id, slug, name ON people BEGIN
	INSERT INTO speaker_keys SELECT session_id FROM appearances WHERE person_id IN (OLD.id, NEW.id);
	DELETE FROM speaker_keys;
END;
CREATE TRIGGER people_speakers_d AFTER DELETE ON people BEGIN
	INSERT INTO speaker_keys SELECT session_id FROM appearances WHERE person_id = OLD.id;
	DELETE FROM speaker_keys;
END;
CREATE TRIGGER organizations_speakers_u AFTER UPDATE OF id, name ON organizations BEGIN
	INSERT INTO speaker_keys SELECT session_id FROM appearances WHERE org_id IN (OLD.id, NEW.id);
	DELETE FROM speaker_keys;
END;
CREATE TRIGGER organizations_speakers_d AFTER DELETE ON organizations BEGIN
	INSERT INTO speaker_keys SELECT session_id FROM appearances WHERE org_id = OLD.id;
	DELETE FROM speaker_keys;
END;
