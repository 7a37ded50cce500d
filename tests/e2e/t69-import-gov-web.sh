# t69-import-gov-web.sh: governance files through /admin/import (preview with their figures and date, then
# confirm), and the pages that show what came in: /bodies/{slug} lists every term, current first.
. "$(dirname "$0")/lib.sh"
D=tests/data/gov
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
start_server || exit 1
login staff 'staff-password-42' >/dev/null
CSRF=$(csrf_of staff)
not() { ! "$@"; }
token_of() { grep -o 'name="token" value="[0-9a-f]*"' <<<"$1" | head -n 1 | sed 's/.*value="//;s/"//'; }

out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "as_of=2023-06-01" -F "schedule=@$D/sigs-2023.yaml" "$URL/admin/import")
check "preview: sigs.yaml is recognised" grep -q 'Read as <strong>sigs.yaml</strong>' <<<"$out"
check "preview: the date it is taken as true" grep -q 'True as of <strong>2023-06-01</strong>' <<<"$out"
check "preview: the terms it would open" grep -q '<span class="n">8</span><span class="l">Terms opened' <<<"$out"
check "preview: the bodies it would make, each once" grep -q '<span class="n">5</span><span class="l">New bodies' <<<"$out"
check "preview: no time zone to ask for" not grep -q 'Times are read in' <<<"$out"
check "preview: nothing written yet" test "$(sql "SELECT count(*) FROM roles")" = 0
token=$(token_of "$out")
expect_status "confirm imports" 303 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token&as_of=2023-06-01"
check "confirmed: the terms, on the date previewed" test "$(sql "SELECT count(*) FROM roles WHERE starts_on = '2023-06-01'")" = 8

out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "as_of=2024-06-01" -F "schedule=@$D/sigs-2024.yaml" "$URL/admin/import")
token=$(token_of "$out")
expect_status "a year later, confirmed" 303 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token&as_of=2024-06-01"
code=$(http -o "$TMP/bad.html" -w '%{http_code}' -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "as_of=2024-02-30" \
	-F "schedule=@$D/sigs-2024.yaml" "$URL/admin/import")
check "a date that is not one is refused ($code)" test "$code" = 400
out=$(http -b "$TMP/jar-staff" -F "csrf=$CSRF" -F "as_of=2025-08-01" -F "schedule=@$D/toc-readme.md" "$URL/admin/import")
check "preview: the TOC's README, its doubtful line to review" grep -q 'end date is before the start date' <<<"$out"
token=$(token_of "$out")
expect_status "the TOC, confirmed" 303 /admin/import/confirm -b "$TMP/jar-staff" -d "csrf=$CSRF&token=$token&as_of=2025-08-01"

# The pages.
page=$(http "$URL/bodies/sig-storage")
check "/bodies/sig-storage: current and past terms" grep -q 'Past terms' <<<"$page"
check "/bodies/sig-storage: the organization then" grep -q 'Quux Systems' <<<"$page"
check "/bodies/sig-storage: the term that closed" grep -q 'Bob Keller' <<<"$page"
json=$(http "$URL/bodies/sig-storage.json")
check "/bodies/sig-storage JSON: Bob's term and its end" \
	test "$(jq -r '.roles[] | select(.person == "Bob Keller") | .ends_on' <<<"$json")" = 2024-06-01
check "/bodies/sig-storage JSON: Carol's two terms, one a company" \
	test "$(jq -r '[.roles[] | select(.person == "Carol Tanaka") | .organization] | join(",")' <<<"$json")" = "Zeta Labs,Example Cloud Inc."
page=$(http "$URL/bodies/toc")
check "/bodies/toc: seats with their types" grep -q 'EndUser-appointed' <<<"$page"
maint=$(grep -o '<h3>Maintainer-appointed</h3><table>.*' <<<"$page" | sed 's|</table>.*||')
check "/bodies/toc: the seats by type, each with its terms" grep -q 'Omar Sato.*Rosa Lind\|Rosa Lind.*Omar Sato' <<<"$maint"
check "/bodies/toc: ... and no other type's" not grep -q 'Nora Ruiz' <<<"$maint"
for p in /bodies/toc /bodies/sig-storage /bodies; do
	check "$p is valid HTML5" sh -c "curl -s --noproxy '*' '$URL$p' | /usr/bin/python3 tests/e2e/html_check.py '$p'"
done
check "the preview is valid HTML5" /usr/bin/python3 tests/e2e/html_check.py preview <<<"$out"
check "/bodies/kubernetes: the groups' parent is a page" test "$(status /bodies/kubernetes)" = 200
quux=$(sql "SELECT slug FROM organizations WHERE name = 'Quux Systems'")
check "an organization's figures count its SIG roles (Bob's past one too)" \
	test "$(http "$URL/orgs/$quux.json" | jq -r '.figures.group_roles')" = 3
check "a person's page lists their roles with terms" \
	test "$(http "$URL/people/bob-keller.json" | jq -r '.roles[0].role + " " + .roles[0].ends_on')" = "chair 2024-06-01"
run=$(sql "SELECT max(id) FROM import_runs WHERE scope = 'cncf-toc'")
page=$(http -b "$TMP/jar-staff" "$URL/admin/imports")
check "/admin/imports lists the TOC's run" grep -q 'toc-readme.md' <<<"$page"
expect_status "undo the TOC's run from the web" 303 "/admin/imports/$run/undo" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "undone: no seat left" test "$(sql "SELECT count(*) FROM roles WHERE role = 'seat'")" = 0
check "undone: the sigs.yaml terms stay" test "$(sql "SELECT count(*) FROM roles")" -gt 8

# Aliases: staff see and edit them, every import matches over them.
make_user dave member 'member-password-42'
login dave 'member-password-42' >/dev/null
expect_status "members may not see the aliases" 403 /admin/aliases -b "$TMP/jar-dave"
expect_status "staff see the aliases" 200 /admin/aliases -b "$TMP/jar-staff"
quux=$(sql "SELECT slug FROM organizations WHERE name = 'Quux Systems'")
expect_status "adding one without the CSRF token is refused" 403 /admin/aliases -b "$TMP/jar-staff" -d "alias=QS Holdings&org=$quux"
expect_status "staff add an alias" 303 /admin/aliases -b "$TMP/jar-staff" -d "csrf=$CSRF&alias=QS Holdings&org=$quux"
expect_status "the same alias twice is refused" 422 /admin/aliases -b "$TMP/jar-staff" -d "csrf=$CSRF&alias=qs holdings&org=$quux"
expect_status "an alias of no organization is refused" 422 /admin/aliases -b "$TMP/jar-staff" -d "csrf=$CSRF&alias=X&org=nobody-here"
check "the alias is listed, with who made it" sh -c "curl -s --noproxy '*' -b '$TMP/jar-staff' '$URL/admin/aliases' |
	grep -q 'QS Holdings</td><td><a href=\"/orgs/$quux\">Quux Systems</a></td><td>staff'"
sed 's/company: Quux Systems GmbH/company: QS Holdings/' "$D/sigs-2024.yaml" >"$TMP/sigs.yaml"
"$LECTERN" import --db "$DB" --quiet --as-of 2024-09-01 "$TMP/sigs.yaml" >/dev/null 2>&1
check "an import matches a company by its alias" test "$(sql "SELECT count(*) FROM organizations WHERE name = 'QS Holdings'")" = 0
check "/admin/aliases is valid HTML5" sh -c "curl -s --noproxy '*' -b '$TMP/jar-staff' '$URL/admin/aliases' |
	/usr/bin/python3 tests/e2e/html_check.py /admin/aliases"
id=$(sql "SELECT id FROM org_aliases")
expect_status "staff delete an alias" 303 "/admin/aliases/$id/delete" -b "$TMP/jar-staff" -d "csrf=$CSRF"
check "deleted" test "$(sql "SELECT count(*) FROM org_aliases")" = 0
exit 0
