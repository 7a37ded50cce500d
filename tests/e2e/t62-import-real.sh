# t62-import-real.sh: the shapes real schedule files come in (tests/data/import/, written after
# voc's merged schedules, the CCC hub, pretalx and Pentabarf), each imported with the right
# sessions, people, instants, kinds and warnings; every one re-imports as a no-op, exports valid
# against the XSD and round-trips; an import raises the versions it changes; undo keeps later
# edits and writes what it deletes to the history.
. "$(dirname "$0")/lib.sh"
F=tests/data/import
XSD=tests/data/schedule.xml.xsd
# fresh NAME: a new migrated database $TMP/NAME.db, in $X.
fresh() { X=$TMP/$1.db; rm -f "$X"*; "$LECTERN" migrate --db "$X" >/dev/null 2>&1; }
q() { sqlite3 -batch "$X" "$@"; }
# speakers TITLE: the speakers of a session as "Name [Org]; ...", in order.
speakers() {
	q "SELECT group_concat(who, '; ') FROM (SELECT p.name || coalesce(' [' || o.name || ']', '') AS who
		FROM sessions s JOIN appearances a ON a.session_id = s.id JOIN people p ON p.id = a.person_id
		LEFT JOIN organizations o ON o.id = a.org_id WHERE s.title = '$1' ORDER BY a.position)"
}
field() { q "SELECT coalesce($2, '-') FROM sessions WHERE title = '$1'"; }
# line PATTERN FILE: the line of the first match.
line() { grep -n -m 1 -- "$1" "$2" | cut -d: -f1; }

# A merged file: four sub-schedules, person ids reused across them, id="0" for a wiki's people,
# event ids repeated across parts, one person listed twice in a session.
fresh merged
"$LECTERN" import --db "$X" "$F/merged-congress.xml" >"$TMP/out" 2>"$TMP/err"
check "merged: 9 sessions, 9 people, 2 organizations" grep -q 'sessions 9 new.*people 9 new; organizations 2 new' "$TMP/out"
check "id 5 names two people in the file: no key, each credited right" \
	test "$(speakers 'Linux from scratch, again')|$(speakers 'Radio hour')" = \
	"Linus Example [Example Corp]; Margaret Hamilton [NASA]|Tim Berners; Margaret Hamilton [NASA]"
check "id 6, one name throughout, is one person" test "$(q "SELECT count(*) FROM people WHERE name = 'Margaret Hamilton'")" = 1
check "id=\"0\" is no key: two people on one session stay two" test "$(speakers 'Angel meeting')" = "Kaplannie; DLange"
check "a person listed twice in a session is one appearance" test "$(speakers 'How neural nets learn')" = Iblech
check "event ids repeated across the parts do not collide (101, 1203)" \
	test "$(q "SELECT count(*) FROM sessions WHERE title IN ('Linux from scratch, again', 'Radio hour', 'Listener questions', 'Towel yoga')")" = 4
check "a session after midnight stays on its instant" test "$(field 'A talk after midnight' starts_at)" = 2024-12-28T01:30:00+01:00
check "escaped HTML in a description is text" test "$(field 'How neural nets learn' abstract)" = "Artificial neural nets can learn."
check "the wiki's meeting is of kind other" test "$(field 'Angel meeting' kind)" = other
check "an unknown type is warned about at its line" \
	grep -q "merged-congress.xml:$(line '<type>hands-on' "$F/merged-congress.xml"): warning: \"Towel yoga\" (id 1203): type \"hands-on\"" "$TMP/err"

# Two people who share a first name, told apart by their guids (the hub writes only guids).
fresh names
"$LECTERN" import --db "$X" "$F/first-names.xml" >"$TMP/out" 2>"$TMP/err"
check "names: two people named Alex" test "$(q "SELECT count(*) FROM people WHERE name = 'Alex'")" = 2
check "each session credits the Alex of its guid" test "$(q "SELECT group_concat(a.person_id, ' ') FROM sessions s
	JOIN appearances a ON a.session_id = s.id ORDER BY s.id, a.position")" = "$(q "SELECT min(id) FROM people") $(q "SELECT max(id) FROM people") $(q "SELECT min(id) FROM people") $(q "SELECT max(id) FROM people")"
check "the second Alex is listed to review" grep -q 'review: "Alex" (guid 4cee1e72-.*another guid' "$TMP/out"
check "a conference start written as a date-time is taken as its date, with a warning at its line" \
	grep -q "first-names.xml:$(line '<start>2024-08-01T' "$F/first-names.xml"): warning: conference start 2024-08-01T10:00:00+02:00: taken as 2024-08-01" "$TMP/err"
check "and the event has those dates" test "$(q "SELECT starts_on || ' ' || ends_on FROM events")" = "2024-08-01 2024-08-02"

# Values real files get wrong: zero durations, over-long fields, HTML, bad addresses, unknown types.
fresh odd
"$LECTERN" import --db "$X" "$F/odd-values.xml" >"$TMP/out" 2>"$TMP/err"
check "odd: every session is imported (7)" grep -q 'sessions 7 new' "$TMP/out"
check "duration 00:00 is left empty" test "$(field 'A session of no length' duration_min)" = -
check "with a warning at its line" \
	grep -q "odd-values.xml:$(line '<duration>00:00' "$F/odd-values.xml"): warning: \"A session of no length\" (guid a1b2c3d4-0001-5000-8000-000000000201, id 201): duration 00:00: left empty" "$TMP/err"
check "a missing duration is no warning" test "$(grep -c 'No duration given' "$TMP/err")" = 0
check "a 604-character title is cut to 500 characters" test "$(q "SELECT length(title) FROM sessions WHERE id = 3")" = 500
check "at a character boundary: the file's first 500 characters, two-byte letters whole" python3 - "$X" "$F/odd-values.xml" <<'PY'
import sqlite3, sys, xml.etree.ElementTree as ET
stored = sqlite3.connect(sys.argv[1]).execute("SELECT CAST(title AS BLOB) FROM sessions WHERE id = 3").fetchone()[0]
title = [e.findtext("title") for e in ET.parse(sys.argv[2]).iter("event") if e.get("id") == "203"][0]
sys.exit(0 if stored == title[:500].encode("utf-8") and stored.decode("utf-8") else 1)
PY
check "the cut is warned about" grep -q 'title over 500 characters: cut at a character boundary' "$TMP/err"
check "a 259-character name and a 237-character organization are cut to 200" \
	test "$(q "SELECT max(length(name)) FROM people")-$(q "SELECT max(length(name)) FROM organizations")" = 200-200
check "escaped HTML becomes paragraphs" test "$(field 'Escaped HTML abstract' abstract)" = "$(printf 'First paragraph.\n\nSecond one, bold & plain.')"
check "raw HTML becomes paragraphs and a list, the script left out, the description after it" \
	test "$(field 'Raw HTML abstract' abstract)" = "$(printf 'One\n\n- first item\n- second item\n\nA plain description.')"
check "a javascript: address is left out, with a warning" \
	test "$(field 'An address that is not one' url)" = - -a "$(grep -c 'url "javascript:alert(1)" must be an http' "$TMP/err")" = 1
check "an empty <room> inside the event leaves the room it is listed in" test "$(field 'An address that is not one' room)" = "Hall A"
check "an impossible <date> falls back on <start>, with a warning" \
	test "$(field 'An impossible date' starts_at)" = 2025-12-27T16:00:00+01:00 -a "$(grep -c 'date "2025-12-27T25:00:00+01:00" is not a date-time' "$TMP/err")" = 1
check "9 warnings, counted in the summary and the run record" \
	test "$(grep -c ': warning: ' "$TMP/err")-$(q "SELECT json_extract(counts, '\$.warnings') || '/' || json_array_length(warnings) FROM import_runs")" = 9-9/9
"$LECTERN" import --db "$X" --strict "$F/odd-values.xml" >/dev/null 2>"$TMP/err"
check "--strict refuses it at its first warning" grep -q 'odd-values.xml:9: conference start .*--strict' "$TMP/err"

# Pentabarf: no zone at all, no <date>s, Pentabarf's types, logistics, a day that turns at 08:00.
fresh penta
"$LECTERN" import --db "$X" "$F/pentabarf-no-zone.xml" >"$TMP/out" 2>"$TMP/err"
check "no zone: a warning in plain words" grep -q 'pentabarf-no-zone.xml: warning: the file does not say where the conference takes place.*--tz ZONE' "$TMP/err"
check "and the times are read in UTC, which the summary says" \
	test "$(field 'Kernel news' starts_at)" = 2011-02-05T10:00:00+00:00 -a "$(grep -c 'times in UTC' "$TMP/out")" = 1
fresh penta-tz
"$LECTERN" import --db "$X" --tz Europe/Brussels "$F/pentabarf-no-zone.xml" >"$TMP/out" 2>"$TMP/err"
check "with --tz: no warning, local times" test "$(grep -c warning "$TMP/err")-$(field 'Kernel news' starts_at)" = 0-2011-02-05T10:00:00+01:00
check "01:30 on a day that turns at 08:00 is the next morning" test "$(field 'Late night hacking' starts_at)" = 2011-02-06T01:30:00+01:00
check "the kinds by the table" test "$(q "SELECT group_concat(title || '=' || kind, ',') FROM (SELECT * FROM sessions ORDER BY id)")" = \
	"Welcome to the meeting=keynote,Kernel news=talk,Panel: The future of free software=panel,Late night hacking=talk,Packaging workshop=tutorial,Five minutes of Rust=lightning,Debian team meeting=other,Something else entirely=other,Lunch=other,Coffee Break=other,Registration=other,Infodesk=other"

# Offsets without a zone name (the CCC's merged files): kept as given, with a warning; offsets
# that fit one zone only name it.
fresh offsets
grep -v '<time_zone_name>' "$F/merged-congress.xml" >"$TMP/offsets.xml"
"$LECTERN" import --db "$X" "$TMP/offsets.xml" >"$TMP/out" 2>"$TMP/err"
check "offsets only: warned, kept as given" \
	grep -q 'warning: the file names no time zone; its times carry UTC offsets that fit several zones' "$TMP/err"
check "times keep their +01:00; the event gets a fixed zone" \
	test "$(field 'Opening' starts_at)-$(q 'SELECT time_zone FROM events')" = 2024-12-27T11:00:00+01:00-Etc/GMT-1
fresh nepal
sed -e '/<time_zone_name>/d' -e 's/+01:00/+05:45/g' "$F/merged-congress.xml" >"$TMP/nepal.xml"
"$LECTERN" import --db "$X" "$TMP/nepal.xml" >"$TMP/out" 2>"$TMP/err"
check "offsets that fit one zone name it" test "$(q 'SELECT time_zone FROM events')" = Asia/Kathmandu
check "and say so in the report" grep -q 'time zone: Asia/Kathmandu, the only zone' "$TMP/out"
# Offsets no zone fits (found by fuzz_import): the event gets UTC, the sessions keep their own
# offsets, and a re-import (the event now has a zone the offsets do not fit) reads them the same.
fresh nofit
sed -e '/<time_zone_name>/d' -e 's/2024-12-27T\([0-9:]*\)+01:00/2024-12-27T\1+05:45/g' -e 's/+01:00/+05:30/g' \
	"$F/merged-congress.xml" >"$TMP/nofit.xml"
"$LECTERN" import --db "$X" --quiet "$TMP/nofit.xml" >/dev/null 2>&1
check "offsets no zone fits: kept as given" test "$(field 'Opening' starts_at)-$(field 'Angel meeting' starts_at)" = \
	2024-12-27T11:00:00+05:45-2024-12-28T14:00:00+05:30
"$LECTERN" import --db "$X" --quiet "$TMP/nofit.xml" >"$TMP/out" 2>&1
check "and a re-import changes nothing" grep -q ' 0 new, 0 changed, 9 unchanged' "$TMP/out"

# Every fixture: re-import is a no-op; the export validates; export -> fresh -> export is the same;
# importing the export into the same database changes nothing.
# (the data generations count every write, an import's run too)
dump() { q .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO source_keys' -e sqlite_sequence \
	-e '^INSERT INTO data_generations'; }
for f in merged-congress first-names odd-values pentabarf-no-zone; do
	fresh "rt-$f"
	"$LECTERN" import --db "$X" --quiet --tz Europe/Brussels "$F/$f.xml" >/dev/null 2>&1
	dump >"$TMP/a.sql"
	"$LECTERN" import --db "$X" --quiet "$F/$f.xml" >"$TMP/out" 2>/dev/null
	dump >"$TMP/b.sql"
	check "$f: re-import reports nothing new or changed" grep -q ' 0 new, 0 changed, [0-9]* unchanged, 0 cancelled.*people 0 new; organizations 0 new' "$TMP/out"
	check "$f: and changes nothing" cmp -s "$TMP/a.sql" "$TMP/b.sql"
	slug=$(q 'SELECT slug FROM events')
	"$LECTERN" export schedule --db "$X" --event "$slug" >"$TMP/e1.xml"
	check "$f: the export validates against the XSD" xmllint --noout --schema "$XSD" "$TMP/e1.xml"
	"$LECTERN" import --db "$X" --quiet "$TMP/e1.xml" >"$TMP/out" 2>&1
	dump >"$TMP/c.sql"
	check "$f: importing the export into the same database changes nothing" cmp -s "$TMP/a.sql" "$TMP/c.sql"
	Y=$X
	fresh "rt2-$f"
	"$LECTERN" import --db "$X" --quiet "$TMP/e1.xml" >/dev/null 2>&1
	"$LECTERN" export schedule --db "$X" --event "$slug" >"$TMP/e2.xml"
	check "$f: export -> fresh import -> export gives the same file" \
		diff <(grep -v '<generator' "$TMP/e1.xml") <(grep -v '<generator' "$TMP/e2.xml")
	X=$Y
done
# iCalendar UIDs are unique across installations: the same session of two databases differs.
uid() { "$LECTERN" export schedule --db "$1" --event mc24 --format ics | grep -m 1 '^UID:'; }
fresh ics1; "$LECTERN" import --db "$X" --quiet "$F/merged-congress.xml" >/dev/null 2>&1; u1=$(uid "$X")
fresh ics2; "$LECTERN" import --db "$X" --quiet "$F/merged-congress.xml" >/dev/null 2>&1; u2=$(uid "$X")
check "iCalendar UIDs carry the installation's id ($u1)" grep -Eq '^UID:session-1@lectern-[0-9a-f]{32}' <<<"$u1"
check "and differ between installations" test "$u1" != "$u2"
check "a slot's guid and a repeated id are unique in the export" \
	test "$(grep -o 'event id="[0-9]*"' "$TMP/e1.xml" | sort | uniq -d | wc -l)" = 0

# An import bumps the version of what it changes, speakers included, so a form opened before it
# is stale; undo keeps a session edited since and writes what it deletes to the history.
fresh web
DB=$X
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
"$LECTERN" import --db "$X" --quiet "$F/merged-congress.xml" >/dev/null 2>&1
sid=$(q "SELECT id FROM sessions WHERE title = 'Flight software you can trust'")
v=$(q "SELECT version FROM sessions WHERE id = $sid")
python3 -c "import sys; s=sys.stdin.read(); i=s.index('<title>Flight software'); j=s.index('</persons>', i); print(s[:j] + \"<person id='7'>Katherine Johnson [NASA]</person>\" + s[j:], end='')" <"$F/merged-congress.xml" >"$TMP/speakers.xml"
"$LECTERN" import --db "$X" "$TMP/speakers.xml" >"$TMP/out" 2>&1
check "a change of speakers only is a change" grep -q 'changed: "Flight software you can trust" (speakers)' "$TMP/out"
check "and raises the session's version once" test "$(q "SELECT version FROM sessions WHERE id = $sid")" = $((v + 1))
edit() { status "/sessions/$sid/edit" -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" --data-urlencode "event=$(q 'SELECT slug FROM events')" \
	--data-urlencode "title=$1" -d kind=talk -d status=scheduled -d s1_person=margaret-hamilton -d "version=$2"; }
check "a form opened before the import is refused as stale (409)" test "$(edit 'Saved from an old tab' "$v")" = 409
check "the imported speakers are still there" test "$(speakers 'Flight software you can trust')" = "Margaret Hamilton [NASA]; Katherine Johnson [NASA]"
check "a form opened after it saves (303)" test "$(edit 'Flight software, edited by staff' $((v + 1)))" = 303
run=$(q 'SELECT max(id) FROM import_runs')
out=$(http -b "$TMP/jar-staff" -d "csrf=$CSRF" "$URL/admin/imports/$run/undo")
check "the later import is undone, the session edited after it listed as kept" \
	grep -q "Import run $run undone.*kept: &quot;Flight software, edited by staff&quot;" <<<"$out"
check "the staff edit after it was kept" test "$(q "SELECT title FROM sessions WHERE id = $sid")" = "Flight software, edited by staff"
out=$(http -b "$TMP/jar-staff" -d "csrf=$CSRF" "$URL/admin/imports/1/undo")
check "undoing the first import lists the session kept, edited after it" grep -q 'kept: &quot;Flight software, edited by staff&quot;' <<<"$out"
check "it is still there, the other sessions are gone" test "$(q "SELECT group_concat(title) FROM sessions")" = "Flight software, edited by staff"
check "every session undo deleted is in the history" test "$(q "SELECT count(*) FROM audit WHERE kind = 'session' AND action = 'delete' AND after IS NULL")" = 8
aid=$(q "SELECT id FROM audit WHERE kind = 'session' AND action = 'delete' AND json_extract(before, '\$.title') = 'Opening'")
q "SELECT id FROM audit WHERE kind = 'person' AND action = 'delete' AND json_extract(before, '\$.name') IN ('Ada Lovelace', 'Grace Hopper') ORDER BY id" >"$TMP/people"
for p in $(cat "$TMP/people"); do status "/history/$p/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF" >/dev/null; done
expect_status "and restorable from there, with its speakers" 303 "/history/$aid/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "the restored session has its speakers" test "$(speakers Opening)" = "Ada Lovelace; Grace Hopper"
echo "1..$n"
