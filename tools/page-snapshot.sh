#!/usr/bin/env bash
# page-snapshot.sh OUTDIR [LECTERN]: the demo data's every page, anonymous and as staff,
# admin and a member, saved by page-snapshot.py. Compare two builds with diff -r.
set -eu
out=$1 bin=${2:-build/lectern}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" demo --db "$tmp/db" >/dev/null
# The installation's id is random (schema 0007) and goes into calendar UIDs and schedule.xml guids:
# one fixed id, so that two builds' snapshots compare.
sqlite3 "$tmp/db" "UPDATE installation SET id = '00000000000000000000000000000000'" 2>/dev/null || true
for u in staff admin; do
	printf 'snapshot-password-%s\n' "$u" | "$bin" user add --db "$tmp/db" --login "$u" --role "$u" >/dev/null
done
printf 'snapshot-password-member\n' | "$bin" user add --db "$tmp/db" --login member --role member \
	--person dave-zolotusky >/dev/null
"$bin" serve --db "$tmp/db" --port 0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do
	url=$(sed -n 's,^lectern: serving on \(http://[^ ]*[0-9]\)/$,\1,p' "$tmp/out")
	[ -n "$url" ] && break
	sleep 0.05
done
cookies=()
for u in staff admin member; do
	curl -s -o /dev/null -c "$tmp/jar-$u" --data-urlencode "login=$u" \
		--data-urlencode "password=snapshot-password-$u" "$url/login"
	cookies+=("$u=$(awk '$6 == "lectern_login" { print $7 }' "$tmp/jar-$u")")
done
rm -rf "$out"
python3 tools/page-snapshot.py "$url" "$out" "${cookies[@]}"
