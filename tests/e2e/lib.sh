# lib.sh: helpers for end-to-end tests of the real binary over loopback.
# Source it; call start_server; use the check helpers; the EXIT trap cleans up.
set -u
cd "$(dirname "$0")/../.." || exit 1
LECTERN=${LECTERN:-build/lectern}
TMP=$(mktemp -d)
DB=$TMP/lectern.db
URL=
SERVER_PID=
n=0
export NO_PROXY='*' no_proxy='*'

cleanup() {
	stop_server
	rm -rf "$TMP"
}
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
# check DESC CMD...: passes when CMD succeeds.
check() {
	local d=$1
	shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}

# start_server [serve options...]: a fresh server on a free port; sets URL.
start_server() {
	: >"$TMP/server.out"
	"$LECTERN" serve --db "$DB" --port 0 "$@" >"$TMP/server.out" 2>"$TMP/server.err" &
	SERVER_PID=$!
	for _ in $(seq 1 200); do
		URL=$(sed -n 's,^lectern: serving on \(http[s]*://[^ ]*[0-9]\)/$,\1,p' "$TMP/server.out")
		[ -n "$URL" ] && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.05
	done
	echo "# server did not start:"; sed 's/^/# /' "$TMP/server.err"
	return 1
}

# A server the seccomp filter killed (SIGSYS: status 159) fails the test, even if every
# request before had passed: at exit is where a missing system call hides best.
stop_server() {
	local rc
	if [ -n "$SERVER_PID" ]; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		rc=$?
		SERVER_PID=
		if [ "$rc" = 159 ]; then not_ok "the server was killed by its seccomp filter"; fi
	fi
}

# http ARGS...: curl with the test defaults; body on stdout.
http() { curl -s --noproxy '*' --max-time 10 "$@"; }
# status PATH [curl args...]: prints the status code.
status() { local p=$1; shift; http -o /dev/null -w '%{http_code}' "$@" "$URL$p"; }
# expect_status DESC CODE PATH [curl args...]
expect_status() {
	local d=$1 want=$2 p=$3 got
	shift 3
	got=$(status "$p" "$@")
	if [ "$got" = "$want" ]; then ok "$d"; else not_ok "$d (got $got, want $want)"; fi
}
# expect_body DESC REGEX PATH [curl args...]: body matches the extended regex.
expect_body() {
	local d=$1 re=$2 p=$3
	shift 3
	if http "$@" "$URL$p" | grep -Eq -- "$re"; then ok "$d"; else not_ok "$d (no /$re/)"; fi
}
# expect_no_body DESC REGEX PATH [curl args...]: body does not match.
expect_no_body() {
	local d=$1 re=$2 p=$3
	shift 3
	if http "$@" "$URL$p" | grep -Eq -- "$re"; then not_ok "$d (found /$re/)"; else ok "$d"; fi
}
# expect_header DESC REGEX PATH [curl args...]: a response header line matches.
expect_header() {
	local d=$1 re=$2 p=$3
	shift 3
	if http -D - -o /dev/null "$@" "$URL$p" | tr -d '\r' | grep -Eiq -- "$re"; then
		ok "$d"; else not_ok "$d (no header /$re/)"; fi
}
# sql QUERY: runs a query on the test database.
sql() { sqlite3 -batch "$DB" "$@"; }

# Accounts. make_user LOGIN ROLE PASSWORD [user add options...]: creates a user with the CLI.
make_user() {
	local login=$1 role=$2 pw=$3
	shift 3
	printf '%s\n' "$pw" | "$LECTERN" user add --db "$DB" --login "$login" --role "$role" "$@" >/dev/null
}
# login LOGIN PASSWORD: logs in with curl; the cookie jar is $TMP/jar-LOGIN. Prints the status.
login() {
	rm -f "$TMP/jar-$1"
	http -o /dev/null -w '%{http_code}' -c "$TMP/jar-$1" --data-urlencode "login=$1" \
		--data-urlencode "password=$2" "$URL/login"
}
# csrf_of LOGIN: the CSRF token of LOGIN's login, read from a page's log-out form.
csrf_of() {
	http -b "$TMP/jar-$1" "$URL/me" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 |
		sed 's/.*value="\([0-9a-f]*\)"/\1/'
}
# as LOGIN CURL-ARGS...: a request with LOGIN's cookie.
as() { local u=$1; shift; http -b "$TMP/jar-$u" -c "$TMP/jar-$u" "$@"; }

# fts_agrees DB: every full-text index holds exactly the terms a rebuild from its table gives
# (compared on a copy: FTS5's own integrity-check does not compare an external-content index
# with its table). Prints what differs.
fts_agrees() {
	local copy=$TMP/fts-check.db t cols diff
	for t in "sessions title, abstract" "people name, bio" "organizations name" \
		"events name, series, city, country" "bodies name, slug, description" "projects name, description"; do
		cols=${t#* }
		t=${t%% *}
		sqlite3 "$1" ".backup '$copy'"
		diff=$(sqlite3 "$copy" "CREATE VIRTUAL TABLE fresh USING fts5($cols, content='$t', content_rowid='id',
			tokenize='unicode61 remove_diacritics 2');
			INSERT INTO fresh(fresh) VALUES ('rebuild');
			CREATE VIRTUAL TABLE temp.v_old USING fts5vocab(main, '${t}_fts', 'instance');
			CREATE VIRTUAL TABLE temp.v_new USING fts5vocab(main, 'fresh', 'instance');
			SELECT (SELECT count(*) FROM (SELECT * FROM v_old EXCEPT SELECT * FROM v_new))
			     + (SELECT count(*) FROM (SELECT * FROM v_new EXCEPT SELECT * FROM v_old));")
		rm -f "$copy"
		[ "$diff" = 0 ] || { echo "# $t: ${diff:-?} term instances differ from a rebuild"; return 1; }
	done
}

# save USER PATH VERSION OPENED [NAME=VALUE...]: posts the form as it was opened, with the changes
# given, as a browser would (every field); prints the page and, last, the status.
save() {
	local u=$1 path=$2 version=$3 opened=$4 args
	shift 4
	mapfile -d '' args < <(python3 -c 'import json, sys
o = json.loads(sys.argv[1]); o.update(a.split("=", 1) for a in sys.argv[2:])
for k, v in o.items():
    sys.stdout.write("--data-urlencode\0%s=%s\0" % (k, "" if v is None else v))' "$opened" "$@")
	as "$u" -w '\n%{http_code}' "${args[@]}" --data-urlencode "csrf=$(csrf_of "$u")" -d "version=$version" \
		--data-urlencode "opened=$opened" "$URL$path"
}
# hidden NAME PAGE: the value of a hidden field, unescaped.
hidden() { grep -o "name=\"$1\" value=\"[^\"]*\"" <<<"$2" | head -n 1 | sed 's/.*value="//; s/"$//; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'; }
