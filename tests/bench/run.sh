#!/usr/bin/env bash
# run.sh: `make bench` — Lectern's speed beside references measured in the same run.
# Pages: wrk against lectern and against nginx serving a static file of the same size (the ratio holds
# across machines where absolute numbers drift). Import and export: beside xmllint --stream and sqlite3 -csv.
# Abuse (abuse.sh): a good client and wrk while tests/tools/abuse.py abuses the server.
# HTTP caching, compression and the access log (cache.sh): beside nginx and the code before them.
# Writes tests/bench/results.md. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
export NO_PROXY='*' no_proxy='*'
need=""
for p in wrk nginx-light time; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need="$need $p"; done
if [ -n "$need" ]; then
	[ "$(id -u)" = 0 ] || { echo "bench: needs$need (apt-get install -y$need)"; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
make -s build/lectern
. tests/bench/lib.sh
OUT=tests/bench/out
# The issue's second reference for /healthz: a bare libmicrohttpd handler, same daemon flags.
mkdir -p build
cc -std=c17 -O2 -D_DEFAULT_SOURCE -o build/bare_mhd tests/bench/bare_mhd.c $(pkg-config --cflags --libs libmicrohttpd)
DURATION=${BENCH_SECONDS:-5}
rm -rf "$OUT" && mkdir -p "$OUT/www"
DB=$OUT/bench.db

echo "bench: generating the registry (tests/bench/gen.sql)"
build/lectern migrate --db "$DB" >/dev/null 2>&1
t0=$(date +%s.%N)
sqlite3 "$DB" <tests/bench/gen.sql
t1=$(date +%s.%N)
gen_s=$(echo "$t1 - $t0" | bc 2>/dev/null || awk "BEGIN{print $t1-$t0}")

port=$((20000 + RANDOM % 20000))
nport=$((port + 1))
printf 'access_log = no\nthreads = %s\nmax_connections_per_ip = 0\n' "$(nproc)" >"$OUT/lectern.conf"
build/lectern serve --config "$OUT/lectern.conf" --db "$DB" --port "$port" >"$OUT/server.log" 2>&1 &
LPID=$!
nginx_static "$nport"
bport=$((port + 2))
build/bare_mhd "$bport" "$(nproc)" &
BPID=$!
trap 'kill $LPID $BPID 2>/dev/null; kill $(cat "$OUT/nginx.pid" 2>/dev/null) 2>/dev/null' EXIT
sleep 0.5
rss() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$LPID/status"; }
rss_idle=$(rss)

org=$(sqlite3 "$DB" "SELECT o.slug FROM appearances a JOIN organizations o ON o.id = a.org_id GROUP BY o.id ORDER BY count(*) DESC LIMIT 1")
person=$(sqlite3 "$DB" "SELECT p.slug FROM appearances a JOIN people p ON p.id = a.person_id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1")
event=$(sqlite3 "$DB" "SELECT e.slug FROM sessions s JOIN events e ON e.id = s.event_id GROUP BY e.id ORDER BY count(*) DESC LIMIT 1")
css=$(curl -s "http://127.0.0.1:$port/" | grep -o '/assets/style.css?v=[0-9a-f]*' | head -n 1)
etag=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port$css" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')

results=$OUT/table.txt
: >"$results"
row() { printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$@" >>"$results"; printf '%-34s %8s %5s %8s %7s %7s %8s %7s %6s\n' "$@"; }
printf '%-34s %8s %5s %8s %7s %7s %8s %7s %6s\n' page bytes conns "req/s" "p50 ms" "p99 ms" "nginx/s" "n p99" ratio
# measure LABEL URL BYTES [HEADER]: one row per connection count, right after nginx on a file of BYTES.
measure() {
	local label=$1 url=$2 size=$3 hdr=${4:-} c nrps np99 rps p50 p99
	head -c "$size" /dev/zero | tr '\0' x >"$OUT/www/ref.html"
	for c in 50 200; do
		read -r nrps _ np99 <<<"$(wrk_run "http://127.0.0.1:$nport/ref.html" "$c")"
		read -r rps p50 p99 <<<"$(wrk_run "$url" "$c" ${hdr:+"$hdr"})"
		row "$label" "$size" "$c" "$rps" "$p50" "$p99" "$nrps" "$np99" \
			"$(awk -v a="$rps" -v b="$nrps" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
	done
}
for target in "/healthz" "/" "/orgs/$org" "/people/$person" "/events/$event" "/search?q=kubernetes+envoy" "$css (304)"; do
	path=${target% (304)}
	hdr=""
	[ "$path" != "$target" ] && hdr="If-None-Match: $etag"
	size=$(curl -s -o /dev/null -w '%{size_download}' ${hdr:+-H "$hdr"} "http://127.0.0.1:$port$path")
	measure "$target" "http://127.0.0.1:$port$path" "$size" "$hdr"
	[ "$path" = /healthz ] && measure "(bare libmicrohttpd handler)" "http://127.0.0.1:$bport/" 3
done
rss_load=$(rss)

{
	echo "# Benchmark results"
	echo
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);"
	echo "$(date -u +%Y-%m-%d). wrk -t2 for ${DURATION}s per row, on the same cores as the server."
	echo "Data: $(sqlite3 "$DB" 'SELECT count(*) FROM sessions') sessions, $(sqlite3 "$DB" 'SELECT count(*) FROM people') people,"
	echo "$(sqlite3 "$DB" 'SELECT count(*) FROM organizations') organizations (generated in ${gen_s}s)."
	echo "Ratio: lectern req/s divided by nginx serving a static file of the same size, measured just before it"
	echo "(its req/s and p99 are the nginx columns). The bare libmicrohttpd handler (tests/bench/bare_mhd.c) is"
	echo "the issue's second reference for /healthz."
	echo
	echo "| page | bytes | conns | req/s | p50 ms | p99 ms | nginx req/s | nginx p99 ms | ratio to nginx |"
	echo "|---|---|---|---|---|---|---|---|---|"
	cat "$results"
	echo
	echo "Server memory: ${rss_idle} MiB idle, ${rss_load} MiB after the page runs."
} >tests/bench/results.md
# BENCH_EXTRAS names the parts after the pages to run (all by default; "" for the pages alone).
for extra in ${BENCH_EXTRAS-report import gov export abuse cache}; do
	[ -x "tests/bench/$extra.sh" ] && "tests/bench/$extra.sh" "$DB" >>tests/bench/results.md
done
echo "bench: written to tests/bench/results.md"
