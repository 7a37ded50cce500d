# t66-import-fetch.sh: `lectern import URL`: fetched over http(s) only, never from or redirected to
# loopback, private or link-local addresses (the cloud's metadata), within size and time limits;
# every refusal says why and writes nothing.
. "$(dirname "$0")/lib.sh"
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
cp tests/data/readers/sched-kccnceu26.ics "$TMP/feed.ics"
cat >"$TMP/server.py" <<'PY'
import http.server, sys, time
feed = open(sys.argv[2], "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def go(self, code, headers=(), body=b""):
        self.send_response(code)
        for k, v in headers: self.send_header(k, v)
        if not any(k in ("Transfer-Encoding", "Content-Length") for k, _ in headers): self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p == "/all.ics": return self.go(200, [("Content-Type", "text/calendar")], feed)
        if p == "/moved": return self.go(302, [("Location", "/all.ics")])
        if p == "/to-private": return self.go(302, [("Location", "http://10.0.0.1/all.ics")])
        if p == "/to-metadata": return self.go(302, [("Location", "http://169.254.169.254/latest/meta-data/")])
        if p == "/to-mapped": return self.go(302, [("Location", "http://[::ffff:192.168.1.1]/x")])
        if p == "/to-file": return self.go(302, [("Location", "file:///etc/passwd")])
        if p == "/loop": return self.go(302, [("Location", "/loop")])
        if p == "/declared-big": return self.go(200, [("Content-Length", str(70 << 20))], b"")
        if p == "/chunked-big":
            self.send_response(200); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(70 * 16):
                    self.wfile.write(b"10000\r\n" + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except OSError: pass
            return
        if p == "/slow": time.sleep(5); return self.go(200, [], feed)
        return self.go(404, [], b"no")
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(server.server_address[1]))
server.serve_forever()
PY
python3 "$TMP/server.py" "$TMP/port" "$TMP/feed.ics" &
FETCH_PID=$!
trap 'kill $FETCH_PID 2>/dev/null; cleanup' EXIT
for _ in $(seq 1 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
port=$(cat "$TMP/port")
U=http://127.0.0.1:$port
fetch() { "$LECTERN" import --db "$DB" --quiet "$@" 2>&1; }

sqlite3 "$DB" .dump >"$TMP/before.sql"
out=$(fetch "$U/all.ics")
check "loopback is refused by default: $out" grep -q "127.0.0.1 is a loopback address: not fetched" <<<"$out"
out=$(fetch "http://localhost:$port/all.ics")
check "so is a name that resolves to it: $out" grep -q "is a loopback address: not fetched" <<<"$out"
out=$(fetch --allow-loopback "$U/to-private")
check "a redirect to a private address is refused: $out" grep -q "10.0.0.1 is a private address: not fetched" <<<"$out"
out=$(fetch --allow-loopback "$U/to-metadata")
check "a redirect to the cloud's metadata address is refused: $out" grep -q "169.254.169.254 is a link-local address" <<<"$out"
out=$(fetch --allow-loopback "$U/to-mapped")
check "an IPv4-mapped IPv6 private address is refused: $out" grep -q "::ffff:192.168.1.1 is a private address" <<<"$out"
out=$(fetch --allow-loopback "$U/to-file")
check "a redirect to file:// is refused: $out" grep -Eqi "protocol|not supported|disabled" <<<"$out"
out=$(fetch --allow-loopback "$U/loop")
check "redirects are counted: $out" grep -qi "redirect" <<<"$out"
out=$(fetch --allow-loopback "$U/declared-big")
check "a declared body over 64 MiB is refused: $out" grep -q "larger than 64 MiB: not fetched" <<<"$out"
out=$(fetch --allow-loopback "$U/chunked-big")
check "a chunked body over 64 MiB is cut off: $out" grep -q "larger than 64 MiB: not fetched" <<<"$out"
out=$(fetch --allow-loopback --max-time 1 "$U/slow")
check "a slow server meets the time limit: $out" grep -qi "timeout\|timed out" <<<"$out"
out=$(fetch --allow-loopback "$U/missing")
check "an HTTP error is named: $out" grep -q "404" <<<"$out"
for url in "ftp://127.0.0.1:$port/all.ics" "file:///etc/passwd" "gopher://127.0.0.1:$port/"; do
	out=$(fetch --allow-loopback "$url")
	check "$url is refused: $out" grep -q "only http:// and https:// addresses are fetched" <<<"$out"
done
sqlite3 "$DB" .dump >"$TMP/after.sql"
check "no refusal wrote anything" cmp -s "$TMP/before.sql" "$TMP/after.sql"

out=$(fetch --allow-loopback "$U/moved")
check "fetched (after a redirect) and imported: $(head -n 1 <<<"$out")" grep -q "sessions 17 new" <<<"$out"
check "the run names the URL and the SHA-256 of what was fetched" \
	test "$(sql "SELECT file_name || ' ' || sha256 FROM import_runs")" = "$U/moved $(sha256sum "$TMP/feed.ics" | cut -c1-64)"
out=$(fetch --allow-loopback "$U/all.ics")
check "fetched again: a no-op" grep -q " 0 new, 0 changed, 17 unchanged, 0 cancelled" <<<"$out"
