# t15-abuse-load.sh: the server under abuse with its default limits: 2,000 idle connections from
# 23 loopback addresses, 20 slowloris clients, oversize heads, bodies and forms, a flood of
# failed logins from one address and 10 broad searches a second, all at once (t16 floods searches
# and exports on the generated registry). Meanwhile a well-behaved client (8 keep-alive
# connections, 200 requests a second) must get every answer, quickly, and memory stays bounded.
# The bounds are loose (two shared cores, sanitizer builds); make bench measures the real figures.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
start_server || exit 1
python3 tests/tools/abuse.py "$URL" --pid "$SERVER_PID" --idle 2000 --slowloris 20 --oversize 20 \
	--logins 100 --search 10 --good 2000 --good-conns 8 --good-rate 200 >"$TMP/abuse.out" 2>"$TMP/abuse.err"
sed 's/^/# /' "$TMP/abuse.out" "$TMP/abuse.err"
v() { sed -n "s/^$1=//p" "$TMP/abuse.out"; }
num() { local x; x=$(v "$1"); echo "${x:-0}"; }
ms() { num "$1" | cut -d. -f1; }

# Sanitizer builds pay for shadow memory and a quarantine of freed blocks, and run slower.
if grep -q __asan_init "$LECTERN"; then p99_max=400 idle_mib=160 peak_mib=1024; else p99_max=150 idle_mib=64 peak_mib=256; fi
target=$(num idle_target)
check "the abuse ran" test -n "$(v good_requests)"
check "the default limits hold $target idle connections (server holds $(num server_fds) descriptors)" \
	test "$(num server_fds)" -ge "$target"
check "slowloris clients are connected" test "$(num slowloris_open)" -ge 15
check "every good request was answered ($(num good_failures) failed of $(num good_requests))" \
	test "$(num good_failures)" = 0 -a "$(num good_requests)" = 2000
check "good client p99 $(v good_p99_ms) ms < $p99_max ms (p50 $(v good_p50_ms), max $(v good_max_ms))" \
	test "$(ms good_p99_ms)" -lt "$p99_max"
check "RSS with the idle connections $(($(num rss_idle_kib) / 1024)) MiB < $idle_mib MiB" \
	test "$(num rss_idle_kib)" -lt $((idle_mib * 1024))
check "peak RSS $(($(num rss_peak_kib) / 1024)) MiB < $peak_mib MiB" test "$(num rss_peak_kib)" -lt $((peak_mib * 1024))
check "an oversize head is 431" test "$(num over_head_431)" -ge 1
check "a declared oversize body is 413" test "$(num over_declared_413)" -ge 1
check "a chunked oversize body is 413" test "$(num over_chunked_413)" -ge 1
check "a form of 90,000 fields is answered (400)" test "$(num over_fields_400)" -ge 1
check "no abusive request is left hanging" test -z "$(grep '_timeout=' "$TMP/abuse.out")"
check "the login flood is throttled ($(num login_429) x 429, $(num login_503) x 503)" test "$(num login_429)" -ge 100
check "its free tries are spent ($(num login_401) hashed and refused, $(num login_503) refused while another hashed)" \
	test $(($(num login_401) + $(num login_503))) -ge 10
check "and few of its passwords are hashed" test "$(num login_401)" -le 15
check "the searches are answered ($(num search_200) x 200, $(num search_503) x 503)" test "$(num search_200)" -ge 50
check "the server answers afterwards" test "$(num alive_after)" = 1
check "the server is still running" kill -0 "$SERVER_PID"
