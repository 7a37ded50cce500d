# t50-resilience.sh: nothing acknowledged is lost and nothing half-written survives: SIGKILL during
# a stream of edits, a second writer holding the lock, a full disk, a read-only database.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW='staff-password-42'
make_user staff staff "$PW"
start_server || exit 1
login staff "$PW" >/dev/null
CSRF=$(csrf_of staff)

# A stream of edits, then SIGKILL in the middle of it.
: >"$TMP/acked"
(for i in $(seq 1 400); do
	code=$(http -o /dev/null -w '%{http_code}' -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Crash Org $i&kind=other" "$URL/orgs/new")
	[ "$code" = 303 ] && echo "Crash Org $i" >>"$TMP/acked"
done) &
writer=$!
sleep 1.5
kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
wait $writer 2>/dev/null
acked=$(wc -l <"$TMP/acked")
check "some edits were acknowledged before the kill ($acked)" test "$acked" -gt 0
check "integrity_check is ok after SIGKILL" test "$(sql 'PRAGMA integrity_check')" = ok
check "foreign keys hold" test -z "$(sql 'PRAGMA foreign_key_check')"
missing=0
while read -r name; do
	[ "$(sql "SELECT count(*) FROM organizations WHERE name = '$name'")" = 1 ] || missing=$((missing + 1))
done <"$TMP/acked"
check "every acknowledged edit is there ($missing missing)" test "$missing" = 0
check "every stored edit has its audit row" test "$(sql "SELECT count(*) FROM organizations o WHERE name LIKE 'Crash Org %' AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.kind = 'organization' AND a.record_id = o.id)")" = 0
start_server || exit 1
check "the server restarts on it" test "$(status /healthz)" = 200
login staff "$PW" >/dev/null
CSRF=$(csrf_of staff)

# A second writer holds the lock: writes wait up to the busy timeout, then fail cleanly; reads go on.
(echo "BEGIN IMMEDIATE; INSERT INTO bodies(name, slug, kind) VALUES ('Lock', 'lock', 'other');"; sleep 8; echo "ROLLBACK;") |
	sqlite3 "$DB" &
locker=$!
sleep 0.5
t0=$(date +%s%N)
check "reads are not blocked by the writer" test "$(status /orgs/spotify)" = 200
t1=$(date +%s%N)
check "and stay fast ($(((t1 - t0) / 1000000)) ms)" test $(((t1 - t0) / 1000000)) -lt 1000
code=$(http -o "$TMP/busy.html" -w '%{http_code}' -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Waiting Org&kind=other" "$URL/orgs/new")
t2=$(date +%s%N)
check "a write behind the lock fails cleanly (got $code)" test "$code" = 503
check "after waiting for the busy timeout ($(((t2 - t1) / 1000000)) ms)" test $(((t2 - t1) / 1000000)) -ge 4000
check "with a readable page" grep -q 'not available right now' "$TMP/busy.html"
wait $locker
check "nothing half-written" test "$(sql "SELECT count(*) FROM organizations WHERE name = 'Waiting Org'")" = 0
expect_status "writes work again once the lock is gone" 303 /orgs/new -b "$TMP/jar-staff" -d "csrf=$CSRF&name=After Lock&kind=other"
stop_server

# Full disk and read-only: a small tmpfs of our own (needs root; skipped otherwise).
mnt=$TMP/mnt
mkdir -p "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=3m tmpfs "$mnt" 2>/dev/null; then
	trap 'stop_server; umount "$mnt" 2>/dev/null; rm -rf "$TMP"' EXIT
	"$LECTERN" backup --db "$DB" "$mnt/lectern.db" >/dev/null
	DB=$mnt/lectern.db
	start_server || exit 1
	login staff "$PW" >/dev/null
	CSRF=$(csrf_of staff)
	dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null
	codes=""
	for i in $(seq 1 30); do
		codes="$codes $(http -o "$TMP/full.html" -w '%{http_code}' -b "$TMP/jar-staff" \
			--data-urlencode "csrf=$CSRF" --data-urlencode "name=Full $i" -d kind=other \
			--data-urlencode "notes=$(head -c 3000 /dev/zero | tr '\0' n)" "$URL/orgs/new")"
	done
	check "a full disk refuses writes (codes:$(echo $codes | tr ' ' '\n' | sort | uniq -c | tr '\n' ' '))" \
		sh -c "echo '$codes' | grep -qE '5[0-9][0-9]|422'"
	check "the server keeps serving reads" test "$(status /orgs/spotify)" = 200
	check "and is alive" kill -0 "$SERVER_PID"
	rm -f "$mnt/filler"
	check "integrity is ok after the full disk" test "$(sql 'PRAGMA integrity_check')" = ok
	expect_status "writes work again with space" 303 /orgs/new -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Space Again&kind=other"
	login staff "$PW" >/dev/null
	CSRF=$(csrf_of staff)
	stop_server
	sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
	mount -o remount,ro "$mnt"
	start_server || exit 1
	check "a read-only database is served" grep -q 'read-only: serving reads' "$TMP/server.err"
	code=$(http -o "$TMP/ro.html" -w '%{http_code}' -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Read Only&kind=other" "$URL/orgs/new")
	check "a read-only database refuses writes cleanly (got $code)" test "${code:0:1}" = 5
	check "the server keeps serving reads from it" test "$(status /orgs/spotify)" = 200
	stop_server
	mount -o remount,rw "$mnt"
	check "nothing corrupt" test "$(sql 'PRAGMA integrity_check')" = ok
	umount "$mnt"
else
	ok "# SKIP full disk and read-only need root and tmpfs"
fi
