# t63-import-ics.sh: iCalendar imports: a Sched feed (speakers and companies from the titles, kinds
# from CATEGORIES, review of what reads two ways), an Outlook calendar (Windows zones, attendees,
# vCalendar 1.0 parameters, copies by SEQUENCE), floating times, updates, hand edits, undo, and
# hostile calendars leaving the database as it was.
. "$(dirname "$0")/lib.sh"
D=tests/data/readers
imp() { "$LECTERN" import --db "$DB" "$@"; }
# (the data generations count every write, an import's run too)
dump() { sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO source_keys' -e 'sqlite_sequence' \
	-e '^INSERT INTO data_generations'; }
# one TITLE: "kind|track|room|starts_at|minutes|Name @ Org; ..." of a session
one() {
	sql "SELECT s.kind || '|' || coalesce(s.track, '') || '|' || coalesce(s.room, '') || '|' ||
		coalesce(s.starts_at, '') || '|' || coalesce(s.duration_min, '') || '|' || coalesce((SELECT
		group_concat(n, '; ') FROM (SELECT p.name || ' @ ' || coalesce(o.name, '-') AS n FROM appearances a
		JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id
		WHERE a.session_id = s.id ORDER BY a.position)), '')
		FROM sessions s WHERE s.title = '${1//\'/\'\'}'"
}
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1

# --- Sched's feed ---------------------------------------------------------------------------
out=$(imp "$D/sched-kccnceu26.ics" 2>"$TMP/err")
check "sched: 17 sessions (one cancelled in the feed left out), 26 people, 15 organizations" \
	grep -q 'sessions 17 new.*people 26 new; organizations 15 new; 2 matches to review' <<<"$out"
check "sched: read as Sched's dialect" grep -q '^read as Sched iCalendar' <<<"$out"
check "sched: the event from X-WR-CALNAME, its slug the Sched site, its zone X-WR-TIMEZONE" \
	test "$(sql "SELECT name || '|' || slug || '|' || time_zone || '|' || starts_on || '|' || ends_on FROM events")" = \
	"KubeCon + CloudNativeCon Europe 2026|kccnceu2026|Europe/Amsterdam|2026-03-23|2026-03-26"
check "sched: keynote, position dropped, credited to the company, UTC shown in Amsterdam" \
	test "$(one 'Welcome Back')" = "keynote||Hall 12 | Level 0|2026-03-24T09:00:00+01:00|15|Jane Doe @ Cloud Native Computing Foundation"
check "sched: a company named once belongs to both speakers" \
	test "$(one 'Enforce VIP Access Only Through Node Attestation')" = "talk|Security|Auditorium|2026-03-24T11:00:00+01:00|30|Alice Frosi @ Red Hat; Jakob Naucke @ Red Hat"
check "sched: one company each; 'Red Hat, Inc.' is Red Hat" \
	test "$(one 'Multiple Networks in One Cluster')" = "talk|Connectivity|Elicium 1|2026-03-24T12:00:00+01:00|30|Piotr Skamruk @ CodiLime; Doug Smith @ Red Hat"
check "sched: a panel of three, split on ';'" \
	test "$(one 'The State of Open Source Security')" = "panel|Security|Auditorium|2026-03-24T13:00:00+01:00|35|Emily Fox @ Red Hat; Ricardo Rocha @ CERN; Priya Raman @ Google"
check "sched: 'William A. Rowe, Jr.' keeps his suffix" \
	grep -q 'William A. Rowe, Jr. @ Pivotal' <<<"$(one 'Porting Envoy to Windows; A Progress Report')"
check "sched: ' - ' inside a title is kept" \
	grep -q 'Jan Šafránek @ Red Hat' <<<"$(one 'Storage on Kubernetes - Learning From Failures')"
check "sched: a lone job title is a position, not a company" \
	test "$(one "What's New In Kairos, 2026 Edition")" = "lightning||Hall 7|2026-03-23T16:00:00+01:00|5|Mauro Morales @ -"
check "sched: Maintainer Track and Deep Dive are maintainer sessions" \
	test "$(sql "SELECT group_concat(kind) FROM sessions WHERE title IN ('Gateway API Conformance', 'OpenTelemetry Project Update')")" = "maintainer,maintainer"
check "sched: tutorial from the prefix" test "$(sql "SELECT kind FROM sessions WHERE title = 'Debug Your Kubernetes Apps'")" = tutorial
check "sched: breaks and registration are other" \
	test "$(sql "SELECT group_concat(kind) FROM sessions WHERE title IN ('Coffee Break', 'Registration + Badge Pick-Up')")" = "other,other"
check "sched: 'Ernst & Young' goes to review with the raw text" \
	grep -q "^review: \"Auditing Clusters at Scale\" (guid kc09): the speakers, .*Jane Roe, Ernst & Young\"" <<<"$out"
check "sched: a speaker who may be a company goes to review" grep -q '^review: "Intro to Dashboards"' <<<"$out"
check "sched: the preview lists speakers with companies" \
	grep -q '^new: "Enforce VIP Access Only Through Node Attestation" with Alice Frosi (Red Hat), Jakob Naucke (Red Hat)' <<<"$out"
check "sched: the cancelled event is not imported" test "$(sql "SELECT count(*) FROM sessions WHERE title LIKE '%Withdrawn%'")" = 0
check "sched: each talk credited to its organization (Red Hat: 6 appearances)" \
	test "$(sql "SELECT count(*) FROM appearances a JOIN organizations o ON o.id = a.org_id WHERE o.name = 'Red Hat'")" = 6
check "sched: the run records format, file and SHA-256" \
	test "$(sql "SELECT json_extract(counts, '$.format') || '|' || sha256 FROM import_runs ORDER BY id DESC LIMIT 1")" = \
	"Sched iCalendar|$(sha256sum "$D/sched-kccnceu26.ics" | cut -c1-64)"
dump >"$TMP/before.sql"
out=$(imp --quiet "$D/sched-kccnceu26.ics")
dump >"$TMP/after.sql"
check "sched: re-import changes nothing" grep -q ' 0 new, 0 changed, 17 unchanged, 0 cancelled;.* 0 matches to review' <<<"$out"
check "sched: the records are identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"
out=$(imp --quiet --dry-run --skip-logistics "$D/sched-kccnceu26.ics")
check "sched: --skip-logistics leaves breaks and registration out (known ones would be cancelled)" \
	grep -q '0 new, 0 changed, 15 unchanged, 2 cancelled' <<<"$out"

# An updated feed: a title changed, a talk moved, one gone, one new, one withdrawn.
python3 - "$D/sched-kccnceu26.ics" "$TMP/updated.ics" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8", newline="").read()
unfold = src.replace("\r\n ", "")
events = re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", unfold, re.S)
out = []
for e in events:
    if "UID:kc17" in e:
        continue                                            # vanished
    if "UID:kc03" in e:
        e = e.replace("Enforce VIP Access", "Enforcing VIP Access")
    if "UID:kc05" in e:
        e = e.replace("DTSTART:20260324T120000Z", "DTSTART:20260324T123000Z").replace("DTEND:20260324T123500Z", "DTEND:20260324T130500Z")
    if "UID:kc16" in e:
        e = e.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")   # withdrawn
    out.append(e)
new = events[0].replace("UID:kc01", "UID:kc99").replace("Welcome Back - Jane Doe", "Closing Remarks - Jane Doe")
head = unfold[:unfold.index("BEGIN:VEVENT")]
open(sys.argv[2], "w", encoding="utf-8", newline="").write(head + "".join(out) + new + "END:VCALENDAR\r\n")
PY
out=$(imp "$TMP/updated.ics" 2>&1)
check "update: one new, two changed, two cancelled (vanished, withdrawn)" grep -q 'sessions 1 new, 2 changed, 13 unchanged, 2 cancelled' <<<"$out"
check "update: the renamed talk kept its record" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Enforcing VIP Access Only Through Node Attestation'")" = 1
check "update: the moved panel" test "$(sql "SELECT starts_at FROM sessions WHERE title = 'The State of Open Source Security'")" = 2026-03-24T13:30:00+01:00
check "update: the vanished and the withdrawn talk are cancelled, not deleted" \
	test "$(sql "SELECT group_concat(status) FROM sessions WHERE title IN ('Scaling Observability Pipelines at Uber', 'Gateway API Conformance')")" = "cancelled,cancelled"
sql "UPDATE sessions SET room = 'Hall 12 (moved by staff)' WHERE title = 'Closing Remarks'"
sed 's/LOCATION:Hall 12 | Level 0/LOCATION:Hall 11/' "$TMP/updated.ics" >"$TMP/updated2.ics"
out=$(imp "$TMP/updated2.ics" 2>&1)
check "a hand edit is a conflict, kept" grep -q 'conflict: "Closing Remarks": room was edited here' <<<"$out"
check "and the hand edit stays" test "$(sql "SELECT room FROM sessions WHERE title = 'Closing Remarks'")" = "Hall 12 (moved by staff)"
run=$(sql "SELECT max(id) FROM import_runs")
"$LECTERN" import --db "$DB" --undo "$run" >/dev/null && "$LECTERN" import --db "$DB" --undo "$((run - 1))" >"$TMP/undo.out"
check "undo: back to the first feed (17 scheduled; the added session, edited by hand since, kept)" \
	test "$(sql "SELECT count(*) FROM sessions WHERE status = 'scheduled' AND title <> 'Closing Remarks'")-$(sql "SELECT count(*) FROM sessions WHERE title = 'Closing Remarks'")" = 17-1
check "undo: says which it kept" grep -q 'Closing Remarks' "$TMP/undo.out"
check "undo: the old title is back" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Enforce VIP Access Only Through Node Attestation'")" = 1

# A KubeCon-sized feed (600 sessions, 900 speakers): quick, and again a no-op. (make bench times it.)
K=$TMP/kubecon.db
"$LECTERN" migrate --db "$K" >/dev/null 2>&1
python3 tests/bench/gen_sched_ics.py 600 900 >"$TMP/kubecon.ics"
t0=$(date +%s%N)
out=$("$LECTERN" import --db "$K" --quiet "$TMP/kubecon.ics" 2>&1)
t1=$(date +%s%N)
out2=$("$LECTERN" import --db "$K" --quiet "$TMP/kubecon.ics" 2>&1)
t2=$(date +%s%N)
check "kubecon-sized: 600 sessions, 900 people, in $(((t1 - t0) / 1000000)) ms (under 10 s even on a loaded machine)" \
	bash -c "grep -q 'sessions 600 new.*people 900 new' <<<'$out' && test $(((t1 - t0) / 1000000)) -lt 10000"
check "kubecon-sized: again a no-op, in $(((t2 - t1) / 1000000)) ms" \
	bash -c "grep -q ' 0 new, 0 changed, 600 unchanged, 0 cancelled' <<<'$out2' && test $(((t2 - t1) / 1000000)) -lt 10000"

# --- other calendars ------------------------------------------------------------------------
O=$TMP/outlook.db
"$LECTERN" migrate --db "$O" >/dev/null 2>&1
out=$("$LECTERN" import --db "$O" "$D/outlook-meetups.ics" 2>"$TMP/err")
osql() { sqlite3 -batch "$O" "$@"; }
check "outlook: 6 sessions (one cancelled, one older copy left out)" grep -q 'sessions 6 new' <<<"$out"
check "outlook: Windows zone W. Europe Standard Time is Europe/Berlin" \
	test "$(osql "SELECT starts_at || '|' || duration_min FROM sessions WHERE title = 'Platform Engineering mit Backstage'")" = "2025-03-12T18:30:00+01:00|60"
check "outlook: the event's zone from its TZIDs" test "$(osql 'SELECT time_zone FROM events')" = Europe/Berlin
check "outlook: ATTENDEE;CN are the speakers, [Org] credited, non-participants not" \
	test "$(osql "SELECT group_concat(x, ';') FROM (SELECT p.name || '@' || coalesce(o.name, '-') AS x FROM appearances a JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id JOIN sessions s ON s.id = a.session_id WHERE s.title = 'Platform Engineering mit Backstage' ORDER BY a.position)")" = "Müller, Anna@Deutsche Bahn;Tom Becker@-"
check "outlook: a Mozilla TZID without VTIMEZONE, DURATION, CR CR LF lines" \
	test "$(osql "SELECT starts_at || '|' || duration_min FROM sessions WHERE title = 'eBPF im Alltag'")" = "2025-04-09T19:00:00+02:00|45"
check "outlook: 'Speaker:' and 'von:' lines of an HTML description" \
	test "$(osql "SELECT group_concat(x, ';') FROM (SELECT p.name || '@' || coalesce(o.name, '-') AS x FROM appearances a JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id JOIN sessions s ON s.id = a.session_id WHERE s.title = 'eBPF im Alltag' ORDER BY a.position)")" = "Max Mustermann@ACME GmbH;Erika Musterfrau@-"
check "outlook: quoted-printable in ISO-8859-1, soft line break joined" \
	test "$(osql "SELECT count(*) FROM sessions WHERE title = 'Café & Kubernetes: Grüße aus der Community'")" = 1
check "outlook: of two copies the higher SEQUENCE is taken" \
	test "$(osql "SELECT group_concat(starts_at) FROM sessions WHERE title = 'Observability mit OpenTelemetry'")" = 2025-10-15T18:30:00+02:00
check "outlook: the older copy is named in a warning with its line" grep -q 'outlook-meetups.ics:74: warning: .*an older copy' "$TMP/err"
check "outlook: RRULE warned about, first occurrence kept" grep -q 'outlook-meetups.ics:65: warning: .*RRULE' "$TMP/err"
check "outlook: the cancelled event is left out" test "$(osql "SELECT count(*) FROM sessions WHERE title LIKE 'Abgesagt%'")" = 0
out=$("$LECTERN" import --db "$O" "$D/vcal10.vcs" 2>&1)
check "vCalendar 1.0: UTF-8 quoted-printable over a soft break, a Latin-1 LOCATION" \
	test "$(osql "SELECT room FROM sessions WHERE title = 'Kubernetes für Einsteiger: Pods, Services und Ingress'")" = Köln
out=$("$LECTERN" import --db "$O" "$D/floating.ics" 2>&1)
check "floating times and no zone: a warning in plain words" grep -q 'does not say where the conference takes place' <<<"$out"
F=$TMP/floating.db
"$LECTERN" migrate --db "$F" >/dev/null 2>&1
"$LECTERN" import --db "$F" --quiet --tz Europe/Brussels "$D/floating.ics" >/dev/null 2>&1
check "floating times with --tz" test "$(sqlite3 "$F" "SELECT group_concat(starts_at) FROM sessions ORDER BY starts_at")" = \
	"2025-02-01T10:30:00+01:00,2025-02-02T00:05:00+01:00"
check "floating: 'Speakers:' with '&', CATEGORIES:Keynote" \
	test "$(sqlite3 "$F" "SELECT s.kind || ':' || group_concat(p.name) FROM sessions s JOIN appearances a ON a.session_id = s.id JOIN people p ON p.id = a.person_id WHERE s.title = 'Welcome to the devroom'")" = "keynote:Ana Lima,Bo Chen"
"$LECTERN" import --db "$F" --quiet --format sched-ics "$D/sched-kccnceu26.ics" >/dev/null 2>&1
check "--format sched-ics reads a feed as Sched's" test "$(sqlite3 "$F" "SELECT json_extract(counts, '$.format') FROM import_runs ORDER BY id DESC LIMIT 1")" = "Sched iCalendar"

# --- through the web server, inside its seccomp filter: libical, yajl, libcsv and iconv (the
# ISO-8859-1 of a vCalendar parameter) need no system call the filter forbids --------------------
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
for f in outlook-meetups.ics:'Café &amp; Kubernetes' merged-schedule.json:'Opening Keynote' \
	sched-export.json:'Scaling Clusters' sessionize.csv:'Panel: Platform Teams'; do
	name=${f%%:*} want=${f#*:}
	code=$(http -o "$TMP/web.html" -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "tz=Europe/Berlin" \
		-F "schedule=@$D/$name" "$URL/admin/import")
	check "web: $name previewed inside the sandbox (got $code)" sh -c "test $code = 200 && grep -q '$want' '$TMP/web.html'"
done
check "web: the server is still up" test "$(status /healthz)" = 200
stop_server

# --- hostile calendars ----------------------------------------------------------------------
mk() { printf "$2" >"$TMP/$1.ics"; }
mk empty 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'
mk cut 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Half\r\nDTSTART:20250101T100000Z\r\n'
mk mismatch 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n'
mk latin1 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Caf\351\r\nDTSTART:20250101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
mk nul 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\000b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
python3 -c "import sys; sys.stdout.write('BEGIN:VCALENDAR\r\n' + 'BEGIN:VEVENT\r\n' * 50 + 'END:VEVENT\r\n' * 50 + 'END:VCALENDAR\r\n')" >"$TMP/deep.ics"
python3 -c "import sys; sys.stdout.write('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:' + 'x' * 3000000 + '\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')" >"$TMP/long.ics"
python3 -c "import sys; sys.stdout.write('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\n' + ' yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n' * 20000 + 'END:VEVENT\r\nEND:VCALENDAR\r\n')" >"$TMP/folded.ics"
python3 -c "import sys; sys.stdout.write('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n' + 'X-A:b\r\n' * 30000 + 'END:VEVENT\r\nEND:VCALENDAR\r\n')" >"$TMP/manylines.ics"
sqlite3 "$DB" .dump >"$TMP/before.sql"
for f in empty:'no events' cut:'cut short' mismatch:'closes BEGIN:VEVENT' latin1:'not valid UTF-8' nul:'NUL byte' \
	deep:'nested deeper' long:'over 1 MiB' folded:'folded lines' manylines:'more than 20000 lines'; do
	name=${f%%:*} why=${f#*:}
	imp "$TMP/$name.ics" >/dev/null 2>"$TMP/err"
	rc=$?
	check "$name: refused (status $rc), saying why: $(head -c 150 "$TMP/err" | tr '\n' ' ')" \
		sh -c "test $rc = 1 && grep -Eq '$name\.ics:[0-9]+:[0-9]+: .*$why' '$TMP/err'"
done
sqlite3 "$DB" .dump >"$TMP/after.sql"
check "every refused calendar left the database identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"
check "the full-text indexes agree with the records" fts_agrees "$DB"
