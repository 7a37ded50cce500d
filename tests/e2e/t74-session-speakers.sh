# t74-session-speakers.sh: each session's speakers packed in a table kept by triggers (schema/0015)
# follow every kind of change to the appearances, people, organizations and sessions they are made
# of, the schedule shows them, and `lectern check` finds the table drifted from its full recount.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
fk() { sqlite3 -batch -cmd "PRAGMA foreign_keys = ON" "$DB" "$@"; }
clean() {
	"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
	! grep -q 'tallies: session_speakers' "$TMP/check"
}
# packed SESSION: the session's speakers as the table holds them.
packed() { sql "SELECT speakers FROM session_speakers WHERE session_id = $1"; }
check "the demo's packed speakers are their recount" clean
check "every session has its row" test "$(sql "SELECT count(*) FROM session_speakers")" = "$(sql "SELECT count(*) FROM sessions")"
sid=$(sql "SELECT session_id FROM appearances GROUP BY session_id HAVING count(*) > 1 LIMIT 1")
eid=$(sql "SELECT event_id FROM sessions WHERE id = $sid")
pid=$(sql "SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM appearances WHERE session_id = $sid) LIMIT 1")
org=$(sql "SELECT id FROM organizations LIMIT 1")
speaker=$(sql "SELECT person_id FROM appearances WHERE session_id = $sid ORDER BY position, id LIMIT 1")

fk "INSERT INTO appearances(session_id, person_id, org_id, position) VALUES ($sid, $pid, $org, 9)"
check "a speaker added" clean
last=$(packed "$sid" | tr '\036\037' '\n|' | tail -n 1)
check "and packed last, with the organization's name" test "$last" = "$pid|$(sql "SELECT slug || '|' || name FROM people WHERE id = $pid")|$(sql "SELECT name FROM organizations WHERE id = $org")"
fk "UPDATE appearances SET position = 1 WHERE session_id = $sid AND person_id = $pid; UPDATE appearances SET position = 5 WHERE session_id = $sid AND person_id <> $pid"
check "the speakers put in another order" clean
check "the added one first now" test "$(packed "$sid" | tr '\037' '\n' | head -n 1)" = "$pid"
fk "UPDATE appearances SET org_id = NULL WHERE session_id = $sid AND person_id = $pid"
check "a speaker's organization taken away" clean
fk "UPDATE people SET name = 'Renamed Speaker' WHERE id = $speaker"
check "a speaker renamed" clean
fk "UPDATE people SET slug = 'renamed-speaker' WHERE id = $speaker"
check "and given another slug" clean
fk "UPDATE organizations SET name = 'Renamed Organization' WHERE id = $org"
check "an organization renamed" clean
fk "DELETE FROM appearances WHERE session_id = $sid AND person_id = $pid"
check "a speaker removed" clean
other=$(sql "SELECT id FROM events WHERE id <> $eid LIMIT 1")
fk "UPDATE sessions SET event_id = $other WHERE id = $sid"
check "a session moved to another event" clean
fk "INSERT INTO sessions(event_id, title) VALUES ($eid, 'A new session')"
check "a session added" clean
fk "DELETE FROM sessions WHERE id = $sid"
check "a session deleted (its appearances by cascade)" clean
lone=$(sql "SELECT person_id FROM appearances WHERE person_id <> $speaker LIMIT 1")
sqlite3 "$DB" "PRAGMA foreign_keys = OFF; DELETE FROM people WHERE id = $lone"
check "a speaker deleted without foreign keys (the appearances stay, for no one)" clean

start_server || exit 1
slug=$(sql "SELECT e.slug FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id
	WHERE a.person_id = $speaker LIMIT 1")
expect_body "the schedule shows the renamed speaker" 'Renamed Speaker' "/events/$slug"
fk "UPDATE people SET name = 'Renamed Twice' WHERE slug = 'renamed-speaker'"
expect_body "and the name after another change, once the server sees it" 'Renamed Twice' "/events/$slug"
stop_server

# Drifted: a row missing, a row changed, a row too many.
cp "$DB" "$TMP/good.db"
sql "DELETE FROM session_speakers WHERE session_id = (SELECT min(session_id) FROM session_speakers)"
"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
check "check fails on a session's row missing" test $? -ne 0
check "naming the table and how it drifted" grep -q 'tallies: session_speakers: 0 rows not in its recount, 1 of its recount missing' "$TMP/check"
cp "$TMP/good.db" "$DB"
sql "UPDATE session_speakers SET speakers = 'x' WHERE session_id = (SELECT min(session_id) FROM session_speakers WHERE speakers IS NOT NULL)"
"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
check "check fails on a session's speakers changed" test $? -ne 0
check "naming it" grep -q 'tallies: session_speakers: 1 rows not in its recount, 1 of its recount missing' "$TMP/check"
cp "$TMP/good.db" "$DB"
sql "INSERT INTO session_speakers VALUES (1, 999999, NULL)"
"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
check "check fails on a row too many" grep -q 'tallies: session_speakers: 1 rows not in its recount' "$TMP/check"
