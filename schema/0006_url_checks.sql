-- 0006_url_checks.sql: no stored URL holds a control character or a space.
-- An imported <url> with CR/LF forged whole VEVENTs in the iCalendar exports, which write URLs as
-- they are: every entrance now refuses such a URL (url_valid in app/core/params.c: forms, member
-- links, the importer), and these triggers refuse it in the schema itself, whoever writes. The
-- characters are C0 (U+0000 to U+001F, tab and newlines included), space, DEL and C1 (U+0080 to
-- U+009F); the pattern is built with char() so that this file holds none of them.

-- Rows stored before: such a URL cannot be a working address; it is removed.
UPDATE organizations SET website = NULL WHERE website GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(website, char(0));
UPDATE events SET url = NULL WHERE url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(url, char(0));
UPDATE sessions SET url = NULL WHERE url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(url, char(0));
UPDATE sessions SET video_url = NULL WHERE video_url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(video_url, char(0));
UPDATE bodies SET url = NULL WHERE url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(url, char(0));
UPDATE projects SET url = NULL WHERE url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(url, char(0));
UPDATE people SET links = (SELECT json_group_array(value) FROM json_each(people.links)
	WHERE NOT (value GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(value, char(0))))
WHERE EXISTS (SELECT 1 FROM json_each(people.links) WHERE value GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(value, char(0)));

CREATE TRIGGER organizations_url_i BEFORE INSERT ON organizations
WHEN NEW.website GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.website, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER organizations_url_u BEFORE UPDATE OF website ON organizations
WHEN NEW.website GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.website, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER events_url_i BEFORE INSERT ON events
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER events_url_u BEFORE UPDATE OF url ON events
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER sessions_url_i BEFORE INSERT ON sessions
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
   OR NEW.video_url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.video_url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER sessions_url_u BEFORE UPDATE OF url, video_url ON sessions
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
   OR NEW.video_url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.video_url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER bodies_url_i BEFORE INSERT ON bodies
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER bodies_url_u BEFORE UPDATE OF url ON bodies
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER projects_url_i BEFORE INSERT ON projects
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER projects_url_u BEFORE UPDATE OF url ON projects
WHEN NEW.url GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(NEW.url, char(0))
BEGIN
	SELECT RAISE(ABORT, 'a URL may not hold a space or a control character');
END;
CREATE TRIGGER people_links_i BEFORE INSERT ON people
WHEN EXISTS (SELECT 1 FROM json_each(NEW.links) WHERE value GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(value, char(0)))
BEGIN
	SELECT RAISE(ABORT, 'a link may not hold a space or a control character');
END;
CREATE TRIGGER people_links_u BEFORE UPDATE OF links ON people
WHEN EXISTS (SELECT 1 FROM json_each(NEW.links) WHERE value GLOB '*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*' OR instr(value, char(0)))
BEGIN
	SELECT RAISE(ABORT, 'a link may not hold a space or a control character');
END;
