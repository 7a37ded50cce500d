-- 0007_import_real_files.sql: what importing real schedules needs.

-- The warnings of a run (the first thousand: line, category, session, text), kept with it.
ALTER TABLE import_runs ADD COLUMN warnings TEXT CHECK (warnings IS NULL OR json_valid(warnings));

-- The session as a run's update left it (its fields and speakers, as in source_keys.imported):
-- one that differs from it now was edited after the import, and undo keeps it. NULL for a session
-- the run made (undo compares with the values it imported, still under its key), for
-- cancellations (undo looks at the status) and for runs before this migration.
ALTER TABLE import_changes ADD COLUMN after TEXT CHECK (after IS NULL OR json_valid(after));

-- This installation's id: in the UIDs of its iCalendar files (globally unique), and in the
-- guids its own schedule.xml gives sessions and people that have none, which it alone can
-- read back (app/core/guid.c). A copy of the database (a backup) keeps it.
CREATE TABLE installation (
	id		TEXT NOT NULL CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*')
);
INSERT INTO installation(id) VALUES (lower(hex(randomblob(16))));
CREATE TRIGGER installation_once BEFORE INSERT ON installation
WHEN (SELECT count(*) FROM installation) > 0 BEGIN
	SELECT RAISE(ABORT, 'an installation has one id');
END;

-- Waiting uploads are capped per user and expire within the hour (app/model/import_runs.c).
CREATE INDEX import_uploads_user ON import_uploads(user_id, created_at);
