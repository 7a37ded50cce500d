# t75-account.sh: a member changes their password (the current one required; every other login ends), sees
# their logins and ends one; an admin makes a one-time, short-lived reset link (only its hash kept) instead of
# typing a password; role changes, disabling, reset links and new passwords are in the history.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW='member-password-42' NEW='a-new-member-password-7' ADMIN_PW='admin-password-4242'
make_user dave member "$PW" --person dave-zolotusky --org spotify
make_user admin admin "$ADMIN_PW"
start_server || exit 1
# jar_login JAR LOGIN PASSWORD: a login of its own in $TMP/JAR; prints the status.
jar_login() { http -o /dev/null -w '%{http_code}' -c "$TMP/$1" --data-urlencode "login=$2" --data-urlencode "password=$3" "$URL/login"; }
in_jar() { local j=$1; shift; http -b "$TMP/$j" -c "$TMP/$j" "$@"; }
csrf_in() { in_jar "$1" "$URL/me" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="\([0-9a-f]*\)"/\1/'; }
code() { in_jar "$1" -o /dev/null -w '%{http_code}' "${@:2}"; }
not() { ! "$@"; }

check "Dave logs in on his laptop" test "$(jar_login laptop dave "$PW")" = 303
check "and on his phone" test "$(jar_login phone dave "$PW")" = 303
check "and on a shared computer" test "$(jar_login shared dave "$PW")" = 303
me=$(in_jar laptop "$URL/me")
check "/me lists his three logins" test "$(grep -o '<tr><td>127.0.0.1</td>' <<<"$me" | wc -l)" = 3
check "the one he is using is marked, without an End button" grep -q '<td>this one</td>' <<<"$me"
check "the two others can be ended" test "$(grep -c 'End it</button>' <<<"$(sed 's/<tr>/\n<tr>/g' <<<"$me")")" = 2
check "/me has a password form that asks for the current one" grep -q 'name="current" type="password" autocomplete="current-password" required' <<<"$me"

# Ending the shared computer's login, from the laptop.
C=$(csrf_in laptop)
keys=$(grep -o 'name="key" value="[0-9A-F]*"' <<<"$me" | sed 's/.*value="//; s/"//')
victim=$(head -n 1 <<<"$keys")
check "ending a login is a redirect" test "$(code laptop --data-urlencode "csrf=$C" -d "key=$victim" "$URL/me/logins/end")" = 303
check "one login fewer" test "$(sql 'SELECT count(*) FROM logins')" = 2
make_user eve member 'eve-password-4242'
check "Eve logs in" test "$(jar_login eve eve 'eve-password-4242')" = 303
E=$(csrf_in eve)
remaining=$(grep -v "^$victim\$" <<<"$keys")
code eve --data-urlencode "csrf=$E" -d "key=$remaining" "$URL/me/logins/end" >/dev/null
check "Eve's request ended none of Dave's logins" test "$(sql "SELECT count(*) FROM logins WHERE user_id = (SELECT id FROM users WHERE login = 'dave')")" = 2

# Changing the password: the current one is required, the new one checked; the other logins end.
check "a wrong current password is refused" test "$(code laptop --data-urlencode "csrf=$C" --data-urlencode current=not-my-password \
	--data-urlencode "password=$NEW" --data-urlencode "again=$NEW" "$URL/me/password")" = 403
check "two different new ones are refused" test "$(code laptop --data-urlencode "csrf=$C" --data-urlencode "current=$PW" \
	--data-urlencode "password=$NEW" --data-urlencode "again=${NEW}x" "$URL/me/password")" = 422
check "a weak one is refused" test "$(code laptop --data-urlencode "csrf=$C" --data-urlencode "current=$PW" \
	--data-urlencode password=password1234 --data-urlencode again=password1234 "$URL/me/password")" = 422
check "the old password still works" test "$(jar_login probe dave "$PW")" = 303
check "a good change is a redirect to /me" test "$(code laptop --data-urlencode "csrf=$C" --data-urlencode "current=$PW" \
	--data-urlencode "password=$NEW" --data-urlencode "again=$NEW" "$URL/me/password")" = 303
check "which says so" grep -q 'Your password is changed; your other logins ended.' <<<"$(in_jar laptop "$URL/me?password=1")"
check "the laptop stays logged in" test "$(code laptop "$URL/me")" = 200
check "the phone's login ended" test "$(code phone "$URL/me")" != 200
check "only one login is left" test "$(sql "SELECT count(*) FROM logins WHERE user_id = (SELECT id FROM users WHERE login = 'dave')")" = 1
check "the old password no longer works" test "$(jar_login probe dave "$PW")" = 401
check "the new one does" test "$(jar_login probe dave "$NEW")" = 303

# A reset link from the admin, instead of a password typed for someone.
check "the admin logs in" test "$(jar_login admin admin "$ADMIN_PW")" = 303
A=$(csrf_in admin)
dave=$(sql "SELECT id FROM users WHERE login = 'dave'")
check "the users page offers a reset link" grep -q "action=\"/admin/users/$dave/reset\"" <<<"$(in_jar admin "$URL/admin/users")"
page=$(in_jar admin --data-urlencode "csrf=$A" "$URL/admin/users/$dave/reset")
link=$(grep -o '<code class="reset-link">[^<]*' <<<"$page" | sed 's/.*>//')
token=${link##*token=}
check "the link is shown once, to this server" grep -Eq "^$URL/reset\?token=[0-9a-f]{64}$" <<<"$link"
check "only its hash is kept" test "$(sql "SELECT count(*) FROM password_resets WHERE hex(token_hash) = upper('$token') OR token_hash = '$token'")" = 0
check "for a day at most" test "$(sql "SELECT expires_at - created_at FROM password_resets")" = 86400
form=$(http -D - "$URL/reset?token=$token" | tr -d '\r')
check "the link opens a form to set a password" grep -q 'name="token" value="'"$token"'"' <<<"$form"
check "which sends no Referer on" grep -qi '^referrer-policy: no-referrer' <<<"$form"
RESET_PW='reset-password-for-dave-1'
check "setting it is a redirect to the login" test "$(http -o /dev/null -w '%{http_code}' -d "token=$token" \
	--data-urlencode "password=$RESET_PW" --data-urlencode "again=$RESET_PW" "$URL/reset")" = 303
check "every login of the account ended" test "$(code laptop "$URL/me")" != 200
check "the new password works" test "$(jar_login probe dave "$RESET_PW")" = 303
check "the link works once" test "$(http -o /dev/null -w '%{http_code}' -d "token=$token" \
	--data-urlencode "password=another-password-99" --data-urlencode "again=another-password-99" "$URL/reset")" = 404
check "and the password is still the one it set" test "$(jar_login probe dave "$RESET_PW")" = 303
in_jar admin --data-urlencode "csrf=$A" "$URL/admin/users/$dave/reset" >/dev/null
sql "UPDATE password_resets SET created_at = created_at - 90000, expires_at = expires_at - 90000"
token2=$(in_jar admin --data-urlencode "csrf=$A" "$URL/admin/users/$dave/reset" | grep -o 'token=[0-9a-f]*' | head -n 1)
sql "UPDATE password_resets SET created_at = created_at - 90000, expires_at = expires_at - 90000"
check "an expired link is refused" test "$(http -o /dev/null -w '%{http_code}' -d "${token2}" \
	--data-urlencode "password=another-password-99" --data-urlencode "again=another-password-99" "$URL/reset")" = 404
check "a member cannot make one" test "$(code probe --data-urlencode "csrf=$(csrf_in probe)" "$URL/admin/users/$dave/reset")" = 403

# The admin's changes are audited like any other.
check "the admin makes Dave staff" test "$(code admin --data-urlencode "csrf=$A" -d role=staff -d disabled=0 "$URL/admin/users/$dave")" = 303
check "and disables Eve" test "$(code admin --data-urlencode "csrf=$A" -d role=member -d disabled=1 "$URL/admin/users/$(sql "SELECT id FROM users WHERE login = 'eve'")")" = 303
hist=$(in_jar admin "$URL/history")
check "the role change is in the history, by the admin" grep -q '<td>admin</td><td>Changed user <a href="/admin/users">dave</a>.*<li><strong>Role</strong>: <del>member</del> → <ins>staff</ins></li>' <<<"$hist"
check "so is the disabling" grep -q '<li><strong>Disabled</strong>: <del>0</del> → <ins>1</ins></li>' <<<"$hist"
check "both new passwords are, by Dave (his change and the link's)" test "$(sql "SELECT count(*) FROM audit WHERE kind = 'user'
	AND user_login = 'dave' AND json_extract(after, '$.password_set_at') IS NOT NULL
	AND json_extract(after, '$.version') = json_extract(before, '$.version') + 1")" = 2
check "a reset link made is, by the admin" test "$(sql "SELECT count(*) FROM audit WHERE kind = 'user' AND user_login = 'admin'
	AND json_extract(after, '$.reset_link_until') IS NOT NULL")" -ge 1
check "no password hash is in the history" test "$(sql "SELECT count(*) FROM audit WHERE before LIKE '%argon2%' OR after LIKE '%argon2%'")" = 0
check "an account's entry offers no restore" not grep -q 'Restore before' <<<"$(in_jar admin "$URL/history?user=admin")"
echo "1..$n"
