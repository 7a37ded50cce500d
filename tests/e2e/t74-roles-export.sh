# t74-roles-export.sh: the roles export — who held which role or seat, with the seat type, the organization then,
# the term, the organization now and GitHub — as CSV and JSON, filtered by body, role, seat type, a day and
# "current"; the body page links to it (it linked to the talks, so the Governing Board's file was empty).
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
start_server || exit 1
get() { http "$URL$1"; }
rows() { get "$1" | tr -d '\r' | sed 1d; }
not() { ! "$@"; }

page=$(get /bodies/toc)
check "the body page's role export is the roles list" grep -q 'href="/export/roles.csv?body=toc">Export everyone who held a role (CSV)' <<<"$page"
check "and its JSON" grep -q 'href="/export/roles.json?body=toc"' <<<"$page"
expect_header "CSV" '^content-type: text/csv; charset=utf-8' '/export/roles.csv?body=toc'
expect_header "named for the body" 'filename="roles-toc.csv"' '/export/roles.csv?body=toc'
check "the header names the term's columns" test "$(get '/export/roles.csv?body=toc' | head -n 1)" = \
	$'name,github,body,role,seat_type,organization,term_start,term_end,current_organization\r'
check "one row per term of the body (six TOC seats)" test "$(rows '/export/roles.csv?body=toc' | grep -c .)" = 6
check "a seat with its type, organization then, term and organization now" grep -qx \
	'Priya Natarajan,[^,]*,Technical Oversight Committee,seat,gb,Google,2018-01-29,2021-01-28,[^,]*' <<<"$(rows '/export/roles.csv?body=toc')"
check "an open term has no end" grep -q '^Dave Zolotusky,[^,]*,Technical Oversight Committee,seat,end_user,Spotify,2021-01-01,,Spotify$' \
	<<<"$(rows '/export/roles.csv?body=toc')"
check "who held a TOC seat on 2021-06-01" test "$(rows '/export/roles.csv?body=toc&on=2021-06-01' | cut -d, -f1 | sort | paste -sd '|')" = \
	'Dave Zolotusky|Sam Okafor|Wei Chen'
check "end-user seats only" test "$(rows '/export/roles.csv?body=toc&seat_type=end_user' | cut -d, -f1 | paste -sd '|')" = \
	'Lena Fischer|Dave Zolotusky'
check "chairs of every body" test "$(rows '/export/roles.csv?role=chair' | cut -d, -f1 | sort | paste -sd '|')" = \
	'Lena Fischer|Sam Okafor'
check "current terms only" test "$(rows '/export/roles.csv?body=toc&current=1' | cut -d, -f1 | sort | paste -sd '|')" = \
	'Dave Zolotusky|Sam Okafor|Wei Chen'
check "the file name says which day" grep -qi 'filename="roles-toc-2021-06-01.csv"' \
	<<<"$(http -D - -o /dev/null "$URL/export/roles.csv?body=toc&on=2021-06-01")"
json=$(get '/export/roles.json?body=toc&seat_type=gb')
check "JSON: one object per term, the same keys" python3 -c 'import json, sys
rows = json.loads(sys.argv[1])
assert len(rows) == 1, rows
r = rows[0]
assert list(r) == ["name", "github", "body", "role", "seat_type", "organization", "term_start", "term_end", "current_organization"], r
assert (r["name"], r["seat_type"], r["organization"], r["term_start"], r["term_end"]) == ("Priya Natarajan", "gb", "Google", "2018-01-29", "2021-01-28"), r' "$json"
check "an open term is null in JSON" python3 -c 'import json, sys
assert [r["term_end"] for r in json.loads(sys.argv[1])] == [None]' "$(get '/export/roles.json?body=toc&seat_type=maintainer')"
check "no private notes in either" not grep -qi 'notes' <<<"$(get /export/roles.csv; get /export/roles.json)"
expect_status "an unknown body is 404" 404 '/export/roles.csv?body=no-such-body'
expect_status "an unknown seat type is refused" 400 '/export/roles.csv?seat_type=king'
expect_status "a date that is not one is refused" 400 '/export/roles.csv?on=2021-13-45'
echo "1..$n"
