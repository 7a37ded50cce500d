#!/usr/bin/env bash
# cache.sh GENERATED.db: issue 18's HTTP figures, each beside its references measured in the same run:
# nginx serving a static file of the same bytes, and the same request to Lectern as it was before the
# change (the commit before schema/0008 was added, or BENCH_BASE, built apart under build/bench-base/).
#   - cold renders (today's, the baseline of the model work to come);
#   - a cached page while a record is written every 0.5 s, or a 1,000-session schedule is imported;
#   - /healthz with the default configuration (access log on, 4 threads);
#   - bytes on the wire and req/s with and without gzip and br;
#   - nginx with proxy_cache in front of Lectern, during writes.
# Prints markdown on standard output. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
. tests/bench/lib.sh
SRC=${1:?usage: cache.sh GENERATED.db}
OUT=${BENCH_DIR:-build/bench}/cache
DURATION=${BENCH_SECONDS:-5}
RUNS=${BENCH_RUNS:-3}	# the rows under writes and /healthz: the run with the median p99, or ratio
NEW=build/lectern
rm -rf "$OUT" && mkdir -p "$OUT/www" "$OUT/proxy-cache"

# --- the binary before the change, and a database of its schema -------------------------------------
added=$(git log --diff-filter=A --format=%H -1 -- schema/0008_data_generations.sql)
BASE=$(git rev-parse --short "${BENCH_BASE:-${added:-HEAD}^}")
BASEDIR=build/bench-base/$BASE
if [ ! -x "$BASEDIR/build/lectern" ]; then
	echo "bench: building $BASE, the code before the change, in $BASEDIR" >&2
	rm -rf "$BASEDIR" && mkdir -p "$BASEDIR"
	git archive "$BASE" | tar -x -C "$BASEDIR"
	make -s -C "$BASEDIR" -j2 build/lectern >/dev/null
fi
OLD=$BASEDIR/build/lectern
cp "$SRC" "$OUT/new.db"
"$OLD" migrate --db "$OUT/old.db" >/dev/null 2>&1
sqlite3 "$OUT/old.db" <tests/bench/gen.sql

org=$(sqlite3 "$SRC" "SELECT o.slug FROM appearances a JOIN organizations o ON o.id = a.org_id GROUP BY o.id ORDER BY count(*) DESC LIMIT 1")
person=$(sqlite3 "$SRC" "SELECT p.slug FROM appearances a JOIN people p ON p.id = a.person_id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1")
event=$(sqlite3 "$SRC" "SELECT e.slug FROM sessions s JOIN events e ON e.id = s.event_id GROUP BY e.id ORDER BY count(*) DESC LIMIT 1")
printf 'access_log = no\nthreads = 2\nmax_connections_per_ip = 0\n' >"$OUT/two.conf"
printf 'threads = 2\nmax_connections_per_ip = 0\n' >"$OUT/two-log.conf"
printf 'max_connections_per_ip = 0\n' >"$OUT/default.conf"
printf 'access_log = no\nmax_connections_per_ip = 0\n' >"$OUT/nolog.conf"
printf 'threads = 2\nmax_connections_per_ip = 0\ncache_max_age = 1\ncache_stale = 10\n' >"$OUT/proxied.conf"

# nginx serving $OUT/www on NPORT, the static reference.
NPORT=$((20000 + RANDOM % 20000))
nginx_static "$NPORT"
cleanup() {
	nginx_stop "$OUT/nginx.pid"
	nginx_stop "$OUT/proxy.pid"
	if [ -n "${LPID:-}" ]; then kill "$LPID" 2>/dev/null || true; fi
}
trap cleanup EXIT
# static SIZE CONNS: nginx's "req/s p50 p99" for a file of SIZE bytes.
static() {
	same_bytes "$OUT/www/ref-$1" "$1"
	wrk_run "http://127.0.0.1:$NPORT/ref-$1" "$2"
}
size_of() { curl -s -o /dev/null -w '%{size_download}' "$@"; }
# lines LOG REGEX: the lines of an access log that match.
lines() { grep -ac -- "$2" "$1" || true; }

# --- 1. cold renders -----------------------------------------------------------------------------------
# cold BINARY DB PATH: median of 5 first renders, each right after a write to a session (which every
# one of these pages shows), in ms.
cold() {
	local i t=()
	for i in 1 2 3 4 5; do
		sqlite3 "$2" "UPDATE sessions SET subtitle = 'cold $i' WHERE id = 1"
		t+=("$(curl -s -o /dev/null -w '%{time_total}' "$LURL$3")")
	done
	printf '%s\n' "${t[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f", $1 * 1000}'
}
echo "bench: cold renders" >&2
declare -A cold_new cold_old
pages=("/orgs/$org" "/orgs/$org.json" "/events/$event" "/people/$person")
lectern_start "$NEW" "$OUT/two.conf" "$OUT/new.db"
for p in "${pages[@]}"; do cold_new[$p]=$(cold "$NEW" "$OUT/new.db" "$p"); done
stop "$LPID"
lectern_start "$OLD" "$OUT/two.conf" "$OUT/old.db"
for p in "${pages[@]}"; do cold_old[$p]=$(cold "$OLD" "$OUT/old.db" "$p"); done
stop "$LPID"

# --- 2. a cached page under writes ---------------------------------------------------------------------
# The schedule imported during a run: a conference new to either database.
python3 tests/bench/synth_schedule.py 1000 800 >"$OUT/s1000.xml"
# while_writing WHAT DB BINARY CMD...: runs CMD (which prints "req/s p50 p99") while WHAT goes on: a
# write every 0.5 s to a random session or account from another process, and with "import" also one
# import of a 1,000-session schedule (with BINARY) a second in; or nothing.
while_writing() {
	local what=$1 db=$2 bin=$3 wpid ipid=
	shift 3
	if [ "$what" = none ]; then
		"$@"
		return
	fi
	python3 tests/bench/writer.py "$db" $((DURATION + 1)) "${what%+import}" >"$OUT/writes.txt" &
	wpid=$!
	if [ "${what#*+}" = import ]; then
		(sleep 1; "$bin" import --db "$db" --quiet "$OUT/s1000.xml" >/dev/null 2>&1) &
		ipid=$!
	fi
	sleep 0.3
	"$@"
	wait "$wpid" 2>/dev/null || true
	[ -n "$ipid" ] && { wait "$ipid" 2>/dev/null || true; }
}
echo "bench: a cached page under writes" >&2
writes_rows=$OUT/writes.md
: >"$writes_rows"
url_path="/orgs/$org"
for who in new old; do
	if [ $who = new ]; then bin=$NEW db=$OUT/new.db conf=$OUT/two-log.conf; else bin=$OLD db=$OUT/old.db conf=$OUT/two.conf; fi
	lectern_start "$bin" "$conf" "$db" "$OUT/$who.log"
	if [ $who = new ]; then
		bytes=$(size_of "$LURL$url_path")
		read -r nrps _ np99 <<<"$(static "$bytes" 50)"
	fi
	for what in none sessions accounts sessions+import; do
		[ $who = old ] && [ $what = accounts ] && continue
		curl -s -o /dev/null "$LURL$url_path"	# rendered after the last row's writes
		sleep 0.1
		before=$(lines "$OUT/$who.log" " GET $url_path 200 .* miss$")
		read -r rps p50 p99 <<<"$(median_run "$RUNS" 3 while_writing $what "$db" "$bin" wrk_run "$LURL$url_path" 50)"
		renders=-
		[ $who = new ] && sleep 0.1 && renders=$(($(lines "$OUT/$who.log" " GET $url_path 200 .* miss$") - before))
		printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$who" "$what" "$rps" "$p50" "$p99" "$renders" \
			"$(ratio "$rps" "$nrps")" >>"$writes_rows"
	done
	stop "$LPID"
done

# --- 3. /healthz, default configuration ----------------------------------------------------------------
echo "bench: /healthz" >&2
health_rows=$OUT/health.md
: >"$health_rows"
# health BINARY CONF DB CONNS: "req/s p99 nginx-req/s nginx-p99 ratio", nginx measured just before.
health() {
	local nrps np99 rps p50 p99
	read -r nrps _ np99 <<<"$(static 3 "$4")"
	lectern_start "$1" "$OUT/$2" "$3" "$OUT/health.log"
	read -r rps p50 p99 <<<"$(wrk_run "$LURL/healthz" "$4")"
	stop "$LPID"
	echo "$rps $p99 $nrps $np99 $(ratio "$rps" "$nrps")"
}
for c in 50 200; do
	for who in "new default.conf" "new nolog.conf" "old default.conf" "old nolog.conf"; do
		set -- $who
		bin=$NEW db=$OUT/new.db
		[ "$1" = old ] && bin=$OLD db=$OUT/old.db
		read -r rps p99 nrps np99 r <<<"$(median_run "$RUNS" 5 health "$bin" "$2" "$db" $c)"
		printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$([ "$2" = default.conf ] && echo on || echo off)" \
			"$c" "$rps" "$p99" "$nrps" "$np99" "$r" >>"$health_rows"
	done
done

# --- 4. compression ------------------------------------------------------------------------------------
echo "bench: compression" >&2
zip_rows=$OUT/zip.md
: >"$zip_rows"
lectern_start "$NEW" "$OUT/nolog.conf" "$OUT/new.db"
for p in "/orgs/$org" "/orgs/$org.json" "/people/$person" "/events/$event"; do
	for coding in identity gzip br; do
		hdr="Accept-Encoding: $coding"
		size=$(size_of -H "$hdr" "$LURL$p")
		read -r nrps _ np99 <<<"$(static "$size" 50)"
		read -r rps p50 p99 <<<"$(wrk_run "$LURL$p" 50 "$hdr")"
		printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$p" "$coding" "$size" "$rps" "$p99" "$nrps" "$np99" \
			"$(ratio "$rps" "$nrps")" >>"$zip_rows"
	done
done
export_rows=$OUT/export.md
: >"$export_rows"
for coding in identity gzip br; do
	read -r size secs <<<"$(curl -s -o /dev/null -H "Accept-Encoding: $coding" -w '%{size_download} %{time_total}' \
		"$LURL/export/speakers.csv")"
	printf '| %s | %s | %s |\n' "$coding" "$size" "$secs" >>"$export_rows"
done
stop "$LPID"

# --- 5. nginx proxy_cache in front, during writes -------------------------------------------------------
echo "bench: nginx proxy_cache" >&2
PPORT=$((NPORT + 1))
lectern_start "$NEW" "$OUT/proxied.conf" "$OUT/new.db" "$OUT/proxied.log"
sed -e "s|@PID@|$PWD/$OUT/proxy.pid|" -e "s|@OUT@|$PWD/$OUT|g" -e "s|@PORT@|$PPORT|" -e "s|@UPSTREAM@|${LURL#http://}|" \
	-e "s|@WORKERS@|$(nproc)|" tests/bench/proxy.conf >"$OUT/proxy.conf"
nginx_start "$OUT/proxy.conf"
curl -s -o /dev/null "http://127.0.0.1:$PPORT/orgs/$org"
read -r drps dp50 dp99 <<<"$(while_writing sessions "$OUT/new.db" "$NEW" wrk_run "$LURL/orgs/$org" 50)"
sleep 0.1
before=$(lines "$OUT/proxied.log" ' GET /orgs/')
before304=$(lines "$OUT/proxied.log" ' GET /orgs/[^ ]* 304 ')
read -r prps pp50 pp99 <<<"$(while_writing sessions "$OUT/new.db" "$NEW" wrk_run "http://127.0.0.1:$PPORT/orgs/$org" 50)"
nginx_stop "$OUT/proxy.pid"	# which writes out its access log
stop "$LPID"
served=$(awk '{n++} $1 == "HIT" || $1 == "UPDATING" || $1 == "STALE" || $1 == "REVALIDATED" {h++}
	END {printf "%.2f%% (%d of %d)", n ? 100 * h / n : 0, h, n}' "$OUT/proxy-access.log")
statuses=$(awk '{print $1}' "$OUT/proxy-access.log" | sort | uniq -c | awk '{printf "%s%s %s", s, $2, $1; s=", "}')
reached="$(($(lines "$OUT/proxied.log" ' GET /orgs/') - before)), $(($(lines "$OUT/proxied.log" ' GET /orgs/[^ ]* 304 ') - before304)) of them 304"
read -r srps _ sp99 <<<"$(static "$bytes" 50)"

# --- the tables ----------------------------------------------------------------------------------------
cat <<EOF

HTTP caching, compression and the access log (issue 18; \`tests/bench/cache.sh\`, $(date -u +%Y-%m-%d)): each
figure beside nginx serving a static file of the same bytes and beside the same request to Lectern before
the change (\`$BASE\`, built in $BASEDIR), in the same run; wrk -t2 for ${DURATION}s per row on the same cores;
of $RUNS runs of each row under writes and of /healthz, the one with the median p99 (or ratio).

Cold renders (the first after a write to a session; median of 5; 2 worker threads). The aims of these wait
for the model work; these are today's figures:

| page | before ms | after ms | aim ms |
|---|---|---|---|
| /orgs/$org (the largest organization) | ${cold_old[/orgs/$org]} | ${cold_new[/orgs/$org]} | 10 |
| /orgs/$org.json (its report) | ${cold_old[/orgs/$org.json]} | ${cold_new[/orgs/$org.json]} | 10 |
| /events/$event (the largest schedule) | ${cold_old[/events/$event]} | ${cold_new[/events/$event]} | 5 |
| /people/$person (the most sessions) | ${cold_old[/people/$person]} | ${cold_new[/people/$person]} | 5 |

/orgs/$org ($bytes bytes), cached, 2 worker threads, wrk -c50, while something is written: a random
session, or an account, every 0.5 s from another process, and with "+import" also a 1,000-session schedule
imported a second in. Renders: of the page, in all $RUNS runs of the row (after: from the access log). nginx, the same bytes: $nrps
req/s, p99 $np99 ms. Aim: p99 under 20 ms.

| lectern | writes | req/s | p50 ms | p99 ms | renders | ratio to nginx |
|---|---|---|---|---|---|---|
$(cat "$writes_rows")

/healthz, the default configuration (4 threads; access log on, to a file), beside nginx serving 3 bytes
just before. Aim: 1.2 with the log on.

| lectern | access log | conns | req/s | p99 ms | nginx req/s | nginx p99 ms | ratio to nginx |
|---|---|---|---|---|---|---|---|
$(cat "$health_rows")

Compression ($(nproc) worker threads, cached pages, wrk -c50 sending the Accept-Encoding shown): bytes on the
wire, and req/s beside nginx serving a static file of as many bytes.

| page | coding | bytes | req/s | p99 ms | nginx req/s | nginx p99 ms | ratio to nginx |
|---|---|---|---|---|---|---|---|
$(cat "$zip_rows")

The speaker list (\`/export/speakers.csv\`, every appearance), streamed:

| coding | bytes | seconds |
|---|---|---|
$(cat "$export_rows")

nginx with proxy_cache in front of Lectern (tests/bench/proxy.conf, as in the README; Lectern with
cache_max_age = 1 so that nginx asks again every second), wrk -c50 on /orgs/$org while a session is written
every 0.5 s, beside the same run straight to Lectern. Served by nginx: \$upstream_cache_status HIT, UPDATING,
STALE or REVALIDATED ($statuses). nginx static, the same bytes: $srps req/s, p99 $sp99 ms.

| path | req/s | p50 ms | p99 ms | served by nginx | requests that reached Lectern |
|---|---|---|---|---|---|
| straight to Lectern | $drps | $dp50 | $dp99 | - | all |
| through nginx | $prps | $pp50 | $pp99 | $served | $reached |
EOF
