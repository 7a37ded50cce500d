#!/usr/bin/env bash
# abuse.sh: a well-behaved client's latency while Lectern is abused (tests/tools/abuse.py), with
# wrk -c200 beside it, and the server's memory with many idle connections. Each row starts a fresh
# server on a fresh demo database with the default limits, except max_connections_per_ip = 0 so
# that wrk's 200 connections from one address are let in (the abusers stay under 100 per address).
# The search and slow-export floods run on the generated registry (tests/bench/gen.sql), where a
# broad search or an export costs what it would at scale, beside the same client with no abuse.
# Prints markdown tables on standard output. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
DIR=${BENCH_DIR:-build/bench}
SECS=${ABUSE_SECONDS:-20}
RUNS=${ABUSE_RUNS:-3}
mkdir -p "$DIR"
printf 'access_log = no\nmax_connections_per_ip = 0\n' >"$DIR/abuse.conf"
page=/orgs/spotify

# scenario ARGS...: a fresh server, the abuse tool with ARGS; leaves its key=value output in $DIR/abuse.out.
# With ABUSE_DB=generated, on a copy of the generated registry instead of the demo data.
scenario() {
	local pid url=
	rm -f "$DIR/abuse.db"* "$DIR/abuse-server.out"
	if [ "${ABUSE_DB:-demo}" = generated ]; then
		if [ ! -f "$DIR/abuse-generated.db" ]; then
			build/lectern migrate --db "$DIR/abuse-generated.db" >/dev/null 2>&1
			sqlite3 "$DIR/abuse-generated.db" <tests/bench/gen.sql
		fi
		cp "$DIR/abuse-generated.db" "$DIR/abuse.db"
	else
		build/lectern demo --db "$DIR/abuse.db" >/dev/null 2>&1
	fi
	build/lectern serve --config "$DIR/abuse.conf" --db "$DIR/abuse.db" --port 0 \
		>"$DIR/abuse-server.out" 2>"$DIR/abuse-server.err" &
	pid=$!
	for _ in $(seq 1 100); do
		url=$(sed -n 's,^lectern: serving on \(http://[^ ]*[0-9]\)/$,\1,p' "$DIR/abuse-server.out" 2>/dev/null)
		[ -n "$url" ] && break
		sleep 0.05
	done
	python3 tests/tools/abuse.py "$url" --pid "$pid" "$@" >"$DIR/abuse.out" 2>&1 || true
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}
v() { sed -n "s/^$1=//p" "$DIR/abuse.out"; }
num() { local x; x=$(v "$1"); echo "${x:-0}"; }
mib() { awk -v k="$(v "$1")" 'BEGIN { printf "%.0f", k / 1024 }'; }
wrk_fig() {	# "req/s | p99-ms" from the wrk output the tool printed, "- | -" without wrk
	grep -q '^during: *Requests/sec' "$DIR/abuse.out" || { echo "- | -"; return; }
	awk '/^during: *Requests\/sec/ {r=$3} /^during: *99%/ {p=$3}
		function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
		END { printf "%.0f | %.1f", r, ms(p) }' "$DIR/abuse.out"
}
good() { echo "$(v good_p50_ms) / $(v good_p99_ms) / $(v good_max_ms) | $(v good_failures) of $(v good_requests)"; }

n=$((SECS * 200))
wrk="sleep 1; wrk -t2 -c200 -d$((SECS - 4))s --latency --timeout 5s \"\$ABUSE_URL$page\""
rows=()
run_row() {	# label wrk|- abuse-args...: the run of RUNS with the median good-client p99 (the cores are shared)
	local label=$1 during=() r
	[ "$2" = wrk ] && during=(--during "$wrk")
	shift 2
	for r in $(seq 1 "$RUNS"); do
		scenario --good "$n" --good-conns 8 --good-rate 200 --paths "/healthz,$page" "${during[@]}" "$@"
		echo "$(v good_p99_ms) | $label | $(good) | $(wrk_fig) | $(mib rss_idle_kib) / $(mib rss_peak_kib) |"
	done | sort -n | sed -n "$(((RUNS + 1) / 2))p" | sed 's/^[^|]*//' >"$DIR/abuse.row"
	rows+=("$(cat "$DIR/abuse.row")")
}
flood_row() {	# label abuse-args...: as run_row, on the generated registry, without wrk
	local label=$1 r s e after
	shift
	for r in $(seq 1 "$RUNS"); do
		ABUSE_DB=generated scenario --good "$n" --good-conns 8 --good-rate 200 \
			--paths "/healthz,/orgs/org-2" --idle 0 --slowloris 0 --oversize 0 --logins 0 "$@"
		if [ "$1" = --no-abuse ]; then s=- e=- after=-; else
			s="$(num search_200)/$(num search_422)/$(num search_503)"
			e="$(num export_200)/$(num export_503)" after=$(v server_fds_after)
		fi
		echo "$(v good_p99_ms) | $label | $(good) | $s | $e | $(v server_fds_at_end) / $after |" \
			"$(mib rss_peak_kib) |"
	done | sort -n | sed -n "$(((RUNS + 1) / 2))p" | sed 's/^[^|]*//' >"$DIR/abuse.row"
	floods+=("$(cat "$DIR/abuse.row")")
}
all="--idle 2000 --slowloris 20 --oversize 20 --logins 100"
run_row "no abuse" wrk --no-abuse
run_row "2,000 idle connections (half kept alive), 20 slowloris, oversize heads, bodies and forms 20/s, 100 failed logins/s from one address" wrk $all
run_row "the same, without wrk" - $all
run_row "100 failed logins/s from 50 addresses" wrk --idle 0 --slowloris 0 --oversize 0 --logins 100 --login-addrs 50
floods=()
flood_row "none" --no-abuse
flood_row "20 broad searches/s from 4 addresses" --search 20
flood_row "100 clients reading an export at 200 bytes/s from 4 addresses" --slow-exports 100
flood_row "both" --search 20 --slow-exports 100
mem=()
for kind in silent kept; do
	scenario --good 400 --good-rate 200 --idle 2000 --idle-kind "$kind" --slowloris 0 --oversize 0 --logins 0
	mem+=("$(v rss_start_kib) $(v rss_idle_kib) $(v server_fds)")
done

echo
echo "Under abuse ($(date -u +%F); \`tests/bench/abuse.sh\`, \`tests/tools/abuse.py\`): a good client of 8 keep-alive"
echo "connections at 200 requests/s alternating /healthz and $page, for ${SECS}s, and wrk -t2 -c200 on $page"
echo "beside it, all on the same cores as the server; of $RUNS runs per row, the one with the median good-client p99."
echo
echo "| abuse | good client p50 / p99 / max ms | failed | wrk req/s | wrk p99 ms | server RSS MiB: with the connections / peak |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "On the generated registry (60,000 sessions), the same good client (/healthz and /orgs/org-2), no wrk:"
echo "broad searches (99 one-letter words, eight words every record holds, page 1000 of a common word, ...)"
echo "and slow readers of /export/speakers.csv (17 MB). Searches: answered 200 / 422 too broad / 503 queue full;"
echo "exports: streams served / refused 503 past the pool; descriptors at the end of the run / 2 s after."
echo
echo "| abuse | good client p50 / p99 / max ms | failed | searches 200/422/503 | exports 200/503 | server fds end / after | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${floods[@]}"
echo
read -r s0 s1 _ <<<"${mem[0]}"
read -r k0 k1 _ <<<"${mem[1]}"
echo "Idle connections: 2,000 that never send cost $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.1f", (b - a) / 2000 }') KiB"
echo "of server memory each; 2,000 kept alive after one request $(awk -v a="$k0" -v b="$k1" 'BEGIN { printf "%.1f", (b - a) / 2000 }') KiB each"
echo "(libmicrohttpd keeps and zeroes the 20 KiB header space of a connection between requests)."
