# t80-report.sh: /orgs/{slug}/report: every figure against a query of its own (sqlite3 on the same
# database), the page saying what its JSON says, as_of, staff's introduction and rounding (stored,
# audited, escaped), hostile names in the SVG, and `lectern report --html`.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW='staff-password-42'
make_user staff staff "$PW"
start_server || exit 1

# figures DATE: the report's figures counted by sqlite3 alone, as "name value" lines.
figures() {
	local d=${1:-9999-12-31} t="coalesce(date('${1:-}'), date('now'))"
	local c="FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id
		WHERE a.org_id = 1 AND s.status = 'scheduled' AND substr(coalesce(s.starts_utc, e.starts_on), 1, 10) <= '$d'"
	sql "SELECT 'keynotes', count(DISTINCT CASE WHEN s.kind = 'keynote' THEN s.id END) $c;
		SELECT 'talks', count(DISTINCT CASE WHEN s.kind <> 'keynote' THEN s.id END) $c;
		SELECT 'speakers', count(DISTINCT a.person_id) $c;
		SELECT 'colocated_talks', count(DISTINCT CASE WHEN e.parent_id IS NOT NULL THEN s.id END) $c;
		SELECT 'colocated_events', count(DISTINCT CASE WHEN e.parent_id IS NOT NULL THEN e.id END) $c;
		SELECT 'seats_current', count(*) FROM roles r JOIN bodies b ON b.id = r.body_id WHERE r.org_id = 1
			AND b.kind IN ('toc', 'board') AND r.starts_on <= $t AND (r.ends_on IS NULL OR r.ends_on >= $t);
		SELECT 'roles_current', count(*) FROM roles r JOIN bodies b ON b.id = r.body_id WHERE r.org_id = 1
			AND b.kind NOT IN ('toc', 'board') AND r.starts_on <= $t AND (r.ends_on IS NULL OR r.ends_on >= $t);
		SELECT 'projects', count(*) FROM projects WHERE org_id = 1 AND accepted_on <= '$d';" | tr '|' ' '
}
# years DATE: "year sessions speakers" for each year with sessions, by sqlite3.
years() {
	sql "SELECT substr(coalesce(s.starts_utc, e.starts_on), 1, 4), count(DISTINCT s.id), count(DISTINCT a.person_id)
		FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id
		WHERE a.org_id = 1 AND s.status = 'scheduled'
		AND substr(coalesce(s.starts_utc, e.starts_on), 1, 10) <= '${1:-9999-12-31}' GROUP BY 1" | tr '|' ' '
}
# served PATH: the report's figures and years as the JSON gives them, the same lines.
served() {
	http "$URL$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for k in ["keynotes", "talks", "speakers", "colocated_talks", "colocated_events", "seats_current",
          "roles_current", "projects"]:
    print(k, d["figures"][k])
print("--")
for y in d["years"]:
    if y["sessions"]:
        print(y["year"], y["sessions"], y["speakers"])'
}

want=$(figures; echo --; years)
check "every figure and year of the report is what sqlite3 counts" [ "$(served /orgs/spotify/report.json)" = "$want" ]
old=$(figures 2019-01-01; echo --; years 2019-01-01)
check "as of 2019-01-01, the figures are what sqlite3 counts up to that day" \
	[ "$(served '/orgs/spotify/report.json?as_of=2019-01-01')" = "$old" ]
check "the demo's Spotify: 2 keynotes, 17 talks" [ "$(figures | sed -n 1,2p | tr '\n' ' ')" = "keynotes 2 talks 17 " ]

page=$(http "$URL/orgs/spotify/report")
has() { printf '%s' "$page" | grep -Fq -- "$1"; }
check "the page shows the keynotes" has '<span class="n">2</span><span class="l">Keynotes</span>'
check "the page shows the talks" has '<span class="n">17</span><span class="l">Talks</span>'
check "the co-located events by name" sh -c 'printf "%s" "$1" | grep -q "<strong>EnvoyCon</strong>" &&
	printf "%s" "$1" | grep -q "<strong>gRPCconf</strong>"' _ "$page"
check "Dave Zolotusky's End User TOC seat as a sentence" \
	has '<a href="/people/dave-zolotusky">Dave Zolotusky</a> is an End User representative on the <a href="/bodies/toc">CNCF TOC</a>'
check "James Wen's SIG co-chair term" \
	has '<a href="/people/james-wen">James Wen</a> is co-chair of the <a href="/bodies/end-user-dx-sig">End User Developer Experience SIG</a>'
check "Backstage, contributed" has 'Backstage</a> (Incubating), contributed on 2020-09-08'
check "a timeline" has '<ol class="timeline">'
check "three charts drawn as SVG" [ "$(printf '%s' "$page" | grep -o '<svg ' | wc -l)" = 3 ]
check "every year of the range is on the axis, 2018 to 2021" \
	has '<figcaption class="vh">2018: 4. Keynote 1, Talk 3, Lightning talk 0, Panel 0. 2019: 9.'
check "the mover is named, credit kept" has 'Speakers who later spoke for another organization: <a href="/people/maria-lindqvist">Maria Lindqvist</a> (<a href="/orgs/google">Google</a>'
check "the first session is on the timeline once" [ "$(printf '%s' "$page" | grep -o 'first session' | wc -l)" = 1 ]
check "the page needs no script of its own" sh -c '! printf "%s" "$1" | sed -n "/<main/,/<\/main>/p" | grep -q "<script"' _ "$page"

# Every sentence the JSON holds is on the page, links aside.
check "the page says what the JSON says" python3 - "$URL" <<'PY'
import json, re, sys, urllib.request
base = sys.argv[1]
for q in ["", "?as_of=2019-01-01", "?as_of=2021-06-01"]:
    d = json.load(urllib.request.urlopen(base + "/orgs/spotify/report.json" + q))
    text = re.sub(r"<[^>]+>", "", urllib.request.urlopen(base + "/orgs/spotify/report" + q).read().decode())
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
    said = [t["sentence"] for t in d["terms"]] + [p["sentence"] for p in d["projects"]] + [m["sentence"] for m in d["timeline"]]
    said += [p["name"] for p in d["people"]] + [e["name"][-4:] for e in d["colocated_events"]]
    missing = [s for s in said if s not in text]
    if missing:
        print("# missing", q, missing[:3]); sys.exit(1)
PY

asof=$(http "$URL/orgs/spotify/report?as_of=2019-01-01")
check "as of 2019-01-01: no TOC seat, no SIG role, no Backstage yet" sh -c '! printf "%s" "$1" | grep -Eq "CNCF TOC|co-chair|Backstage</a> \("' _ "$asof"
check "as of 2019-01-01: the 2018 keynote, not the 2019 one" sh -c 'printf "%s" "$1" | grep -q "Becoming a Strong Member" &&
	! printf "%s" "$1" | grep -q "Accidentally Deleted"' _ "$asof"
check "as of 2019-01-01: already a member" sh -c 'printf "%s" "$1" | grep -q "member of the CNCF End User Community since 2018-02-01"' _ "$asof"
check "as of 2021-06-01: the seat is held, the SIG role too" sh -c 'curl -s "$1/orgs/spotify/report.json?as_of=2021-06-01" |
	grep -q "\"seats_current\":1,\"seats_past\":0,\"roles_current\":1"' _ "$URL"
expect_status "a date that is not one is refused" 400 "/orgs/spotify/report?as_of=2021-02-30"
expect_status "an unknown organization is 404" 404 "/orgs/nobody/report"

# Staff's introduction and rounding: a record like any other, escaped where shown.
login staff "$PW" >/dev/null
CSRF=$(csrf_of staff)
expect_status "staff add an introduction, quotes and rounding" 303 /reports/new -b "$TMP/jar-staff" \
	--data-urlencode "csrf=$CSRF" -d 'org=spotify&round_talks=1' \
	--data-urlencode 'intro=Spotify <script>alert(1)</script> & friends.' \
	--data-urlencode $'quotes=\xe2\x80\x9cWe saw the community.\xe2\x80\x9d \xe2\x80\x94 Jai'
page=$(http "$URL/orgs/spotify/report")
check "the introduction is escaped" has 'Spotify &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends.'
check "no script from the introduction" sh -c '! printf "%s" "$1" | grep -q "<script>alert"' _ "$page"
check "the quote is shown above the numbers" sh -c 'printf "%s" "$1" | tr -d "\n" | grep -q "<blockquote><p>.*We saw the community.*id=\"numbers\""' _ "$page"
check "talks rounded as the report does: 15+" has '<span class="n">15+</span><span class="l">Talks</span>'
expect_body "the JSON gives both" '"talks":17,.*"talks_shown":"15\+"' /orgs/spotify/report.json
check "the report's creation is audited" [ "$(sql "SELECT count(*) FROM audit WHERE kind = 'report' AND action = 'create'")" = 1 ]
rid=$(sql "SELECT id FROM reports WHERE org_id = 1")
expect_status "staff edit it (versioned)" 303 "/reports/$rid/edit" -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" \
	-d 'org=spotify&round_talks=0&intro=Plain.&version=1'
expect_status "a stale edit is 409" 409 "/reports/$rid/edit" -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" \
	-d 'org=spotify&round_talks=1&intro=Stale.&version=1'
expect_status "its history is there" 200 "/reports/$rid/history" -b "$TMP/jar-staff"
expect_body "the exact count again" '<span class="n">17</span><span class="l">Talks</span>' /orgs/spotify/report
expect_status "a second report for the same organization is refused" 422 /reports/new -b "$TMP/jar-staff" \
	--data-urlencode "csrf=$CSRF" -d 'org=spotify&intro=Again'
expect_status "anonymous visitors are sent to log in to edit it" 303 "/reports/$rid/edit"

# The organization page's chart (issue 16 item 10): Google spoke in 2018 and 2021 only; every year
# of the range is on the axis, the empty ones at zero, and the axes say what they count.
org=$(http "$URL/orgs/google")
chart=$(printf '%s' "$org" | tr -d '\n' | grep -o '<h2 id="per-year">.*</figure>')
check "the organization's chart has every year from 2018 to 2021" sh -c 'for y in 2018 2019 2020 2021; do
	printf "%s" "$1" | grep -q ">$y</text>" || exit 1; done' _ "$chart"
check "the years without sessions at zero" sh -c 'printf "%s" "$1" | grep -q "2019: 0. 2020: 0. "' _ "$chart"
check "its axes are labelled" sh -c 'printf "%s" "$1" | grep -q ">Year</text>" &&
	printf "%s" "$1" | grep -q "rotate(-90)\" text-anchor=\"middle\">Sessions</text>"' _ "$chart"
first=$(sql "SELECT s.title FROM appearances a JOIN sessions s ON s.id = a.session_id WHERE a.org_id =
	(SELECT id FROM organizations WHERE slug = 'google') ORDER BY s.starts_utc LIMIT 1")
check "its first session is a milestone once" [ "$(printf '%s' "$org" | tr -d '\n' |
	grep -o '<h2>Milestones</h2>.*<h2 id="sessions"' | grep -o -F "$first" | wc -l)" = 1 ]

# Sessions without a time are dated by their event's first day, before and after as_of alike.
sql "UPDATE sessions SET starts_at = NULL WHERE id IN (4, 12)"
want=$(figures; echo --; years)
check "sessions without a time: every figure and year is what sqlite3 counts" \
	[ "$(served /orgs/spotify/report.json)" = "$want" ]
old=$(figures 2019-01-01; echo --; years 2019-01-01)
check "and as of 2019-01-01" [ "$(served '/orgs/spotify/report.json?as_of=2019-01-01')" = "$old" ]
check "the event's day dates the untimed co-located talk" \
	[ "$(http "$URL/orgs/spotify/report.json?as_of=2019-01-01" | grep -o '"colocated_talks":[0-9]*')" = '"colocated_talks":1' ]

# Hostile names: escaped in the SVG's labels and titles as everywhere.
sql "UPDATE people SET name = '<script>x</script>\"&''' WHERE slug = 'dave-zolotusky';
	UPDATE bodies SET name = 'TOC <b>bold</b>' WHERE slug = 'end-user-dx-sig'"
svg=$(http "$URL/orgs/spotify/report" | sed -n '/id="ch-terms-t"/,/<\/svg>/p')
check "the Gantt strip escapes a hostile person's name" sh -c 'printf "%s" "$1" | grep -Fq "&lt;script&gt;x&lt;/script&gt;&quot;&amp;&#39;, CNCF TOC"' _ "$svg"
check "and a hostile body's name" sh -c 'printf "%s" "$1" | grep -Fq "TOC &lt;b&gt;bold&lt;/b&gt; (Co-chair)"' _ "$svg"
check "no raw markup from names in the page" sh -c '! curl -s "$1/orgs/spotify/report" | grep -Eq "<script>x|<b>bold"' _ "$URL"

# The command line renders the same page, stylesheet inlined, with no server.
"$LECTERN" report --db "$DB" --org spotify --as-of 2019-01-01 --html "$TMP/r.html" 2>/dev/null
check "lectern report --html writes the page with its stylesheet" sh -c 'grep -q "<style>" "$1" &&
	grep -q "Becoming a Strong Member" "$1" && ! grep -q "Accidentally Deleted" "$1"' _ "$TMP/r.html"
"$LECTERN" report --db "$DB" --org nobody --html "$TMP/x.html" 2>"$TMP/err"
check "an unknown organization is a clear error" grep -q "no such organization" "$TMP/err"
