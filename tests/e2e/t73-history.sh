# t73-history.sh: readable history: each entry names its record with a link, says who and when in the server's
# local time, labels fields as the form does and shows references and speakers by name; a creation can be undone
# (a delete, itself in the history and undoable), but not while other records refer to the record.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user ann staff 'ann-password-4242'
export TZ=Europe/Berlin
start_server || exit 1
login ann 'ann-password-4242' >/dev/null
A=$(csrf_of ann)
post() { as ann -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$A" "$@"; }
entry() { sql "SELECT max(id) FROM audit WHERE kind = '$1' AND action = '$2'"; }
not() { ! "$@"; }

# edit USER PATH [NAME=VALUE...]: opens the form and saves it with the changes given; the status.
edit() { local u=$1 p=$2 form; shift 2; form=$(as "$u" "$URL$p"); save "$u" "$p" "$(hidden version "$form")" "$(hidden opened "$form")" "$@" | tail -n 1; }

# A change of a name and of a reference, made through the forms.
check "Ann renames Lyft" test "$(edit ann /orgs/lyft/edit 'name=Lyft, Inc.')" = 303
aff=$(sql "SELECT x.id FROM affiliations x JOIN people p ON p.id = x.person_id WHERE p.slug = 'dave-zolotusky' LIMIT 1")
check "and moves Dave's affiliation to Lyft" test "$(edit ann "/affiliations/$aff/edit" org=lyft)" = 303

page=$(as ann "$URL/history")
at=$(sql "SELECT at FROM audit WHERE id = $(entry organization update)")
local=$(TZ=Europe/Berlin date -d "$at" '+%Y-%m-%d %H:%M %Z')
check "an entry names its record, linked to its page" grep -q 'Changed organization <a href="/orgs/lyft">Lyft, Inc.</a>' <<<"$page"
check "its time is in the server's zone, with the UTC time in the markup" grep -q "<time datetime=\"$at\">$local</time>" <<<"$page"
check "who made it" grep -q '<td>ann</td>' <<<"$page"
check "fields by their label, not their column" grep -q '<li><strong>Name</strong>: <del>Lyft</del> → <ins>Lyft, Inc.</ins></li>' <<<"$page"
check "an affiliation is named by its person and organization" grep -q 'Changed affiliation <a href="/people/dave-zolotusky">Dave Zolotusky at Lyft, Inc.</a>' <<<"$page"
check "a reference shows the record's name, not its id" grep -q '<li><strong>Organization</strong>: <del>Spotify</del> → <ins>Lyft, Inc.</ins></li>' <<<"$page"
check "no column names" not grep -q '<strong>org_id</strong>' <<<"$page"

# A session's speakers, by name (and their organization then).
sid=$(sql "SELECT session_id FROM appearances a JOIN people p ON p.id = a.person_id WHERE p.slug = 'dave-zolotusky' LIMIT 1")
others=$(sql "SELECT count(*) FROM appearances WHERE session_id = $sid")
check "Ann retitles a session and adds a speaker" test "$(edit ann "/sessions/$sid/edit" 'title=A retitled talk' \
	"s$((others + 1))_person=lena-fischer")" = 303
page=$(as ann "$URL/history?kind=session")
check "a session is named by its title" grep -q "Changed session <a href=\"/sessions/$sid\">A retitled talk</a>" <<<"$page"
check "its speakers by name, not by id" grep -Eq '<li><strong>Speakers</strong>: <del>[^<]*Dave Zolotusky[^<]*</del> → <ins>[^<]*Lena Fischer' <<<"$page"
check "no person ids" not grep -q 'person_id' <<<"$page"

# A creation, undone: the record is deleted, with an entry of its own that brings it back.
check "Ann creates a person" test "$(post -d 'name=Temporary+Person&slug=temporary-person' "$URL/people/new")" = 303
created=$(entry person create)
page=$(as ann "$URL/history?kind=person")
check "the creation offers its undoing" grep -q "action=\"/history/$created/restore\"><input type=\"hidden\" name=\"csrf\" value=\"[^\"]*\"><button type=\"submit\" class=\"secondary\">Undo creation (delete)</button>" <<<"$page"
check "undoing it is a redirect" test "$(post "$URL/history/$created/restore")" = 303
check "the person is gone" test "$(sql "SELECT count(*) FROM people WHERE slug = 'temporary-person'")" = 0
check "the creation is marked undone" test "$(sql "SELECT undone_by IS NOT NULL FROM audit WHERE id = $created")" = 1
deleted=$(entry person delete)
check "by a delete entry that holds the person" test "$(sql "SELECT json_extract(before, '$.name') FROM audit WHERE id = $deleted")" = 'Temporary Person'
page=$(as ann "$URL/history?kind=person")
check "the history says so, without a link to a page that is gone" grep -q 'Deleted person Temporary Person <span class="muted">(gone)</span>' <<<"$page"
check "undone twice: refused" test "$(post "$URL/history/$created/restore")" = 409
check "the delete can be restored" test "$(post "$URL/history/$deleted/restore")" = 303
check "and the person is back" test "$(sql "SELECT count(*) FROM people WHERE slug = 'temporary-person'")" = 1

# SQLite gives a deleted row's id to the next row: restoring the deleted record must not overwrite the newer one.
check "Ann creates another person" test "$(post -d 'name=Reused+A&slug=reused-a' "$URL/people/new")" = 303
a_id=$(sql "SELECT id FROM people WHERE slug = 'reused-a'")
check "and undoes it" test "$(post "$URL/history/$(entry person create)/restore")" = 303
a_deleted=$(entry person delete)
check "the next person gets the same id" test "$(post -d 'name=Reused+B&slug=reused-b' "$URL/people/new")" = 303 -a \
	"$(sql "SELECT id FROM people WHERE slug = 'reused-b'")" = "$a_id"
body=$(as ann -w '\n%{http_code}' --data-urlencode "csrf=$A" "$URL/history/$a_deleted/restore")
check "restoring the first is refused" test "${body##*$'\n'}" = 409
check "saying why" grep -q 'its id belongs to a newer record now' <<<"$body"
check "and the newer person is untouched" test "$(sql "SELECT name FROM people WHERE id = $a_id")" = 'Reused B'
check "an empty list is no change worth a line" not grep -q '<strong>Links</strong>: <ins>\[\]' <<<"$(as ann "$URL/history?kind=person")"
check "the history scrolls in its own box on a phone" grep -q '<div class="scroll"><table class="history">' <<<"$(as ann "$URL/history")"
page=$(as ann "$URL/orgs/spotify/history")
check "a record's history: breadcrumbs by the plural list and the record's name, not its slug" \
	grep -q '<li><a href="/orgs">Organizations</a></li><li><a href="/orgs/spotify">Spotify</a></li><li><span aria-current="page">History</span></li>' <<<"$page"
check "and its title names it" grep -q '<title>History of Spotify' <<<"$page"
page=$(as ann "$URL/sessions/8/history")
check "a session's history: no link to a list sessions do not have" \
	not grep -q '<a href="/sessions">' <<<"$page"

# A creation others now refer to stays.
check "Ann creates an organization" test "$(post -d 'name=Short+Lived&slug=short-lived&kind=vendor' "$URL/orgs/new")" = 303
org_created=$(entry organization create)
sql "INSERT INTO affiliations(person_id, org_id) VALUES ((SELECT id FROM people WHERE slug = 'temporary-person'),
	(SELECT id FROM organizations WHERE slug = 'short-lived'))"
body=$(as ann -w '\n%{http_code}' --data-urlencode "csrf=$A" "$URL/history/$org_created/restore")
check "its undoing is refused while an affiliation refers to it" test "${body##*$'\n'}" = 409
check "saying why" grep -q 'other records still refer to it' <<<"$body"
check "and it is still there" test "$(sql "SELECT count(*) FROM organizations WHERE slug = 'short-lived'")" = 1
check "its creation is not marked undone" test "$(sql "SELECT undone_by IS NULL FROM audit WHERE id = $org_created")" = 1
echo "1..$n"
