-- gen.sql: a deterministic, realistic-scale registry for benchmarks (run on a migrated database).
-- 12 years x 4 regions of KubeCon + CloudNativeCon plus co-located events (~80 events), 60,000 sessions,
-- 50,000 people, 8,000 organizations with affiliation changes, 3,000 roles and seats.
-- Skew: organization ids are drawn as 8000 * u^3, so a few organizations have thousands of talks and most one.
-- "Random" numbers are a fixed hash of the row id (no random()), so every run builds the same data.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE seq(n INTEGER PRIMARY KEY);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 120000)
INSERT INTO seq SELECT n FROM c;
-- h(n, k): a hash in [0, 1) of n salted with k.
CREATE TEMP VIEW u AS SELECT n, ((n * 2654435761 + 40503) % 4294967296) / 4294967296.0 AS u1,
	((n * 2246822519 + 3266489917) % 4294967296) / 4294967296.0 AS u2,
	((n * 3266489917 + 668265263) % 4294967296) / 4294967296.0 AS u3 FROM seq;

INSERT INTO organizations(id, name, slug, kind, eu_member, notes)
SELECT n, 'Organization ' || n, 'org-' || n,
	CASE n % 5 WHEN 0 THEN 'end_user' WHEN 1 THEN 'vendor' WHEN 2 THEN 'vendor'
		WHEN 3 THEN 'non_profit' ELSE 'other' END,
	n % 5 = 0, 'Benchmark data'
FROM seq WHERE n <= 8000;

INSERT INTO people(id, name, slug, github, bio)
SELECT n, 'Speaker ' || n || ' ' || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ', n % 26 + 1, 1) || 'son',
	'speaker-' || n, 'speaker' || n,
	'Works on cloud native infrastructure, Kubernetes and service meshes. Benchmark person ' || n || '.'
FROM seq WHERE n <= 50000;

-- Two affiliations for a third of the people: an employer change in 2019.
INSERT INTO affiliations(person_id, org_id, since, until)
SELECT n, 1 + CAST(7999 * u1 * u1 * u1 AS INTEGER), '2014-01-01',
	CASE WHEN n % 3 = 0 THEN '2019-06-30' END FROM u WHERE n <= 50000;
INSERT INTO affiliations(person_id, org_id, since)
SELECT n, 1 + CAST(7999 * u2 * u2 * u2 AS INTEGER), '2019-07-01' FROM u WHERE n <= 50000 AND n % 3 = 0;

-- 48 flagship events (2014..2025, four regions) and 32 co-located ones.
INSERT INTO events(id, name, slug, series, city, country, starts_on, ends_on, time_zone)
SELECT n, 'KubeCon + CloudNativeCon ' || r.region || ' ' || (2013 + (n + 3) / 4),
	'kubecon-' || lower(r.code) || '-' || (2013 + (n + 3) / 4),
	'KubeCon + CloudNativeCon ' || r.region, r.city, r.country,
	date((2013 + (n + 3) / 4) || '-' || r.month || '-10'), date((2013 + (n + 3) / 4) || '-' || r.month || '-13'),
	r.tz
FROM seq JOIN (SELECT 0 AS k, 'Europe' AS region, 'EU' AS code, 'Amsterdam' AS city, 'NL' AS country, '04' AS month, 'Europe/Amsterdam' AS tz
	UNION ALL SELECT 1, 'North America', 'NA', 'Chicago', 'US', '11', 'America/Chicago'
	UNION ALL SELECT 2, 'China', 'CN', 'Shanghai', 'CN', '06', 'Asia/Shanghai'
	UNION ALL SELECT 3, 'Japan', 'JP', 'Tokyo', 'JP', '09', 'Asia/Tokyo') r ON r.k = n % 4
WHERE n <= 48;
INSERT INTO events(id, name, slug, series, parent_id, city, country, starts_on, ends_on, time_zone)
SELECT 48 + n, CASE n % 2 WHEN 0 THEN 'EnvoyCon ' ELSE 'gRPCconf ' END || e.slug,
	CASE n % 2 WHEN 0 THEN 'envoycon-' ELSE 'grpcconf-' END || e.slug, NULL, e.id, e.city, e.country,
	date(e.starts_on, '-1 day'), date(e.starts_on, '-1 day'), e.time_zone
FROM seq JOIN events e ON e.id = 17 + (n - 1) % 32 WHERE n <= 32;

-- 60,000 sessions spread over the 80 events; ~3% keynotes.
INSERT INTO sessions(id, event_id, title, kind, track, room, starts_at, duration_min, abstract, status)
SELECT n, 1 + (n * 7919) % 80,
	'Scaling ' || substr('KubernetesEnvoyPrometheusgRPCHelmLinkerdBackstageArgo', 1 + (n % 40), 10)
		|| ' at org ' || n || ': lessons learned',
	CASE WHEN n % 33 = 0 THEN 'keynote' WHEN n % 11 = 0 THEN 'lightning' WHEN n % 13 = 0 THEN 'panel'
		WHEN n % 17 = 0 THEN 'tutorial' ELSE 'talk' END,
	CASE n % 6 WHEN 0 THEN 'Observability' WHEN 1 THEN 'Networking' WHEN 2 THEN 'Security'
		WHEN 3 THEN 'Storage' WHEN 4 THEN 'Application Development' ELSE 'Operations' END,
	'Room ' || (1 + (n / 80) % 24),	-- not n % 24: the event is n mod 80, which shares a factor with 24
	NULL, 35,
	'We describe how we run clusters in production, what broke, and how service meshes, '
		|| 'observability and policy helped. Session ' || n || '.',
	CASE WHEN n % 97 = 0 THEN 'cancelled' ELSE 'scheduled' END
FROM seq WHERE n <= 60000;
UPDATE sessions SET starts_at = (SELECT strftime('%Y-%m-%dT', date(e.starts_on, '+' || (sessions.id % 3) || ' days'))
	|| printf('%02d:%02d:00+00:00', 9 + sessions.id % 9, (sessions.id % 4) * 15) FROM events e WHERE e.id = sessions.event_id);

-- 1.5 speakers per session; the person's organization at the time is credited by the trigger.
INSERT INTO appearances(session_id, person_id, role, position)
SELECT n, 1 + CAST(49999 * u3 * u3 AS INTEGER), 'speaker', 1 FROM u WHERE n <= 60000;
INSERT OR IGNORE INTO appearances(session_id, person_id, role, position)
SELECT n, 1 + (n * 7 + 13) % 50000, 'speaker', 2 FROM seq WHERE n <= 60000 AND n % 2 = 0;

INSERT INTO bodies(id, name, slug, kind) VALUES (1, 'Technical Oversight Committee', 'toc', 'toc');
INSERT INTO bodies(id, name, slug, kind, parent_id)
SELECT 1 + n, 'Group ' || n, 'group-' || n,
	CASE n % 4 WHEN 0 THEN 'tag' WHEN 1 THEN 'sig' WHEN 2 THEN 'k8s_sig' ELSE 'end_user_sig' END, NULL
FROM seq WHERE n <= 59;
INSERT INTO roles(person_id, body_id, role, seat_type, org_id, starts_on, ends_on)
SELECT 1 + (n * 31) % 50000, 1 + n % 60,
	CASE WHEN n % 60 = 0 THEN 'seat' WHEN n % 7 = 0 THEN 'chair' WHEN n % 5 = 0 THEN 'co-chair' ELSE 'member' END,
	CASE WHEN n % 60 = 0 THEN CASE n % 4 WHEN 0 THEN 'gb' WHEN 1 THEN 'end_user' WHEN 2 THEN 'maintainer' ELSE 'toc' END END,
	1 + CAST(7999 * u1 * u1 * u1 AS INTEGER),
	date('2014-01-01', '+' || (n % 3000) || ' days'),
	CASE WHEN n % 3 = 0 THEN NULL ELSE date('2014-01-01', '+' || (n % 3000 + 700) || ' days') END
FROM u WHERE n <= 3000;

INSERT INTO projects(name, slug, maturity, accepted_on, org_id)
SELECT 'Project ' || n, 'project-' || n,
	CASE n % 3 WHEN 0 THEN 'sandbox' WHEN 1 THEN 'incubating' ELSE 'graduated' END,
	date('2016-01-01', '+' || (n * 17) || ' days'), 1 + CAST(7999 * u1 * u1 * u1 AS INTEGER)
FROM u WHERE n <= 180;
COMMIT;
PRAGMA foreign_keys = ON;
ANALYZE;
