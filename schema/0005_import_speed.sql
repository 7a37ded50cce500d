-- 0005_import_speed.sql: what a large schedule import needs to be fast.

-- A person is matched "by name at the same organization": one index answers it, where the
-- organization's index walked all of a large organization's appearances.
CREATE INDEX appearances_person_org ON appearances(person_id, org_id);
DROP INDEX appearances_person;
-- (org_id) alone is the prefix of appearances_org_session(org_id, session_id).
DROP INDEX appearances_org;

-- While an import holds its transaction, the full-text triggers stand aside for the rows it
-- adds (ids from the marks below on) and the import indexes them in one statement before it
-- commits: otherwise FTS5 writes a segment of its index for nearly every statement (each
-- statement journal flushes its pending terms), which was most of an import's time. Rows
-- older than the marks are indexed by the triggers as always. The table holds a row only
-- inside an import's transaction, so no other connection ever sees one.
CREATE TABLE fts_deferred (
	sessions_from	INTEGER NOT NULL,
	people_from	INTEGER NOT NULL,
	orgs_from	INTEGER NOT NULL
);

DROP TRIGGER sessions_fts_i;
DROP TRIGGER sessions_fts_d;
DROP TRIGGER sessions_fts_u;
CREATE TRIGGER sessions_fts_i AFTER INSERT ON sessions
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE NEW.id >= sessions_from) BEGIN
	INSERT INTO sessions_fts(rowid, title, abstract) VALUES (NEW.id, NEW.title, NEW.abstract);
END;
CREATE TRIGGER sessions_fts_d AFTER DELETE ON sessions
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE OLD.id >= sessions_from) BEGIN
	INSERT INTO sessions_fts(sessions_fts, rowid, title, abstract)
	VALUES ('delete', OLD.id, OLD.title, OLD.abstract);
END;
CREATE TRIGGER sessions_fts_u AFTER UPDATE OF title, abstract ON sessions
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE OLD.id >= sessions_from) BEGIN
	INSERT INTO sessions_fts(sessions_fts, rowid, title, abstract)
	VALUES ('delete', OLD.id, OLD.title, OLD.abstract);
	INSERT INTO sessions_fts(rowid, title, abstract) VALUES (NEW.id, NEW.title, NEW.abstract);
END;

DROP TRIGGER people_fts_i;
DROP TRIGGER people_fts_d;
DROP TRIGGER people_fts_u;
CREATE TRIGGER people_fts_i AFTER INSERT ON people
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE NEW.id >= people_from) BEGIN
	INSERT INTO people_fts(rowid, name, bio) VALUES (NEW.id, NEW.name, NEW.bio);
END;
CREATE TRIGGER people_fts_d AFTER DELETE ON people
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE OLD.id >= people_from) BEGIN
	INSERT INTO people_fts(people_fts, rowid, name, bio) VALUES ('delete', OLD.id, OLD.name, OLD.bio);
END;
CREATE TRIGGER people_fts_u AFTER UPDATE OF name, bio ON people
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE OLD.id >= people_from) BEGIN
	INSERT INTO people_fts(people_fts, rowid, name, bio) VALUES ('delete', OLD.id, OLD.name, OLD.bio);
	INSERT INTO people_fts(rowid, name, bio) VALUES (NEW.id, NEW.name, NEW.bio);
END;

DROP TRIGGER organizations_fts_i;
DROP TRIGGER organizations_fts_d;
DROP TRIGGER organizations_fts_u;
CREATE TRIGGER organizations_fts_i AFTER INSERT ON organizations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE NEW.id >= orgs_from) BEGIN
	INSERT INTO organizations_fts(rowid, name) VALUES (NEW.id, NEW.name);
END;
CREATE TRIGGER organizations_fts_d AFTER DELETE ON organizations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE OLD.id >= orgs_from) BEGIN
	INSERT INTO organizations_fts(organizations_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
END;
CREATE TRIGGER organizations_fts_u AFTER UPDATE OF name ON organizations
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE OLD.id >= orgs_from) BEGIN
	INSERT INTO organizations_fts(organizations_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
	INSERT INTO organizations_fts(rowid, name) VALUES (NEW.id, NEW.name);
END;
