#!/usr/bin/env bash
# export.sh [GENERATED.db]: the full appearance-level speaker list of the generated registry and of a
# million-row one: `lectern export speakers` beside `sqlite3 -csv` running the same query on the same file
# (the floor), with wall time and peak memory of each, and once over HTTP from a running server.
# Prints markdown. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-build/lectern}
ROWS=${ROWS:-1000000}
DIR=${BENCH_DIR:-build/bench}
GEN=${1:-}
DB=$DIR/export.db
mkdir -p "$DIR"
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time missing (make deps)"; exit 1; }

# 4 speakers per session, 50,000 people, 20 events; org_id given so the credit trigger does not run.
if [ ! -f "$DB" ] || [ "$(sqlite3 "$DB" 'SELECT count(*) FROM appearances')" != "$ROWS" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$LECTERN" migrate --db "$DB" >/dev/null
	echo "bench: generating $ROWS appearances in $DB" >&2
	sqlite3 "$DB" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO organizations(id, name, slug) SELECT i, 'Org ' || i || CASE WHEN i % 7 = 0 THEN ', Inc.' ELSE '' END, 'org-' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
INSERT INTO people(id, name, slug, email, github) SELECT i, 'Speaker ' || i || CASE WHEN i % 11 = 0 THEN ' "Quoted"' ELSE '' END,
	'p-' || i, 'p' || i || '@example.org', 'gh' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
INSERT INTO affiliations(person_id, org_id, since) SELECT i, 1 + i % 500, '2015-01-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO events(id, name, slug, starts_on, ends_on) SELECT i, 'Event ' || i, 'event-' || i,
	date('2015-01-01', '+' || (i * 60) || ' days'), date('2015-01-01', '+' || (i * 60 + 3) || ' days') FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS / 4)
INSERT INTO sessions(id, event_id, title, kind, room, starts_at, duration_min)
	SELECT i, 1 + i % 20, 'Talk number ' || i || CASE WHEN i % 13 = 0 THEN ', with a comma' ELSE '' END,
	CASE WHEN i % 10 = 0 THEN 'keynote' ELSE 'talk' END, 'Room ' || (i % 12),
	date('2015-01-01', '+' || ((1 + i % 20) * 60 + i % 3) || ' days') || 'T' || printf('%02d', 9 + i % 8) || ':00:00+02:00', 30 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS - 1)
INSERT INTO appearances(session_id, person_id, org_id, position)
	SELECT 1 + i / 4, 1 + (i / 4 * 7 + (i % 4) * 12497) % 50000, 1 + (i * 31) % 500, 1 + i % 4 FROM n;
COMMIT;
SQL
fi

# The floor: the export's own query (app/export/export_speakers.c, no filters) through the sqlite3 shell.
QUERY="SELECT p.name AS name, o.name AS organization,
 (SELECT co.name FROM affiliations af JOIN organizations co ON co.id = af.org_id WHERE af.person_id = p.id
  AND (af.since IS NULL OR af.since <= date('now')) AND (af.until IS NULL OR af.until > date('now'))
  ORDER BY af.since IS NULL, af.since DESC LIMIT 1) AS current_organization,
 p.github AS github, e.name AS event, s.title AS session, s.kind AS kind,
 coalesce(substr(s.starts_at, 1, 10), e.starts_on) AS date, a.role AS role,
 coalesce(s.url, '/sessions/' || s.id) AS url
 FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id
 JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id
 ORDER BY s.starts_utc, e.id, s.id, a.position, a.id"

# measure NAME CMD...: runs CMD with stdout to a file; prints "seconds peak-KiB bytes".
measure() {
	local name=$1 out=$DIR/$1.out
	shift
	/usr/bin/time -f '%e %M' -o "$DIR/$name.time" "$@" >"$out"
	read -r secs kib <"$DIR/$name.time"
	echo "$secs $kib $(wc -c <"$out")"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo
echo "Export of the appearance-level speaker list ($(date -u +%F)):"
echo
echo "| database | rows | \`lectern export\` CSV s | peak MiB | \`sqlite3 -csv\` s | peak MiB | ratio | JSON s | peak MiB |"
echo "|---|---|---|---|---|---|---|---|---|"
for db in $GEN "$DB"; do
	"$LECTERN" export speakers --db "$db" >/dev/null	# warm the page cache
	read -r ls lk lb <<<"$(measure lectern "$LECTERN" export speakers --db "$db" --format csv)"
	read -r fs fk _ <<<"$(measure sqlite3 sqlite3 -csv -header "$db" "$QUERY")"
	read -r js jk _ <<<"$(measure lectern-json "$LECTERN" export speakers --db "$db" --format json)"
	rows=$(($(tr -cd '\n' <"$DIR/lectern.out" | wc -c) - 1))
	name=$([ "$db" = "$DB" ] && echo "million-row fixture" || echo "generated registry")
	echo "| $name | $rows | $ls | $(mib "$lk") | $fs | $(mib "$fk") | $(awk -v l="$ls" -v f="$fs" 'BEGIN { printf "%.2f", (f > 0 ? l / f : 0) }') | $js | $(mib "$jk") |"
done

# Over HTTP: the server's peak memory before and after streaming the million rows.
"$LECTERN" serve --db "$DB" --port 0 >"$DIR/server.out" 2>"$DIR/server.err" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do
	url=$(sed -n 's,^lectern: serving on \(http://[^ ]*[0-9]\)/$,\1,p' "$DIR/server.out")
	[ -n "$url" ] && break
	sleep 0.1
done
hwm() { awk '/^VmHWM/ { print $2 }' "/proc/$pid/status"; }
before=$(hwm)
read -r wt wb <<<"$(curl -s --noproxy '*' -o /dev/null -w '%{time_total} %{size_download}' "$url/export/speakers.csv")"
after=$(hwm)
echo
echo "Over HTTP (\`/export/speakers.csv\`, the million rows, streamed): $wt s for $wb bytes; the server's peak RSS" \
	"$(mib "$before") MiB before, $(mib "$after") MiB after."
