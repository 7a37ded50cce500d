-- 0011_search_more.sql: events, bodies and projects in the search, and the vocabularies its
-- typo tolerance reads.
--
-- Three more external-content FTS5 indexes, kept by triggers like the others (0001). An import
-- adds one event a run and no bodies or projects, so they have no deferral (0005): a trigger
-- per row costs nothing there. Private columns (notes) are never indexed.
CREATE VIRTUAL TABLE events_fts USING fts5(name, series, city, country, content='events',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE bodies_fts USING fts5(name, slug, description, content='bodies',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE projects_fts USING fts5(name, description, content='projects',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER events_fts_i AFTER INSERT ON events BEGIN
	INSERT INTO events_fts(rowid, name, series, city, country)
	VALUES (NEW.id, NEW.name, NEW.series, NEW.city, NEW.country);
END;
CREATE TRIGGER events_fts_d AFTER DELETE ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, name, series, city, country)
	VALUES ('delete', OLD.id, OLD.name, OLD.series, OLD.city, OLD.country);
END;
CREATE TRIGGER events_fts_u AFTER UPDATE OF name, series, city, country ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, name, series, city, country)
	VALUES ('delete', OLD.id, OLD.name, OLD.series, OLD.city, OLD.country);
	INSERT INTO events_fts(rowid, name, series, city, country)
	VALUES (NEW.id, NEW.name, NEW.series, NEW.city, NEW.country);
END;

CREATE TRIGGER bodies_fts_i AFTER INSERT ON bodies BEGIN
	INSERT INTO bodies_fts(rowid, name, slug, description) VALUES (NEW.id, NEW.name, NEW.slug, NEW.description);
END;
CREATE TRIGGER bodies_fts_d AFTER DELETE ON bodies BEGIN
	INSERT INTO bodies_fts(bodies_fts, rowid, name, slug, description)
	VALUES ('delete', OLD.id, OLD.name, OLD.slug, OLD.description);
END;
CREATE TRIGGER bodies_fts_u AFTER UPDATE OF name, slug, description ON bodies BEGIN
	INSERT INTO bodies_fts(bodies_fts, rowid, name, slug, description)
	VALUES ('delete', OLD.id, OLD.name, OLD.slug, OLD.description);
	INSERT INTO bodies_fts(rowid, name, slug, description) VALUES (NEW.id, NEW.name, NEW.slug, NEW.description);
END;

CREATE TRIGGER projects_fts_i AFTER INSERT ON projects BEGIN
	INSERT INTO projects_fts(rowid, name, description) VALUES (NEW.id, NEW.name, NEW.description);
END;
CREATE TRIGGER projects_fts_d AFTER DELETE ON projects BEGIN
	INSERT INTO projects_fts(projects_fts, rowid, name, description)
	VALUES ('delete', OLD.id, OLD.name, OLD.description);
END;
CREATE TRIGGER projects_fts_u AFTER UPDATE OF name, description ON projects BEGIN
	INSERT INTO projects_fts(projects_fts, rowid, name, description)
	VALUES ('delete', OLD.id, OLD.name, OLD.description);
	INSERT INTO projects_fts(rowid, name, description) VALUES (NEW.id, NEW.name, NEW.description);
END;

INSERT INTO events_fts(events_fts) VALUES ('rebuild');
INSERT INTO bodies_fts(bodies_fts) VALUES ('rebuild');
INSERT INTO projects_fts(projects_fts) VALUES ('rebuild');

-- The words each index holds, read in place (fts5vocab stores nothing): a word typed that no
-- index knows is looked up among the known ones that start with its letter (search.c).
CREATE VIRTUAL TABLE search_vocab_sessions USING fts5vocab(sessions_fts, row);
CREATE VIRTUAL TABLE search_vocab_people USING fts5vocab(people_fts, row);
CREATE VIRTUAL TABLE search_vocab_orgs USING fts5vocab(organizations_fts, row);
CREATE VIRTUAL TABLE search_vocab_events USING fts5vocab(events_fts, row);
CREATE VIRTUAL TABLE search_vocab_bodies USING fts5vocab(bodies_fts, row);
CREATE VIRTUAL TABLE search_vocab_projects USING fts5vocab(projects_fts, row);
