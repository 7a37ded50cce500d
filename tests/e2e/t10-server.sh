# t10-server.sh: the foundation: routing, errors, headers, assets, health, keep-alive, shutdown.
. "$(dirname "$0")/lib.sh"
start_server || exit 1

expect_status "home page answers 200" 200 /
expect_header "HTML is UTF-8" '^content-type: text/html; charset=utf-8' /
expect_header "CSP without inline script" "^content-security-policy: .*script-src 'self'" /
expect_header "CSP forbids framing" "^content-security-policy: .*frame-ancestors 'none'" /
expect_header "nosniff" '^x-content-type-options: nosniff' /
expect_header "referrer policy" '^referrer-policy: ' /
expect_body "layout has landmarks" '<main id="main">' /
expect_body "layout has the search box" '<form class="search" role="search"' /
expect_status "unknown path is 404" 404 /no/such/page
expect_body "404 is a readable page" '<h1>Not found</h1>' /no/such/page
expect_status "wrong method is 405" 405 / -X POST
expect_header "405 names what is allowed" '^allow: GET, HEAD' / -X POST
expect_status "HEAD works where GET does" 200 / -I
check "HEAD has no body" test -z "$(http -I "$URL/" | sed '1,/^\r$/d')"
expect_status "healthz is 200" 200 /healthz
expect_body "healthz says ok" '^ok$' /healthz

# Assets: type, strong ETag, 304, long caching only on the fingerprinted URL.
css=$(http "$URL/" | grep -o '/assets/style.css?v=[0-9a-f]*' | head -n 1)
check "layout links a fingerprinted stylesheet" test -n "$css"
expect_header "asset has its type" '^content-type: text/css' "$css"
expect_header "fingerprinted asset is immutable" '^cache-control: public, max-age=31536000, immutable' "$css"
expect_header "plain asset URL is revalidated" '^cache-control: public, no-cache' /assets/style.css
etag=$(http -D - -o /dev/null "$URL/assets/style.css" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
check "ETag is strong" test "${etag#\"}" != "$etag"
expect_status "If-None-Match gives 304" 304 /assets/style.css -H "If-None-Match: $etag"
expect_status "a stale ETag gives 200" 200 /assets/style.css -H 'If-None-Match: "0"'
expect_status "unknown asset is 404" 404 /assets/nope.css
expect_header "svg type" '^content-type: image/svg\+xml' /assets/logo.svg

# JSON convention: PATH.json
expect_header "home as JSON" '^content-type: application/json' /.json
expect_status "JSON of a page without a JSON form is 404" 404 /healthz.json
expect_body "404 in JSON is JSON" '"status":404' /no/such.json

# Keep-alive: two requests, one connection.
conns=$(http -o /dev/null -o /dev/null -w '%{num_connects}\n' "$URL/healthz" "$URL/healthz" | awk '{s+=$1} END {print s}')
check "keep-alive reuses the connection" test "$conns" = 1

# Access log: one line per request with status, bytes and microseconds, written in batches
# (within 20 ms).
for _ in $(seq 40); do grep -q ' GET /healthz ' "$TMP/server.out" && break; sleep 0.05; done
check "access log line" grep -Eq '^[0-9T:Z-]+ 127\.0\.0\.1 GET /healthz 200 3 [0-9]+us$' "$TMP/server.out"

# SIGTERM: finishes, exits 0.
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
rc=$?
SERVER_PID=
check "SIGTERM exits 0" test "$rc" = 0
check "database is clean after shutdown" test "$(sql 'PRAGMA integrity_check')" = ok
