# t21-page-cache.sh: cached public pages are never stale after a change, and never served to a login.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
start_server --threads 1 || exit 1
expect_body "first view" '<h1>Spotify</h1>' /orgs/spotify
expect_body "second view (from the cache)" '<h1>Spotify</h1>' /orgs/spotify
sql "UPDATE organizations SET name = 'Spotify AB' WHERE slug = 'spotify'"
expect_body "a change by another process shows at once" '<h1>Spotify AB</h1>' /orgs/spotify
expect_body "JSON and HTML are cached apart" '"name":"Spotify AB"' /orgs/spotify.json
expect_body "query strings are cached apart (kind)" 'Keynote: How Spotify' "/events/kubecon-eu-2019?kind=keynote"
expect_no_body "query strings are cached apart (other kind)" 'Keynote: How Spotify' "/events/kubecon-eu-2019?kind=panel"
login staff 'staff-password-42' >/dev/null
expect_body "a logged-in user gets their own page, not the cached one" 'Log out' /orgs/spotify -b "$TMP/jar-staff"
expect_no_body "and the anonymous page is not the logged-in one" 'Log out' /orgs/spotify
CSRF=$(csrf_of staff)
v=$(sql "SELECT version FROM organizations WHERE slug = 'spotify'")
http -o /dev/null -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Spotify&kind=end_user&eu_member=1&version=$v" "$URL/orgs/spotify/edit"
expect_body "an edit through the server shows at once" '<h1>Spotify</h1>' /orgs/spotify
