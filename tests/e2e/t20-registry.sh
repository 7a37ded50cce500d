# t20-registry.sh: every registry page and its JSON form, escaping, 404s, pagination, search.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
# A hostile name: it must come out as text, in HTML and in JSON.
sql "INSERT INTO people(name, slug, bio) VALUES ('<script>alert(1)</script> \"Q\" & Co', 'evil', '<img src=x onerror=alert(2)>');
     INSERT INTO appearances(session_id, person_id) VALUES (2, (SELECT id FROM people WHERE slug = 'evil'));"
start_server || exit 1

for p in / /orgs /orgs/spotify /people /people/dave-zolotusky /events /events/kubecon-eu-2019 \
	/sessions/5 /bodies /bodies/toc "/search?q=backstage"; do
	expect_status "GET $p is 200" 200 "$p"
	expect_body "$p has a canonical link" '<link rel="canonical" href="/' "$p"
	j=${p%%\?*}; q=${p#"$j"}
	[ "$j" = / ] && j=/
	check "$p.json is valid JSON" sh -c "curl -s --noproxy '*' '$URL$j.json$q' | python3 -m json.tool >/dev/null"
done
expect_body "breadcrumbs on a record page" 'aria-label="Breadcrumbs"' /orgs/spotify
expect_body "org numbers: 2 keynotes" '<span class="n">2</span><span class="l">Keynotes' /orgs/spotify
expect_body "org numbers: 17 talks" '<span class="n">17</span><span class="l">Talks' /orgs/spotify
expect_body "org numbers: one TOC seat" '<span class="n">1</span><span class="l">TOC seats' /orgs/spotify
expect_body "talks-per-year chart is SVG" '<svg role="img"' /orgs/spotify
expect_body "org JSON carries the figures" '"figures":\{"keynotes":2,"talks":17' /orgs/spotify.json
expect_body "person page: credit to Spotify before the move" 'Ephemeral environments.*Spotify' /people/maria-lindqvist
expect_body "person page: credit to Google after it" 'Platform teams after a job change.*Google' /people/maria-lindqvist
expect_body "person JSON: organization represented per session" '"org":"google"' /people/maria-lindqvist.json
expect_body "TOC page shows current and past seats" 'Past terms' /bodies/toc
expect_body "TOC seat types" 'EndUser-appointed' /bodies/toc
expect_body "event schedule by day" '<h3 id="day-2019-05-22">Wednesday, 22 May 2019</h3>' /events/kubecon-eu-2019
expect_body "co-located events nested" 'EnvoyCon 2019' /events/kubecon-na-2019
expect_body "co-located event names its parent" 'co-located with' /events/envoycon-2019
expect_body "filter by kind" 'Keynote: How Spotify' "/events/kubecon-eu-2019?kind=keynote"
expect_no_body "filter by kind hides talks" 'Golden paths' "/events/kubecon-eu-2019?kind=keynote"
expect_body "filter by track" 'Golden paths' "/events/kubecon-eu-2019?track=Application+Development"
expect_status "unknown kind is 400" 400 "/events/kubecon-eu-2019?kind=sermon"
expect_body "session shows speaker credit" 'Dave Zolotusky.*for.*Spotify' /sessions/1

# Escaping.
expect_no_body "hostile name never raw in HTML" '<script>alert' /people/evil
expect_body "hostile name escaped in HTML" '&lt;script&gt;alert\(1\)&lt;/script&gt; &quot;Q&quot; &amp; Co' /people/evil
expect_no_body "hostile bio never raw" '<img src=x' /people/evil
expect_body "hostile name appears in the session's speakers, escaped" '&lt;script&gt;' /sessions/2
check "hostile name round-trips in JSON" sh -c "curl -s --noproxy '*' '$URL/people/evil.json' |
	python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(d[\"name\"] != \"<script>alert(1)</script> \\\"Q\\\" & Co\")'"
expect_header "JSON is served as JSON" '^content-type: application/json' /people/evil.json
expect_header "and never sniffed as HTML" '^x-content-type-options: nosniff' /people/evil.json

# Privacy: no emails or notes for anonymous visitors.
expect_no_body "no email on a person page" 'dave@example.org' /people/dave-zolotusky
expect_no_body "no email in person JSON" 'example.org' /people/dave-zolotusky.json
expect_no_body "no notes on an org page" 'Exact date: demo data' /orgs/spotify
expect_no_body "no notes in org JSON" 'Exact date' /orgs/spotify.json

# 404s.
for p in /orgs/nope /people/nope /events/nope /sessions/99999 /bodies/nope /orgs/nope.json; do
	expect_status "$p is 404" 404 "$p"
done
expect_status "a bad slug is 400" 400 "/orgs/Not%20A%20Slug"
expect_status "a session id that is not a number is 400" 400 /sessions/abc

# Pagination: bounds and stable order.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
     INSERT INTO organizations(name, slug) SELECT 'Zeta ' || printf('%03d', i), 'zeta-' || i FROM n;"
expect_status "page=0 is 400" 400 "/orgs?page=0"
expect_status "page=-1 is 400" 400 "/orgs?page=-1"
expect_status "page too large is 400" 400 "/orgs?page=100001"
expect_body "page 1 links to page 2" 'rel="next" href="/orgs\?page=2"' /orgs
expect_body "page 2 links back" 'rel="prev" href="/orgs\?page=1"' "/orgs?page=2"
expect_body "beyond the end: empty state" 'No organizations on this page' "/orgs?page=50"
p1=$(http "$URL/orgs.json?page=1" | python3 -c 'import json,sys; print(",".join(i["slug"] for i in json.load(sys.stdin)["items"]))')
p2=$(http "$URL/orgs.json?page=2" | python3 -c 'import json,sys; print(",".join(i["slug"] for i in json.load(sys.stdin)["items"]))')
check "pages do not overlap" test -z "$(comm -12 <(tr , '\n' <<<"$p1" | sort) <(tr , '\n' <<<"$p2" | sort))"
check "a page holds 50" test "$(tr , '\n' <<<"$p1" | wc -l)" = 50

# Search: ranking, highlighting, states, hostile queries.
first=$(http "$URL/search.json?q=backstage" | python3 -c 'import json,sys; r=[x for x in json.load(sys.stdin)["results"] if x["kind"] == "session"]; print(r[0]["title"] if r else "")')
check "search ranks a title match first among sessions (got: $first)" sh -c "echo '$first' | grep -qi backstage"
first=$(http "$URL/search.json?q=zolotusky" | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print(r[0]["kind"], r[0]["url"])')
check "a name search finds the person first (got: $first)" test "$first" = "person /people/dave-zolotusky"
expect_body "search highlights matches" '<mark>Backstage</mark>' "/search?q=backstage"
expect_body "empty search has a prompt" 'Type a name' "/search"
expect_body "no-result state names the query" 'No results for .*xyzzyq' "/search?q=xyzzyq"
for q in '%22' 'NEAR(' 'a%20AND' '*' 'col:x' '%22%22%22'; do
	expect_status "FTS syntax in the query is safe ($q)" 200 "/search?q=$q"
done
expect_no_body "search never echoes raw markup" '<script>x' "/search?q=%3Cscript%3Ex"
expect_body "accents fold (tomas finds Tomás)" '"url":"/people/tomas-ruiz"' "/search.json?q=tomas"
