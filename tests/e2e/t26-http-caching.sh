# t26-http-caching.sh: ETag and Last-Modified from the data generations, 304s, Cache-Control public or
# private, Vary, and invalidation by kind of record: a write leaves the pages that do not show its kind alone.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
start_server || exit 1

# header PATH NAME [curl args...]: the value of one response header of a GET.
header() {
	local p=$1 name=$2
	shift 2
	http -D - -o /dev/null "$@" "$URL$p" | tr -d '\r' | sed -n "s/^$name: //Ip" | head -n 1
}
# log_count REGEX: access-log lines matching, once the writer has written them all (it writes in
# batches within 20 ms: wait until the log stops growing).
log_count() {
	local before=-1 now i
	for i in $(seq 40); do
		now=$(wc -l <"$TMP/server.out")
		[ "$now" = "$before" ] && break
		before=$now
		sleep 0.1
	done
	grep -Ec -- "$1" "$TMP/server.out"
}

etag=$(header /orgs/spotify ETag)
check "an anonymous page has a weak ETag" grep -Eq '^W/"[0-9a-f]{16}"$' <<<"$etag"
expect_header "and Last-Modified" '^last-modified: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT$' /orgs/spotify
expect_header "public, with max-age and stale-while-revalidate" \
	'^cache-control: public, max-age=60, stale-while-revalidate=60$' /orgs/spotify
expect_header "Vary: Accept-Encoding, Cookie (a login gets another page)" '^vary: Accept-Encoding, Cookie$' /orgs/spotify
check "the same ETag again" test "$(header /orgs/spotify ETag)" = "$etag"
expect_header "JSON has its own" '^etag: W/"[0-9a-f]{16}"$' /orgs/spotify.json
check "which is not the HTML's" test "$(header /orgs/spotify.json ETag)" != "$etag"

# If-None-Match: 304 without rendering (the access log says how each was answered).
renders=$(log_count ' GET /orgs/spotify 200 .* miss$')
expect_status "If-None-Match with the ETag: 304" 304 /orgs/spotify -H "If-None-Match: $etag"
expect_status "in a list, weakly compared" 304 /orgs/spotify -H "If-None-Match: \"x\", ${etag#W/}"
expect_header "a 304 carries the ETag" "^etag: $etag" /orgs/spotify -H "If-None-Match: $etag"
expect_header "and Cache-Control" '^cache-control: public' /orgs/spotify -H "If-None-Match: $etag"
expect_status "another ETag: 200" 200 /orgs/spotify -H 'If-None-Match: W/"0000000000000000"'
check "no 304 rendered the page" test "$(log_count ' GET /orgs/spotify 200 .* miss$')" = "$renders"
check "the 304s are logged as such" test "$(log_count ' GET /orgs/spotify 304 0 [0-9]+us 304$')" -ge 3

# If-Modified-Since.
lm=$(header /orgs/spotify Last-Modified)
expect_status "If-Modified-Since the Last-Modified: 304" 304 /orgs/spotify -H "If-Modified-Since: $lm"
expect_status "an earlier date: 200" 200 /orgs/spotify -H 'If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT'
expect_status "an unreadable date is ignored" 200 /orgs/spotify -H 'If-Modified-Since: yesterday'
expect_status "If-None-Match wins over If-Modified-Since" 200 /orgs/spotify \
	-H 'If-None-Match: W/"0000000000000000"' -H "If-Modified-Since: $lm"
expect_status "a page that does not exist is no 304" 404 /orgs/nobody -H "If-Modified-Since: $lm"
expect_status "nor with a borrowed ETag" 404 /orgs/nobody -H "If-None-Match: $etag"

# Logged in: private, no-store, and no validators.
login staff 'staff-password-42' >/dev/null
expect_header "a login's page is private, no-store" '^cache-control: private, no-store$' /orgs/spotify -b "$TMP/jar-staff"
expect_no_body "without an ETag" 'ETag' /orgs/spotify -b "$TMP/jar-staff" -D - -o /dev/null
expect_status "and If-None-Match does not apply" 200 /orgs/spotify -b "$TMP/jar-staff" -H "If-None-Match: $etag"

# Exports and schedules, anonymous: validators and 304 too.
csv_etag=$(header '/export/speakers.csv?org=spotify' ETag)
check "an anonymous export has an ETag" grep -Eq '^W/"[0-9a-f]{16}"$' <<<"$csv_etag"
expect_status "and answers If-None-Match with 304" 304 '/export/speakers.csv?org=spotify' -H "If-None-Match: $csv_etag"
expect_header "a schedule is public" '^cache-control: public' /events/kubecon-eu-2019/schedule.xml
check "arguments make another ETag" test "$(header '/export/speakers.csv?org=google' ETag)" != "$csv_etag"

# Invalidation by kind: an account is no registry record; a role is not on the event page.
event_etag=$(header /events/kubecon-eu-2019 ETag)
hits=$(log_count ' GET /orgs/spotify 200 .* hit$')
make_user someone member 'member-password-42'
check "a new account leaves the page's ETag" test "$(header /orgs/spotify ETag)" = "$etag"
check "and its cached copy (a hit, no render)" test "$(log_count ' GET /orgs/spotify 200 .* hit$')" -gt "$hits"
sql "UPDATE roles SET ends_on = '2030-01-01' WHERE id = (SELECT min(id) FROM roles)"
check "a role changes the organization page's ETag" test "$(header /orgs/spotify ETag)" != "$etag"
check "not the event page's (it shows no roles)" test "$(header /events/kubecon-eu-2019 ETag)" = "$event_etag"
etag=$(header /orgs/spotify ETag)
sql "UPDATE sessions SET title = 'Keynote: renamed' WHERE id = 1"
check "a session changes both" test "$(header /orgs/spotify ETag)" != "$etag" -a \
	"$(header /events/kubecon-eu-2019 ETag)" != "$event_etag"
expect_body "and the page shows it" 'Keynote: renamed' /orgs/spotify
expect_status "the old ETag gets the new page" 200 /orgs/spotify -H "If-None-Match: $etag"

# The generations live in the database: the same ETags after a restart.
etag=$(header /orgs/spotify ETag)
stop_server
start_server || exit 1
check "a restart keeps the ETag" test "$(header /orgs/spotify ETag)" = "$etag"
expect_status "and the 304" 304 /orgs/spotify -H "If-None-Match: $etag"

# Configurable.
stop_server
printf 'cache_max_age = 5\ncache_stale = 30\n' >"$TMP/cache.conf"
start_server --config "$TMP/cache.conf" || exit 1
expect_header "cache_max_age and cache_stale" '^cache-control: public, max-age=5, stale-while-revalidate=30$' /
echo "1..$n"
