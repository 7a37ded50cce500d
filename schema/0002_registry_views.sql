-- 0002_registry_views.sql: derived figures as views, so every number on a page is a query over the records.

-- Each scheduled session credited to each organization that one of its speakers represented then.
CREATE VIEW session_credits AS
SELECT DISTINCT a.org_id, s.id AS session_id, s.kind, e.parent_id IS NOT NULL AS colocated,
	CAST(strftime('%Y', coalesce(s.starts_utc, e.starts_on)) AS INTEGER) AS year,
	coalesce(s.starts_utc, e.starts_on) AS starts
FROM appearances a
JOIN sessions s ON s.id = a.session_id
JOIN events e ON e.id = s.event_id
WHERE a.org_id IS NOT NULL AND s.status = 'scheduled';

-- An organization's "by the numbers": keynotes, talks (every other kind), distinct speakers,
-- talks at co-located events, SIG/TAG/working-group roles, TOC seats (ever and now), projects contributed.
-- The subqueries name appearances directly rather than session_credits: a correlated reference
-- into a DISTINCT view would materialize the whole view for every organization.
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
		WHERE r.org_id = o.id AND b.kind NOT IN ('toc', 'board')) AS group_roles,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind = 'toc' AND r.role = 'seat') AS toc_seats,
	(SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
		WHERE r.org_id = o.id AND b.kind = 'toc' AND r.role = 'seat'
		AND (r.ends_on IS NULL OR r.ends_on >= date('now'))) AS toc_seats_current,
	(SELECT count(*) FROM projects p WHERE p.org_id = o.id) AS projects
FROM organizations o;

CREATE INDEX appearances_org_session ON appearances(org_id, session_id);
CREATE INDEX appearances_session ON appearances(session_id, position);
-- Lists are ordered by name, case-insensitively.
CREATE INDEX organizations_name ON organizations(name COLLATE NOCASE, id);
CREATE INDEX people_name ON people(name COLLATE NOCASE, id);
-- Totals on the home page count sessions by status and kind without reading their text.
CREATE INDEX sessions_status_kind ON sessions(status, kind);
