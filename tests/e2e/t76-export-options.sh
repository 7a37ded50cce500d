# t76-export-options.sh: the speaker list's links are absolute (public_url, else the address the request came
# to), the Track filter is kept by the event page's export link, an export form offers the options that were
# only URL parameters, and speaker and role lists come as XLSX (libxlsxwriter): a bold header row frozen with a
# filter, dates as dates, counts as numbers, emails only for staff who ask.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
get() { http "$URL$1"; }
xlsx() { local f=$TMP/x.xlsx; http -o "$f" "$@"; python3 tests/e2e/xlsx_read.py "$f"; }
not() { ! "$@"; }
q() { python3 -c "import json, sys; d = json.loads(sys.argv[1]); $2" "$1"; }

# Absolute links to our own session pages.
sid=$(sql "SELECT id FROM sessions WHERE url IS NULL LIMIT 1")
check "a session's own page is an absolute link, to the address asked" grep -q ",$URL/sessions/$sid\$" \
	<<<"$(get /export/speakers.csv | tr -d '\r')"
stop_server
printf 'public_url = https://lectern.example/\n' >"$TMP/conf"
start_server --config "$TMP/conf" || exit 1
check "with public_url, to that address" grep -q ",https://lectern.example/sessions/$sid\$" \
	<<<"$(get /export/speakers.csv | tr -d '\r')"
check "the CLI takes it too" grep -q ",https://lectern.example/sessions/$sid\$" \
	<<<"$("$LECTERN" export speakers --db "$DB" --public-url https://lectern.example | tr -d '\r')"
printf 'public_url = javascript:alert(1)\n' >"$TMP/bad.conf"
check "a public_url that is not http(s) is refused at start" not "$LECTERN" serve --config "$TMP/bad.conf" --db "$DB" --port 0
login staff 'staff-password-42' >/dev/null

# The Track filter, kept.
page=$(get '/events/kubecon-eu-2019?track=Operations')
check "the event page's export link keeps the track" grep -q 'href="/export/speakers.csv?event=kubecon-eu-2019&amp;track=Operations"' <<<"$page"
tracks=$(get '/export/speakers.json?event=kubecon-eu-2019&track=Operations')
check "and the export filters by it" test "$(sql "SELECT count(*) FROM appearances a JOIN sessions s ON s.id = a.session_id
	JOIN events e ON e.id = s.event_id WHERE e.slug = 'kubecon-eu-2019' AND s.track = 'Operations'")" = "$(q "$tracks" 'print(len(d))')"
check "(some rows, not none)" test "$(q "$tracks" 'print(len(d))')" -gt 0

# The export form.
check "list pages link to the export options" grep -q 'href="/export?event=kubecon-eu-2019&amp;track=Operations">Export options' <<<"$page"
form=$(get '/export?event=kubecon-eu-2019&track=Operations')
check "the form keeps the filters" grep -q '<input type="hidden" name="track" value="Operations">' <<<"$form"
check "offers XLSX, CSV and JSON" grep -q '<option value="xlsx">Excel (XLSX)</option><option value="csv">CSV</option><option value="json">JSON</option>' <<<"$form"
check "one row per speaker" grep -q 'name="shape" value="speakers"' <<<"$form"
check "the BOM" grep -q 'name="bom" value="1"' <<<"$form"
check "no email option for a visitor" not grep -q 'include_email' <<<"$form"
check "one for staff" grep -q 'name="include_email" value="1"' <<<"$(as staff "$URL/export?event=kubecon-eu-2019")"
check "the form's CSV with a BOM, per speaker" test "$(get '/export/speakers?event=kubecon-eu-2019&format=csv&shape=speakers&bom=1' | head -c 3 | od -An -tx1 | tr -d ' ')" = efbbbf
expect_header "the form's XLSX is a workbook" '^content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' \
	'/export/speakers?event=kubecon-eu-2019&format=xlsx'
expect_header "named for the list" 'filename="speakers-kubecon-eu-2019.xlsx"' '/export/speakers?event=kubecon-eu-2019&format=xlsx'

# XLSX: speakers.
book=$(xlsx "$URL/export/speakers.xlsx?event=kubecon-eu-2019")
napp=$(sql "SELECT count(*) FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id WHERE e.slug = 'kubecon-eu-2019'")
check "a header row and one row per appearance" q "$book" "assert len(d['rows']) == $napp + 1, len(d['rows'])"
check "the header, without the email column for a visitor" q "$book" \
	"assert [c[1] for c in d['rows'][0]] == ['Name', 'Organization then', 'Organization now', 'GitHub', 'Event', 'Session', 'Kind', 'Date', 'Role', 'URL'], d['rows'][0]"
check "bold, frozen under it, with a filter over the list" q "$book" "assert d['bold_header'] and d['frozen_rows'] == 1 and d['filter'] == 'A1:J%d' % ($napp + 1), d"
check "dates are dates (2019's May in Excel's numbers)" q "$book" "assert all(r[7][0] == 'd' and 43586 <= r[7][1] <= 43616 for r in d['rows'][1:]), d['rows'][1]"
check "no email anywhere" not grep -q '@' <<<"$book"
staff_book=$(xlsx -b "$TMP/jar-staff" "$URL/export/speakers.xlsx?event=kubecon-eu-2019&include_email=1")
check "staff who ask get the emails" q "$staff_book" "assert d['rows'][0][3] == ['s', 'Email'] and any(r[3] and '@' in r[3][1] for r in d['rows'][1:])"
per=$(xlsx "$URL/export/speakers.xlsx?event=kubecon-eu-2019&shape=speakers")
check "per speaker: the count of sessions is a number" q "$per" "assert d['rows'][0][4] == ['s', 'Sessions'] and all(r[4][0] == 'n' and r[4][1] >= 1 for r in d['rows'][1:])"

# XLSX: roles.
roles=$(xlsx "$URL/export/roles.xlsx?body=toc")
check "the body page links to it" grep -q 'href="/export/roles.xlsx?body=toc"' <<<"$(get /bodies/toc)"
check "roles: the terms, with typed start and end dates" q "$roles" \
	"assert len(d['rows']) == 7 and d['rows'][0][6] == ['s', 'Term start'] and all(r[6][0] == 'd' for r in d['rows'][1:]), d"
check "an open term's end is empty" q "$roles" "assert any(len(r) < 8 or r[7] is None for r in d['rows'][1:])"
"$LECTERN" export speakers --db "$DB" --event kubecon-eu-2019 --format xlsx --public-url https://lectern.example >"$TMP/cli.xlsx"
check "the CLI writes the same workbook's rows" test "$(python3 tests/e2e/xlsx_read.py "$TMP/cli.xlsx" | md5sum)" = "$(xlsx "$URL/export/speakers.xlsx?event=kubecon-eu-2019" | md5sum)"
echo "1..$n"
