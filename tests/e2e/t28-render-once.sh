# t28-render-once.sh: a page is rendered once per change whatever the number of workers and concurrent
# requests (the others wait for it or get the previous copy); the access log, written in batches, loses
# no line on SIGTERM.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
# An organization with 3,000 sessions: a page slow enough to render that requests overlap.
sql "INSERT INTO organizations(name, slug) VALUES ('Big Co', 'bigco');
	INSERT INTO people(name, slug) VALUES ('Big Speaker', 'big-speaker');
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
	INSERT INTO sessions(event_id, title, kind, starts_at)
	SELECT (SELECT id FROM events WHERE slug = 'kubecon-eu-2019'), 'Big talk ' || i, 'talk',
		'2019-05-22T10:00:00+02:00' FROM n;
	INSERT INTO appearances(session_id, person_id, org_id)
	SELECT id, (SELECT id FROM people WHERE slug = 'big-speaker'), (SELECT id FROM organizations WHERE slug = 'bigco')
	FROM sessions WHERE title LIKE 'Big talk %';"
start_server --threads 4 || exit 1

# at_once N PATH: N requests for PATH on N connections at the same time; prints their statuses.
at_once() {
	local args=() i
	for i in $(seq "$1"); do args+=(-o /dev/null "$URL$2"); done
	curl -s --no-progress-meter --noproxy '*' --max-time 30 -Z --parallel-immediate --parallel-max "$1" \
		-w '%{http_code}\n' "${args[@]}" 2>/dev/null
}
# logged REGEX: access-log lines matching, once the lines of the requests made have been written.
logged() {
	local want=$2 got i
	for i in $(seq 50); do
		got=$(grep -Ec -- "$1" "$TMP/server.out")
		[ "$got" -ge "$want" ] && break
		sleep 0.1
	done
	echo "$got"
}

check "16 requests at once for a page never rendered: 16 answers" test "$(at_once 16 /orgs/bigco | grep -c 200)" = 16
check "all 16 logged" test "$(logged ' GET /orgs/bigco 200 ' 16)" = 16
check "rendered once (1 miss)" test "$(grep -c ' GET /orgs/bigco 200 .* miss$' "$TMP/server.out")" = 1
check "the others had its copy" test "$(grep -Ec ' GET /orgs/bigco 200 .* (hit|stale)$' "$TMP/server.out")" = 15

# After a write to what it shows: one render again, the others get the new page or, while it
# renders, the previous one.
sql "UPDATE sessions SET title = 'Big talk, renamed' WHERE id = (SELECT max(id) FROM sessions)"
check "16 more at once after a change" test "$(at_once 16 /orgs/bigco | grep -c 200)" = 16
logged ' GET /orgs/bigco 200 ' 32 >/dev/null
check "rendered once more (2 misses in all)" test "$(grep -c ' GET /orgs/bigco 200 .* miss$' "$TMP/server.out")" = 2
expect_body "and the change shows" 'Big talk, renamed' /orgs/bigco
sql "UPDATE users SET display_name = display_name"
at_once 8 /orgs/bigco >/dev/null
logged ' GET /orgs/bigco 200 ' 41 >/dev/null
check "a write to an account renders nothing" test "$(grep -c ' GET /orgs/bigco 200 .* miss$' "$TMP/server.out")" = 2
check "JSON is its own page, rendered once" test "$(at_once 8 /orgs/bigco.json | grep -c 200)" = 8 -a \
	"$(logged ' GET /orgs/bigco 200 .* miss$' 3)" = 3

# The access log on a clean stop: every answered request has its line.
printf 'url = "%s/healthz"\noutput = "/dev/null"\n' $(seq 1 3000 | sed "s|.*|$URL|") >"$TMP/many.curl"
before=$(grep -c ' GET /healthz ' "$TMP/server.out")
answered=$(curl -s --no-progress-meter --noproxy '*' -Z --parallel-max 20 -K "$TMP/many.curl" \
	-w '%{http_code}\n' 2>/dev/null | grep -c 200)
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
SERVER_PID=
check "3000 answers" test "$answered" = 3000
check "3000 lines, written by the time the server exits" test \
	"$(($(grep -c ' GET /healthz 200 ' "$TMP/server.out") - before))" = 3000

# Stopped while requests still come: no answered request is missing from the log.
printf 'url = "%s/healthz"\noutput = "/dev/null"\n' $(seq 1 100000 | sed "s|.*|$URL|") >"$TMP/more.curl"
start_server --threads 4 || exit 1
sed -i "s|http://[^/]*/|$URL/|" "$TMP/more.curl"
curl -s --no-progress-meter --noproxy '*' -Z --parallel-max 20 -K "$TMP/more.curl" -w '%{http_code}\n' \
	>"$TMP/codes" 2>/dev/null &
curl_pid=$!
for _ in $(seq 100); do [ "$(grep -c 200 "$TMP/codes")" -ge 2000 ] && break; sleep 0.02; done
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
SERVER_PID=
wait "$curl_pid"
got=$(grep -c 200 "$TMP/codes")
check "stopped mid-flood (after $got of 100000 answers): a line for each, or more" test "$got" -lt 100000 -a \
	"$(grep -c ' GET /healthz 200 ' "$TMP/server.out")" -ge "$got"
echo "1..$n"
