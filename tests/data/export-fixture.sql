-- export-fixture.sql: a small registry for the export tests: a KubeCon with a co-located event,
-- speakers who moved between organizations, a TOC seat, and text that needs quoting and escaping.
INSERT INTO organizations(id, name, slug) VALUES
 (1, 'Spotify', 'spotify'), (2, 'Google', 'google'), (3, 'Acme, "Inc"', 'acme'), (4, 'Ünïcode GmbH', 'unicode');
INSERT INTO people(id, name, slug, email, github) VALUES
 (1, 'Ada Lovelace', 'ada', 'ada@example.org', 'ada'),
 (2, 'Bob =Tables', 'bob', 'bob@example.org', 'bobby'),
 (3, 'Zoë Ünïcode', 'zoe', 'zoe@example.org', NULL);
INSERT INTO affiliations(person_id, org_id, since, until) VALUES
 (1, 1, '2015-01-01', '2020-01-01'), (1, 2, '2020-01-01', NULL), (2, 3, NULL, NULL), (3, 4, NULL, NULL);
INSERT INTO events(id, name, slug, starts_on, ends_on, time_zone, city) VALUES
 (1, 'KubeCon + CloudNativeCon Europe 2019', 'kubecon-eu-2019', '2019-05-20', '2019-05-23', 'Europe/Madrid', 'Barcelona'),
 (2, 'EnvoyCon 2019', 'envoycon-2019', '2019-05-20', '2019-05-20', 'Europe/Madrid', 'Barcelona'),
 (3, 'KubeCon NA 2019', 'kubecon-na-2019', '2019-11-18', '2019-11-21', 'America/Los_Angeles', 'San Diego');
UPDATE events SET parent_id = 1 WHERE id = 2;
INSERT INTO sessions(id, event_id, title, kind, track, room, starts_at, duration_min, abstract, url) VALUES
 (1, 1, 'Keynote: Opening, with "quotes"', 'keynote', 'Keynotes', 'Hall 8', '2019-05-21T09:00:00+02:00', 20,
  'Line one; two, three' || char(10) || 'four \ five', 'https://example.org/s/1'),
 (2, 1, 'Scaling Spotify: 1000 clusters and a very long title that needs folding in iCalendar output ✓✓✓✓', 'talk', 'Operations', 'Room 2', '2019-05-21T11:00:00+02:00', 35, NULL, NULL),
 (3, 2, '=cmd|'' /C calc''!A0', 'talk', NULL, 'Envoy Room', '2019-05-20T10:00:00+02:00', 30, NULL, NULL),
 (4, 3, 'Zoë on <XML> & friends', 'talk', NULL, 'Room A', '2019-11-19T14:00:00-08:00', 40, 'Ü & <b>', NULL),
 (5, 1, 'Panel: the future', 'panel', NULL, 'Hall 8', '2019-05-22T16:00:00+02:00', 45, NULL, NULL);
INSERT INTO appearances(session_id, person_id, role, position) VALUES
 (1, 1, 'speaker', 1), (2, 1, 'speaker', 1), (2, 2, 'speaker', 2), (3, 2, 'speaker', 1),
 (4, 3, 'speaker', 1), (5, 1, 'moderator', 1), (5, 3, 'panelist', 2);
INSERT INTO bodies(id, name, slug, kind) VALUES (1, 'Technical Oversight Committee', 'toc', 'toc');
INSERT INTO roles(person_id, body_id, role, seat_type, starts_on) VALUES (3, 1, 'seat', 'end_user', '2020-01-01');
