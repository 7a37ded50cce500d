# t73-forms.sh: the new-session form (issue 16 item 6) — a talk unless staff choose otherwise;
# the start typed as a date and a time in the event's zone, shown with it; a speaker not in
# Lectern yet added from the form, after a check for someone of a name like theirs; one period
# at the end of a message. And a new person like someone already there (item 7): the same
# GitHub handle or a name a typo away is shown, linked, before anything is saved.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
make_user staff staff 'staff password 1' || { not_ok "staff user"; exit 1; }
start_server || exit 1
check "staff log in" test "$(login staff 'staff password 1')" = 303
csrf=$(csrf_of staff)
post() { as staff -o "$TMP/out.html" -w '%{http_code}' -H "Origin: $URL" --data-urlencode "csrf=$csrf" "$@"; }
people() { sql "SELECT count(*) FROM people"; }

form=$(as staff "$URL/sessions/new?event=kubecon-eu-2019")
check "a new session is a talk unless staff choose" grep -q '<option value="talk" selected>Talk</option>' <<<"$form"
check "not a keynote" test -z "$(grep -o '<option value="keynote" selected>' <<<"$form")"
check "the start is a date input" grep -q '<input type="date" id="f-starts_at_date" name="starts_at_date"' <<<"$form"
check "and a time input" grep -q '<input type="time" id="f-starts_at_time" name="starts_at_time"' <<<"$form"
check "in the event's zone, named" grep -q "local time in the event's zone, Europe/Madrid" <<<"$form"
check "no ISO-with-offset text field any more" test -z "$(grep -o 'name="starts_at"' <<<"$form")"

session_of() { sed -n 's,.*/sessions/\([0-9]*\)$,\1,p' <<<"$1"; }
got=$(post -D "$TMP/h" -d event=kubecon-eu-2019 -d title='Local time talk' -d kind=talk -d status=scheduled \
	-d starts_at_date=2019-05-22 -d starts_at_time=11:15 -d duration_min=30 "$URL/sessions/new")
id=$(tr -d '\r' <"$TMP/h" | sed -n 's,^[Ll]ocation: .*/sessions/\([0-9]*\)$,\1,p')
check "a session saved from a date and a time ($got)" test "$got" = 303 -a -n "$id"
check "stored as the local time in Madrid with its summer offset" \
	test "$(sql "SELECT starts_at || ' ' || starts_utc FROM sessions WHERE id = ${id:-0}")" = '2019-05-22T11:15:00+02:00 2019-05-22 09:15:00'
got=$(post -D "$TMP/h" -d event=kubecon-na-2018 -d title='Seattle in December' -d kind=talk -d status=scheduled \
	-d starts_at_date=2018-12-12 -d starts_at_time=09:05 "$URL/sessions/new")
id2=$(tr -d '\r' <"$TMP/h" | sed -n 's,^[Ll]ocation: .*/sessions/\([0-9]*\)$,\1,p')
check "another event's zone and season: Los Angeles in winter, -08:00" \
	test "$(sql "SELECT starts_at FROM sessions WHERE id = ${id2:-0}")" = '2018-12-12T09:05:00-08:00'
edit=$(as staff "$URL/sessions/${id:-0}/edit")
check "the edit form shows the stored day" grep -q 'name="starts_at_date" value="2019-05-22"' <<<"$edit"
check "and the time of day in the event's zone" grep -q 'name="starts_at_time" value="11:15"' <<<"$edit"
sql "UPDATE sessions SET starts_at = '2019-05-22T07:00:00Z' WHERE id = ${id:-0}"
check "a time stored in UTC is shown in the event's zone (09:00 in Madrid)" \
	grep -q 'name="starts_at_time" value="09:00"' <<<"$(as staff "$URL/sessions/${id:-0}/edit")"

check "a date without a time is refused" test "$(post -d event=kubecon-eu-2019 -d title=Half -d kind=talk \
	-d status=scheduled -d starts_at_date=2019-05-22 -d starts_at_time= "$URL/sessions/new")" = 422
check "said beside the field" grep -q 'Starts needs both a date and a time of day.' "$TMP/out.html"
check "what was typed is kept" grep -q 'name="starts_at_date" value="2019-05-22"' "$TMP/out.html"

got=$(post -d event=kubecon-eu-2019 -d title='Unknown speaker' -d kind=talk -d status=scheduled \
	--data-urlencode 's1_person=Nobody Known' "$URL/sessions/new")
check "a speaker nobody is called is refused ($got)" test "$got" = 422
check "the message says how to add them, ending in one period" \
	grep -q 'no single person is called “Nobody Known”; tick “New” to add them\.</p>' "$TMP/out.html"
check "no double period in any message" test -z "$(grep -o '”\.\.' "$TMP/out.html")"
check "each speaker row offers New" grep -q '<input type="checkbox" name="s1_new" value="1">' "$TMP/out.html"

before=$(people)
got=$(post -D "$TMP/h" -d event=kubecon-eu-2019 -d title='With a new speaker' -d kind=talk -d status=scheduled \
	--data-urlencode 's1_person=Priya Raman' -d s1_new=1 -d s1_org=spotify -d s2_person=dave-zolotusky "$URL/sessions/new")
id3=$(tr -d '\r' <"$TMP/h" | sed -n 's,^[Ll]ocation: .*/sessions/\([0-9]*\)$,\1,p')
check "a session saved with a speaker created inline ($got)" test "$got" = 303 -a -n "$id3"
check "the new person exists, with a slug" test "$(sql "SELECT slug FROM people WHERE name = 'Priya Raman'")" = priya-raman
check "speaking in that session for the organization typed" test "$(sql "SELECT o.slug || ' ' || a.position FROM appearances a
	JOIN people p ON p.id = a.person_id JOIN organizations o ON o.id = a.org_id WHERE a.session_id = ${id3:-0} AND p.slug = 'priya-raman'")" = 'spotify 1'
check "the creation is in the history" test "$(sql "SELECT count(*) FROM audit a JOIN people p ON p.id = a.record_id
	WHERE a.kind = 'person' AND a.action = 'create' AND p.slug = 'priya-raman'")" = 1

before=$(people); nsess=$(sql "SELECT count(*) FROM sessions")
got=$(post -d event=kubecon-eu-2019 -d title='Typo speaker' -d kind=talk -d status=scheduled \
	--data-urlencode 's1_person=Dave Zolotuski' -d s1_new=1 "$URL/sessions/new")
check "a new speaker a typo away from someone is not created ($got)" test "$got" = 422 -a "$(people)" = "$before"
check "nor the session" test "$(sql "SELECT count(*) FROM sessions")" = "$nsess"
check "the message names who it may be" grep -q 'may be Dave Zolotusky (dave-zolotusky), already in Lectern' "$TMP/out.html"
check "linked from the row, with a box to say it is someone else" \
	grep -q 'name="s1_distinct" value="1"> Someone else, not <a href="/people/dave-zolotusky">Dave Zolotusky</a>' "$TMP/out.html"
got=$(post -d event=kubecon-eu-2019 -d title='Typo speaker' -d kind=talk -d status=scheduled \
	--data-urlencode 's1_person=Dave Zolotuski' -d s1_new=1 -d s1_distinct=1 "$URL/sessions/new")
check "someone else, said so: created" test "$got" = 303 -a "$(people)" = $((before + 1))

# Item 7: a new person from the people form.
before=$(people)
got=$(post --data-urlencode 'name=dave  ZOLOTUSKY' "$URL/people/new")
check "a new person of an existing name but for case and spacing is held back ($got)" test "$got" = 409
check "nothing saved" test "$(people)" = "$before"
check "the one already there is linked" grep -q '<li><a href="/people/dave-zolotusky">Dave Zolotusky</a>' "$TMP/out.html"
check "what to do is said" grep -q 'someone like this is already in Lectern' "$TMP/out.html"
check "what was typed is kept" grep -q 'value="dave  ZOLOTUSKY"' "$TMP/out.html"
got=$(post --data-urlencode 'name=Zolotusky, Dave' "$URL/people/new")
check "last name first is the same name" test "$got" = 409
got=$(post --data-urlencode 'name=Pat Example' -d github=DZOLOTUSKY "$URL/people/new")
check "another name with the same GitHub handle (any case) is held back" test "$got" = 409
check "said to be the same handle" grep -q 'the same GitHub handle' "$TMP/out.html"
got=$(post --data-urlencode 'name=dave  ZOLOTUSKY' -d distinct=1 "$URL/people/new")
check "someone else, said so: saved" test "$got" = 303 -a "$(people)" = $((before + 1))
got=$(post --data-urlencode 'name=Completely Different' "$URL/people/new")
check "a name like nobody's is saved at once" test "$got" = 303
echo "1..$n"
