# t11-abuse.sh: bad input and abuse: malformed requests, oversize heads and bodies,
# connection limits, slow clients. The server neither crashes nor stalls for others.
. "$(dirname "$0")/lib.sh"
cat >"$TMP/conf" <<CONF
max_body = 4K
max_connections = 20
max_connections_per_ip = 8
timeout = 2
CONF
start_server --config "$TMP/conf" || exit 1
host=${URL#http://}
port=${host##*:}

# raw TEXT: sends bytes on a fresh connection, prints the status line.
raw() {
	exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
	printf '%b' "$1" >&3
	timeout 5 head -n 1 <&3 | tr -d '\r'
	exec 3>&- 3<&-
}

# libmicrohttpd answers a malformed request line with 400 or closes the connection.
got=$(raw 'GARBAGE\r\n\r\n')
check "malformed request line is 400 or closed (got '$got')" test -z "$got" -o "$got" = "HTTP/1.1 400 Bad Request"
got=$(raw 'GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n')
check "malformed header is 400 or closed (got '$got')" test -z "$got" -o "$got" = "HTTP/1.1 400 Bad Request"
check "missing HTTP version is refused" \
	sh -c "[ \"\$(printf 'GET /\r\n\r\n' | timeout 5 curl -s telnet://127.0.0.1:$port 2>/dev/null | head -c 12)\" != 'HTTP/1.1 200' ]"
check "server alive after garbage" test "$(status /healthz)" = 200

cookie=$(head -c 8192 /dev/zero | tr '\0' c)
expect_status "an 8 KiB cookie header is served" 200 /healthz -H "Cookie: big=$cookie"
got=$(status /healthz -H "Cookie: big=$cookie$cookie")
check "a 16 KiB cookie header is refused with 431 (got $got)" test "$got" = 431
big=$(head -c 70000 /dev/zero | tr '\0' a)
got=$(status / -H "X-Big: $big")
check "oversize header is refused (got $got)" test "$got" = 431 -o "$got" = 413 -o "$got" = 400
expect_status "declared oversize body is 413" 413 / -X POST --data-binary "@-" -H 'Content-Type: text/plain' <<<"$(head -c 8000 /dev/zero | tr '\0' b)"
got=$(head -c 8000 /dev/zero | tr '\0' c | http -o /dev/null -w '%{http_code}' -X POST -H 'Transfer-Encoding: chunked' --data-binary @- "$URL/")
check "chunked oversize body is 413 (got $got)" test "$got" = 413
check "server alive after oversize" test "$(status /healthz)" = 200

# More connections from one address than allowed: the extra ones are refused,
# and once they go the server answers again.
pids=
for _ in $(seq 1 12); do
	(exec 3<>"/dev/tcp/127.0.0.1/$port"; sleep 3) 2>/dev/null &
	pids="$pids $!"
done
sleep 0.3
got=$(status /healthz --max-time 2)
check "per-address limit refuses the extra connection (got $got)" test "$got" = 000
kill $pids 2>/dev/null; wait $pids 2>/dev/null
sleep 0.3
check "server answers once idle connections go" test "$(status /healthz)" = 200

# Slow client: sends half a request and stops. Others are served meanwhile,
# and the timeout closes the slow one.
(exec 3<>"/dev/tcp/127.0.0.1/$port"; printf 'GET / HTTP/1.1\r\nHost: x\r\n' >&3; sleep 4) &
slow=$!
sleep 0.2
t0=$(date +%s%N)
check "others are served while a client stalls" test "$(status /healthz)" = 200
t1=$(date +%s%N)
check "and quickly (< 500 ms)" test $(((t1 - t0) / 1000000)) -lt 500
kill $slow 2>/dev/null; wait $slow 2>/dev/null
check "server still running" kill -0 "$SERVER_PID"
