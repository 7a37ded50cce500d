# t61-import-web.sh: /admin/import: upload, preview (a dry run), confirm or cancel; /admin/imports.
. "$(dirname "$0")/lib.sh"
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
make_user dave member 'member-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
F=tests/data/good-2025_pretalx.xml

expect_status "anonymous visitors are sent to log in" 303 /admin/import
login dave 'member-password-42' >/dev/null
expect_status "members may not import" 403 /admin/import -b "$TMP/jar-dave"
expect_status "staff see the upload form" 200 /admin/import -b "$TMP/jar-staff"

# An upload-sized body is kept only for a login allowed to upload. Anyone else is refused from the
# head when the client asks before sending (Expect: 100-continue), else once the body has been read
# and thrown away, so that the answer arrives; never with 64 MiB held.
head -c 3000000 /dev/zero | tr '\0' x >"$TMP/big.bin"
port=${URL##*:}
# upload_head [COOKIE]: a POST that declares 50 MB and asks before sending it; prints the status
# line the server answers within two seconds.
upload_head() {
	exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
	printf 'POST /admin/import HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n%bContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 50000000\r\nExpect: 100-continue\r\n\r\n' \
		"$port" "${1:+Cookie: $1\r\n}" >&3
	timeout 2 head -n 1 <&3 | tr -d '\r'
	exec 3>&- 3<&-
}
got=$(upload_head)
check "an anonymous upload over max_body is refused from its head, before any body (got '$got')" \
	test "$got" = "HTTP/1.1 401 Unauthorized"
staff_cookie=$(awk '$6 == "lectern_login" { print $6 "=" $7 }' "$TMP/jar-staff")
got=$(upload_head "$staff_cookie")
check "a staff upload of the same size is invited (got '$got')" test "$got" = "HTTP/1.1 100 Continue"
got=$(http -o "$TMP/anon.html" -w '%{http_code}' -H 'Expect:' -F "schedule=@$TMP/big.bin" "$URL/admin/import")
check "sent whole without asking, as browsers do, it gets its answer, not a reset (got $got)" test "$got" = 401
check "with a readable page" grep -qi 'log in' "$TMP/anon.html"
# A client that writes its whole body before it reads, and gives up when a write fails, as
# browsers do: the server reads the body and throws it away, then answers. (Answered at once and
# closed, the rest of the body would meet a reset: the write fails, the answer is never read.)
head -c 30000000 /dev/zero | tr '\0' x >"$TMP/huge.bin"
exec 3<>"/dev/tcp/127.0.0.1/$port"
if { printf 'POST /admin/import HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: %s\r\n\r\n' \
	"$port" "$(stat -c %s "$TMP/huge.bin")"; cat "$TMP/huge.bin"; } >&3 2>/dev/null; then
	got=$(timeout 5 head -n 1 <&3 | tr -d '\r')
else
	got="reset while sending"
fi
exec 3>&- 3<&-
check "a client that sends all before reading gets the answer (got '$got')" test "$got" = "HTTP/1.1 401 Unauthorized"
hwm() { awk '/^VmHWM/ { print $2 }' "/proc/$SERVER_PID/status"; }
before=$(hwm)
got=$(http -o /dev/null -w '%{http_code}' -H 'Transfer-Encoding: chunked' -F "schedule=@$TMP/huge.bin" "$URL/admin/import")
got2=$(http -o /dev/null -w '%{http_code}' -H 'Expect:' -F "schedule=@$TMP/huge.bin" "$URL/admin/import")
after=$(hwm)
check "30 MB anonymous uploads, chunked and declared, are refused (got $got, $got2)" test "$got-$got2" = 401-401
check "without holding them: peak memory grew $(((after - before) / 1024)) MiB" test $((after - before)) -lt 8192
got=$(http -o /dev/null -w '%{http_code}' -b "$TMP/jar-dave" -F "schedule=@$TMP/big.bin" "$URL/admin/import")
check "a member's upload over max_body is refused (got $got)" test "$got" = 403
got=$(http -o /dev/null -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$TMP/big.bin" "$URL/admin/import")
check "staff may send an upload over max_body (got $got: read, then refused as no schedule)" test "$got" = 422
expect_status "a small anonymous POST still gets the login answer" 401 /admin/import -F "schedule=@$F"

out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$F;type=application/xml" "$URL/admin/import")
check "the preview shows the counts" grep -q '<span class="n">72</span><span class="l">New sessions' <<<"$out"
check "the preview names new organizations" grep -q 'new organization: Ohio Supercomputer Center' <<<"$out"
check "the preview wrote nothing" test "$(sql 'SELECT count(*) FROM sessions')" = 0
token=$(grep -o 'name="token" value="[0-9a-f]*"' <<<"$out" | head -n 1 | sed 's/.*value="//;s/"//')
check "the preview carries a token to confirm with" test ${#token} = 64
check "the upload waits, keyed by the token's hash only" test "$(sql "SELECT count(*) FROM import_uploads WHERE token_hash = '$token'")" = 0
expect_status "confirm without the CSRF token is refused" 403 /admin/import/confirm -b "$TMP/jar-staff" -d "token=$token"
expect_status "confirm imports" 303 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token"
check "the sessions are there" test "$(sql 'SELECT count(*) FROM sessions')" = 72
check "the run records who" test "$(sql 'SELECT user_login FROM import_runs')" = staff
first=$(http "$URL/search.json?q=contributor+jam" | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print(r[0]["title"] if r else "")')
check "the search finds an imported session at once (got: $first)" test "${first%% (*}" = "Contributor Jam"
check "the full-text indexes agree with the records" fts_agrees "$DB"
expect_status "a used token cannot import twice" 409 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token"
expect_body "/admin/imports lists the run" 'good-2025_pretalx.xml' /admin/imports -b "$TMP/jar-staff"

# A large schedule: the preview lists the first thousand changes and counts the rest.
python3 tests/bench/synth_schedule.py 1500 600 >"$TMP/big.xml"
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$TMP/big.xml;type=application/xml" "$URL/admin/import")
check "a large preview shows the counts" grep -q '<span class="n">1500</span><span class="l">New sessions' <<<"$out"
items=$(grep -o '<ul class="report">.*</ul>' <<<"$out" | grep -o '<li>' | wc -l)
check "and lists a thousand changes and a line for the rest ($items)" test "$items" = 1001
check "saying how many more" grep -Eq '<li>\.\.\. and [0-9]+ more lines</li>' <<<"$out"
token=$(grep -o 'name="token" value="[0-9a-f]*"' <<<"$out" | head -n 1 | sed 's/.*value="//;s/"//')
expect_status "cancel the large one" 303 /admin/import/cancel -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token"

# Cancel: nothing written, the upload forgotten.
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@tests/data/debconf23_wafer.xml" "$URL/admin/import")
token=$(grep -o 'name="token" value="[0-9a-f]*"' <<<"$out" | head -n 1 | sed 's/.*value="//;s/"//')
expect_status "cancel" 303 /admin/import/cancel -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token"
check "a cancelled import wrote nothing" test "$(sql "SELECT count(*) FROM events WHERE slug = 'debconf23'")" = 0
check "and the upload is gone" test "$(sql 'SELECT count(*) FROM import_uploads')" = 0

# A broken file: the form again, with the reason and the line.
printf '<schedule><conference><title>x</title></conference>\n<day date="2024-01-01"><room name="r"><event id="1"><title>t</title></room></day></schedule>' >"$TMP/bad.xml"
code=$(http -o "$TMP/bad.html" -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$TMP/bad.xml" "$URL/admin/import")
check "a broken file is refused (422)" test "$code" = 422
check "with file, line and reason" grep -Eq 'bad.xml:2:[0-9]+: .*mismatch' "$TMP/bad.html"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' >"$TMP/cal.ics"
code=$(http -o "$TMP/bad.html" -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$TMP/cal.ics" "$URL/admin/import")
check "an empty calendar is refused, saying why (got $code)" grep -q 'cal.ics:3:1: the calendar has no events' "$TMP/bad.html"
check "nothing was written" test "$(sql 'SELECT count(*) FROM sessions')" = 72

# Undo from the list.
expect_body "the list offers undo" 'action="/admin/imports/1/undo"' /admin/imports -b "$TMP/jar-staff"
expect_status "undo" 303 /admin/imports/1/undo -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "the imported sessions are gone" test "$(sql 'SELECT count(*) FROM sessions')" = 0
expect_body "the run shows as undone" 'class="tag">undone' /admin/imports -b "$TMP/jar-staff"
expect_status "undoing twice is refused" 409 /admin/imports/1/undo -b "$TMP/jar-staff" -d "csrf=$CSRF"

# The preview shows the warnings, grouped by kind and counted, each with its line and session.
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@tests/data/import/odd-values.xml" "$URL/admin/import")
check "the preview counts the warnings" grep -q '<span class="n">9</span><span class="l">Warnings' <<<"$out"
check "and lists them under a heading with their number" grep -q '<section class="warnings"><h2>Warnings (9)</h2>' <<<"$out"
check "grouped by kind, each group counted" grep -q '<summary>Durations <span class="count">1</span></summary>' <<<"$out"
check "each with its line, its session and what was done" \
	grep -q '<span class="line">line 21</span> &quot;A session of no length&quot; (guid a1b2c3d4-0001-5000-8000-000000000201, id 201): duration 00:00: left empty' <<<"$out"
check "a file that names its zone says where its times are read" grep -q 'Times are read in <strong>Europe/Berlin</strong> (as the file says)' <<<"$out"
check "and asks for no zone" test "$(grep -c 'name="tz" required' <<<"$out")" = 0

# A file that does not say where: the preview says so and asks for the zone before importing.
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@tests/data/import/pentabarf-no-zone.xml" "$URL/admin/import")
check "no zone: the preview says so in plain words" grep -q 'Where does this conference take place?' <<<"$out"
check "and the confirmation asks for the zone" grep -q '<select id="confirm-tz" name="tz" required>' <<<"$out"
check "from every zone the system knows" grep -q '<option value="Europe/Brussels">Europe/Brussels</option>' <<<"$out"
token=$(grep -o 'name="token" value="[0-9a-f]*"' <<<"$out" | head -n 1 | sed 's/.*value="//;s/"//')
expect_status "a zone the system does not know is refused" 422 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token&tz=Mars/Olympus"
expect_status "the zone picked is the one imported in" 303 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token&tz=Europe/Brussels"
check "times in that zone" test "$(sql "SELECT starts_at FROM sessions WHERE title = 'Kernel news'")" = 2011-02-05T10:00:00+01:00
check "and so is the event" test "$(sql "SELECT time_zone FROM events WHERE name = 'Free Software Meeting 2011'")" = Europe/Brussels
check "a zone picked leaves no zone warning" test "$(sql 'SELECT json_extract(counts, "$.warnings") FROM import_runs ORDER BY id DESC LIMIT 1')" = 0
expect_body "the list counts each run's warnings, with a link to them" '<a href="/admin/imports\?run=1">2</a>' /admin/imports -b "$TMP/jar-staff"
expect_body "a run's warnings are kept with it" 'Warnings \(2\).*type &quot;Poster&quot; is not in the table of kinds' "/admin/imports?run=1" -b "$TMP/jar-staff"

# A preview takes no write lock: another staff member saves while a large one parses.
python3 tests/bench/synth_schedule.py 60000 20000 >"$TMP/huge.xml"
make_user editor staff 'editor-password-42'
login editor 'editor-password-42' >/dev/null
ECSRF=$(csrf_of editor)
org_version() { sql "SELECT version FROM organizations WHERE slug = 'example-org'"; }
as editor -o /dev/null -d "csrf=$ECSRF&name=Example Org&kind=other" "$URL/orgs/new"
now_ms() { date +%s%3N; }
t0=$(now_ms)
( http -o "$TMP/huge.html" -w '%{http_code}' --max-time 60 -b "$TMP/jar-staff" -F "csrf=$CSRF" \
	-F "schedule=@$TMP/huge.xml;type=application/xml" "$URL/admin/import" >"$TMP/huge.code"; now_ms >"$TMP/huge.end" ) &
preview=$!
# The upload is sent and the dry run under way before the save.
for _ in $(seq 1 100); do
	[ "$(awk '/^VmRSS/ { print $2 }' "/proc/$SERVER_PID/status")" -gt 120000 ] && break
	sleep 0.05
done
sleep 0.3
t1=$(now_ms)
code=$(as editor -o /dev/null -w '%{http_code}' -d "csrf=$ECSRF&name=Example Org&kind=vendor&version=$(org_version)" "$URL/orgs/example-org/edit")
t2=$(now_ms)
wait $preview
t3=$(cat "$TMP/huge.end")
check "the large preview worked ($(cat "$TMP/huge.code"), $((t3 - t0)) ms)" grep -q '<span class="n">60000</span><span class="l">New sessions' "$TMP/huge.html"
check "a save during it succeeded ($code, in $((t2 - t1)) ms)" test "$code" = 303
check "while the preview was still running (it ended $((t3 - t2)) ms after the save)" test "$t2" -lt "$t3"
check "and did not wait for it" test $((t2 - t1)) -lt 2000

# Uploads wait an hour at most, three per user.
for i in 1 2 3 4; do
	http -o /dev/null -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$F" "$URL/admin/import"
done
check "a user has at most three uploads waiting" \
	test "$(sql "SELECT count(*) FROM import_uploads WHERE user_id = (SELECT id FROM users WHERE login = 'staff')")" = 3
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$F" "$URL/admin/import")
token=$(grep -o 'name="token" value="[0-9a-f]*"' <<<"$out" | head -n 1 | sed 's/.*value="//;s/"//')
sql "UPDATE import_uploads SET created_at = created_at - 3601"
expect_status "an upload waiting over an hour cannot be confirmed" 409 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token"
http -o /dev/null -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$F" "$URL/admin/import"
check "and is dropped at the next upload" test "$(sql 'SELECT count(*) FROM import_uploads')" = 1
