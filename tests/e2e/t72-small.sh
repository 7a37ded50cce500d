# t72-small.sh: the small things of issue 16 item 15 — addresses as the site writes them (lower
# case, no trailing slash) reached from the others by a 301; a person is not their own
# co-speaker; empty private fields are not shown; counts in the singular when there is one;
# dates as people read them (t24 checks that the home page's JSON and HTML list the same
# organizations).
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
make_user staff staff 'staff password 1' || { not_ok "staff user"; exit 1; }
start_server || exit 1

location() { http -o /dev/null -w '%{http_code} %{redirect_url}' "$URL$1"; }
check "/orgs/Spotify is sent for good to /orgs/spotify" test "$(location /orgs/Spotify)" = "301 $URL/orgs/spotify"
check "a trailing slash is dropped" test "$(location /orgs/spotify/)" = "301 $URL/orgs/spotify"
check "on a list too" test "$(location /events/)" = "301 $URL/events"
check "the query is kept" test "$(location '/events/KubeCon-EU-2019/?view=grid')" = \
	"301 $URL/events/kubecon-eu-2019?view=grid"
check "the JSON form too" test "$(location /orgs/Spotify.json)" = "301 $URL/orgs/spotify.json"
expect_status "an address that is right as written is served" 200 /orgs/spotify
expect_status "a path no route knows in any case is still 404" 404 /Nowhere/
check "a POST is never redirected" test "$(status /orgs/Spotify/ -X POST -d x=1)" != 301
expect_header "a redirect target never leaves the site" '^location: (http://127\.0\.0\.1:[0-9]+)?/orgs/spotify$' /orgs/Spotify

page=$(http "$URL/people/dave-zolotusky")
panel=$(grep -o '<li><a href="/sessions/7">.*</li>' <<<"$page" | sed 's,</li>.*,,')
check "the panel names the co-speakers" grep -q 'href="/people/wei-chen"' <<<"$panel"
check "but not the person whose page it is" test -z "$(grep -o 'href="/people/dave-zolotusky"' <<<"$panel")"
solo=$(grep -o '<li><a href="/sessions/3">.*' <<<"$page" | sed 's,</li>.*,,')
check "a talk given alone lists nobody" test -z "$(grep -o 'href="/people/' <<<"$solo")"

check "a session's day as people read it, on a person's page" grep -q '<span class="muted">23 May 2019 · </span>' <<<"$page"
check "a term too" grep -q '1 Jan 2021 – present, for Spotify' <<<"$page"
check "no ISO dates left in the history" test -z "$(grep -oE '>20[0-9]{2}-[0-9]{2}-[0-9]{2}' <<<"$page")"
expect_body "the home page's latest events by readable date" 'KubeCon \+ CloudNativeCon North America 2021</a> <span class="muted">12 Oct 2021</span>' /

check "staff log in" test "$(login staff 'staff password 1')" = 303
sql "UPDATE people SET email = NULL, notes = NULL WHERE slug = 'ana-souza';
     UPDATE people SET email = NULL, notes = 'Prefers a morning slot' WHERE slug = 'wei-chen';"
check "a person without email or notes shows no empty private line" \
	test -z "$(as staff "$URL/people/ana-souza" | grep -o 'class="private"')"
notes=$(as staff "$URL/people/wei-chen")
check "notes without an email: the notes alone" grep -q '<p class="private"><strong>Notes (staff only):</strong> Prefers a morning slot</p>' <<<"$notes"
check "and no empty Email label" test -z "$(grep -o 'Email (staff only)' <<<"$notes")"

check "a form's breadcrumbs name the list in the plural, linked when it is a page" \
	grep -q '<li><a href="/orgs">Organizations</a></li><li><span aria-current="page">New organization</span>' \
	<<<"$(as staff "$URL/orgs/new")"
check "and no link to a list that is not a page (sessions are listed on their events)" \
	grep -q '<li><a href="/">Home</a></li><li><span aria-current="page">New session</span>' <<<"$(as staff "$URL/sessions/new")"
expect_body "one session, not 1 sessions, on the home page" '<a href="/orgs/google">Google</a> <span class="muted">1 session</span>' /
expect_no_body "no \"1 sessions\" on the home page" '[^0-9]1 sessions' /
# Events as every list names them: series and year, whatever an importer called them.
sql "INSERT INTO events(name, slug, series, starts_on, ends_on) VALUES ('KubeCon EU', 'kceu-imported', 'KubeCon EU', '2022-05-16', '2022-05-20')"
sql "INSERT INTO sessions(event_id, title, kind) SELECT id, 'An imported talk', 'talk' FROM events WHERE slug = 'kceu-imported'"
sql "INSERT INTO appearances(session_id, person_id, position) SELECT s.id, p.id, 1 FROM sessions s, people p WHERE s.title = 'An imported talk' AND p.slug = 'dave-zolotusky'"
expect_body "an event whose name lacks its year is listed with it" '<a href="/events/kceu-imported">KubeCon EU 2022</a>' /events
expect_body "in a person's sessions too" '<a href="/events/kceu-imported">KubeCon EU 2022</a>' /people/dave-zolotusky
expect_no_body "a name that says its year is not given it twice" 'Europe 2019 2019' /events
echo "1..$n"
