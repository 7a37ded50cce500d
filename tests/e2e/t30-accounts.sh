# t30-accounts.sh: logins, CSRF, roles, throttling, versions, audit, restore, merge.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW_STAFF='staff-password-42'
PW_MEMBER='member-password-42'
PW_ADMIN='admin-password-4242'
make_user staff staff "$PW_STAFF" || not_ok "staff user created"
make_user dave member "$PW_MEMBER" --person dave-zolotusky --org spotify || not_ok "member created"
make_user admin admin "$PW_ADMIN"
start_server || exit 1

# The CLI refuses weak passwords.
check "a short password is refused" sh -c "! printf 'short\n' | '$LECTERN' user add --db '$DB' --login x1 --role member 2>/dev/null"
check "a common password is refused" sh -c "! printf 'password1234\n' | '$LECTERN' user add --db '$DB' --login x2 --role member 2>/dev/null"
check "the login name as password is refused" sh -c "! printf 'x3x3x3x3x3x3\n' | '$LECTERN' user add --db '$DB' --login x3x3x3x3x3x3 --role member 2>/dev/null"
check "passwords are argon2id hashes" test "$(sql "SELECT count(*) FROM users WHERE password_hash LIKE '\$argon2id\$%'")" = 3

# Wrong password and unknown user: the same answer, similar time.
t0=$(date +%s%N); a=$(http -w '%{http_code}' --data-urlencode login=staff --data-urlencode password=wrong-password-1 "$URL/login"); t1=$(date +%s%N)
b=$(http -w '%{http_code}' --data-urlencode login=nobody-here --data-urlencode password=wrong-password-1 "$URL/login"); t2=$(date +%s%N)
check "wrong password: 401" test "${a: -3}" = 401
check "unknown user: 401" test "${b: -3}" = 401
check "the same message for both" test "$(sed 's/value="[^"]*"//g' <<<"${a%???}")" = "$(sed 's/value="[^"]*"//g' <<<"${b%???}")"
check "the message says wrong login or password" grep -q 'Wrong login or password' <<<"$a"
ta=$(((t1 - t0) / 1000000)); tb=$(((t2 - t1) / 1000000))
check "similar timing (wrong password ${ta} ms, unknown user ${tb} ms)" \
	test $((ta > tb ? ta - tb : tb - ta)) -lt $(( (ta > tb ? ta : tb) / 2 + 60 ))

# Logging in: cookie flags, hashed token, a new token each time, back to where we were.
hdr=$(http -D - -o /dev/null --data-urlencode login=staff --data-urlencode "password=$PW_STAFF" \
	--data-urlencode next=/orgs/spotify "$URL/login" | tr -d '\r')
check "login redirects back to next" grep -q '^Location: /orgs/spotify$' <<<"$hdr"
check "cookie is HttpOnly" grep -qi '^set-cookie: lectern_login=[0-9a-f]\{64\};.*HttpOnly' <<<"$hdr"
check "cookie is SameSite=Lax" grep -qi '^set-cookie: lectern_login=.*SameSite=Lax' <<<"$hdr"
tok=$(sed -n 's/^[Ss]et-[Cc]ookie: lectern_login=\([0-9a-f]*\);.*/\1/p' <<<"$hdr")
check "only a hash of the token is stored" test "$(sql "SELECT count(*) FROM logins WHERE hex(token_hash) = upper('$tok') OR token_hash = '$tok'")" = 0
check "a login row exists" test "$(sql 'SELECT count(*) FROM logins')" -ge 1
check "an open redirect is refused" sh -c "curl -s --noproxy '*' -D - -o /dev/null --data-urlencode login=staff \
	--data-urlencode 'password=$PW_STAFF' --data-urlencode 'next=//evil.example/x' '$URL/login' | tr -d '\r' | grep -q '^Location: /$'"
check "staff logs in" test "$(login staff "$PW_STAFF")" = 303
c1=$(grep lectern_login "$TMP/jar-staff" | awk '{print $7}')
login staff "$PW_STAFF" >/dev/null
c2=$(grep lectern_login "$TMP/jar-staff" | awk '{print $7}')
check "a new token at every login" test -n "$c1" -a "$c1" != "$c2"
CSRF=$(csrf_of staff)
check "pages carry a CSRF token" test ${#CSRF} = 64
expect_body "the header names the user" 'Demo|staff' /me -b "$TMP/jar-staff"

# Anonymous visitors.
hdr=$(http -D - -o /dev/null "$URL/orgs/new" | tr -d '\r')
check "anonymous GET of a staff page goes to the login page" grep -q '^Location: /login?next=%2Forgs%2Fnew$' <<<"$hdr"
expect_status "anonymous POST is 401" 401 /orgs/new -d 'name=X&kind=vendor'
expect_status "anonymous JSON request of a public page is fine" 200 /orgs.json

# CSRF and Origin.
expect_status "POST without a CSRF token is 403" 403 /orgs/new -b "$TMP/jar-staff" -d 'name=X&kind=vendor'
last=${CSRF: -1}; [ "$last" = 0 ] && flip=1 || flip=0
expect_status "POST with a wrong CSRF token is 403" 403 /orgs/new -b "$TMP/jar-staff" -d "csrf=${CSRF%?}$flip&name=X&kind=vendor"
expect_status "POST from a foreign Origin is 403" 403 /orgs/new -b "$TMP/jar-staff" -H 'Origin: https://evil.example' -d "csrf=$CSRF&name=X&kind=vendor"
expect_status "POST with a foreign Referer is 403" 403 /orgs/new -b "$TMP/jar-staff" -H 'Referer: https://evil.example/form' -d "csrf=$CSRF&name=X&kind=vendor"
host=${URL#http://}
expect_status "POST from our own Origin is accepted" 303 /orgs/new -b "$TMP/jar-staff" -H "Origin: http://$host" -d "csrf=$CSRF&name=Origin Test&kind=vendor"
expect_status "the CSRF token also works as a header" 303 /orgs/new -b "$TMP/jar-staff" -H "X-CSRF-Token: $CSRF" -d "name=Header Test&kind=vendor"
check "GET never changes state" test "$(sql 'SELECT count(*) FROM organizations')" = "$(http -o /dev/null "$URL/orgs/new?name=Nope" -b "$TMP/jar-staff"; sql 'SELECT count(*) FROM organizations')"

# Roles.
check "member logs in" test "$(login dave "$PW_MEMBER")" = 303
MCSRF=$(csrf_of dave)
expect_status "a member cannot edit someone else's record" 403 /orgs/spotify/edit -b "$TMP/jar-dave" -d "csrf=$MCSRF&name=Hacked&kind=vendor&version=1"
expect_status "a member cannot open the staff forms" 403 /people/new -b "$TMP/jar-dave"
expect_status "staff cannot manage users" 403 /admin/users -b "$TMP/jar-staff"
check "admin logs in" test "$(login admin "$PW_ADMIN")" = 303
expect_status "admin manages users" 200 /admin/users -b "$TMP/jar-admin"
expect_body "/me shows the member's own history" 'Becoming a Strong Member' /me -b "$TMP/jar-dave"
expect_body "/me links the member's organization" 'href="/orgs/spotify"' /me -b "$TMP/jar-dave"
v=$(sql "SELECT version FROM people WHERE slug = 'dave-zolotusky'")
expect_status "a member edits their own bio" 303 /me -b "$TMP/jar-dave" --data-urlencode "csrf=$MCSRF" --data-urlencode 'bio=Now with <b>tags</b>' --data-urlencode 'links=https://example.org/dave' -d "version=$v"
check "the bio is saved" test "$(sql "SELECT bio FROM people WHERE slug = 'dave-zolotusky'")" = 'Now with <b>tags</b>'
check "links are saved as JSON" test "$(sql "SELECT links FROM people WHERE slug = 'dave-zolotusky'")" = '["https://example.org/dave"]'
expect_body "and shown escaped" 'Now with &lt;b&gt;tags&lt;/b&gt;' /people/dave-zolotusky
expect_status "a bad link is refused" 400 /me -b "$TMP/jar-dave" --data-urlencode "csrf=$MCSRF" --data-urlencode 'links=javascript:alert(1)' -d "version=$((v + 1))"
expect_status "a stale profile form is 409" 409 /me -b "$TMP/jar-dave" --data-urlencode "csrf=$MCSRF" --data-urlencode 'bio=old tab' -d "version=$v"

# Versions: a stale form is refused and shows what changed.
v=$(sql "SELECT version FROM organizations WHERE slug = 'lyft'")
expect_status "an edit with the current version is saved" 303 /orgs/lyft/edit -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Lyft Inc&kind=end_user&eu_member=1&version=$v"
expect_status "an edit with a stale version is 409" 409 /orgs/lyft/edit -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Lyft Stale&kind=end_user&eu_member=1&version=$v"
expect_body "the 409 page shows the other change" 'Theirs \(saved meanwhile\): .Lyft Inc.' /orgs/lyft/edit -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Lyft Stale&kind=end_user&eu_member=1&version=$v"
check "nothing was overwritten" test "$(sql "SELECT name FROM organizations WHERE slug = 'lyft'")" = 'Lyft Inc'

# Affiliations and roles are edited from the pages that show them.
expect_body "staff can edit a person's affiliations from their page" 'href="/affiliations/[0-9]+/edit"' /people/maria-lindqvist -b "$TMP/jar-staff"
expect_body "and roles from a body's page" 'href="/roles/[0-9]+/edit"' /bodies/toc -b "$TMP/jar-staff"
expect_no_body "visitors do not see edit links" 'href="/affiliations/' /people/maria-lindqvist
aid=$(sql "SELECT id FROM affiliations WHERE person_id = (SELECT id FROM people WHERE slug = 'maria-lindqvist') AND org_id = 2")
av=$(sql "SELECT version FROM affiliations WHERE id = $aid")
expect_status "an affiliation is edited" 303 "/affiliations/$aid/edit" -b "$TMP/jar-staff" -d "csrf=$CSRF&person=maria-lindqvist&org=google&title=Staff Engineer&since=2020-01-01&version=$av"
check "with its new title" test "$(sql "SELECT title FROM affiliations WHERE id = $aid")" = 'Staff Engineer'
expect_status "an affiliation that ends before it starts is refused" 422 "/affiliations/$aid/edit" -b "$TMP/jar-staff" -d "csrf=$CSRF&person=maria-lindqvist&org=google&since=2020-01-01&until=2019-01-01&version=$((av + 1))"

# Form errors are shown beside the field, with the input kept.
out=$(http -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Keep%20me&kind=vendor&website=ftp://x&member_since=2019-02-30" "$URL/orgs/new")
check "bad website shown beside its field" grep -q 'Website must be an http:// or https:// address' <<<"$out"
check "impossible date shown beside its field" grep -q 'Member since must be a date' <<<"$out"
check "the input is kept" grep -q 'value="Keep me"' <<<"$out"
expect_status "a role ending before it starts is refused" 422 /roles/new -b "$TMP/jar-staff" -d "csrf=$CSRF&person=james-wen&body=toc&role=member&starts_on=2021-01-01&ends_on=2020-01-01"

# Audit: every kind of change.
ids() { sql "SELECT group_concat(DISTINCT action) FROM (SELECT action FROM audit ORDER BY action)"; }
expect_status "create a person" 303 /people/new -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Temp Person"
pv=$(sql "SELECT version FROM people WHERE slug = 'temp-person'")
expect_status "delete the person" 303 /people/temp-person/delete -b "$TMP/jar-staff" -d "csrf=$CSRF&version=$pv"
check "the person is gone" test "$(sql "SELECT count(*) FROM people WHERE slug = 'temp-person'")" = 0
aid=$(sql "SELECT id FROM audit WHERE action = 'delete' AND kind = 'person' ORDER BY id DESC LIMIT 1")
expect_status "restore it from its history entry" 303 "/history/$aid/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "restored, with its slug" test "$(sql "SELECT count(*) FROM people WHERE slug = 'temp-person'")" = 1
expect_status "a record still referred to cannot be deleted" 409 /orgs/spotify/delete -b "$TMP/jar-staff" -d "csrf=$CSRF&version=1"
check "Spotify is still there" test "$(sql "SELECT count(*) FROM organizations WHERE slug = 'spotify'")" = 1

# Merge two people and undo it.
sql "INSERT INTO people(name, slug) VALUES ('D. Zolotusky', 'd-zolotusky');
     INSERT INTO appearances(session_id, person_id) VALUES (8, (SELECT id FROM people WHERE slug = 'd-zolotusky')),
                                                        (1, (SELECT id FROM people WHERE slug = 'd-zolotusky'));"
before=$(sql "SELECT count(*) FROM appearances WHERE person_id = (SELECT id FROM people WHERE slug = 'dave-zolotusky')")
vd=$(sql "SELECT version FROM people WHERE slug = 'dave-zolotusky'")
expect_status "merge the duplicate into Dave" 303 /people/d-zolotusky/merge -b "$TMP/jar-staff" \
	-d "csrf=$CSRF&with=dave-zolotusky&keep=dave-zolotusky&va=1&vb=$vd&pick_name=b&confirm=1"
check "the duplicate is gone" test "$(sql "SELECT count(*) FROM people WHERE slug = 'd-zolotusky'")" = 0
check "its new appearance moved to Dave" test "$(sql "SELECT count(*) FROM appearances WHERE person_id = (SELECT id FROM people WHERE slug = 'dave-zolotusky')")" = $((before + 1))
mid=$(sql "SELECT id FROM audit WHERE action = 'merge' ORDER BY id DESC LIMIT 1")
expect_status "undo the merge from history" 303 "/history/$mid/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "the duplicate is back" test "$(sql "SELECT count(*) FROM appearances WHERE person_id = (SELECT id FROM people WHERE slug = 'd-zolotusky')")" = 2
check "Dave has what he had" test "$(sql "SELECT count(*) FROM appearances WHERE person_id = (SELECT id FROM people WHERE slug = 'dave-zolotusky')")" = "$before"
expect_status "a merge cannot be undone twice" 409 "/history/$mid/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "audit has create, update, delete, restore, merge, unmerge" \
	test "$(ids)" = "create,delete,merge,restore,unmerge,update"
check "audit rows name the user" test "$(sql "SELECT count(*) FROM audit WHERE user_login IS NULL")" = 0
expect_body "history page lists changes" 'Lyft Inc' /history -b "$TMP/jar-staff"
expect_body "history filters by kind" 'person' "/history?kind=person" -b "$TMP/jar-staff"
expect_body "a record's own history" 'Lyft Inc' /orgs/lyft/history -b "$TMP/jar-staff"

# Throttling: growing delays per account.
for i in 1 2 3 4; do http -o /dev/null --data-urlencode login=dave --data-urlencode password=not-his-password "$URL/login"; done
check "the failures are recorded (a try within the delay is refused unhashed)" \
	test "$(sql "SELECT count(*) FROM login_failures WHERE login = 'dave'")" -ge 3
# The delay runs from the last failure and grows with their number; on a loaded machine the
# argon2id hashes can take longer than the first delays, so the check below starts from six
# failures dated now (an 8 s delay), not from when the hashes happened to end.
sql "UPDATE login_failures SET at = CAST(strftime('%s', 'now') AS INTEGER) WHERE login = 'dave';
	INSERT INTO login_failures(login, address, at) SELECT 'dave', '127.0.0.1', CAST(strftime('%s', 'now') AS INTEGER)
	FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) LIMIT 6 - (SELECT count(*) FROM login_failures WHERE login = 'dave')"
hdr=$(http -D - -o /dev/null --data-urlencode login=dave --data-urlencode "password=$PW_MEMBER" "$URL/login" | tr -d '\r')
check "after repeated failures even the right password waits (429)" grep -q '^HTTP/1.1 429' <<<"$hdr"
check "with Retry-After" grep -qi '^retry-after: [0-9]' <<<"$hdr"

# A flood of logins from one address: after the free tries no password is even hashed,
# so other clients are still answered quickly.
(for i in $(seq 1 60); do http -o /dev/null --data-urlencode "login=flood$i" --data-urlencode password=nope-nope-nope "$URL/login" & done; wait) &
flood=$!
slow=0
for i in $(seq 1 10); do
	t0=$(date +%s%N); http -o /dev/null "$URL/healthz"; t1=$(date +%s%N)
	[ $(((t1 - t0) / 1000000)) -gt 1000 ] && slow=$((slow + 1))
done
wait $flood
check "others are answered within a second during a login flood ($slow slow of 10)" test "$slow" -le 1
check "the flood is throttled per address" test "$(http -o /dev/null -w '%{http_code}' --data-urlencode login=staff --data-urlencode "password=$PW_STAFF" "$URL/login")" = 429

# Expiry and logout.
sql "UPDATE logins SET last_used = last_used - 100000 WHERE user_id = (SELECT id FROM users WHERE login = 'admin')"
expect_status "an idle login has expired" 303 /admin/users -b "$TMP/jar-admin"
check "and was deleted" test "$(sql "SELECT count(*) FROM logins WHERE user_id = (SELECT id FROM users WHERE login = 'admin')")" = 0
n_before=$(sql "SELECT count(*) FROM logins WHERE user_id = (SELECT id FROM users WHERE login = 'staff')")
expect_status "log out" 303 /logout -b "$TMP/jar-staff" -d "csrf=$CSRF"
expect_status "the old cookie no longer works" 303 /me -b "$TMP/jar-staff"
check "logout deleted this login on the server" test "$(sql "SELECT count(*) FROM logins WHERE user_id = (SELECT id FROM users WHERE login = 'staff')")" = $((n_before - 1))

# Disabled users (the throttle forgotten first, so only the disabling can refuse).
sql "DELETE FROM login_failures"
check "dave can log in before" test "$(login dave "$PW_MEMBER")" = 303
cp "$TMP/jar-dave" "$TMP/jar-dave-before"
"$LECTERN" user disable --db "$DB" --login dave >/dev/null
check "a disabled user cannot log in" test "$(login dave "$PW_MEMBER")" = 401
expect_status "and a disabled user's login ends at once" 303 /me -b "$TMP/jar-dave-before"
check "user list shows the state" sh -c "'$LECTERN' user list --db '$DB' | grep -q 'dave.*disabled'"

# Passwords never appear in logs or pages.
stop_server
check "no password in the server log" sh -c "! grep -q -e '$PW_STAFF' -e '$PW_MEMBER' -e '$PW_ADMIN' '$TMP/server.out' '$TMP/server.err'"
check "no password in the database" test "$(sql "SELECT count(*) FROM users WHERE password_hash LIKE '%$PW_STAFF%'")" = 0
