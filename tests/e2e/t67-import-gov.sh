# t67-import-gov.sh: governance records in: sigs.yaml and tags.yaml (bodies, chairs, tech leads), the TOC's
# README (seats and their types), gitdm's affiliations; snapshots that open and close terms, re-imports that
# change nothing, undo that restores, bad records warned about by line.
. "$(dirname "$0")/lib.sh"
not() { ! "$@" >/dev/null 2>&1; }
D=tests/data/gov
imp() { "$LECTERN" import --db "$DB" "$@"; }
dump() { sqlite3 "$DB" .dump | grep -v -e '^INSERT INTO import_' -e '^INSERT INTO source_keys' -e 'sqlite_sequence' \
	-e '^INSERT INTO data_generations'; }
# The records alone: what undo deleted is in the history (audit), compared apart, as the indexes' pages;
# a row undo puts back is updated then (its updated_at).
records() { dump | grep -v -e '_fts_' -e '^INSERT INTO audit' | sed -E "s/'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z'/'(time)'/g"; }
# term SLUG PERSON ROLE: "organization|from|until" of each of that person's terms, oldest first.
term() {
	sql "SELECT coalesce(o.name, ''), r.starts_on, coalesce(r.ends_on, '') FROM roles r JOIN bodies b ON b.id = r.body_id
	    JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = r.org_id
	    WHERE b.slug = '$1' AND p.name = '$2' AND r.role = '$3' ORDER BY r.starts_on" | paste -sd ' '
}
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1

# sigs.yaml: bodies under Kubernetes, their kinds, the roles as of the snapshot's date.
out=$(imp --as-of 2023-06-01 "$D/sigs-2023.yaml")
check "sigs.yaml: read as such" grep -q '^read as sigs.yaml' <<<"$out"
check "sigs.yaml: 5 bodies (Kubernetes and its groups), 8 terms, 7 people" \
	grep -q 'bodies 5 new, 0 changed; terms 8 opened, 0 continued, 0 changed, 0 closed;.* people 7 new' <<<"$out"
check "sigs.yaml: group kinds from the lists" test "$(sql "SELECT group_concat(slug || '=' || kind, ' ') FROM
	(SELECT slug, kind FROM bodies WHERE parent_id IS NOT NULL ORDER BY slug)")" = \
	"committee-steering=committee sig-node=k8s_sig sig-storage=k8s_sig wg-batch=working_group"
check "sigs.yaml: groups under the Kubernetes body" test "$(sql "SELECT count(*) FROM bodies b JOIN bodies k ON
	k.id = b.parent_id WHERE k.slug = 'kubernetes'")" = 4
check "sigs.yaml: the mission is the description" \
	test "$(sql "SELECT description LIKE 'Ensures that file and block storage%' FROM bodies WHERE slug = 'sig-storage'")" = 1
check "sigs.yaml: a chair, its company, the snapshot's date" \
	test "$(term sig-storage 'Alice Varga' chair)" = "Example Cloud Inc.|2023-06-01|"
check "sigs.yaml: a company written otherwise is the same organization" \
	test "$(term sig-storage 'Carol Tanaka' tech-lead)" = "Example Cloud Inc.|2023-06-01|"
check "sigs.yaml: \"Independent\" is no organization" test "$(term wg-batch 'Gina Park' chair)" = "|2023-06-01|"
check "sigs.yaml: people get their GitHub handles" test "$(sql "SELECT github FROM people WHERE name = 'Bob Keller'")" = BobK

# The same snapshot again changes nothing; an older one is refused.
dump >"$TMP/one.sql"
records >"$TMP/one-records.sql"
out=$(imp --as-of 2023-06-01 "$D/sigs-2023.yaml")
check "re-import: every term continued" grep -q 'terms 0 opened, 8 continued, 0 changed, 0 closed' <<<"$out"
dump >"$TMP/again.sql"
check "re-import: the records are identical" cmp -s "$TMP/one.sql" "$TMP/again.sql"
check "an older snapshot than the last is refused" not imp --as-of 2022-01-01 "$D/sigs-2023.yaml"

# A year later: one chair left, one came, one tech lead moved company.
out=$(imp --as-of 2024-06-01 "$D/sigs-2024.yaml")
check "next year: 2 opened, 2 closed" grep -q 'terms 2 opened, 6 continued, 0 changed, 2 closed' <<<"$out"
check "next year: the chair who left has a term that closed" \
	test "$(term sig-storage 'Bob Keller' chair)" = "Quux Systems|2023-06-01|2024-06-01"
check "next year: the new chair's term opens then" test "$(term sig-storage 'Hana Weber' chair)" = "Quux Systems|2024-06-01|"
check "next year: a move to another company splits the term" \
	test "$(term sig-storage 'Carol Tanaka' tech-lead)" = "Example Cloud Inc.|2023-06-01|2024-06-01 Zeta Labs|2024-06-01|"
check "next year: the others continue from the first snapshot" test "$(term sig-storage 'Alice Varga' chair)" = "Example Cloud Inc.|2023-06-01|"
run=$(sql "SELECT max(id) FROM import_runs")
check "undo the later snapshot" imp --undo "$run"
records >"$TMP/undone.sql"
check "undo: the records are as after the first snapshot" cmp -s "$TMP/one-records.sql" "$TMP/undone.sql"
check "undo: what it deleted is in the history" test "$(sql "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM audit
	WHERE action = 'delete' ORDER BY kind)")" = "organization person role role"
imp --quiet --as-of 2024-06-01 "$D/sigs-2024.yaml" >/dev/null

# A term entered by hand is kept when the file no longer lists it.
sql "INSERT INTO roles(body_id, person_id, role, starts_on) SELECT b.id, p.id, 'member', '2020-01-01' FROM bodies b, people p
	WHERE b.slug = 'sig-node' AND p.name = 'Gina Park'"
out=$(imp --as-of 2024-09-01 "$D/sigs-2024.yaml")
check "a hand-entered term missing from the file is listed for review, not closed" \
	grep -q 'review: Gina Park, member of sig-node, from 2020-01-01: entered by hand' <<<"$out"
check "a hand-entered term stays open" test "$(term sig-node 'Gina Park' member)" = "|2020-01-01|"

# tags.yaml: explicit terms win, subprojects under their TAG, the TOC liaison.
out=$(imp --as-of 2025-08-01 "$D/tags.yaml")
check "tags.yaml: read as such" grep -q '^read as tags.yaml' <<<"$out"
check "tags.yaml: the term's dates are the file's" \
	test "$(term tag-security-and-compliance 'Ivy Mendes' chair)" = "Example Cloud Inc.|2025-07-01|2027-06-30"
check "tags.yaml: a subproject under its TAG" test "$(sql "SELECT p.slug || ' ' || b.kind FROM bodies b JOIN bodies p
	ON p.id = b.parent_id WHERE b.slug = 'security-assessments'")" = "tag-security-and-compliance tag_subproject"
check "tags.yaml: the TAG under the TOC" test "$(sql "SELECT p.slug FROM bodies b JOIN bodies p ON p.id = b.parent_id
	WHERE b.slug = 'tag-security-and-compliance'")" = toc
check "tags.yaml: a subproject lead" test "$(term security-assessments 'Mo Ahmed' lead)" = "Quux Systems|2025-08-01|"
check "tags.yaml: the TOC liaison" test "$(term tag-security-and-compliance 'Lena Toc' liaison)" = "|2025-08-01|"

# The TOC's README: seats with their types, the chair, an impossible end date kept open and listed.
out=$(imp --as-of 2025-08-01 "$D/toc-readme.md" 2>"$TMP/err")
check "TOC: read as such" grep -q '^read as TOC README' <<<"$out"
check "TOC: seat types from the brackets" test "$(sql "SELECT group_concat(seat_type, ' ') FROM (SELECT r.seat_type FROM roles r
	JOIN bodies b ON b.id = r.body_id WHERE b.slug = 'toc' AND r.role = 'seat' ORDER BY r.seat_type)")" = \
	"alternate end_user gb maintainer maintainer toc"
check "TOC: a seat's term as written (month first)" test "$(term toc 'Nora Ruiz' seat)" = "|2024-02-04|2026-02-04"
check "TOC: [TOC Chair] opens a chair term too" test "$(sql "SELECT count(*) FROM roles r JOIN bodies b ON b.id = r.body_id
	JOIN people p ON p.id = r.person_id WHERE b.slug = 'toc' AND r.role = 'chair' AND p.name = 'Lena Toc'")" = 1
check "TOC: the same person as the liaison (one Lena Toc)" test "$(sql "SELECT count(*) FROM people WHERE name = 'Lena Toc'")" = 1
check "TOC: an end before the start: the start kept, the end open" test "$(term toc 'Pia Holm' seat)" = "|2025-03-04|"
check "TOC: ... with a warning by line" grep -q 'toc-readme.md:12: warning: the end date is before the start date' "$TMP/err"
check "TOC: ... and listed for review" grep -q '1 to review' <<<"$out"
check "TOC: a shadow is a shadow, not a seat" test "$(term toc 'Sam Ito' shadow)" = "|2025-03-04|2026-03-04"
check "TOC: shadows and emeritus leads are not counted among an organization's roles" \
	test "$(sql "SELECT count(*) FROM org_figures f JOIN organizations o ON o.id = f.org_id WHERE f.toc_seats > 0")" = 0

# gitdm: affiliations from-until by GitHub handle, emails kept private, bad lines warned about.
out=$(imp "$D/developers_affiliations1.txt" 2>"$TMP/err")
check "gitdm: read as such" grep -q '^read as gitdm affiliations' <<<"$out"
check "gitdm: 4 spans with organizations" grep -q 'affiliations 4 new, 0 replaced, 0 unchanged' <<<"$out"
aff() {
	sql "SELECT o.name || '|' || coalesce(a.since, '') || '|' || coalesce(a.until, '') FROM affiliations a
	    JOIN people p ON p.id = a.person_id JOIN organizations o ON o.id = a.org_id WHERE p.github = '$1'
	    ORDER BY a.since IS NOT NULL, a.since" | paste -sd ' '
}
check "gitdm: spans by handle, matched to the sigs.yaml person" \
	test "$(aff alice-storage)" = "Quux Systems||2019-05-01 Example Cloud Inc.|2019-05-01|"
check "gitdm: \"Quux Systems, Inc.\" is Quux Systems" test "$(aff frank-o)" = "Zeta Labs|2016-01-01|2021-03-15 Quux Systems|2021-03-15|"
check "gitdm: the email ('!' for '@') kept on the person" test "$(sql "SELECT email FROM people WHERE github = 'frank-o'")" = frank@example.net
check "gitdm: nobody is made for a block without an organization" test "$(sql "SELECT count(*) FROM people WHERE github = 'newbie'")" = 0
check "gitdm: a line that is no block's head, by line" grep -q 'developers_affiliations1.txt:11: warning' "$TMP/err"
check "gitdm: a date that is not one, by line" grep -q 'developers_affiliations1.txt:14: warning' "$TMP/err"
out=$(imp --as-of 2024-12-01 "$D/sigs-2024.yaml")
check "a term without a company takes the affiliation at its start, once known" \
	test "$(term sig-node 'Frank Osei' tech-lead)" = "Quux Systems|2023-06-01|"
check "... reported as a change" grep -q 'changed: Frank Osei, tech-lead of sig-node, from 2023-06-01: the organization' <<<"$out"
printf 'bobk: bob!example.org\n\tQuux Systems from 2015-01-01\n' >"$TMP/developers_affiliations4.txt"
imp --quiet "$TMP/developers_affiliations4.txt" >/dev/null
check "gitdm: a login matches in any case (bobk is BobK), nobody new" \
	test "$(sql "SELECT count(*) || ' ' || group_concat(name) FROM people WHERE github LIKE 'bobk'")" = "1 Bob Keller"
check "gitdm: ... who gets the span" test "$(aff BobK)" = "Quux Systems|2015-01-01|"
dump >"$TMP/g1.sql"
imp --quiet "$D/developers_affiliations1.txt" >/dev/null 2>&1
dump >"$TMP/g2.sql"
check "gitdm: re-import is a no-op" cmp -s "$TMP/g1.sql" "$TMP/g2.sql"

# A hand-entered affiliation is kept; the file's spans are replaced by its next version.
sql "INSERT INTO affiliations(person_id, org_id, since, until) SELECT p.id, o.id, '2010-01-01', '2012-01-01' FROM people p,
	organizations o WHERE p.github = 'frank-o' AND o.name = 'Quux Systems'"
sed 's/Zeta Labs from 2016-01-01 until 2021-03-15/Zeta Labs from 2016-06-01 until 2021-03-15/' \
	"$D/developers_affiliations1.txt" >"$TMP/developers_affiliations1.txt"
out=$(imp "$TMP/developers_affiliations1.txt" 2>/dev/null)
check "gitdm: a changed span replaces the file's old one" \
	test "$(aff frank-o)" = "Quux Systems|2010-01-01|2012-01-01 Zeta Labs|2016-06-01|2021-03-15 Quux Systems|2021-03-15|"
check "gitdm: ... counted as such" grep -q 'affiliations 1 new, 1 replaced, 3 unchanged' <<<"$out"
run=$(sql "SELECT max(id) FROM import_runs")
imp --undo "$run" >/dev/null
check "gitdm: undo puts the old span back" \
	test "$(aff frank-o)" = "Quux Systems|2010-01-01|2012-01-01 Zeta Labs|2016-01-01|2021-03-15 Quux Systems|2021-03-15|"

# Appearances are credited from the affiliation on the session's date: new ones as they are made,
# those made before the affiliations were known on --recredit (a dry run first).
sql "INSERT INTO events(slug, name, starts_on, ends_on) VALUES ('kc-eu-2018', 'KubeCon EU 2018', '2018-05-02', '2018-05-04'),
	('kc-na-2023', 'KubeCon NA 2023', '2023-11-06', '2023-11-09');
	INSERT INTO sessions(event_id, title, starts_at) SELECT id, 'Volumes ' || slug, starts_on || 'T10:00:00Z' FROM events
	WHERE slug LIKE 'kc-%';
	INSERT INTO appearances(session_id, person_id) SELECT s.id, p.id FROM sessions s, people p
	WHERE s.title LIKE 'Volumes %' AND p.github IN ('alice-storage', 'carol-t')"
cred() { sql "SELECT coalesce(o.name, '') FROM appearances a JOIN sessions s ON s.id = a.session_id JOIN events e ON
	e.id = s.event_id JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id
	WHERE e.slug = '$1' AND p.github = '$2'"; }
check "a new appearance takes the affiliation of its date (2018)" test "$(cred kc-eu-2018 alice-storage)" = "Quux Systems"
check "a new appearance takes the affiliation of its date (2023)" test "$(cred kc-na-2023 alice-storage)" = "Example Cloud Inc."
check "an appearance before any affiliation has none" test "$(cred kc-eu-2018 carol-t)" = ""
printf 'carol-t: carol!example.org\n\tQuux Systems until 2020-01-01\n\tZeta Labs from 2020-01-01\n' \
	>"$TMP/developers_affiliations3.txt"
dump >"$TMP/c0.sql"
out=$(imp --dry-run --recredit "$TMP/developers_affiliations3.txt")
check "recredit: a dry run says what it would credit" grep -q '2 appearances credited' <<<"$out"
dump >"$TMP/c1.sql"
check "recredit: ... and writes nothing" cmp -s "$TMP/c0.sql" "$TMP/c1.sql"
out=$(imp --recredit "$TMP/developers_affiliations3.txt")
check "recredit: 2018 to the company of 2018" test "$(cred kc-eu-2018 carol-t)" = "Quux Systems"
check "recredit: 2023 to the company of 2023" test "$(cred kc-na-2023 carol-t)" = "Zeta Labs"
check "recredit: those credited before are kept" test "$(cred kc-eu-2018 alice-storage)" = "Quux Systems"
run=$(sql "SELECT max(id) FROM import_runs")
imp --undo "$run" >/dev/null
check "recredit: undo takes the credits back" test "$(cred kc-eu-2018 carol-t)" = ""
check "recredit: ... and the affiliations" test "$(sql "SELECT count(*) FROM affiliations a JOIN people p ON p.id = a.person_id
	WHERE p.github = 'carol-t'")" = 0

# Bad input: --strict refuses a file with warnings and writes nothing; --as-of must be a date.
dump >"$TMP/s0.sql"
check "--strict refuses a file with a warning" not imp --strict "$D/developers_affiliations1.txt"
check "--as-of must be a date" not imp --as-of 2025-02-30 "$D/tags.yaml"
check "a YAML file that is neither list is refused" not imp --format sigs-yaml "$D/toc-readme.md"
dump >"$TMP/s1.sql"
check "refused files change nothing" cmp -s "$TMP/s0.sql" "$TMP/s1.sql"

# A file's span overlapping a hand-entered affiliation with another organization is left out and listed.
sql "INSERT INTO affiliations(person_id, org_id, since, until) SELECT p.id, o.id, '2019-01-01', '2019-06-30' FROM people p,
	organizations o WHERE p.github = 'carol-t' AND o.name = 'Zeta Labs'"
out=$(imp "$TMP/developers_affiliations3.txt" 2>/dev/null)
check "gitdm: an overlap with a hand-entered row is a conflict, listed" \
	grep -q 'conflict: line 2: carol-t at Quux Systems from the start until 2020-01-01 overlaps an affiliation entered by hand' <<<"$out"
check "gitdm: ... counted" grep -q '1 conflict;' <<<"$out"
check "gitdm: ... the hand-entered row kept, the file's other span added" \
	test "$(aff carol-t)" = "Zeta Labs|2019-01-01|2019-06-30 Zeta Labs|2020-01-01|"

# Thousands of gitdm lines in seconds.
python3 tests/bench/gen_gitdm.py 1500 >"$TMP/developers_affiliations2.txt"
gen() { sql "SELECT generation FROM data_generations WHERE kind = 'affiliations'"; }
g0=$(gen)
t0=$(date +%s%N)
out=$(imp --quiet "$TMP/developers_affiliations2.txt" 2>/dev/null)
t1=$(date +%s%N)
check "gitdm: thousands of affiliations bump their generation once" test "$(($(gen) - g0))" = 1
check "gitdm: $(wc -l <"$TMP/developers_affiliations2.txt") lines in $(((t1 - t0) / 1000000)) ms" \
	test $(((t1 - t0) / 1000000)) -lt 20000
check "gitdm: most of 1500 people with spans" test "$(sql "SELECT count(DISTINCT person_id) FROM affiliations
	WHERE source = 'gitdm:developers_affiliations2.txt'")" -gt 1200

exit 0
