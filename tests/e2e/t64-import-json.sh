# t64-import-json.sh: schedule.json (pretalx's, and a merged one with reused ids) and Sched's API
# export: the same mapping and identity rules as schedule.xml, the company field over the name's,
# updates, and hostile JSON (deep, huge, cut, NUL) leaving the database as it was.
. "$(dirname "$0")/lib.sh"
D=tests/data/readers
imp() { "$LECTERN" import --db "$DB" "$@"; }
# (the data generations count every write, an import's run too)
dump() { sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO source_keys' -e 'sqlite_sequence' \
	-e '^INSERT INTO data_generations'; }
speakers() {
	sql "SELECT group_concat(n, '; ') FROM (SELECT p.name || ' @ ' || coalesce(o.name, '-') AS n FROM sessions s
		JOIN appearances a ON a.session_id = s.id JOIN people p ON p.id = a.person_id
		LEFT JOIN organizations o ON o.id = a.org_id WHERE s.title = '$1' ORDER BY s.starts_at, a.position)"
}
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1

# --- schedule.json ----------------------------------------------------------------------------
out=$(imp --quiet "$D/democon_pretalx.json" 2>&1)
check "pretalx: 36 sessions, 27 people, 2 rooms, in UTC as the file says" \
	grep -q 'sessions 36 new.*; 2 rooms; people 27 new.*times in UTC' <<<"$out"
check "pretalx: the event from the conference" \
	test "$(sql "SELECT slug || '|' || starts_on || '|' || ends_on FROM events")" = "democon|2020-12-14|2020-12-16"
check "pretalx: <date> with its offset is the instant" \
	test "$(sql "SELECT starts_at FROM sessions WHERE title = 'Focused 5thgeneration hardware'")" = 2020-12-14T08:00:00+00:00
check "pretalx: public_name is the speaker" test "$(speakers 'Focused 5thgeneration hardware')" = "Brian Robinson @ -"
check "pretalx: Talk is a talk, Workshop a tutorial" test "$(sql "SELECT group_concat(kind || '=' || n) FROM (SELECT kind, count(*) AS n FROM sessions GROUP BY kind ORDER BY kind)")" = "talk=27,tutorial=9"
out=$(imp --quiet "$D/merged-schedule.json" 2>"$TMP/err")
check "merged: 8 sessions (a workshop's two slots), 7 people, 3 organizations" \
	grep -q 'sessions 8 new.*people 7 new; organizations 3 new' <<<"$out"
check "merged: 'Name [Org]' credits the organization" test "$(speakers 'Opening Keynote')" = "Karin Huber @ Red Hat"
check "merged: HTML abstracts made text, paragraphs kept" \
	test "$(sql "SELECT abstract FROM sessions WHERE title = 'Opening Keynote'")" = "$(printf 'Welcome to Vienna.\n\nTwo paragraphs.')"
check "merged: id 7 reused by another part is another person" test "$(speakers 'Service Mesh Without Tears')" = "Jonas Pichler @ Dynatrace"
check "merged: id 0 is no key; the same name and organization is the same person" \
	test "$(sql "SELECT count(*) FROM people WHERE name = 'Karin Huber'")-$(speakers 'Policy as Code Panel')" = "1-Karin Huber @ Red Hat; Felix Hofer @ -"
check "merged: persons written as plain strings" test "$(speakers 'Hands-on: Kubernetes Operators' | cut -d';' -f1)" = "Mia Steiner @ SAP"
check "merged: the workshop's two slots" test "$(sql "SELECT group_concat(starts_at) FROM sessions WHERE title = 'Hands-on: Kubernetes Operators'")" = \
	"2025-11-06T11:00:00+01:00,2025-11-06T14:00:00+01:00"
check "merged: duration 00:00 left empty, with a warning naming its line" \
	sh -c "test \"\$(sqlite3 '$DB' \"SELECT coalesce(duration_min, '-') FROM sessions WHERE title = 'Zero-Duration Talk'\")\" = - && grep -q 'merged-schedule.json:63: warning: .*duration 00:00' '$TMP/err'"
check "merged: 'end' gives the duration; after midnight stays on its day" \
	test "$(sql "SELECT starts_at || '|' || duration_min || '|' || kind FROM sessions WHERE title = 'Late Night Lightning Talks'")" = "2025-11-07T00:30:00+01:00|60|lightning"
check "merged: Pentabarf's podium is a talk, lunch is other" \
	test "$(sql "SELECT group_concat(kind) FROM sessions WHERE title IN ('Service Mesh Without Tears', 'Lunch')")" = "other,talk"
check "merged: the conference's date-time start taken as its date" grep -q 'conference start 2025-11-06T09:00:00+01:00: taken as 2025-11-06' "$TMP/err"
dump >"$TMP/before.sql"
out=$( (imp --quiet "$D/democon_pretalx.json"; imp --quiet "$D/merged-schedule.json") 2>/dev/null)
dump >"$TMP/after.sql"
check "schedule.json: re-import changes nothing" bash -c "test \$(grep -c ' 0 new, 0 changed, [0-9]* unchanged, 0 cancelled' <<<'$out') = 2 && cmp -s '$TMP/before.sql' '$TMP/after.sql'"
python3 - "$D/merged-schedule.json" "$TMP/merged2.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
rooms = s["schedule"]["conference"]["days"][1]["rooms"]
rooms["Saal 2"] = [e for e in rooms["Saal 2"] if e["title"] != "Service Mesh Without Tears"]
json.dump(s, open(sys.argv[2], "w"))
PY
out=$(imp --quiet --dry-run "$TMP/merged2.json" 2>/dev/null)
check "schedule.json: an event gone would be cancelled (dry run)" grep -q ' 0 new, 0 changed, 7 unchanged, 1 cancelled' <<<"$out"

# --- Sched's API export ------------------------------------------------------------------------
S=$TMP/sched.db
"$LECTERN" migrate --db "$S" >/dev/null 2>&1
ssql() { sqlite3 -batch "$S" "$@"; }
ssql "INSERT INTO events (name, slug, starts_on, ends_on, time_zone) VALUES ('KubeCon + CloudNativeCon Europe 2025', 'kccnceu2025', '2025-04-01', '2025-04-04', 'Europe/London')"
out=$("$LECTERN" import --db "$S" --event kccnceu2025 "$D/sched-export.json" 2>&1)
check "sched API: 6 sessions into the event asked for (an inactive one left out), in its zone" \
	grep -q 'sessions 6 new.*times in Europe/London' <<<"$out"
check "sched API: local wall time read in the event's zone" \
	test "$(ssql "SELECT starts_at || '|' || duration_min FROM sessions WHERE title = 'Opening Remarks'")" = "2025-04-02T09:00:00+01:00|15"
check "sched API: the company field wins over the name's" \
	test "$(ssql "SELECT o.name FROM appearances a JOIN people p ON p.id = a.person_id JOIN organizations o ON o.id = a.org_id WHERE p.name = 'Lin Wei'")" = "Alibaba Cloud"
check "sched API: an empty company field takes the name's" \
	test "$(ssql "SELECT o.name FROM appearances a JOIN people p ON p.id = a.person_id JOIN organizations o ON o.id = a.org_id WHERE p.name = 'Marta Kowalska'")" = Intel
check "sched API: kinds from the prefix and event_type" \
	test "$(ssql "SELECT group_concat(title || '=' || kind, ';') FROM (SELECT title, kind FROM sessions ORDER BY title)")" = \
	"Auditing at Scale=talk;Build a Platform=tutorial;Coffee Break=other;Five Minutes of Flux=lightning;Opening Remarks=keynote;Scaling Clusters=talk"
check "sched API: event_type topics are tracks, venue the room" \
	test "$(ssql "SELECT track || '|' || room FROM sessions WHERE title = 'Scaling Clusters'")" = "Scheduling + Batch|Room 101"
check "sched API: event_key is the source key" test "$(ssql "SELECT count(*) FROM source_keys WHERE kind = 'session' AND key IN ('K1', 'T1', 'W1')")" = 3
python3 - "$D/sched-export.json" "$TMP/export2.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for e in s:
    if e["event_key"] == "T2": e["active"] = "N"
    if e["event_key"] == "K1": e["event_start"], e["event_end"] = "2025-04-02 09:05", "2025-04-02 09:20"
s = [e for e in s if e["event_key"] != "L1"]
json.dump(s, open(sys.argv[2], "w"))
PY
out=$("$LECTERN" import --db "$S" --event kccnceu2025 --quiet "$TMP/export2.json" 2>&1)
check "sched API update: moved, inactive and vanished sessions" grep -q '0 new, 1 changed, 3 unchanged, 2 cancelled' <<<"$out"
check "sched API update: nothing deleted" test "$(ssql "SELECT count(*) FROM sessions")-$(ssql "SELECT count(*) FROM sessions WHERE status = 'cancelled'")" = 6-2
out=$("$LECTERN" import --db "$S" --event kccnceu2025 --quiet "$TMP/export2.json" 2>&1)
check "sched API: re-import is a no-op" grep -q '0 new, 0 changed, 4 unchanged, 0 cancelled' <<<"$out"

# --- hostile JSON ------------------------------------------------------------------------------
python3 -c "print('{\"schedule\": ' + '[' * 100000 + ']' * 100000 + '}')" >"$TMP/deep.json"
python3 -c "print('[' + '{\"event_key\": \"a\", \"x\": ' * 40 + '1' + '}' * 40 + ']')" >"$TMP/deep2.json"
python3 -c "print('[{\"event_key\": \"a\", \"name\": \"' + 'x' * 20000000 + '\"}]')" >"$TMP/huge.json"
python3 -c "print('[{\"event_key\": \"a\", \"speakers\": [' + ','.join(['{\"name\": \"n\"}'] * 300000) + ']}]')" >"$TMP/wide.json"
printf '[{"event_key": "a", "name": "cut' >"$TMP/cut.json"
printf '[{"event_key": "a", "name": "a\\u0000b"}]' >"$TMP/nul.json"
printf '[{"event_key": "a", "name": "Caf\351"}]' >"$TMP/latin1.json"
printf '[{"event_key": "a"}] trailing' >"$TMP/trailing.json"
printf '{"schedule": {"version": "1"}}' >"$TMP/noconf.json"
printf '{"error": "bad api key"}' >"$TMP/error.json"
sqlite3 "$S" .dump >"$TMP/before.sql"
for f in deep:'nested deeper than 32' deep2:'nested deeper than 32' huge:'without a value ending' \
	wide:'more than 200000 values' cut:'premature EOF' nul:'NUL character' latin1:'invalid bytes in UTF8' \
	trailing:'trailing garbage' noconf:'no "conference"' error:'neither a schedule.json'; do
	name=${f%%:*} why=${f#*:}
	"$LECTERN" import --db "$S" "$TMP/$name.json" >/dev/null 2>"$TMP/err"
	rc=$?
	check "$name: refused (status $rc), saying why: $(head -c 150 "$TMP/err" | tr '\n' ' ')" \
		sh -c "test $rc = 1 && grep -Fq '$why' '$TMP/err' && grep -Eq '$name\.json:[0-9]+:[0-9]+: ' '$TMP/err'"
done
sqlite3 "$S" .dump >"$TMP/after.sql"
check "every refused file left the database identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"
check "the full-text indexes agree with the records" fts_agrees "$DB"
