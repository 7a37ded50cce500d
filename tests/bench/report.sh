#!/usr/bin/env bash
# report.sh DB: how long the largest organization's report takes to render, cold (never from
# the page cache: a staff login's pages are not cached), measured by the server's own access log
# (microseconds, the handler and writing its answer) over 50 requests. Prints a Markdown section.
set -eu
cd "$(dirname "$0")/../.."
DB=$1
OUT=tests/bench/out
org=$(sqlite3 "$DB" "SELECT o.slug FROM appearances a JOIN organizations o ON o.id = a.org_id GROUP BY o.id ORDER BY count(*) DESC LIMIT 1")
n=$(sqlite3 "$DB" "SELECT count(DISTINCT session_id) FROM appearances WHERE org_id = (SELECT id FROM organizations WHERE slug = '$org')")
printf 'bench-report-pw\n' | build/lectern user add --db "$DB" --login benchstaff --role staff >/dev/null 2>&1 || true
printf 'threads = 2\nmax_connections_per_ip = 0\n' >"$OUT/report.conf"
build/lectern serve --config "$OUT/report.conf" --db "$DB" --port 0 >"$OUT/report-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do url=$(sed -n 's,^lectern: serving on \(http://[^ ]*[0-9]\)/$,\1,p' "$OUT/report-server.log"); [ -n "$url" ] && break; sleep 0.05; done
curl -s --noproxy '*' -c "$OUT/report.jar" -o /dev/null --data-urlencode login=benchstaff --data-urlencode password=bench-report-pw "$url/login"
for i in $(seq 1 50); do
	curl -s --noproxy '*' -b "$OUT/report.jar" -o /dev/null "$url/orgs/$org/report"
done
bytes=$(curl -s --noproxy '*' -b "$OUT/report.jar" "$url/orgs/$org/report" | wc -c)
# The access log's last field is the microseconds a request took in the server.
grep " /orgs/$org/report " "$OUT/report-server.log" | awk '{print $NF}' | sed 's/[^0-9]//g' | sort -n >"$OUT/report-us.txt"
count=$(wc -l <"$OUT/report-us.txt")
p50=$(awk -v c="$count" 'NR == int(c / 2) + 1 { printf "%.1f", $1 / 1000 }' "$OUT/report-us.txt")
p99=$(awk -v c="$count" 'NR == int(c * 0.99) + 1 { printf "%.1f", $1 / 1000 }' "$OUT/report-us.txt")
max=$(tail -n 1 "$OUT/report-us.txt" | awk '{ printf "%.1f", $1 / 1000 }')
echo
echo "## The End User Journey report"
echo
echo "/orgs/$org/report ($n sessions, $bytes bytes), rendered for a staff login (never from the page cache),"
echo "$count requests one after another, server time from the access log:"
echo
echo "| p50 ms | p99 ms | max ms |"
echo "|---|---|---|"
echo "| $p50 | $p99 | $max |"
