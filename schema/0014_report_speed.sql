-- 0014_report_speed.sql: what the End User Journey report (app/model/report.c) reads from
-- indexes alone, where it read rows spread over their tables. On the generated registry the
-- largest organization's report looked up 1,808 session rows and 725 appearance rows on every
-- render (12 sessions to a 4 KB page: some 2,000 pages through SQLite's 2 MB cache), 2.3 ms of
-- its 7.8.

-- A co-located session's event, which 0013's session_credits does not keep: the event is looked
-- up by the session's id in this narrow index (200 pages for 60,000 sessions), not in its row.
CREATE INDEX sessions_id_event ON sessions(id, event_id);

-- The organizations its speakers spoke for besides, and in which sessions (their dates are in
-- session_credits): with the session in the index, no appearance row is read. It keeps its name
-- and is a superset of 0005's, so every statement that used it still can.
DROP INDEX appearances_person_org;
CREATE INDEX appearances_person_org ON appearances(person_id, org_id, session_id);
