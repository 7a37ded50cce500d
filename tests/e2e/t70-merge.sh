# t70-merge.sh: merging duplicates: the preview, the survivor staff choose, each conflicting value chosen,
# the confirmation, the merged-away address leading to the survivor (301), versions, undo.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW='staff-password-42'
make_user staff staff "$PW"
make_user dave member 'member-password-42' --person dave-zolotusky --org spotify
start_server || exit 1
login staff "$PW" >/dev/null
login dave 'member-password-42' >/dev/null
CSRF=$(csrf_of staff)
pid() { sql "SELECT id FROM people WHERE slug = '$1'"; }
ver() { sql "SELECT version FROM people WHERE slug = '$1'"; }
not() { ! "$@"; }

# The duplicate an import left: another bio, no email, one session of its own and one shared.
sql "INSERT INTO people(name, slug, bio, github) VALUES ('D. Zolotusky', 'd-zolotusky', 'Imported bio', 'dzolotusky');
     INSERT INTO appearances(session_id, person_id) VALUES (8, (SELECT id FROM people WHERE slug = 'd-zolotusky')),
                                                        (1, (SELECT id FROM people WHERE slug = 'd-zolotusky'));"
dave=$(pid dave-zolotusky) dup=$(pid d-zolotusky)
n_dave=$(sql "SELECT count(*) FROM appearances WHERE person_id = $dave")

# The preview, from the real record's page: both side by side, nothing changed yet.
page=$(as staff "$URL/people/dave-zolotusky/merge?with=d-zolotusky")
check "the preview names both records" grep -q 'D. Zolotusky' <<<"$page"
check "it shows one bio" grep -q 'Imported bio' <<<"$page"
check "and the other" grep -q 'Principal Engineer at Spotify' <<<"$page"
check "a conflicting field is a choice, chosen by nobody yet" grep -q 'name="pick_bio" value="a" required>' <<<"$page"
check "the field only one has is kept without a choice" not grep -q 'name="pick_email"' <<<"$page"
check "it lists both records' sessions" grep -q 'Golden paths for developers' <<<"$page"
check "and the logins linked to them" grep -Eq '<li>dave <span class="muted">member' <<<"$page"
check "it asks which record stays, this one by default" grep -q "name=\"keep\" value=\"dave-zolotusky\" required checked" <<<"$page"
check "and asks for a confirmation" grep -q 'name="confirm" value="1" required' <<<"$page"
check "the preview changed nothing" test "$(sql "SELECT count(*) FROM people WHERE slug IN ('dave-zolotusky', 'd-zolotusky')")" = 2
expect_status "a record that does not exist: the form again" 422 "/people/dave-zolotusky/merge?with=nobody-at-all" -b "$TMP/jar-staff"

# What a merge must be given.
form="csrf=$CSRF&with=d-zolotusky&keep=dave-zolotusky&va=$(ver dave-zolotusky)&vb=$(ver d-zolotusky)"
expect_status "without the confirmation: refused" 422 /people/dave-zolotusky/merge -b "$TMP/jar-staff" -d "$form&pick_name=a&pick_bio=a"
expect_status "without a choice for a conflicting field: refused" 422 /people/dave-zolotusky/merge -b "$TMP/jar-staff" -d "$form&pick_name=a&confirm=1"
expect_body "and says which" 'role="alert">Choose which value of Bio to keep' /people/dave-zolotusky/merge -b "$TMP/jar-staff" -d "$form&pick_name=a&confirm=1"
expect_status "with a version that moved on: 409" 409 /people/dave-zolotusky/merge -b "$TMP/jar-staff" \
	-d "csrf=$CSRF&with=d-zolotusky&keep=dave-zolotusky&va=$(($(ver dave-zolotusky) - 1))&vb=$(ver d-zolotusky)&pick_name=a&pick_bio=a&confirm=1"
check "nothing was merged" test "$(sql "SELECT count(*) FROM people WHERE slug IN ('dave-zolotusky', 'd-zolotusky')")" = 2

# The merge from the real record's page keeps the real record.
hdr=$(as staff -D - -o /dev/null -d "$form&pick_name=a&pick_bio=a&confirm=1" "$URL/people/dave-zolotusky/merge" | tr -d '\r')
check "the merge leads to the survivor" grep -q '^Location: /people/dave-zolotusky$' <<<"$hdr"
check "the real record stays" test "$(pid dave-zolotusky)" = "$dave"
check "with its bio (chosen), email and notes" test "$(sql "SELECT bio LIKE 'Principal Engineer%' AND email = 'dave@example.org' FROM people WHERE id = $dave")" = 1
check "the duplicate is gone" test "$(sql "SELECT count(*) FROM people WHERE slug = 'd-zolotusky'")" = 0
check "its session moved to the survivor, the shared one once" test "$(sql "SELECT count(*) FROM appearances WHERE person_id = $dave")" = $((n_dave + 1))
check "the member's login is still the survivor's" test "$(sql "SELECT person_id FROM users WHERE login = 'dave'")" = "$dave"
expect_body "the next page says it was merged" 'role="status">Merged' /people/dave-zolotusky -b "$TMP/jar-staff"
hdr=$(http -D - -o /dev/null "$URL/people/d-zolotusky" | tr -d '\r')
check "the old address answers 301" grep -q '^HTTP/1.1 301' <<<"$hdr"
check "to the survivor" grep -q '^Location: /people/dave-zolotusky$' <<<"$hdr"
expect_header "its JSON too" '^Location: /people/dave-zolotusky.json$' /people/d-zolotusky.json
expect_header "and the pages under it, with their query" '^Location: /people/dave-zolotusky/history\?page=1$' "/people/d-zolotusky/history?page=1" -b "$TMP/jar-staff"
expect_status "an address that never existed is still 404" 404 /people/never-was-here
expect_status "a POST to the old address is not redirected" 404 /people/d-zolotusky/edit -b "$TMP/jar-staff" -d "csrf=$CSRF&name=X"

# Undo: both as they were, the old address the duplicate's own again.
mid=$(sql "SELECT id FROM audit WHERE action = 'merge' ORDER BY id DESC LIMIT 1")
expect_status "undo the merge from the history" 303 "/history/$mid/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "the duplicate is back with its sessions" test "$(sql "SELECT count(*) FROM appearances WHERE person_id = $dup")" = 2
check "the survivor has what it had" test "$(sql "SELECT count(*) FROM appearances WHERE person_id = $dave")" = "$n_dave"
expect_status "the old address is the duplicate's page again" 200 /people/d-zolotusky
check "no redirect is left" test "$(sql "SELECT count(*) FROM slug_redirects")" = 0

# The other way round: the duplicate survives and takes the real record's values where chosen.
form="csrf=$CSRF&with=d-zolotusky&keep=d-zolotusky&va=$(ver dave-zolotusky)&vb=$(ver d-zolotusky)"
expect_status "merge, keeping the other record" 303 /people/dave-zolotusky/merge -b "$TMP/jar-staff" -d "$form&pick_name=a&pick_bio=b&confirm=1"
check "the survivor took the name chosen, kept its bio, gained the email it lacked" \
	test "$(sql "SELECT name || '|' || bio || '|' || email FROM people WHERE id = $dup")" = 'Dave Zolotusky|Imported bio|dave@example.org'
check "the login moved to the survivor" test "$(sql "SELECT person_id FROM users WHERE login = 'dave'")" = "$dup"
expect_header "the real record's address leads to it" '^Location: /people/d-zolotusky$' /people/dave-zolotusky

# Organizations merge the same way.
sql "INSERT INTO organizations(name, slug, kind) VALUES ('Spotify AB', 'spotify-ab', 'vendor')"
page=$(as staff "$URL/orgs/spotify/merge?with=Spotify%20AB")
check "an organization's preview finds the other by its name" grep -q 'Spotify AB' <<<"$page"
ov() { sql "SELECT version FROM organizations WHERE slug = '$1'"; }
expect_status "merge the organizations" 303 /orgs/spotify/merge -b "$TMP/jar-staff" \
	-d "csrf=$CSRF&with=spotify-ab&keep=spotify&va=$(ov spotify)&vb=$(ov spotify-ab)&pick_name=a&pick_kind=a&pick_eu_member=a&confirm=1"
check "Spotify stays, an end user" test "$(sql "SELECT kind FROM organizations WHERE slug = 'spotify'")" = end_user
expect_header "the other's address leads to it" '^Location: /orgs/spotify$' /orgs/spotify-ab
expect_status "a member cannot merge" 403 "/orgs/spotify/merge?with=lyft" -b "$TMP/jar-dave"
echo "1..$n"
