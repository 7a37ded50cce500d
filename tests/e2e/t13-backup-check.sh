# t13-backup-check.sh: online backup while writes go on, restore, integrity check, migrate and refusals.
. "$(dirname "$0")/lib.sh"
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
sql "INSERT INTO events(name, slug, starts_on, ends_on) VALUES ('E', 'e', '2019-05-20', '2019-05-23');"

# A writer commits rows one by one while the backup runs.
(for i in $(seq 1 300); do
	sqlite3 -cmd ".timeout 5000" "$DB" "INSERT INTO sessions(event_id, title) VALUES (1, 'talk $i');"
done) &
writer=$!
sleep 0.2
"$LECTERN" backup --db "$DB" "$TMP/backup.db" >"$TMP/out" 2>&1
rc=$?
wait $writer
check "backup succeeds during writes" test "$rc" = 0
check "backup passes lectern check" sh -c "'$LECTERN' check --db '$TMP/backup.db' >/dev/null"
n_backup=$(sqlite3 "$TMP/backup.db" 'SELECT count(*) FROM sessions')
check "backup holds a consistent prefix of the writes ($n_backup rows)" test "$n_backup" -ge 0 -a "$n_backup" -le 300
check "backup rows are numbered without gaps" test "$(sqlite3 "$TMP/backup.db" \
	"SELECT count(*) FROM sessions WHERE title <> 'talk ' || id")" = 0
"$LECTERN" backup --db "$DB" "$TMP/backup.db" >/dev/null 2>"$TMP/err"
check "backup refuses to overwrite" test $? -ne 0
check "with a message" grep -q exists "$TMP/err"

# Restore: stop, copy over, the server serves the restored data.
"$LECTERN" backup --db "$DB" "$TMP/full.db" >/dev/null
cp "$TMP/full.db" "$TMP/restored.db"
check "restored copy has every row" test "$(sqlite3 "$TMP/restored.db" 'SELECT count(*) FROM sessions')" = 300
DB=$TMP/restored.db
start_server || exit 1
check "server runs on the restored database" test "$(status /healthz)" = 200
stop_server

# check finds a broken foreign key.
sqlite3 "$TMP/restored.db" "PRAGMA foreign_keys=OFF; INSERT INTO sessions(event_id, title) VALUES (999, 'orphan');"
"$LECTERN" check --db "$TMP/restored.db" >"$TMP/out" 2>&1
check "check reports a dangling foreign key" test $? -ne 0
check "naming the table" grep -q 'foreign key: sessions' "$TMP/out"

# check finds a record missing from the search, and an import's indexing mark left behind.
cp "$TMP/backup.db" "$TMP/search.db"
sqlite3 "$TMP/search.db" "INSERT INTO fts_deferred VALUES (1, 1, 1);
	INSERT INTO sessions(event_id, title) SELECT id, 'Hidden from the search' FROM events LIMIT 1;"
"$LECTERN" check --db "$TMP/search.db" >"$TMP/out" 2>&1
check "check reports an unindexed session" grep -q 'search: sessions not indexed, or indexed but gone: 1' "$TMP/out"
check "and the mark left behind" grep -q "search: an import's deferred indexing left behind: 1" "$TMP/out"
sqlite3 "$TMP/search.db" "DELETE FROM fts_deferred; INSERT INTO sessions_fts(sessions_fts) VALUES ('rebuild')"
check "a rebuilt index passes" sh -c "'$LECTERN' check --db '$TMP/search.db' >/dev/null"
# Read-only: the file and its directory (as root, checked as nobody, whom root's rights do not cover).
chmod 711 "$TMP"
mkdir "$TMP/ro" && cp "$TMP/search.db" "$TMP/ro/search.db" && chmod 444 "$TMP/ro/search.db" && chmod 555 "$TMP/ro"
if [ "$(id -u)" = 0 ]; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$LECTERN" check --db "$TMP/ro/search.db" >"$TMP/out" 2>&1
else
	"$LECTERN" check --db "$TMP/ro/search.db" >"$TMP/out" 2>&1
fi
rc=$?
check "a read-only database is checked too (status $rc)" test "$rc" = 0
check "saying what it could not check" grep -q "structure is not checked on a read-only database" "$TMP/out"

# A database newer than the binary is refused, and left alone.
sqlite3 "$TMP/new.db" 'PRAGMA user_version = 9999; CREATE TABLE t(x);'
"$LECTERN" migrate --db "$TMP/new.db" >/dev/null 2>"$TMP/err"
check "newer database refused" test $? -ne 0
check "with a clear message" grep -q 'newer than this' "$TMP/err"
check "and unchanged" test "$(sqlite3 "$TMP/new.db" 'PRAGMA user_version')" = 9999
"$LECTERN" serve --db "$TMP/new.db" --port 0 >/dev/null 2>&1
check "serve refuses it too" test $? -ne 0

# Bad command lines get usage and status 2.
"$LECTERN" >/dev/null 2>&1; check "no command: status 2" test $? = 2
"$LECTERN" frobnicate >/dev/null 2>&1; check "unknown command: status 2" test $? = 2
"$LECTERN" serve --port 99999 >/dev/null 2>&1; check "bad port: status 2" test $? = 2
check "--help documents serve" sh -c "'$LECTERN' serve --help | grep -q -- '--port N'"
check "--help lists commands" sh -c "'$LECTERN' --help | grep -q backup"
