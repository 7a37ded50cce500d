# t18-file-modes.sh: what Lectern writes is its user's alone (0600, directories 0700), whatever the
# umask it is started with: the database holds password hashes, emails and private notes. And
# `demo --db data/x.db` creates data/ when it is missing (it said "unable to open database file").
. "$(dirname "$0")/lib.sh"
umask 022
mode() { stat -c %a "$1" 2>/dev/null || echo missing; }

"$LECTERN" migrate --db "$TMP/m.db" >/dev/null 2>&1
check "migrate creates the database 0600 (got $(mode "$TMP/m.db"))" test "$(mode "$TMP/m.db")" = 600
"$LECTERN" demo --db "$TMP/data/sub/demo.db" >"$TMP/demo.out" 2>&1
check "demo into a missing directory creates it" test -d "$TMP/data/sub"
check "says so" grep -q 'created the directory .*data/sub' "$TMP/demo.out"
check "and loads the data" test "$(sqlite3 "$TMP/data/sub/demo.db" 'SELECT count(*) FROM organizations')" -gt 0
check "the directories are 0700 (got $(mode "$TMP/data") $(mode "$TMP/data/sub"))" \
	test "$(mode "$TMP/data")$(mode "$TMP/data/sub")" = 700700
check "the database 0600 (got $(mode "$TMP/data/sub/demo.db"))" test "$(mode "$TMP/data/sub/demo.db")" = 600

DB=$TMP/data/sub/demo.db
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
expect_status "a write while it serves" 303 /orgs/new -b "$TMP/jar-staff" \
	-d "csrf=$(csrf_of staff)&name=Private Inc&kind=vendor"
check "the WAL is 0600 (got $(mode "$DB-wal"))" test "$(mode "$DB-wal")" = 600
check "the shared-memory file is 0600 (got $(mode "$DB-shm"))" test "$(mode "$DB-shm")" = 600
"$LECTERN" backup --db "$DB" "$TMP/backup.db" >/dev/null 2>&1
check "a backup is 0600 (got $(mode "$TMP/backup.db"))" test "$(mode "$TMP/backup.db")" = 600
stop_server

touch "$TMP/loose.db" && chmod 644 "$TMP/loose.db"
"$LECTERN" migrate --db "$TMP/loose.db" >/dev/null 2>&1
"$LECTERN" user list --db "$TMP/loose.db" >/dev/null 2>"$TMP/loose.err"
check "a database others can read is pointed out" grep -q 'can be read by others (mode 644): chmod 600' "$TMP/loose.err"
check "the systemd unit sets UMask=0077" grep -qx 'UMask=0077' conf/lectern.service
