# t23-json-html.sh: the HTML and the JSON form of each registry page (and of each organization's
# report) hold the same figures and lists
# (one model call feeds both; json_html.py names what the HTML lacks), anonymously and for staff.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
PW='staff-password-42'
make_user staff staff "$PW"
start_server || exit 1
login staff "$PW" >/dev/null
python3 tests/e2e/json_html.py "$URL" anonymous
anon=$?
python3 tests/e2e/json_html.py "$URL" staff "$(awk '$6 == "lectern_login" { print $7 }' "$TMP/jar-staff")"
[ $anon = 0 ] && [ $? = 0 ]
