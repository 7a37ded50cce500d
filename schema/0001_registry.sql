-- 0001_registry.sql: the registry. Who spoke where, for whom; who held which role or seat.
-- Timestamps are UTC ISO 8601 text; dates are YYYY-MM-DD; every record carries a version
-- for optimistic concurrency (an edit names the version it started from).

CREATE TABLE organizations (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
	slug		TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
	kind		TEXT NOT NULL DEFAULT 'other'
			CHECK (kind IN ('end_user', 'vendor', 'non_profit', 'academic', 'other')),
	website		TEXT CHECK (website IS NULL OR website GLOB 'http*://*'),
	eu_member	INTEGER NOT NULL DEFAULT 0 CHECK (eu_member IN (0, 1)),
	member_since	TEXT CHECK (member_since IS NULL OR date(member_since, '+0 days') IS member_since),
	tier		TEXT CHECK (tier IS NULL OR tier IN ('platinum', 'gold', 'silver',
			'end_user_supporter', 'academic', 'non_profit')),
	notes		TEXT,		-- private: staff only
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE people (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
	slug		TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
	email		TEXT,		-- private: staff and the person only
	github		TEXT CHECK (github IS NULL OR github NOT GLOB '*[^A-Za-z0-9-]*'),
	bio		TEXT,
	links		TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links) AND json_type(links) = 'array'),
	notes		TEXT,		-- private
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A person at an organization from..until (gitdm's "Company from A until B"); open ends allowed.
CREATE TABLE affiliations (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	org_id		INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
	title		TEXT,
	since		TEXT CHECK (since IS NULL OR date(since, '+0 days') IS since),
	until		TEXT CHECK (until IS NULL OR date(until, '+0 days') IS until),
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CHECK (since IS NULL OR until IS NULL OR until >= since)
);
CREATE INDEX affiliations_person ON affiliations(person_id, since);
CREATE INDEX affiliations_org ON affiliations(org_id);

CREATE TABLE events (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
	slug		TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
	series		TEXT,		-- "KubeCon + CloudNativeCon Europe", ...
	parent_id	INTEGER REFERENCES events(id) ON DELETE RESTRICT,
	city		TEXT,
	country		TEXT,
	starts_on	TEXT NOT NULL CHECK (date(starts_on, '+0 days') IS starts_on),
	ends_on		TEXT NOT NULL CHECK (date(ends_on, '+0 days') IS ends_on),
	time_zone	TEXT NOT NULL DEFAULT 'UTC',	-- IANA name
	url		TEXT CHECK (url IS NULL OR url GLOB 'http*://*'),
	notes		TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CHECK (ends_on >= starts_on),
	CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX events_parent ON events(parent_id);
CREATE INDEX events_start ON events(starts_on);

-- A talk session. starts_at is local wall time with its UTC offset
-- ("2019-05-22T09:30:00+02:00"); starts_utc is derived for ordering.
CREATE TABLE sessions (
	id		INTEGER PRIMARY KEY,
	event_id	INTEGER NOT NULL REFERENCES events(id) ON DELETE RESTRICT,
	title		TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
	subtitle	TEXT,
	kind		TEXT NOT NULL DEFAULT 'talk' CHECK (kind IN ('keynote', 'talk',
			'lightning', 'panel', 'tutorial', 'maintainer', 'other')),
	track		TEXT,
	room		TEXT,
	starts_at	TEXT CHECK (starts_at IS NULL OR datetime(starts_at) IS NOT NULL),
	duration_min	INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 20160),
	abstract	TEXT,
	url		TEXT CHECK (url IS NULL OR url GLOB 'http*://*'),
	video_url	TEXT CHECK (video_url IS NULL OR video_url GLOB 'http*://*'),
	status		TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
	starts_utc	TEXT GENERATED ALWAYS AS (datetime(starts_at)) VIRTUAL,
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX sessions_event ON sessions(event_id, starts_utc);
CREATE INDEX sessions_start ON sessions(starts_utc);

-- An appearance: a person speaking in a session, for the organization they
-- represented then. org_id is filled from the affiliation on the session's date
-- when not given, and stays when the person later moves.
CREATE TABLE appearances (
	id		INTEGER PRIMARY KEY,
	session_id	INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	person_id	INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
	org_id		INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
	role		TEXT NOT NULL DEFAULT 'speaker'
			CHECK (role IN ('speaker', 'moderator', 'panelist', 'host')),
	position	INTEGER NOT NULL DEFAULT 1 CHECK (position BETWEEN 1 AND 1000),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (session_id, person_id)
);
CREATE INDEX appearances_person ON appearances(person_id);
CREATE INDEX appearances_org ON appearances(org_id);

CREATE TRIGGER appearances_credit AFTER INSERT ON appearances
WHEN NEW.org_id IS NULL
BEGIN
	UPDATE appearances SET org_id = (
		SELECT a.org_id FROM affiliations a, sessions s
		WHERE s.id = NEW.session_id AND a.person_id = NEW.person_id
		  AND (a.since IS NULL OR a.since <= coalesce(date(s.starts_at),
			(SELECT starts_on FROM events WHERE id = s.event_id)))
		  AND (a.until IS NULL OR a.until > coalesce(date(s.starts_at),
			(SELECT starts_on FROM events WHERE id = s.event_id)))
		ORDER BY a.since IS NULL, a.since DESC LIMIT 1)
	WHERE id = NEW.id;
END;

-- TOC, Governing Board, TAGs, SIGs, working groups.
CREATE TABLE bodies (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
	slug		TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
	kind		TEXT NOT NULL CHECK (kind IN ('toc', 'board', 'tag', 'sig', 'k8s_sig',
			'end_user_sig', 'working_group', 'other')),
	parent_id	INTEGER REFERENCES bodies(id) ON DELETE RESTRICT,
	url		TEXT CHECK (url IS NULL OR url GLOB 'http*://*'),
	description	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CHECK (parent_id IS NULL OR parent_id <> id)
);

-- A term held in a body. A TOC seat is a role 'seat' with its seat type.
CREATE TABLE roles (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
	body_id		INTEGER NOT NULL REFERENCES bodies(id) ON DELETE RESTRICT,
	role		TEXT NOT NULL CHECK (role IN ('chair', 'co-chair', 'tech-lead', 'member',
			'liaison', 'seat')),
	seat_type	TEXT CHECK (seat_type IS NULL OR seat_type IN ('gb', 'end_user',
			'maintainer', 'toc', 'alternate')),
	org_id		INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
	starts_on	TEXT NOT NULL CHECK (date(starts_on, '+0 days') IS starts_on),
	ends_on		TEXT CHECK (ends_on IS NULL OR date(ends_on, '+0 days') IS ends_on),
	notes		TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CHECK (ends_on IS NULL OR ends_on >= starts_on),
	CHECK (role <> 'seat' OR seat_type IS NOT NULL)
);
CREATE INDEX roles_person ON roles(person_id);
CREATE INDEX roles_body ON roles(body_id, starts_on);
CREATE INDEX roles_org ON roles(org_id);

CREATE TABLE projects (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
	slug		TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
	maturity	TEXT NOT NULL CHECK (maturity IN ('sandbox', 'incubating', 'graduated', 'archived')),
	accepted_on	TEXT CHECK (accepted_on IS NULL OR date(accepted_on, '+0 days') IS accepted_on),
	incubating_on	TEXT CHECK (incubating_on IS NULL OR date(incubating_on, '+0 days') IS incubating_on),
	graduated_on	TEXT CHECK (graduated_on IS NULL OR date(graduated_on, '+0 days') IS graduated_on),
	org_id		INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,	-- contributed by
	url		TEXT CHECK (url IS NULL OR url GLOB 'http*://*'),
	description	TEXT,
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX projects_org ON projects(org_id);

-- Full-text search: external-content FTS5 tables kept in step by triggers.
-- Private columns (emails, notes) are never indexed.
CREATE VIRTUAL TABLE sessions_fts USING fts5(title, abstract, content='sessions',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE people_fts USING fts5(name, bio, content='people',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE organizations_fts USING fts5(name, content='organizations',
	content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER sessions_fts_i AFTER INSERT ON sessions BEGIN
	INSERT INTO sessions_fts(rowid, title, abstract) VALUES (NEW.id, NEW.title, NEW.abstract);
END;
CREATE TRIGGER sessions_fts_d AFTER DELETE ON sessions BEGIN
	INSERT INTO sessions_fts(sessions_fts, rowid, title, abstract)
	VALUES ('delete', OLD.id, OLD.title, OLD.abstract);
END;
CREATE TRIGGER sessions_fts_u AFTER UPDATE OF title, abstract ON sessions BEGIN
	INSERT INTO sessions_fts(sessions_fts, rowid, title, abstract)
	VALUES ('delete', OLD.id, OLD.title, OLD.abstract);
	INSERT INTO sessions_fts(rowid, title, abstract) VALUES (NEW.id, NEW.title, NEW.abstract);
END;
CREATE TRIGGER people_fts_i AFTER INSERT ON people BEGIN
	INSERT INTO people_fts(rowid, name, bio) VALUES (NEW.id, NEW.name, NEW.bio);
END;
CREATE TRIGGER people_fts_d AFTER DELETE ON people BEGIN
	INSERT INTO people_fts(people_fts, rowid, name, bio) VALUES ('delete', OLD.id, OLD.name, OLD.bio);
END;
CREATE TRIGGER people_fts_u AFTER UPDATE OF name, bio ON people BEGIN
	INSERT INTO people_fts(people_fts, rowid, name, bio) VALUES ('delete', OLD.id, OLD.name, OLD.bio);
	INSERT INTO people_fts(rowid, name, bio) VALUES (NEW.id, NEW.name, NEW.bio);
END;
CREATE TRIGGER organizations_fts_i AFTER INSERT ON organizations BEGIN
	INSERT INTO organizations_fts(rowid, name) VALUES (NEW.id, NEW.name);
END;
CREATE TRIGGER organizations_fts_d AFTER DELETE ON organizations BEGIN
	INSERT INTO organizations_fts(organizations_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
END;
CREATE TRIGGER organizations_fts_u AFTER UPDATE OF name ON organizations BEGIN
	INSERT INTO organizations_fts(organizations_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);
	INSERT INTO organizations_fts(rowid, name) VALUES (NEW.id, NEW.name);
END;
