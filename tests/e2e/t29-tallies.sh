# t29-tallies.sh: the organizations' tallies kept by triggers (schema/0013) follow every kind of
# change to the records they count, the pages show them, and `lectern check` finds a table that
# has drifted from its full recount.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
fk() { sqlite3 -batch -cmd "PRAGMA foreign_keys = ON" "$DB" "$@"; }
# The figures as 0002's views counted them, straight from the records.
SCHEDULED="FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id
	WHERE a.org_id = (SELECT id FROM organizations WHERE slug = 'spotify') AND s.status = 'scheduled'"
recount() {
	sql "SELECT (SELECT count(DISTINCT a.session_id) $SCHEDULED AND s.kind = 'keynote') || ' ' ||
		(SELECT count(DISTINCT a.session_id) $SCHEDULED AND s.kind <> 'keynote') || ' ' ||
		(SELECT count(DISTINCT a.person_id) $SCHEDULED) || ' ' ||
		(SELECT count(DISTINCT a.session_id) $SCHEDULED AND e.parent_id IS NOT NULL)"
}
shown() {
	http "$URL/orgs/spotify.json" | python3 -c 'import json, sys; j = json.load(sys.stdin); print(j["figures"]["keynotes"], j["figures"]["talks"])'
}
clean() {
	"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1 && ! grep -q tallies "$TMP/check"
}
# no_drift: the same, but for the dangling appearances a delete without foreign keys leaves.
no_drift() {
	"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
	! grep -v 'foreign key: appearances' "$TMP/check" | grep -q 'tallies\|foreign key'
}
check "the demo's tallies are their recount" clean
org=$(sql "SELECT id FROM organizations WHERE slug = 'spotify'")
sid=$(sql "SELECT a.session_id FROM appearances a WHERE a.org_id = $org LIMIT 1")
eid=$(sql "SELECT event_id FROM sessions WHERE id = $sid")
pid=$(sql "SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM appearances WHERE session_id = $sid) LIMIT 1")
before=$(recount)

# Each change, with foreign keys on as the server has them.
fk "UPDATE sessions SET kind = 'keynote' WHERE id = $sid"
check "a session's kind" clean
fk "UPDATE sessions SET status = 'cancelled' WHERE id = $sid"
check "a session cancelled" clean
check "counts one session fewer" test "$(recount)" != "$before"
fk "UPDATE sessions SET status = 'scheduled', starts_at = '2001-01-01T10:00:00+00:00' WHERE id = $sid"
check "a session scheduled again, at another time" clean
fk "UPDATE events SET starts_on = '2001-02-03' WHERE id = $eid"
check "an event's date" clean
fk "UPDATE events SET parent_id = (SELECT min(id) FROM events WHERE id <> $eid) WHERE id = $eid"
check "an event made co-located" clean
fk "INSERT INTO appearances(session_id, person_id, org_id, position) VALUES ($sid, $pid, $org, 9)"
check "a speaker added" clean
fk "UPDATE appearances SET org_id = NULL WHERE session_id = $sid AND person_id = $pid"
check "a speaker's organization taken away" clean
fk "UPDATE appearances SET org_id = $org WHERE session_id = $sid AND person_id = $pid"
check "and given back" clean
fk "DELETE FROM appearances WHERE session_id = $sid AND person_id = $pid"
check "a speaker removed" clean
fk "DELETE FROM sessions WHERE id = $sid"
check "a session deleted (its appearances by cascade)" clean
sqlite3 "$DB" "PRAGMA foreign_keys = OFF; DELETE FROM sessions WHERE id = (SELECT session_id FROM appearances
	WHERE org_id = $org AND session_id <> $sid LIMIT 1)"
check "a session deleted without foreign keys (its appearances stay)" no_drift

start_server || exit 1
read -r k t _ <<<"$(recount)"
check "the page shows the recount's keynotes and talks ($k $t)" test "$(shown)" = "$k $t"
stop_server

# Drifted tables: a row missing, a row changed, a row too many.
cp "$DB" "$TMP/good.db"
sql "DELETE FROM org_speakers WHERE (org_id, person_id) IN (SELECT org_id, person_id FROM org_speakers LIMIT 1)"
"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
check "check fails on a speaker's row missing" test $? -ne 0
check "naming the table and how it drifted" grep -q 'tallies: org_speakers: 0 rows not in its recount, 1 of its recount missing' "$TMP/check"
cp "$TMP/good.db" "$DB"
sql "UPDATE session_credits SET year = year + 1 WHERE session_id = (SELECT min(session_id) FROM session_credits)"
"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
check "check fails on a credit changed" test $? -ne 0
check "naming it" grep -q 'tallies: session_credits: 1 rows not in its recount, 1 of its recount missing' "$TMP/check"
cp "$TMP/good.db" "$DB"
sql "INSERT INTO org_speakers VALUES ($org, 999999, 3)"
"$LECTERN" check --db "$DB" >"$TMP/check" 2>&1
check "check fails on a speaker too many" grep -q 'tallies: org_speakers: 1 rows not in its recount' "$TMP/check"
