# t12-tls-privilege.sh: HTTPS with a certificate from the configuration, and dropping root after binding.
. "$(dirname "$0")/lib.sh"

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" \
	-days 2 -subj /CN=localhost >/dev/null 2>&1
cat >"$TMP/tls.conf" <<CONF
[tls]
tls_cert = $TMP/cert.pem
tls_key = $TMP/key.pem
CONF
start_server --config "$TMP/tls.conf" || exit 1
check "serves https" test "${URL#https://}" != "$URL"
check "healthz over TLS" test "$(http -k -o /dev/null -w '%{http_code}' "$URL/healthz")" = 200
check "HSTS over TLS" sh -c "curl -sk --noproxy '*' -D - -o /dev/null '$URL/' | grep -qi '^strict-transport-security:'"
check "plain HTTP to the TLS port fails" test "$(http -o /dev/null -w '%{http_code}' "http://${URL#https://}/healthz")" != 200
stop_server

cat >"$TMP/bad.conf" <<CONF
tls_cert = $TMP/missing.pem
tls_key = $TMP/key.pem
CONF
"$LECTERN" serve --db "$DB" --port 0 --config "$TMP/bad.conf" >/dev/null 2>"$TMP/err" &
pid=$!
sleep 1
if kill -0 $pid 2>/dev/null; then kill $pid; not_ok "unreadable certificate stops start-up"; else
	wait $pid; ok "unreadable certificate stops start-up"; fi
check "and says which file" grep -q 'missing.pem' "$TMP/err"

# Privilege drop: only meaningful as root (CI runs as root).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	mkdir -p "$TMP/data"
	"$LECTERN" migrate --db "$TMP/data/p.db" >/dev/null 2>&1
	chown -R nobody "$TMP/data"
	chmod 755 "$TMP"
	printf 'user = nobody\n' >"$TMP/user.conf"
	DB=$TMP/data/p.db
	start_server --config "$TMP/user.conf" || exit 1
	check "runs as the configured user after binding" \
		test "$(ps -o user= -p "$SERVER_PID" | tr -d ' ')" = nobody
	check "and still reads its database" test "$(status /healthz)" = 200
	nobody=$(id -u nobody)
	check "every thread runs as it: real, effective, saved and file-system uid" \
		test -z "$(grep -h '^Uid:' /proc/"$SERVER_PID"/task/*/status | awk -v u="$nobody" '$2 != u || $3 != u || $4 != u || $5 != u')"
	stop_server
	# A privileged port: bound as root, served as nobody.
	low=$((800 + RANDOM % 200))
	start_server --config "$TMP/user.conf" --port "$low" >/dev/null 2>&1 || true
	got=$(http -o /dev/null -w '%{http_code}' "http://127.0.0.1:$low/healthz")
	check "a port below 1024 is bound as root and served as nobody (port $low: $got)" test "$got" = 200
	stop_server
	printf 'user = no-such-user-here\n' >"$TMP/user.conf"
	"$LECTERN" serve --db "$DB" --port 0 --config "$TMP/user.conf" >/dev/null 2>"$TMP/err"
	check "an unknown user stops start-up" test $? -ne 0
	check "with a clear message" grep -q 'no-such-user-here does not exist' "$TMP/err"
else
	ok "# SKIP privilege drop needs root"
fi
