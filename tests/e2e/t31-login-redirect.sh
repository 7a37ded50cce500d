# t31-login-redirect.sh: after a login, next= leads to a page of this site or to /, never elsewhere.
# next=/%09/evil.example passed: browsers drop the tab and go to //evil.example, another site.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
make_user staff staff 'staff-password-42'
start_server || exit 1

# location_after NEXT: logs in with next=NEXT (sent as it is, decoded by the server) and prints
# where the answer redirects (or the status when it does not).
location_after() {
	http -D - -o /dev/null --data-urlencode login=staff --data-urlencode password=staff-password-42 \
		--data-urlencode "next=$1" "$URL/login" | tr -d '\r' |
		sed -n 's/^[Ll]ocation: //p; s/^HTTP\/1.1 \([0-9]*\).*/\1/p' | tail -n 1
}
check "next=/me leads to /me" test "$(location_after /me)" = /me
check "next=/search?q=a%20b keeps its query" test "$(location_after '/search?q=a%20b')" = '/search?q=a%20b'
for next in $'/\t/evil.example' $'/\n/evil.example' $'/\r/evil.example' '/\/evil.example' '//evil.example' \
	'/%09/evil.example' '/%2F/evil.example' '/%5c/evil.example' 'https://evil.example/' \
	$'/\x0b/evil.example' '/ /evil.example'; do
	got=$(location_after "$next")
	check "next=$(printf %q "$next") leads home or is refused (got $got)" \
		bash -c '[ "$1" = / ] || [ "$1" = 400 ]' _ "$got"
done

# The form carries next on; a logged-in visit of /login redirects at once.
expect_body "the form keeps a local next" 'name="next" value="/me"' '/login?next=/me'
expect_body "but not a tab one" 'name="next" value="/"' '/login?next=/%09/evil.example'
login staff 'staff-password-42' >/dev/null
expect_header "logged in, /login?next=/%09/evil.example redirects home" '^location: /$' \
	'/login?next=/%09/evil.example' -b "$TMP/jar-staff"
expect_header "and /login?next=/%5C/evil.example too" '^location: /$' \
	'/login?next=/%5C/evil.example' -b "$TMP/jar-staff"
