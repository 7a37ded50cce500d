# t40-export.sh: exports over HTTP and the CLI: CSV/JSON speaker lists with filters and shapes,
# emails never to anonymous readers, frab schedule.xml valid against the XSD, iCalendar structure,
# file names, chunked streaming.
. "$(dirname "$0")/lib.sh"
XSD=tests/data/schedule.xml.xsd
valid() { xmllint --noout --schema "$XSD" "$1" 2>/dev/null; }
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
sql <tests/data/export-fixture.sql
start_server || exit 1

get() { http "$URL$1"; }
# count_rows PATH: data rows of a CSV (lines minus the header).
count_rows() { get "$1" | tr -d '\r' | sed 1d | grep -c .; }

# --- speaker lists over HTTP -------------------------------------------------
expect_status "speakers.csv answers" 200 /export/speakers.csv
expect_header "CSV type" '^content-type: text/csv; charset=utf-8' /export/speakers.csv
expect_header "file name for everything" '^content-disposition: attachment; filename="speakers.csv"' /export/speakers.csv
expect_header "file name names the event" 'filename="speakers-kubecon-eu-2019.csv"' '/export/speakers.csv?event=kubecon-eu-2019'
expect_header "file name names the organization" 'filename="speakers-spotify.csv"' '/export/speakers.csv?org=spotify'
expect_header "streamed with chunked transfer encoding" '^transfer-encoding: chunked' /export/speakers.csv
check "header row, CRLF" test "$(get /export/speakers.csv | head -n 1)" = \
	$'name,organization,current_organization,github,event,session,kind,date,role,url\r'
check "every line ends in CRLF" test "$(get /export/speakers.csv | grep -vc $'\r$')" = 0
check "one row per appearance" test "$(count_rows /export/speakers.csv)" = 7
check "quotes doubled, commas quoted" bash -c "curl -s '$URL/export/speakers.csv' | grep -qF '\"Acme, \"\"Inc\"\"\"'"
check "formula cell neutralized" bash -c "curl -s '$URL/export/speakers.csv' | grep -qF ',\"'\''=cmd|'"
check "no cell starts with a formula character" bash -c \
	"! curl -s '$URL/export/speakers.csv' | grep -qE '(^|,)[=+@-]'"
check "non-ASCII passes as UTF-8" bash -c "curl -s '$URL/export/speakers.csv' | grep -q 'Zoë Ünïcode'"
check "session URL, or its local path" bash -c \
	"curl -s '$URL/export/speakers.csv' | grep -q 'https://example.org/s/1' && curl -s '$URL/export/speakers.csv' | grep -q ',$URL/sessions/2'"
check "represented vs current organization" bash -c \
	"curl -s '$URL/export/speakers.csv' | grep -q '^Ada Lovelace,Spotify,Google,'"
check "no BOM by default" test "$(get /export/speakers.csv | head -c 3 | od -An -tx1 | tr -d ' ')" = 6e616d
check "BOM on request" test "$(get '/export/speakers.csv?bom=1' | head -c 3 | od -An -tx1 | tr -d ' ')" = efbbbf

# Filters.
check "event filter" test "$(count_rows '/export/speakers.csv?event=kubecon-eu-2019')" = 5
check "event with co-located events" test "$(count_rows '/export/speakers.csv?event=kubecon-eu-2019&colocated=1')" = 6
check "organization filter" test "$(count_rows '/export/speakers.csv?org=spotify')" = 3
check "kind filter (keynotes)" test "$(count_rows '/export/speakers.csv?kind=keynote')" = 1
check "date range" test "$(count_rows '/export/speakers.csv?from=2019-05-21&to=2019-05-21')" = 3
check "body filter (TOC)" test "$(count_rows '/export/speakers.csv?body=toc')" = 2
check "body and seat type" test "$(count_rows '/export/speakers.csv?body=toc&role=end_user')" = 2
check "body and another role" test "$(count_rows '/export/speakers.csv?body=toc&role=chair')" = 0
check "filters combine" test "$(count_rows '/export/speakers.csv?event=kubecon-eu-2019&kind=panel')" = 2
expect_status "unknown event is 404" 404 '/export/speakers.csv?event=nope'
expect_status "unknown organization is 404" 404 '/export/speakers.csv?org=nope'
expect_status "bad date is 400" 400 '/export/speakers.csv?from=2019-02-30'
expect_status "bad kind is 400" 400 '/export/speakers.csv?kind=sermon'

# Speaker shape.
check "one row per speaker" test "$(count_rows '/export/speakers.csv?shape=speakers')" = 3
check "speaker shape header" test "$(get '/export/speakers.csv?shape=speakers' | head -n 1)" = \
	$'name,organizations,current_organization,github,sessions,titles\r'
check "speaker row counts sessions and lists titles" bash -c \
	"curl -s '$URL/export/speakers.csv?shape=speakers' | grep -q '^Ada Lovelace,Spotify,Google,ada,3,\"Keynote: Opening, with \"\"quotes\"\"; Scaling'"

# JSON.
expect_status "speakers.json answers (a literal .json route)" 200 /export/speakers.json
expect_header "JSON type" '^content-type: application/json' /export/speakers.json
expect_header "JSON file name" 'filename="speakers-kubecon-eu-2019.json"' '/export/speakers.json?event=kubecon-eu-2019'
check "JSON is an array of the rows" test "$(get /export/speakers.json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[1]["organization"], d[1]["current_organization"])')" = "7 Spotify Google"
check "JSON speaker shape" test "$(get '/export/speakers.json?shape=speakers' | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0]["sessions"])')" = "3 3"
check "empty result is an empty array" test "$(get '/export/speakers.json?body=toc&role=chair')" = "[]"
expect_status "the home page still answers as JSON" 200 /.json

# Emails: never to an anonymous reader, whatever the parameters.
expect_no_body "no email in CSV" '@example\.org' '/export/speakers.csv?include_email=1'
expect_no_body "no email column in CSV" 'email' '/export/speakers.csv?include_email=1&shape=speakers'
expect_no_body "no email in JSON" '@example\.org|"email"' '/export/speakers.json?include_email=1'
expect_no_body "no email in the speaker shape" '@example\.org' '/export/speakers.json?include_email=1&shape=speakers'
expect_no_body "no email in a schedule" '@example\.org' /events/kubecon-eu-2019/schedule.xml
expect_no_body "no email in a calendar" '@example\.org' /people/ada/talks.ics

# The CLI is the operator's: emails on request only.
cli() { "$LECTERN" export "$@"; }
check "CLI CSV equals the web CSV" test "$(cli speakers --db "$DB" --event kubecon-eu-2019 --public-url "$URL" | md5sum)" = \
	"$(get '/export/speakers.csv?event=kubecon-eu-2019' | md5sum)"
check "CLI JSON equals the web JSON" test "$(cli speakers --db "$DB" --format json --shape speakers | md5sum)" = \
	"$(get '/export/speakers.json?shape=speakers' | md5sum)"
check "CLI without --include-email has no emails" bash -c "! '$LECTERN' export speakers --db '$DB' | grep -q @"
check "CLI --include-email adds the column" bash -c \
	"'$LECTERN' export speakers --db '$DB' --include-email | head -n 1 | grep -q ',email,' && '$LECTERN' export speakers --db '$DB' --include-email | grep -q ada@example.org"
check "CLI JSON --include-email" bash -c "'$LECTERN' export speakers --db '$DB' --format json --include-email | grep -q '\"email\":\"bob@example.org\"'"
check "CLI co-located filter" test "$(cli speakers --db "$DB" --event kubecon-eu-2019 --with-colocated | sed 1d | grep -c .)" = 6
check "CLI rejects a bad format" bash -c "! '$LECTERN' export speakers --db '$DB' --format xls 2>/dev/null"
check "CLI rejects a bad date" bash -c "! '$LECTERN' export speakers --db '$DB' --from 2019-13-01 2>/dev/null"
check "CLI schedule needs an event" bash -c "! '$LECTERN' export schedule --db '$DB' 2>/dev/null"

# --- schedules ---------------------------------------------------------------
for ev in kubecon-eu-2019 envoycon-2019 kubecon-na-2019; do
	get "/events/$ev/schedule.xml" >"$TMP/$ev.xml"
	check "schedule.xml of $ev validates against the frab XSD" \
		valid "$TMP/$ev.xml"
done
sql "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (9, 'Empty', 'empty', '2020-01-01', '2020-01-02')"
sql "INSERT INTO events(id, name, slug, starts_on, ends_on) VALUES (10, 'Odd', 'odd', '2020-02-01', '2020-02-01');
INSERT INTO sessions(event_id, title, abstract, starts_at) VALUES (10, 'Bell' || char(7) || ' & <b>', 'Tab' || char(9) || char(1), '2020-02-01T10:00:00Z')"
get /events/odd/schedule.xml >"$TMP/odd.xml"
check "control characters and a Z offset still validate" valid "$TMP/odd.xml"
get /events/empty/schedule.xml >"$TMP/empty.xml"
check "an event without sessions validates too" valid "$TMP/empty.xml"
check "every day of the event is listed" test "$(grep -c '<day ' "$TMP/kubecon-eu-2019.xml")" = 4
check "sessions grouped by day and room, ordered" test \
	"$(grep -o '<event id="[0-9]*"' "$TMP/kubecon-eu-2019.xml" | tr -dc '0-9\n' | tr '\n' ' ')" = "1 2 5 "
check "speakers listed as persons, with the organization they represented as pretalx writes it" \
	grep -Eq '<person guid="[0-9a-f-]{36}">Bob =Tables \[Acme, &quot;Inc&quot;\]</person>' "$TMP/kubecon-eu-2019.xml"
check "XML text escaped" grep -q 'Zoë on &lt;XML&gt; &amp; friends' "$TMP/kubecon-na-2019.xml"
check "CLI schedule equals the web one" test "$(cli schedule --db "$DB" --event kubecon-eu-2019 | md5sum)" = \
	"$(md5sum <"$TMP/kubecon-eu-2019.xml")"
check "a second export is identical" test "$(get /events/kubecon-eu-2019/schedule.xml | md5sum)" = \
	"$(md5sum <"$TMP/kubecon-eu-2019.xml")"
expect_header "schedule.xml type" '^content-type: application/xml' /events/kubecon-eu-2019/schedule.xml
expect_header "schedule.xml file name" 'filename="schedule-kubecon-eu-2019.xml"' /events/kubecon-eu-2019/schedule.xml
expect_header "schedule.xml streams" '^transfer-encoding: chunked' /events/kubecon-eu-2019/schedule.xml
expect_status "schedule of an unknown event is 404" 404 /events/nope/schedule.xml

# iCalendar.
get /events/kubecon-eu-2019/schedule.ics >"$TMP/eu.ics"
expect_header "ics type" '^content-type: text/calendar; charset=utf-8' /events/kubecon-eu-2019/schedule.ics
expect_header "ics file name" 'filename="schedule-kubecon-eu-2019.ics"' /events/kubecon-eu-2019/schedule.ics
check "ics lines end in CRLF" test "$(grep -vc $'\r$' "$TMP/eu.ics")" = 0
check "ics lines at most 75 octets" test "$(tr -d '\r' <"$TMP/eu.ics" | LC_ALL=C awk '{ if (length($0) > 75) bad++ } END { print bad + 0 }')" = 0
check "ics starts and ends the calendar" test "$(head -n 1 "$TMP/eu.ics")$(tail -n 1 "$TMP/eu.ics")" = $'BEGIN:VCALENDAR\rEND:VCALENDAR\r'
check "ics has VERSION and PRODID" grep -q $'^VERSION:2.0\r$' "$TMP/eu.ics"
check "one VEVENT per session" test "$(grep -c '^BEGIN:VEVENT' "$TMP/eu.ics")" = 3
check "BEGIN and END balance" test "$(grep -c '^END:VEVENT' "$TMP/eu.ics")" = 3
check "UID per session" test "$(grep -c '^UID:session-[0-9]*@lectern' "$TMP/eu.ics")" = 3
check "DTSTAMP per event" test "$(grep -c '^DTSTAMP:[0-9]\{8\}T[0-9]\{6\}Z' "$TMP/eu.ics")" = 3
check "times in UTC" grep -q $'^DTSTART:20190521T070000Z\r$' "$TMP/eu.ics"
check "end from the duration" grep -q $'^DTEND:20190521T072000Z\r$' "$TMP/eu.ics"
check "comma escaped" grep -qF 'SUMMARY:Keynote: Opening\, with "quotes"' "$TMP/eu.ics"
check "semicolon, newline and backslash escaped" grep -qF 'Line one\; two\, three\nfour \\ five' "$TMP/eu.ics"
check "long lines folded" grep -q '^ ' "$TMP/eu.ics"
check "unfolded text is intact UTF-8" bash -c \
	"tr -d '\r' <'$TMP/eu.ics' | sed -e ':a' -e 'N' -e '\$!ba' -e 's/\n //g' | iconv -f UTF-8 -t UTF-8 | grep -q 'in iCalendar output ✓✓✓✓'"
check "ics has no email" bash -c "! grep -q @example '$TMP/eu.ics'"
get /people/zoe/talks.ics >"$TMP/zoe.ics"
check "event calendar is well-formed iCalendar" python3 tests/data/ics_check.py "$TMP/eu.ics"
check "person calendar is well-formed iCalendar" python3 tests/data/ics_check.py "$TMP/zoe.ics"
printf 'BEGIN:VCALENDAR\r\nSUMMARY:a, b\r\n' >"$TMP/bad.ics"
check "the iCalendar check rejects a broken file" bash -c "! python3 tests/data/ics_check.py '$TMP/bad.ics' >/dev/null"
check "a person's talks across events" test "$(grep -c '^BEGIN:VEVENT' "$TMP/zoe.ics")" = 2
check "person calendar named" grep -q '^X-WR-CALNAME:Zoë Ünïcode: talks' "$TMP/zoe.ics"
expect_header "talks.ics file name" 'filename="talks-zoe.ics"' /people/zoe/talks.ics
expect_status "talks of an unknown person is 404" 404 /people/nobody/talks.ics
sql "UPDATE sessions SET status = 'cancelled' WHERE id = 5"
check "a cancelled session is marked" bash -c "curl -s '$URL/events/kubecon-eu-2019/schedule.ics' | grep -q '^STATUS:CANCELLED'"
check "a cancelled session leaves the frab schedule" bash -c \
	"curl -s '$URL/events/kubecon-eu-2019/schedule.xml' | xmllint --noout --schema $XSD - 2>/dev/null && ! curl -s '$URL/events/kubecon-eu-2019/schedule.xml' | grep -q 'event id=\"5\"'"

# --- members -----------------------------------------------------------------
expect_status "history needs a login (sent to the login page)" 303 /me/history.csv

# --- streaming keeps going past one piece --------------------------------------
sql "WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 3009)
INSERT INTO sessions(id, event_id, title, starts_at, duration_min) SELECT i, 3, 'Bulk talk ' || i, '2019-11-20T10:00:00-08:00', 30 FROM n;
INSERT INTO appearances(session_id, person_id) SELECT id, 1 FROM sessions WHERE id >= 10;"
check "a large export arrives whole" test "$(count_rows /export/speakers.csv)" = 3007
check "a large JSON export parses" test "$(get /export/speakers.json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 3007
get /events/kubecon-na-2019/schedule.xml >"$TMP/big.xml"
check "a large schedule validates" valid "$TMP/big.xml"
check "a large schedule has every session" test "$(grep -c '<event ' "$TMP/big.xml")" = 3001

# Search results export the speakers of what was found.
sql "INSERT INTO people(id, name, slug) VALUES (9001, 'Quinn Searchable', 'quinn-searchable');
     INSERT INTO appearances(session_id, person_id) VALUES ((SELECT min(id) FROM sessions), 9001);"
expect_body "search results have an Export link with the query" 'href="/export/speakers.csv\?q=quinn"' "/search?q=quinn"
expect_body "the export keeps the search" 'Quinn Searchable' "/export/speakers.csv?q=quinn"
check "and only what matched" test "$(http "$URL/export/speakers.csv?q=quinn" | grep -c 'Quinn Searchable')" -ge 1 -a \
	"$(http "$URL/export/speakers.csv?q=quinn" | wc -l)" -lt "$(http "$URL/export/speakers.csv" | wc -l)"
expect_status "a query with FTS syntax is harmless" 200 "/export/speakers.csv?q=%22NEAR("

# The streams' connections and statements are all released (the sanitizer build reports leaks at exit).
stop_server
check "no sanitizer report from the server" bash -c "! grep -q Sanitizer '$TMP/server.err'"
echo "1..$n"

