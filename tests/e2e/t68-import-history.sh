# t68-import-history.sh: tools/import-history.sh walks a governance file's git history oldest first, one
# snapshot a commit, and the terms come out as the history had them.
. "$(dirname "$0")/lib.sh"
not() { ! "$@" >/dev/null 2>&1; }
D=tests/data/gov
R=$TMP/community
export LECTERN
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
term() {
	sql "SELECT r.starts_on || '|' || coalesce(r.ends_on, '') FROM roles r JOIN bodies b ON b.id = r.body_id
	    JOIN people p ON p.id = r.person_id WHERE b.slug = '$1' AND p.name = '$2' AND r.role = '$3'
	    ORDER BY r.starts_on" | paste -sd ' '
}
# commit DATE FILE: FILE as sigs.yaml, committed on DATE.
commit() {
	cp "$2" "$R/sigs.yaml"
	git -C "$R" add sigs.yaml
	GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" \
		git -C "$R" -c user.name=t -c user.email=t@example.org commit -q -m "$1"
}
git init -q "$R"
echo "unrelated" >"$R/README.md"
git -C "$R" add README.md
GIT_COMMITTER_DATE=2022-01-01T00:00:00Z git -C "$R" -c user.name=t -c user.email=t@example.org commit -q -m readme
commit 2023-06-01 "$D/sigs-2023.yaml"
commit 2024-06-01 "$D/sigs-2024.yaml"
printf 'sigs: [unclosed\n' >"$TMP/broken.yaml"
commit 2024-09-01 "$TMP/broken.yaml"
grep -v -e 'erin-n' -e 'Erin Novak' -e 'company: Quux Systems$' "$D/sigs-2024.yaml" >"$TMP/later.yaml"
commit 2025-01-15 "$TMP/later.yaml"

tools/import-history.sh "$R" sigs.yaml --db "$DB" >"$TMP/out" 2>"$TMP/err"
check "a refused version makes the exit status 1" test $? = 1
check "each of the file's 4 versions is tried, oldest first" grep -q 'import-history: 4 versions of sigs.yaml' "$TMP/out"
check "the refused version is reported and the walk goes on" grep -q 'refused, the walk goes on' "$TMP/err"
check "a chair through two snapshots, gone from the third: one term" \
	test "$(term sig-node 'Erin Novak' chair)" = "2023-06-01|2025-01-15"
check "a chair gone a year later" test "$(term sig-storage 'Bob Keller' chair)" = "2023-06-01|2024-06-01"
check "a chair from the second snapshot on" test "$(term sig-storage 'Hana Weber' chair)" = "2024-06-01|"
check "a chair all along" test "$(term sig-storage 'Alice Varga' chair)" = "2023-06-01|"
check "one run a good version" test "$(sql "SELECT count(*) FROM import_runs WHERE scope = 'k8s-sigs'")" = 3
check "the runs' dates are the commits'" test "$(sql "SELECT group_concat(as_of, ' ') FROM (SELECT as_of FROM import_runs
	ORDER BY id)")" = "2023-06-01 2024-06-01 2025-01-15"

# Walking again from the last date imported changes nothing.
sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO data_generations' >"$TMP/before.sql"
tools/import-history.sh --since 2025-01-15 "$R" sigs.yaml --db "$DB" >"$TMP/out" 2>&1
check "--since: only the versions from that date" grep -q 'import-history: 1 versions' "$TMP/out"
sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO data_generations' >"$TMP/after.sql"
check "--since: the walk again is a no-op" cmp -s "$TMP/before.sql" "$TMP/after.sql"
check "no repository, no walk" not tools/import-history.sh "$TMP/nowhere" sigs.yaml --db "$DB"
exit 0
