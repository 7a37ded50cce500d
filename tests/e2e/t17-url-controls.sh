# t17-url-controls.sh: a URL with a line break, a tab or a space never gets in, by any entrance,
# and the calendars keep their shape. An imported <url> with CR/LF used to forge a whole VEVENT in
# /events/X/schedule.ics and /people/Y/talks.ics (the iCalendar writer writes a URL as it is).
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
make_user staff staff 'staff-password-42'
make_user member member 'member-password-42' --person dave-zolotusky

# The importer: the first session's <url> carries a forged event.
forged='https://evil.example/\&#13;\&#10;END:VEVENT\&#13;\&#10;BEGIN:VEVENT\&#13;\&#10;UID:forged\&#13;\&#10;SUMMARY:Forged\&#13;\&#10;DTSTART:20230910T090000Z'
sed "0,/<url>https:\/\/debconf23.debconf.org\/talks\/18-opening-ceremony\/<\/url>/s||<url>$forged<\/url>|" \
	tests/data/debconf23_wafer.xml >"$TMP/forged.xml"
check "the crafted schedule carries the forged URL" grep -q 'END:VEVENT&#13;' "$TMP/forged.xml"
"$LECTERN" import --db "$DB" --quiet "$TMP/forged.xml" >"$TMP/import.out" 2>&1
check "it imports" test $? = 0
check "the session is there" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Opening Ceremony'")" = 1
check "without the URL" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Opening Ceremony' AND url IS NULL")" = 1
check "no stored URL holds a control character" \
	test "$(sql "SELECT count(*) FROM sessions WHERE url GLOB '*[' || char(1) || '-' || char(32) || ']*'")" = 0
speaker=$(sql "SELECT p.slug FROM appearances a JOIN people p ON p.id = a.person_id JOIN sessions s
	ON s.id = a.session_id WHERE s.title = 'Opening Ceremony' LIMIT 1")
start_server || exit 1
http "$URL/events/debconf23/schedule.ics" >"$TMP/event.ics"
http "$URL/people/$speaker/talks.ics" >"$TMP/talks.ics"
for f in event talks; do
	check "$f.ics is well-formed iCalendar" python3 tests/data/ics_check.py "$TMP/$f.ics"
	check "$f.ics has no forged event" bash -c "! grep -q -e Forged -e UID:forged '$TMP/$f.ics'"
done
events=$(sql "SELECT count(*) FROM sessions s JOIN events e ON e.id = s.event_id
	WHERE e.slug = 'debconf23' AND s.starts_at IS NOT NULL")
check "one VEVENT per session ($events)" test "$(grep -c '^BEGIN:VEVENT' "$TMP/event.ics")" = "$events"

# The forms: staff editing a session or an organization, a member's links.
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
new_session() { status /sessions/new -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" \
	--data-urlencode event=kubecon-eu-2019 --data-urlencode "title=$1" --data-urlencode kind=talk \
	--data-urlencode status=scheduled --data-urlencode "url=$2"; }
for bad in $'https://x.org/\r\nBEGIN:VEVENT' $'https://x.org/\tx' 'https://x.org/ x' $'https://x.org/\xc2\x85'; do
	check "a session form with the URL $(printf %q "$bad") is refused (422)" test "$(new_session Refused "$bad")" = 422
done
check "and nothing is stored" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Refused'")" = 0
check "a good URL is kept (303)" test "$(new_session Accepted 'https://x.org/caf%C3%A9')" = 303
expect_status "an organization's website with a tab is refused" 422 /orgs/new -b "$TMP/jar-staff" \
	--data-urlencode "csrf=$CSRF" --data-urlencode 'name=Tabbed' --data-urlencode kind=vendor \
	--data-urlencode $'website=https://tab.example/\tx'
login member 'member-password-42' >/dev/null
MCSRF=$(csrf_of member)
version=$(sql "SELECT version FROM people WHERE slug = 'dave-zolotusky'")
expect_status "a member's link with a tab is refused" 400 /me -b "$TMP/jar-member" \
	--data-urlencode "csrf=$MCSRF" --data-urlencode "version=$version" \
	--data-urlencode $'links=https://ok.example/\nhttps://tab.example/\tx'
check "and the links are unchanged" test "$(sql "SELECT links FROM people WHERE slug = 'dave-zolotusky'" | grep -c tab)" = 0

# The schema itself, whoever writes.
check "the schema refuses a URL with a line break" \
	bash -c "! sqlite3 '$DB' \"UPDATE sessions SET url = 'https://x.org/' || char(10) WHERE id = 1\" 2>/dev/null"
check "or a space in a member's links" \
	bash -c "! sqlite3 '$DB' \"UPDATE people SET links = json_array('https://x.org/ y') WHERE id = 1\" 2>/dev/null"
