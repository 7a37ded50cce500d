-- 0012_reports.sql: what staff add to an organization's End User Journey report (/orgs/{slug}/report):
-- a short introduction, quotes, and whether the talks are shown rounded down ("15+"), as CNCF's
-- reports do. Everything else on the report is a query over the records. One report per
-- organization; versioned and audited like every record (app/model/record.c, kind "report").
-- An organization with a report cannot be deleted or merged away until the report is: the
-- report's text is never lost without a trace in the history.

CREATE TABLE reports (
	id		INTEGER PRIMARY KEY,
	org_id		INTEGER NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE RESTRICT,
	intro		TEXT CHECK (intro IS NULL OR length(intro) <= 4000),
	quotes		TEXT CHECK (quotes IS NULL OR length(quotes) <= 8000),
	round_talks	INTEGER NOT NULL DEFAULT 0 CHECK (round_talks IN (0, 1)),
	version		INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The report reads an organization's appearances with their speakers in session order; with the
-- person in the index, it reads no appearance row (on the generated registry the largest
-- organization's 4,500 rows were a third of its render). The index keeps its name and is a
-- superset of 0002's, so every statement that used it still can.
DROP INDEX appearances_org_session;
CREATE INDEX appearances_org_session ON appearances(org_id, session_id, person_id);

-- A report's text is part of its organization's record (0008's data generations): a write to it
-- bumps the organizations' generation, so the cached report (and the organization's page) follow.
CREATE TRIGGER reports_gen_i AFTER INSERT ON reports BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'organizations';
END;
CREATE TRIGGER reports_gen_u AFTER UPDATE ON reports BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'organizations';
END;
CREATE TRIGGER reports_gen_d AFTER DELETE ON reports BEGIN
	UPDATE data_generations SET generation = generation + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE kind = 'organizations';
END;
