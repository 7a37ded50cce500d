# t65-import-csv.sh: spreadsheets saved as CSV: Sessionize's export (BOM, CRLF, quoted cells),
# a semicolon sheet with German column names, columns named by --map and in the web preview,
# and hostile sheets (a million columns, huge cells, invalid UTF-8) leaving the database as it was.
. "$(dirname "$0")/lib.sh"
D=tests/data/readers
imp() { "$LECTERN" import --db "$DB" "$@"; }
speakers() {
	sql "SELECT group_concat(n, '; ') FROM (SELECT p.name || ' @ ' || coalesce(o.name, '-') AS n FROM sessions s
		JOIN appearances a ON a.session_id = s.id JOIN people p ON p.id = a.person_id
		LEFT JOIN organizations o ON o.id = a.org_id WHERE s.title = '$1' ORDER BY a.position)"
}
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1

out=$(imp --tz America/Denver "$D/sessionize.csv" 2>"$TMP/err")
check "sessionize: 6 sessions, 10 people, 5 organizations" grep -q 'sessions 6 new.*people 10 new; organizations 5 new' <<<"$out"
check "sessionize: its columns found by name" \
	grep -q '^read as CSV; columns: title "Title", speakers "Speakers", companies "Companies", start "Scheduled At", duration "Scheduled Duration", room "Room", track "Track", kind "Session format", abstract "Description", id "Session Id"' <<<"$out"
check "sessionize: 'Scheduled At' with AM/PM, in --tz, minutes" \
	test "$(sql "SELECT starts_at || '|' || duration_min FROM sessions WHERE title = 'Lightning: eBPF in 5'")" = "2025-10-02T16:30:00-06:00|5"
check "sessionize: speakers and companies pair up" test "$(speakers "GitOps at \"Scale\", for Real")" = "Ana Lima @ Spotify; Bo Chen @ Zalando"
check "sessionize: one company for all its speakers" test "$(speakers 'Panel: Platform Teams')" = "Dee Kay @ Microsoft; Eli Moss @ Microsoft; Fay Nu @ Microsoft"
check "sessionize: companies that do not pair go to review, none guessed" \
	bash -c "test \"\$(sqlite3 '$DB' \"SELECT count(*) FROM appearances a JOIN sessions s ON s.id = a.session_id WHERE s.title = 'Pairing Without Companies' AND a.org_id IS NULL\")\" = 3 && grep -q 'review: \"Pairing Without Companies\"' <<<'$out'"
check "sessionize: a quoted cell with a line break and commas" \
	test "$(sql "SELECT abstract FROM sessions WHERE title = 'GitOps at \"Scale\", for Real'")" = "$(printf 'Line one.\nLine two, with a comma.')"
check "sessionize: kinds from 'Session format' (a service session is other)" \
	test "$(sql "SELECT group_concat(kind) FROM (SELECT kind FROM sessions WHERE title IN ('Keynote: The Road Ahead', 'Panel: Platform Teams', 'Lunch') ORDER BY title)")" = "keynote,other,panel"
check "sessionize: Session Id is the source key" test "$(sql "SELECT count(*) FROM source_keys WHERE kind = 'session' AND key LIKE '8123%'")" = 6
check "sessionize: 10/2/2025 read month first, said once with its line" \
	test "$(grep -c 'sessionize.csv:2: warning: .*read month first' "$TMP/err")" = 1
out=$(imp --quiet --tz America/Denver "$D/sessionize.csv" 2>/dev/null)
check "sessionize: re-import is a no-op" grep -q ' 0 new, 0 changed, 6 unchanged, 0 cancelled' <<<"$out"
grep -v '^812348,' "$D/sessionize.csv" | sed 's/Room B,10\/2\/2025 11:00 AM/Room C,10\/2\/2025 11:00 AM/' >"$TMP/sessionize2.csv"
out=$(imp --quiet --tz America/Denver --event sessionize "$TMP/sessionize2.csv" 2>/dev/null)
check "sessionize: a row gone is cancelled, a room changed is an update" grep -q ' 0 new, 1 changed, 4 unchanged, 1 cancelled' <<<"$out"
check "sessionize: the cancelled session is kept" test "$(sql "SELECT status FROM sessions WHERE title = 'Lightning: eBPF in 5'")" = cancelled
out=$(imp --quiet --tz Europe/Vienna "$D/programm.csv" 2>&1)
check "programm: semicolons, German names (Titel, Referent, Firma, Datum, Beginn, Ende)" \
	test "$(sql "SELECT starts_at || '|' || duration_min || '|' || room FROM sessions WHERE title = 'Sicherheit in der Lieferkette'")" = "2026-03-25T09:30:00+01:00|45|Saal A"
check "programm: 'A; B' speakers with 'X; Y' companies" test "$(speakers 'Sicherheit in der Lieferkette')" = "Jörg Wendt @ SUSE; Sabine Kraus @ IONOS"
check "programm: 'Name (Org)' in the speaker cell" test "$(speakers 'Workshop: Helm')" = "Timo Berg @ Giant Swarm"
imp --quiet "$D/custom-columns.csv" >/dev/null 2>"$TMP/err"
check "unknown columns: refused, asking for --map" grep -q 'custom-columns.csv:1:1: no column for the title: name it with --map' "$TMP/err"
out=$(imp --quiet --tz Europe/Berlin --map 'title=What,speakers=#2,companies=Employer,start=When,duration=Length,room=Where' "$D/custom-columns.csv" 2>&1)
check "--map by name and by number" \
	test "$(sql "SELECT starts_at || '|' || duration_min || '|' || room FROM sessions WHERE title = 'Runtime Security'")-$(speakers 'Runtime Security')" = \
	"2026-06-10T15:00:00+02:00|60|Hall B-Lenny Sharpe @ Sysdig"
imp --quiet --map 'titel=What' "$D/custom-columns.csv" >/dev/null 2>"$TMP/err"
check "--map with an unknown field says which exist" grep -q 'no field "titel" (the fields: title|speakers' "$TMP/err"
imp --quiet --map 'title=Nope' "$D/custom-columns.csv" >/dev/null 2>"$TMP/err"
check "--map with an unknown column says so" grep -q -- '--map title=Nope: the file has no such column' "$TMP/err"

# --- the web preview shows the columns and lets staff change them ------------------------------
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
code=$(http -o "$TMP/p1.html" -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "tz=Europe/Berlin" \
	-F "schedule=@$D/custom-columns.csv" "$URL/admin/import")
check "web: a sheet without a title column is not imported (got $code)" \
	sh -c "test $code = 422 && grep -q 'no column for the title' '$TMP/p1.html'"
check "web: but its columns are offered to choose from" grep -q '<select id="map-title" name="map.title"><option value="">(none)</option><option value="#1">What</option>' "$TMP/p1.html"
printf 'What,Talk,Who,When\nReal Title,Wrong Title,Ana Medina,2026-06-11 10:00\n' >"$TMP/two.csv"
http -o "$TMP/p2.html" -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "tz=Europe/Berlin" -F "schedule=@$TMP/two.csv" "$URL/admin/import"
check "web: the columns each field was read from are shown (title from 'Talk', no start found)" \
	sh -c "grep -q '<option value=\"#2\" selected>Talk</option>' '$TMP/p2.html' && grep -q 'no row gives a date' '$TMP/p2.html'"
token=$(sed -n 's/.*name="token" value="\([0-9a-f]*\)".*/\1/p' "$TMP/p2.html" | head -n 1)
http -o "$TMP/p3.html" -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "token=$token" -F "map.title=#1" -F "map.speakers=#3" \
	-F "map.start=#4" "$URL/admin/import"
check "web: previewed again with the columns changed" grep -q 'new: &quot;Real Title&quot; with Ana Medina' "$TMP/p3.html"
check "web: the confirmation carries the columns" grep -q 'name="map" value="title=#1,speakers=#3,' "$TMP/p3.html"
map=$(sed -n 's/.*name="map" value="\([^"]*\)".*/\1/p' "$TMP/p3.html" | head -n 1)
code=$(http -o /dev/null -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "token=$token" -F "map=$map" "$URL/admin/import/confirm")
check "web: confirmed (got $code)" test "$code" = 303
check "web: imported with the columns chosen" \
	test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Real Title'")-$(sql "SELECT count(*) FROM sessions WHERE title = 'Wrong Title'")" = 1-0
check "web: the run records the format" test "$(sql "SELECT json_extract(counts, '$.format') FROM import_runs ORDER BY id DESC LIMIT 1")" = CSV
stop_server

# --- hostile sheets ------------------------------------------------------------------------------
python3 -c "print('title,' + ','.join('c%d' % i for i in range(1000000)))" >"$TMP/wide.csv"
python3 -c "print('title,start\n\"' + 'x' * 3000000 + '\",2024-01-01 10:00')" >"$TMP/hugecell.csv"
python3 -c "print('title,start\n\"never closed,2024-01-01 10:00\n' + 'more\n' * 300000)" >"$TMP/open.csv"
printf 'title,start\nCaf\351,2024-01-01 10:00\n' >"$TMP/latin1.csv"
printf 'title,start\na\000b,2024-01-01 10:00\n' >"$TMP/nul.csv"
printf 'title,speakers,start\nA talk,Ann,10:00\n' >"$TMP/nodate.csv"
printf '\357\273\277' >"$TMP/bomonly.csv"
sqlite3 "$DB" .dump >"$TMP/before.sql"
for f in wide:'more than 1000 columns' hugecell:'a cell over 1 MiB' open:'a cell over 1 MiB' latin1:'not valid UTF-8' \
	nul:'a NUL byte' nodate:'no row gives a date' bomonly:'the file is empty'; do
	name=${f%%:*} why=${f#*:}
	imp --format csv "$TMP/$name.csv" >/dev/null 2>"$TMP/err"
	rc=$?
	check "$name: refused (status $rc), saying why: $(head -c 150 "$TMP/err" | tr '\n' ' ')" \
		sh -c "test $rc = 1 && grep -Eq '$name\.csv:[0-9]+:[0-9]+: .*$why' '$TMP/err'"
done
sqlite3 "$DB" .dump >"$TMP/after.sql"
check "every refused sheet left the database identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"
check "the full-text indexes agree with the records" fts_agrees "$DB"
