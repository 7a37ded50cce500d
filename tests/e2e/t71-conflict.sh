# t71-conflict.sh: a form saved over a version someone else changed: theirs kept where only they changed a field,
# yours where only you did, a choice where both did; the error style; success messages after create and delete.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user ann staff 'ann-password-4242'
make_user bob staff 'bob-password-4242'
start_server || exit 1
login ann 'ann-password-4242' >/dev/null
login bob 'bob-password-4242' >/dev/null
A=$(csrf_of ann)
not() { ! "$@"; }
# Ann opens the form; Bob changes the name meanwhile.
form=$(as ann "$URL/orgs/lyft/edit")
v=$(hidden version "$form") opened=$(hidden opened "$form")
check "the form carries what it was opened with" grep -q '"name":"Lyft"' <<<"$opened"
check "Bob renames Lyft" test "$(save bob /orgs/lyft/edit "$v" "$opened" 'name=Lyft B' | tail -n 1)" = 303

# Ann saves her change of the website only, over the old version.
page=$(save ann /orgs/lyft/edit "$v" "$opened" website=https://lyft.example/)
check "a stale save is 409" test "${page##*$'\n'}" = 409
check "nothing of Ann's was saved" test "$(sql "SELECT name || '|' || coalesce(website, '') FROM organizations WHERE slug = 'lyft'")" = 'Lyft B|https://www.lyft.com'
check "the name she never touched shows Bob's" grep -q 'name="name" required aria-describedby="h-name">' <<<"$(grep -o '<input value="Lyft B" id="f-name" name="name" required aria-describedby="h-name">' <<<"$page")"
check "with a note that someone else changed it" grep -q 'Changed meanwhile by someone else; your form had .Lyft.' <<<"$page"
check "her website is kept" grep -q 'value="https://lyft.example/" id="f-website"' <<<"$page"
check "with what is stored beside it" grep -q 'Your change, kept; saved meanwhile: .https://www.lyft.com.' <<<"$page"
check "the message is an error, not a success" grep -q '<p class="flash error" role="alert">Someone else saved this record' <<<"$page"
v2=$(hidden version "$page") opened2=$(hidden opened "$page")
check "the form is now over the version stored" test "$v2" = $((v + 1))
check "and was opened with what is stored now" grep -q '"name":"Lyft B"' <<<"$opened2"
check "saving it again keeps both changes" test "$(save ann /orgs/lyft/edit "$v2" "$opened2" \
	website=https://lyft.example/ | tail -n 1)" = 303
check "Bob's name and Ann's website are both stored" \
	test "$(sql "SELECT name || '|' || website FROM organizations WHERE slug = 'lyft'")" = 'Lyft B|https://lyft.example/'

# Both change the name: Ann must choose, nothing is chosen for her.
form=$(as ann "$URL/orgs/lyft/edit")
v=$(hidden version "$form") opened=$(hidden opened "$form")
check "Bob renames it again" test "$(save bob /orgs/lyft/edit "$v" "$opened" 'name=Lyft Bob' | tail -n 1)" = 303
page=$(save ann /orgs/lyft/edit "$v" "$opened" 'name=Lyft Ann')
check "a choice between theirs and hers" grep -q '<input type="radio" name="name" value="Lyft Bob" required> Theirs (saved meanwhile)' <<<"$page"
check "hers offered too" grep -q '<input type="radio" name="name" value="Lyft Ann" required> Yours' <<<"$page"
check "neither chosen" not grep -q 'name="name" value="[^"]*" required checked' <<<"$page"
check "no text field to save over theirs" not grep -q 'id="f-name"' <<<"$page"

# A session's speakers: only Bob changed them, so Ann's stale save shows his.
sv=$(sql "SELECT version FROM sessions WHERE id = 8")
form=$(as ann "$URL/sessions/8/edit")
opened=$(hidden opened "$form")
check "Bob adds a speaker" test "$(save bob /sessions/8/edit "$sv" "$opened" s2_person=dave-zolotusky | tail -n 1)" = 303
page=$(save ann /sessions/8/edit "$sv" "$opened" 'title=Golden paths, paved')
check "the table shows Bob's speakers" grep -q 'name="s2_person" list="dl-person" aria-label="Speaker 2 person" placeholder="Person" value="dave-zolotusky"' <<<"$page"
check "and Ann's title" grep -q 'value="Golden paths, paved" id="f-title"' <<<"$page"

# Form errors and refusals in the error style; successes say so after create and delete.
page=$(as ann -d "csrf=$A&name=&kind=vendor" "$URL/orgs/new")
check "'some fields need attention' is an error" grep -q '<p class="flash error" role="alert">Not saved: some fields need attention' <<<"$page"
page=$(as ann -d "login=ann&password=wrong-wrong-wrong" "$URL/login")
check "a wrong password is an error" grep -q '<p class="flash error" role="alert">Wrong login or password' <<<"$page"
as ann -o /dev/null -d "csrf=$A&name=Flash Test&kind=vendor" "$URL/orgs/new"
expect_body "the page after a creation says so" '<p class="flash" role="status">Created.</p>' /orgs/flash-test -b "$TMP/jar-ann" -c "$TMP/jar-ann"
expect_no_body "once" 'role="status">Created' /orgs/flash-test -b "$TMP/jar-ann" -c "$TMP/jar-ann"
as ann -o /dev/null -d "csrf=$A&version=1" "$URL/orgs/flash-test/delete"
expect_body "the page after a deletion says so, and where to undo it" 'role="status">Deleted. It can be restored from the History page' /orgs -b "$TMP/jar-ann" -c "$TMP/jar-ann"
check "the stylesheet tells errors from successes" grep -q '^.flash.error {' <<<"$(http "$URL/assets/style.css")"
echo "1..$n"
