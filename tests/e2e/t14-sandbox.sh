# t14-sandbox.sh: the seccomp filter is loaded on every thread, and every feature works under it.
# (Every other e2e test runs under it too: seccomp = yes is the default; lib.sh fails a test
# whose server the filter killed. tests/unit/test_sandbox.c shows a forbidden call kills.)
. "$(dirname "$0")/lib.sh"

# seccomp_of PID: the Seccomp field of a /proc status file (2: a filter is loaded).
seccomp_of() { sed -n 's/^Seccomp:[[:space:]]*//p' "/proc/$1/status"; }
# every_thread_filtered PID: each of the process's threads has the filter.
every_thread_filtered() {
	local t
	for t in /proc/"$1"/task/*; do
		[ "$(sed -n 's/^Seccomp:[[:space:]]*//p' "$t/status")" = 2 ] || return 1
	done
}
# stop_clean: SIGTERM, and the server must exit 0 (not 159, SIGSYS).
stop_clean() {
	local pid=$SERVER_PID rc
	SERVER_PID=
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	check "SIGTERM: the server exits 0 under the filter (got $rc)" test "$rc" = 0
}

"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
make_user staff staff 'staff-password-42'
printf '[server]\nthreads = 3\n' >"$TMP/default.conf"
start_server --config "$TMP/default.conf" || exit 1
check "the filter is loaded by default (Seccomp: 2)" test "$(seccomp_of "$SERVER_PID")" = 2
check "on the main thread, the 3 workers, the offload thread and the access log's writer" \
	every_thread_filtered "$SERVER_PID"
check "there are 6 threads" test "$(ls /proc/"$SERVER_PID"/task | wc -l)" = 6
check "the log says so" grep -q 'seccomp: a system call off the list kills the process' "$TMP/server.err"

# Every feature, each once, under the filter.
expect_status "a public page" 200 /
expect_body "a record page" 'Spotify' /orgs/spotify
expect_body "JSON" '"figures":\{"keynotes":2' /orgs/spotify.json
expect_body "full-text search (FTS5)" 'Backstage' '/search?q=backstage'
check "login (argon2id)" test "$(login staff 'staff-password-42')" = 303
CSRF=$(csrf_of staff)
expect_status "an edit (a write in WAL mode)" 303 /orgs/new -b "$TMP/jar-staff" \
	-d "csrf=$CSRF&name=Sandboxed Inc&kind=vendor"
check "is stored" test "$(sql "SELECT count(*) FROM organizations WHERE name = 'Sandboxed Inc'")" = 1
expect_body "a CSV export, streamed" '^name,' /export/speakers.csv
expect_body "an XML schedule export" '<schedule' /events/kubecon-eu-2019/schedule.xml
expect_body "an iCalendar export" 'BEGIN:VCALENDAR' /events/kubecon-eu-2019/schedule.ics
expect_body "a page in br, rendered on a render thread" '<h1>Spotify</h1>' /orgs/spotify?page=1 --compressed \
	-H 'Accept-Encoding: br'
expect_body "an export in gzip, compressed as it streams" '^name,' /export/speakers.csv --compressed \
	-H 'Accept-Encoding: gzip'
expect_status "a 304 from the data generations" 304 /orgs/spotify \
	-H "If-None-Match: $(http -D - -o /dev/null "$URL/orgs/spotify" | tr -d '\r' | sed -n 's/^ETag: //Ip')"
# glibc's iconv loads its windows-1252 converter from a file, under the filter.
sed '1s/UTF-8/windows-1252/' tests/data/debconf23_wafer.xml |
	iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT >"$TMP/cp1252.xml"
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$TMP/cp1252.xml" "$URL/admin/import")
token=$(grep -o 'name="token" value="[0-9a-f]*"' <<<"$out" | head -n 1 | sed 's/.*value="//;s/"//')
check "a web import in windows-1252 (libxml2, iconv) previews" test ${#token} = 64
expect_status "and imports" 303 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token"
check "with its accents decoded" \
	test "$(sql "SELECT count(*) FROM people WHERE name = 'Héctor Orón Martínez'")" = 1
# Nothing new is mapped executable under the filter (W^X): a converter not loaded before it is
# refused, with libxml2's message, and the server goes on (an executable mmap is EPERM, not death).
sed '1s/UTF-8/ARMSCII-8/' tests/data/fosdem-2010_pentabarf.xml >"$TMP/armscii.xml"
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "schedule=@$TMP/armscii.xml" "$URL/admin/import")
check "a schedule in ARMSCII-8 (no converter loaded) is refused" grep -qi 'encoding' <<<"$out"
expect_status "and the server still serves" 200 /healthz
check "an online backup while it serves (a CLI process, not filtered)" \
	sh -c "'$LECTERN' backup --db '$DB' '$TMP/backup.db' >/dev/null"
expect_status "the server still serves" 200 /healthz
stop_clean

# Through a symbolic link (SQLite: readlink) and under umask 077 (SQLite: fchmod of the WAL).
mkdir "$TMP/real" && ln -s real "$TMP/link" && cp "$DB" "$TMP/real/l.db"
mask=$(umask)
umask 077
DB=$TMP/link/l.db start_server --config "$TMP/default.conf" || exit 1
umask "$mask"
check "a database behind a symbolic link, umask 077: login" \
	test "$(login staff 'staff-password-42')" = 303
expect_status "and an edit" 303 /orgs/new -b "$TMP/jar-staff" \
	-d "csrf=$(csrf_of staff)&name=Linked Inc&kind=vendor"
check "is stored" test "$(sqlite3 "$TMP/real/l.db" \
	"SELECT count(*) FROM organizations WHERE name = 'Linked Inc'")" = 1
stop_clean

# Standard output on /dev/null (scripts, systemd's StandardOutput=null): glibc's first line to a
# character device that is not a terminal asks isatty() (an ioctl) unless the buffer was set
# before the filter.
port=$((20000 + RANDOM % 20000))
"$LECTERN" serve --db "$DB" --port "$port" --config "$TMP/default.conf" >/dev/null 2>&1 &
quiet=$!
for _ in $(seq 1 100); do
	[ "$(http -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ] && break
	kill -0 "$quiet" 2>/dev/null || break
	sleep 0.05
done
check "with standard output on /dev/null it serves" \
	test "$(http -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/orgs/spotify")" = 200
check "and lives" kill -0 "$quiet"
kill -TERM "$quiet" 2>/dev/null
wait "$quiet"
rc=$?
check "and stops cleanly, not by SIGSYS (status $rc)" test "$rc" = 0

printf '[server]\nseccomp = no\n' >"$TMP/off.conf"
start_server --config "$TMP/off.conf" || exit 1
check "seccomp = no: no filter" test "$(seccomp_of "$SERVER_PID")" = 0
stop_clean
printf '[server]\nseccomp = log\n' >"$TMP/log.conf"
start_server --config "$TMP/log.conf" || exit 1
check "seccomp = log: a filter too" test "$(seccomp_of "$SERVER_PID")" = 2
check "that logs instead of killing" grep -q 'is logged by the kernel' "$TMP/server.err"
expect_status "and serves" 200 /
stop_clean
printf '[server]\nseccomp = maybe\n' >"$TMP/bad.conf"
"$LECTERN" serve --db "$DB" --port 0 --config "$TMP/bad.conf" >/dev/null 2>"$TMP/err"
check "seccomp = maybe is refused" test $? -ne 0
check "naming the line" grep -q 'bad.conf:2: unknown key or bad value' "$TMP/err"

# Root, TLS and the filter together, as a deployment on port 443 would run.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" \
		-days 2 -subj /CN=localhost >/dev/null 2>&1
	mkdir -p "$TMP/data" && cp "$DB" "$TMP/data/p.db" && chown -R nobody "$TMP/data"
	chmod 755 "$TMP"
	printf 'user = nobody\ntls_cert = %s\ntls_key = %s\n' "$TMP/cert.pem" "$TMP/key.pem" \
		>"$TMP/root.conf"
	DB=$TMP/data/p.db
	start_server --config "$TMP/root.conf" || exit 1
	check "root: runs as nobody" test "$(ps -o user= -p "$SERVER_PID" | tr -d ' ')" = nobody
	check "with the filter on every thread" every_thread_filtered "$SERVER_PID"
	check "TLS handshakes under the filter" \
		test "$(http -k -o /dev/null -w '%{http_code}' "$URL/healthz")" = 200
	check "a login over TLS" test "$(http -k -o /dev/null -w '%{http_code}' -c "$TMP/jar-tls" \
		--data-urlencode login=staff --data-urlencode password=staff-password-42 \
		"$URL/login")" = 303
	stop_clean
else
	ok "# SKIP root, TLS and the filter together need root"
fi
