# t60-import.sh: schedule.xml imports: real producers' files, repeatability, updates, conflicts, and every
# malicious or broken file leaving the database exactly as it was.
. "$(dirname "$0")/lib.sh"
D=tests/data
imp() { "$LECTERN" import --db "$DB" "$@"; }
# The registry's records; the importer's own bookkeeping (runs, keys last seen, changes) is left out.
# (the data generations count every write, a re-import's too)
dump() { sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO source_keys' -e 'sqlite_sequence' \
	-e '^INSERT INTO data_generations'; }
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1

# Three producers.
out=$(imp --quiet "$D/debconf23_wafer.xml")
check "wafer: 117 sessions, 5 rooms, 87 people" grep -q 'sessions 117 new.*; 5 rooms; people 87 new' <<<"$out"
check "wafer: <date> (UTC) is the authority, shown in the conference zone" \
	test "$(sql "SELECT starts_at FROM sessions WHERE title = 'Opening Ceremony'")" = 2023-09-10T10:30:00+05:30
check "wafer: the event takes the conference's zone" test "$(sql "SELECT time_zone FROM events WHERE slug = 'debconf23'")" = Asia/Kolkata
out=$(imp --quiet --tz Europe/Brussels "$D/fosdem-2010_pentabarf.xml")
check "pentabarf: 300 sessions, 20 rooms with sessions" grep -q 'sessions 300 new.*; 20 rooms;' <<<"$out"
check "pentabarf: no zone in the file, --tz used" test "$(sql "SELECT starts_at FROM sessions WHERE title = 'Welcome'")" = 2010-02-06T10:00:00+01:00
check "pentabarf: track Keynotes makes keynotes" test "$(sql "SELECT kind FROM sessions WHERE title = 'Welcome'")" = keynote
check "pentabarf: type Podium is Pentabarf's ordinary talk" test "$(sql "SELECT kind FROM sessions WHERE title LIKE 'Rich Mobile UI%'")" = talk
out=$(imp --quiet "$D/good-2025_pretalx.xml")
check "pretalx: 72 sessions, 5 rooms, 63 people" grep -q 'sessions 72 new.*; 5 rooms; people 63 new' <<<"$out"
check "pretalx: \"Name [Org]\" credits the organization" \
	test "$(sql "SELECT count(*) FROM appearances a JOIN organizations o ON o.id = a.org_id WHERE o.name = 'Ohio Supercomputer Center'")" -gt 5
check "pretalx: names are stored without the [Org]" test "$(sql "SELECT count(*) FROM people WHERE name LIKE '%[%'")" = 0
check "pretalx: durations of hours" test "$(sql "SELECT duration_min FROM sessions WHERE title = 'Contributor Jam'")" = 240
check "imports are recorded with their SHA-256" \
	test "$(sql "SELECT sha256 FROM import_runs WHERE file_name LIKE '%pretalx%'")" = "$(sha256sum "$D/good-2025_pretalx.xml" | cut -c1-64)"

# Re-importing changes nothing.
dump >"$TMP/before.sql"
: >"$TMP/out"
for f in debconf23_wafer.xml good-2025_pretalx.xml; do imp --quiet "$D/$f" >>"$TMP/out"; done
imp --quiet --tz Europe/Brussels "$D/fosdem-2010_pentabarf.xml" >>"$TMP/out"
dump >"$TMP/after.sql"
check "re-import reports every session unchanged" test "$(grep -c ' 0 new, 0 changed, [0-9]* unchanged, 0 cancelled' "$TMP/out")" = 3
check "re-import leaves the records identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"

# An updated schedule: one title changed, one talk moved, one removed, one added.
python3 - "$D/good-2025_pretalx.xml" "$TMP/updated.xml" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
src = src.replace("<title>Contributor Jam</title>", "<title>Contributor Jam (extended)</title>", 1)
src = src.replace("<date>2025-03-18T09:00:00-04:00</date>", "<date>2025-03-18T10:00:00-04:00</date>", 1)
events = re.findall(r"\s*<event guid='[^']*' id='[^']*'>.*?</event>", src, re.S)
victim = events[-1]
src = src.replace(victim, "", 1)
new = events[0].replace(re.search(r"guid='([^']*)'", events[0]).group(1), "11111111-2222-3333-4444-555555555555")
new = re.sub(r"<title>[^<]*</title>", "<title>A brand new talk</title>", new, count=1)
src = src.replace(events[0], events[0] + new, 1)
open(sys.argv[2], "w", encoding="utf-8").write(src)
PY
moved=$(grep -c '2025-03-18T09:00:00-04:00' "$D/good-2025_pretalx.xml")
out=$(imp "$TMP/updated.xml")
check "update: one new" grep -q 'sessions 1 new' <<<"$out"
check "update: the title and the moved talk changed" grep -q "1 new, $((1 + (moved > 0 ? 1 : 0))) changed" <<<"$out"
check "update: the removed talk is cancelled, not deleted" grep -q '1 cancelled' <<<"$out"
check "the renamed session kept its id" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Contributor Jam (extended)'")" = 1
check "nothing was deleted" test "$(sql "SELECT count(*) FROM sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = 'good-2025'")" = 73

# A hand edit is not overwritten silently.
sql "UPDATE sessions SET title = 'Contributor Jam, edited by staff' WHERE title = 'Contributor Jam (extended)'"
sed 's/Contributor Jam (extended)/Contributor Jam (final)/' "$TMP/updated.xml" >"$TMP/updated2.xml"
out=$(imp "$TMP/updated2.xml")
check "the conflict is reported" grep -q 'conflict: .*title was edited here' <<<"$out"
check "and the hand edit is kept" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Contributor Jam, edited by staff'")" = 1

# Undo restores exactly what a run changed: the update (title, move, removal, addition) ...
run=$(sql "SELECT max(id) FROM import_runs")
"$LECTERN" import --db "$DB" --undo "$((run - 1))" >/dev/null 2>"$TMP/err"
check "only the latest run of an event can be undone" grep -q 'later imports of the same event' "$TMP/err"
sql "UPDATE sessions SET title = 'Contributor Jam (extended)' WHERE title = 'Contributor Jam, edited by staff'"
"$LECTERN" import --db "$DB" --undo "$run" >/dev/null
"$LECTERN" import --db "$DB" --undo "$((run - 1))" >/dev/null
check "undone: the schedule is back to the first import's" test "$(sql "SELECT count(*) FROM sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = 'good-2025' AND s.status = 'scheduled'")" = 72
check "undone: the added session is gone" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'A brand new talk'")" = 0
check "undone: the title is the source's again" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Contributor Jam'")" -ge 1
"$LECTERN" import --db "$DB" --undo "$run" >/dev/null 2>&1
check "a run cannot be undone twice" test $? = 1
check "--list marks undone runs" sh -c "'$LECTERN' import --db '$DB' --list | grep -q ' undone$'"
# ... and a first import, which leaves nothing behind.
T2=$TMP/undo.db
"$LECTERN" migrate --db "$T2" >/dev/null 2>&1
# (the full-text index's internal pages are compared by what they find, not byte for byte)
# (what undo deleted is in the history: compared apart)
sqlite3 "$T2" .dump | grep -v -e '^INSERT INTO import_' -e 'sqlite_sequence' -e '_fts_' -e '^INSERT INTO audit' \
	-e '^INSERT INTO data_generations' >"$TMP/empty.sql"
"$LECTERN" import --db "$T2" --quiet "$D/good-2025_pretalx.xml" >/dev/null 2>&1
"$LECTERN" import --db "$T2" --undo 1 >/dev/null
sqlite3 "$T2" .dump | grep -v -e '^INSERT INTO import_' -e 'sqlite_sequence' -e '_fts_' -e '^INSERT INTO audit' \
	-e '^INSERT INTO data_generations' >"$TMP/undone.sql"
check "and the search finds nothing of it" test "$(sqlite3 "$T2" "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'contributor'")" = 0
check "undoing a first import leaves the database as it was (people, organizations, event)" cmp -s "$TMP/empty.sql" "$TMP/undone.sql"
check "every record undo deleted is in the history, restorable (72 sessions, 63 people, 43 organizations, 1 event)" \
	test "$(sqlite3 "$T2" "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM audit WHERE action = 'delete' AND after IS NULL AND before IS NOT NULL GROUP BY kind ORDER BY kind)")" = "1 43 63 72"

# The full-text indexes: the importer indexes the rows it adds in one pass before it commits
# (schema/0005), the triggers index the rest; after imports, updates, a conflict and undos
# both must agree with the records.
check "the full-text indexes agree with the records" fts_agrees "$DB"
check "no deferral is left behind" test "$(sql 'SELECT count(*) FROM fts_deferred')" = 0
check "an imported session is found by the search" \
	test "$(sql "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH '\"opening ceremony\"'")" -ge 1
check "an imported speaker is found by the search" \
	test "$(sql "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'name:$(sql "SELECT name FROM people ORDER BY id DESC LIMIT 1" | cut -d' ' -f1)'")" -ge 1
sql "UPDATE sessions SET title = 'Renamed after the import' WHERE title = 'Opening Ceremony'"
check "an edit after an import is indexed by the triggers" \
	test "$(sql "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH '\"renamed after the import\"'")" = 1

# Several files in one command: each its own transaction; a bad one among them is reported
# with its place and changes nothing, the others are imported, and the status says it failed.
M=$TMP/many.db
"$LECTERN" migrate --db "$M" >/dev/null 2>&1
head -c 3000 "$D/good-2025_pretalx.xml" >"$TMP/cut.xml"
"$LECTERN" import --db "$M" --quiet "$D/debconf23_wafer.xml" "$TMP/cut.xml" "$D/good-2025_pretalx.xml" \
	>"$TMP/many.out" 2>"$TMP/many.err"
rc=$?
check "several files: the bad one fails the command (status $rc)" test "$rc" = 1
check "and is named with line and column" grep -Eq 'cut\.xml:[0-9]+:[0-9]+: ' "$TMP/many.err"
check "the good ones before and after it are imported" \
	test "$(sqlite3 "$M" 'SELECT count(*) FROM import_runs')-$(sqlite3 "$M" 'SELECT count(*) FROM sessions')" = 2-189
check "each with its summary line" test "$(grep -c 'sessions [0-9]* new' "$TMP/many.out")" = 2
"$LECTERN" import --db "$M" --event debconf23 "$D/debconf23_wafer.xml" "$D/good-2025_pretalx.xml" >/dev/null 2>&1
check "--event takes one file only (usage error)" test $? = 2
rm -f "$M"*
"$LECTERN" migrate --db "$M" >/dev/null 2>&1
out=$("$LECTERN" import --db "$M" "$D/debconf23_wafer.xml")
check "without --quiet every change is listed, before the summary" \
	test "$(grep -c '^new: ' <<<"$out")-$(tail -n 2 <<<"$out" | head -n 1 | grep -c 'sessions 117 new')" = 117-1

# Dry run.
dump >"$TMP/before.sql"
out=$(imp --dry-run "$D/good-2025_pretalx.xml")
check "a dry run reports" grep -q 'dry run: .*nothing written' <<<"$out"
dump >"$TMP/after.sql"
check "and writes nothing" cmp -s "$TMP/before.sql" "$TMP/after.sql"
out=$("$LECTERN" import --dry-run --db "$TMP/fresh.db" "$D/debconf23_wafer.xml" 2>&1)
check "a dry run of a new event counts the rooms the import would make (5, not 0)" \
	grep -q 'dry run: .*sessions 117 new.*; 5 rooms;' <<<"$out"
out=$("$LECTERN" import --dry-run --db "$TMP/fresh.db" "$D/fosdem-2010_pentabarf.xml" 2>/dev/null)
check "a count of one in the singular: 1 warning, not 1 warnings" grep -q '; 0 matches to review; 0 conflicts; 1 warning;' <<<"$out"

# Broken and malicious files: a clear error (file:line:column: reason), non-zero, nothing written.
mk() { printf '%s' "$2" >"$TMP/$1.xml"; }
mk laughs '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><schedule><conference><title>&lol3;</title></conference></schedule>'
mk xxe '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schedule><conference><title>&xxe;</title></conference></schedule>'
python3 -c "print('<schedule>' + '<a>' * 100000 + '</a>' * 100000 + '</schedule>')" >"$TMP/deep.xml"
printf '<schedule><conference><title>Bad \xff\xfe bytes</title></conference></schedule>' >"$TMP/utf8.xml"
head -c 5000 "$D/good-2025_pretalx.xml" >"$TMP/truncated.xml"
mk root '<?xml version="1.0"?><calendar><event/></calendar>'
conf='<conference><title>T</title><start>2024-01-10</start><end>2024-01-11</end><time_zone_name>UTC</time_zone_name></conference>'
ev() { printf '<schedule>%s<day date="2024-01-10" index="1"><room name="R"><event id="1">%s</event></room></day></schedule>' "$conf" "$1"; }
: >"$TMP/empty.xml"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' >"$TMP/ics.xml"
printf '{"schedule": {"version": "1"}}' >"$TMP/json.xml"
printf 'title,speaker,start\nA talk,Ann,10:00\n' >"$TMP/csv.xml"
sqlite3 "$DB" .dump >"$TMP/before.sql"	# everything, bookkeeping included
for f in laughs xxe deep utf8 truncated root empty ics json csv; do
	imp "$TMP/$f.xml" >/dev/null 2>"$TMP/err"
	rc=$?
	check "$f: refused (status $rc)" test "$rc" = 1
	check "$f: the message names file, line and column: $(head -c 120 "$TMP/err" | tr '\n' ' ')" \
		grep -Eq "$f\.xml:[0-9]+:[0-9]+: " "$TMP/err"
done
# (the other formats are read by their own readers, whatever the file's name: t63-t65)
check "an empty calendar says so" sh -c "'$LECTERN' import --db '$DB' '$TMP/ics.xml' 2>&1 | grep -q 'the calendar has no events'"
check "a schedule.json without a conference says so" sh -c "'$LECTERN' import --db '$DB' '$TMP/json.xml' 2>&1 | grep -q 'no \"conference\"'"
check "a sheet without dates says so" sh -c "'$LECTERN' import --db '$DB' '$TMP/csv.xml' 2>&1 | grep -q 'no row gives a date'"
# A session that cannot be used is left out or left incomplete, with a warning that names it and
# the line of the element at fault; --strict refuses the file at that warning instead.
ev '<start>10:00</start><duration>00:30</duration>' >"$TMP/notitle.xml"
ev '<title>No start</title><duration>00:30</duration>' >"$TMP/nostart.xml"
ev '<date>2024-02-30T10:00:00+00:00</date><title>Bad date</title>' >"$TMP/baddate.xml"
ev '<start>10:00</start><duration>00:75</duration><title>Bad duration</title>' >"$TMP/baddur.xml"
for f in notitle nostart baddate baddur; do
	"$LECTERN" import --db "$DB" --strict "$TMP/$f.xml" >/dev/null 2>"$TMP/err"
	rc=$?
	check "$f --strict: refused (status $rc)" test "$rc" = 1
	check "$f --strict: file and line: $(head -c 120 "$TMP/err" | tr '\n' ' ')" grep -Eq "$f\.xml:1: .*--strict" "$TMP/err"
done
check "xxe: /etc/passwd never read into the database" test "$(sql "SELECT count(*) FROM events WHERE name LIKE 'root:%'")" = 0
sqlite3 "$DB" .dump >"$TMP/after.sql"
check "every refused file left the database identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"
# (each into a database of its own: the four share one conference and one session id)
want_notitle='' want_nostart='No start:-:30' want_baddate='Bad date:-:-' want_baddur='Bad duration:2024-01-10T10:00:00+00:00:-'
for f in notitle nostart baddate baddur; do
	M2=$TMP/lenient-$f.db
	"$LECTERN" migrate --db "$M2" >/dev/null 2>&1
	"$LECTERN" import --db "$M2" "$TMP/$f.xml" >"$TMP/out" 2>"$TMP/err"
	check "$f: imported all the same (status $?)" grep -Eq ' [1-9][0-9]* warnings?;' "$TMP/out"
	check "$f: with a warning naming file and line: $(head -c 140 "$TMP/err" | tr '\n' ' ')" \
		grep -Eq "$f\.xml:1: warning: " "$TMP/err"
	want=want_$f
	check "$f: ${!want:-left out}" test "$(sqlite3 "$M2" "SELECT title || ':' || coalesce(starts_at, '-') || ':' ||
		coalesce(duration_min, '-') FROM sessions")" = "${!want}"
done
check "integrity is ok" test "$(sql 'PRAGMA integrity_check')" = ok
"$LECTERN" import --db "$DB" --tz Mars/Olympus "$D/good-2025_pretalx.xml" >/dev/null 2>&1
check "an unknown --tz is a usage error" test $? = 2
check "import --list shows the runs" test "$("$LECTERN" import --db "$DB" --list | wc -l)" -ge 8

# SIGKILL in the middle of a large import: afterwards the import is whole or absent, never half.
# The kill comes once the import has spilled pages to the WAL, so it lands while it writes.
K=$TMP/kill.db
"$LECTERN" migrate --db "$K" >/dev/null 2>&1
python3 tests/bench/synth_schedule.py 40000 12000 >"$TMP/big.xml"
"$LECTERN" import --db "$K" --quiet "$TMP/big.xml" >/dev/null 2>&1 &
victim=$!
for _ in $(seq 1 600); do
	[ "$(stat -c %s "$K-wal" 2>/dev/null || echo 0)" -gt 4000000 ] && break
	sleep 0.02
done
check "the kill lands while the import is writing" kill -KILL $victim
wait $victim 2>/dev/null
check "integrity is ok after SIGKILL during an import" test "$(sqlite3 "$K" 'PRAGMA integrity_check')" = ok
got=$(sqlite3 "$K" 'SELECT count(*) FROM sessions')
check "the import is whole or absent ($got sessions)" test "$got" = 0 -o "$got" = 40000
check "a run is recorded only for a whole import" test "$(sqlite3 "$K" 'SELECT count(*) FROM import_runs')" = "$([ "$got" = 0 ] && echo 0 || echo 1)"
check "no deferral survives the kill" test "$(sqlite3 "$K" 'SELECT count(*) FROM fts_deferred')" = 0
