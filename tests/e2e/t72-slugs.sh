# t72-slugs.sh: staff change a record's address; the old one answers 301 to the new, also after a second change;
# a taken or reserved address is refused beside its field; a restore brings the old address back.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
ver() { sql "SELECT version FROM events WHERE id = 4"; }
ev="csrf=$CSRF&name=KubeCon + CloudNativeCon Europe 2019&starts_on=2019-05-21&ends_on=2019-05-23&time_zone=Europe/Madrid"

expect_body "the edit form shows the address" 'id="f-slug" name="slug"' /events/kubecon-eu-2019/edit -b "$TMP/jar-staff"
expect_status "staff change it" 303 /events/kubecon-eu-2019/edit -b "$TMP/jar-staff" -d "$ev&slug=kccnceu19&version=$(ver)"
check "the event has its new address" test "$(sql "SELECT slug FROM events WHERE id = 4")" = kccnceu19
expect_status "its page is there" 200 /events/kccnceu19
hdr=$(http -D - -o /dev/null "$URL/events/kubecon-eu-2019" | tr -d '\r')
check "the old address answers 301" grep -q '^HTTP/1.1 301' <<<"$hdr"
check "to the new one" grep -q '^Location: /events/kccnceu19$' <<<"$hdr"
expect_header "exports under it too" '^Location: /events/kccnceu19/schedule.xml$' /events/kubecon-eu-2019/schedule.xml
expect_status "a second change" 303 /events/kccnceu19/edit -b "$TMP/jar-staff" -d "$ev&slug=kubecon-europe-2019&version=$(ver)"
expect_header "the first address leads to the latest" '^Location: /events/kubecon-europe-2019$' /events/kubecon-eu-2019
expect_header "and so does the second" '^Location: /events/kubecon-europe-2019$' /events/kccnceu19
expect_status "an empty address keeps the one it has" 303 /events/kubecon-europe-2019/edit -b "$TMP/jar-staff" -d "$ev&slug=&version=$(ver)"
check "kept" test "$(sql "SELECT slug FROM events WHERE id = 4")" = kubecon-europe-2019

out=$(as staff -d "$ev&slug=kubecon-na-2019&version=$(ver)" "$URL/events/kubecon-europe-2019/edit")
check "another record's address is refused beside the field" grep -q 'Address (slug) is the address of another record already' <<<"$out"
out=$(as staff -d "$ev&slug=new&version=$(ver)" "$URL/events/kubecon-europe-2019/edit")
check "so is new" grep -q 'Address (slug) cannot be .new.' <<<"$out"
out=$(as staff -d "$ev&slug=Not A Slug&version=$(ver)" "$URL/events/kubecon-europe-2019/edit")
check "and one that is not a slug" grep -q 'aria-invalid="true" aria-describedby="h-slug"' <<<"$out"
check "nothing changed" test "$(sql "SELECT slug FROM events WHERE id = 4")" = kubecon-europe-2019

# A record that takes an old address as its own wins over the redirect.
expect_status "a new organization with a typed address" 303 /orgs/new -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Acme Cloud&slug=acme&kind=vendor"
check "it has that address" test "$(sql "SELECT count(*) FROM organizations WHERE slug = 'acme'")" = 1
expect_status "renamed" 303 /orgs/acme/edit -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Acme Cloud&slug=acme-cloud&kind=vendor&eu_member=0&version=1"
expect_status "another takes the old address" 303 /orgs/new -b "$TMP/jar-staff" -d "csrf=$CSRF&name=Acme Anvils&slug=acme&kind=vendor"
expect_status "which is its page now, not a redirect" 200 /orgs/acme
check "and the old redirect is forgotten" test "$(sql "SELECT count(*) FROM slug_redirects WHERE old_slug = 'acme'")" = 0

# Restoring the event's first state brings its first address back; the later ones lead to it.
aid=$(sql "SELECT id FROM audit WHERE kind = 'event' AND record_id = 4 ORDER BY id LIMIT 1")
expect_status "restore the first change" 303 "/history/$aid/restore" -b "$TMP/jar-staff" -d "csrf=$CSRF"
expect_status "the first address is the event's again" 200 /events/kubecon-eu-2019
expect_header "the later one leads to it" '^Location: /events/kubecon-eu-2019$' /events/kubecon-europe-2019
echo "1..$n"
