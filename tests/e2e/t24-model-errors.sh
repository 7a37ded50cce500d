# t24-model-errors.sh: the model's error convention where it shows (HACKING.md, Errors): a database
# error is not a 404; a write and what must go with it are one transaction, checked; the database's
# message survives the rollback; a stale version and a constraint are told apart; and the drifts
# between a page and its JSON that one model call ended.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW_STAFF='staff-password-42'
PW_ADMIN='admin-password-4242'
PW_MEMBER='member-password-42'
make_user staff staff "$PW_STAFF"
make_user admin admin "$PW_ADMIN"
make_user dave member "$PW_MEMBER" --person dave-zolotusky
start_server || exit 1
login staff "$PW_STAFF" >/dev/null
login admin "$PW_ADMIN" >/dev/null
login dave "$PW_MEMBER" >/dev/null
CSRF=$(csrf_of staff)
ACSRF=$(csrf_of admin)

# A session listing the same speaker twice is refused with a sentence (the constraint's
# extended result code never matched SQLITE_CONSTRAINT, so the raw SQLite message showed).
code=$(http -o "$TMP/twice.html" -w '%{http_code}' -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" \
	-d event=kubecon-eu-2019 -d title=Twice -d kind=talk -d status=scheduled \
	-d s1_person=dave-zolotusky -d s2_person=dave-zolotusky "$URL/sessions/new")
check "a speaker listed twice is refused (got $code)" test "$code" = 422
check "saying which row" grep -q 'Speaker 2 is listed twice' "$TMP/twice.html"
check "and nothing is saved" test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Twice'")" = 0

# A restore that a constraint refuses says why: the message is copied before the rollback
# (it was a pointer into the connection, read after ROLLBACK had reset it).
http -o /dev/null -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" -d name=Gone -d kind=vendor "$URL/orgs/new"
http -o /dev/null -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" -d name=After -d kind=vendor "$URL/orgs/new"
ver=$(sql "SELECT version FROM organizations WHERE slug = 'gone'")
http -o /dev/null -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" -d "version=$ver" "$URL/orgs/gone/delete"
http -o /dev/null -b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" -d name=Gone -d kind=vendor "$URL/orgs/new"
entry=$(sql "SELECT id FROM audit WHERE kind = 'organization' AND action = 'delete' ORDER BY id DESC LIMIT 1")
code=$(http -o "$TMP/restore.json" -w '%{http_code}' -b "$TMP/jar-staff" -H 'Accept: application/json' \
	--data-urlencode "csrf=$CSRF" "$URL/history/$entry/restore")
check "a restore refused by a constraint is 409 (got $code)" test "$code" = 409
check "naming the constraint" grep -q 'UNIQUE constraint failed: organizations.slug' "$TMP/restore.json"

# A stale delete and a delete of a record still referred to: two different answers.
expect_body "a stale delete says the record changed" 'changed since you opened it' /orgs/spotify/delete \
	-b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" -d version=1000
ver=$(sql "SELECT version FROM organizations WHERE slug = 'spotify'")
expect_body "a delete of a record still used says so" 'still refer to this one' /orgs/spotify/delete \
	-b "$TMP/jar-staff" --data-urlencode "csrf=$CSRF" -d "version=$ver"

# A database error on a page is a server error, not "not found" (the page's one-row query
# returned NULL for both).
sql "DROP VIEW org_figures"
expect_status "a page whose query fails is 500, not 404" 500 /orgs/spotify
expect_status "its JSON too" 500 /orgs/spotify.json
stop_server
sqlite3 "$DB" "$(sed -n '/^CREATE VIEW org_figures/,/^FROM organizations o;/p' schema/0013_credit_tallies.sql)"
start_server || exit 1

# Disabling a user ends their logins in the same transaction: when the logins cannot be
# deleted (a trigger refuses here), the user is not disabled either.
sql "CREATE TRIGGER keep_logins BEFORE DELETE ON logins BEGIN SELECT RAISE(ABORT, 'kept'); END;"
id=$(sql "SELECT id FROM users WHERE login = 'dave'")
code=$(status "/admin/users/$id" -b "$TMP/jar-admin" --data-urlencode "csrf=$ACSRF" -d role=member -d disabled=1)
check "disabling is refused as a whole when the logins stay (got $code)" test "$code" = 409
check "and the user is not disabled" test "$(sql "SELECT disabled FROM users WHERE id = $id")" = 0
# A new password the same way: the password is not changed when the old logins stay.
before=$(sql "SELECT password_hash FROM users WHERE login = 'dave'")
printf 'another-password-42\n' | "$LECTERN" user passwd --db "$DB" --login dave >/dev/null 2>&1
check "a password change fails as a whole when the logins stay" test $? -ne 0
check "and the password is the old one" test "$(sql "SELECT password_hash FROM users WHERE login = 'dave'")" = "$before"
sql "DROP TRIGGER keep_logins"
printf 'another-password-42\n' | "$LECTERN" user passwd --db "$DB" --login dave >/dev/null 2>&1
check "without the trigger the password changes" test $? = 0
check "and dave's logins end" test "$(sql "SELECT count(*) FROM logins WHERE user_id = $id")" = 0

# A schedule of many sessions is sorted under the seccomp filter (qsort(3) would ask the
# kernel for the memory size, which the filter refuses, past a kilobyte of pointers).
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
	INSERT INTO sessions(event_id, title, room, starts_at) SELECT (SELECT id FROM events WHERE slug = 'kubecon-eu-2019'),
	'Many ' || i, 'Room ' || (i % 7), '2019-05-2' || (i % 3 + 1) || 'T10:00:00+02:00' FROM n"
expect_status "a schedule of 300 more sessions is served" 200 /events/kubecon-eu-2019
check "and the server lives on" kill -0 "$SERVER_PID"

# The drifts one model call ended. /events?page=2 lists the second page (it listed the first
# fifty again); the home JSON counts the page's twelve months; a person's JSON lists the
# sessions newest first, as the page does.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
	INSERT INTO events(name, slug, starts_on, ends_on) SELECT 'Old event ' || i, 'old-' || i,
	date('1990-01-01', '+' || i || ' days'), date('1990-01-01', '+' || i || ' days') FROM n"
expect_no_body "page 2 of the events does not start again with the newest" 'kubecon-na-2021' '/events?page=2'
expect_body "page 2 of the events lists the oldest" 'old-1"' '/events?page=2'
top_html=$(http "$URL/" | grep -o 'href="/orgs/[a-z0-9-]*">[^<]*</a> <span class="muted">[0-9]* sessions*' | sed 's/.*orgs\/\([a-z0-9-]*\)".*/\1/' | tr '\n' ' ')
top_json=$(http "$URL/.json" | python3 -c 'import json,sys; print(" ".join(o["slug"] for o in json.load(sys.stdin)["top_organizations"]), end=" ")')
check "the home JSON's top organizations are the page's ($top_json)" test -n "$top_html" -a "$top_html" = "$top_json"
dates=$(http "$URL/people/dave-zolotusky.json" | python3 -c 'import json,sys; print(" ".join(s["date"] for s in json.load(sys.stdin)["sessions"]))')
check "a person's JSON lists the sessions newest first ($dates)" \
	test "$dates" = "$(tr ' ' '\n' <<<"$dates" | sort -r | tr '\n' ' ' | sed 's/ $//')"
