# t71-search.sh: events, bodies and projects are found too; "quoted phrases", OR, c++ as written;
# results counted and grouped by kind; a typo ("kubernets", "zolotuski") still finds the record;
# the new indexes follow every change and lectern check checks them.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
sql "INSERT INTO sessions(event_id, title, kind, abstract, status) VALUES
	(6, 'Writing Envoy filters in C++', 'talk', 'Native extensions.', 'scheduled'),
	(6, 'Plan C for clusters', 'talk', 'When plan B fails too.', 'scheduled');"
start_server || exit 1
j() { http "$URL/search.json?$1"; }
has() { # has QUERY PYTHON-EXPRESSION over d, the JSON
	j "$1" | python3 -c "import json, sys; d = json.load(sys.stdin); sys.exit(0 if ($2) else 1)"
}
urls='[r["url"] for r in d["results"]]'

check "\"KubeCon Europe 2019\" finds the event" has 'q=KubeCon+Europe+2019' "'/events/kubecon-eu-2019' in $urls"
check "\"EnvoyCon\" finds the co-located events" has 'q=EnvoyCon' "d['counts']['event'] == 3"
check "\"TOC\" finds the Technical Oversight Committee" has 'q=TOC' "'/bodies/toc' in $urls"
check "a body by the words of its description" has 'q=best+practices' "'/bodies/end-user-dx-sig' in $urls"
check "a project, linked to the organization that contributed it" has 'q=Argo' \
	"any(r['kind'] == 'project' and r['title'] == 'Argo' and r['url'] == '/orgs/intuit' for r in d['results'])"
check "a quoted phrase matches its words in order" has 'q=%22cloudnativecon+europe%22+2019' \
	"'/events/kubecon-eu-2019' in $urls"
check "and not in another order" has 'q=%22europe+cloudnativecon%22' "d['total'] == 0"
check "OR: either word will do" has 'q=hermes+OR+quic' "'/sessions/12' in $urls and '/sessions/18' in $urls"
check "without it, both must match" has 'q=hermes+quic' "d['total'] == 0"
check "c++ finds C++" has 'q=c%2B%2B' "'/sessions/30' in $urls"
check "and not a lone C" has 'q=c%2B%2B' "'/sessions/31' not in $urls and d['total'] == 1"
check "c alone still finds the lone C" has 'q=c' "'/sessions/31' in $urls"
check "a count of each kind, the sum the total" has 'q=envoy' \
	"d['total'] == sum(d['counts'].values()) and d['counts']['session'] >= 5 and d['counts']['event'] == 3"
check "at most 5 of a kind on the page of every kind" has 'q=envoy' \
	"sum(r['kind'] == 'session' for r in d['results']) == 5"
check "all of one kind on its own page" has 'q=envoy&kind=session' \
	"len(d['results']) == d['counts']['session'] and all(r['kind'] == 'session' for r in d['results'])"
check "kubernets (a typo) finds Kubernetes" has 'q=kubernets' \
	"d['counts']['session'] > 0 and d['fixes'] == [{'typed': 'kubernets', 'searched': ['kubernetes']}]"
check "zolotuski finds Dave Zolotusky" has 'q=zolotuski' "'/people/dave-zolotusky' in $urls"
check "a word that is known is not corrected" has 'q=kubernetes' "d['fixes'] == []"
check "nor a short one (3 letters)" has 'q=zzq' "d['fixes'] == [] and d['total'] == 0"

page=$(http "$URL/search?q=envoy")
check "the page says how many of each kind" \
	grep -Eq '<p class="count" role="status">[0-9]+ results: [0-9]+ people, 3 events, 1 project, [0-9]+ sessions</p>' <<<"$page"
check "grouped under a heading per kind, with its count" grep -q '<h2 id="found-event">Events <span class="muted">(3)</span></h2>' <<<"$page"
check "with a link to all of a kind" grep -q 'href="/search?q=envoy&amp;kind=session">All [0-9]* sessions</a>' <<<"$page"
expect_body "one result: singular" '<p class="count" role="status">1 result: 1 body</p>' '/search?q=TOC'
expect_body "a typo is said so" 'No record has “zolotuski”; also searched for “zolotusky”' '/search?q=zolotuski'
expect_status "an unknown kind is refused" 400 '/search?q=envoy&kind=galaxy'

# The new indexes follow every change, and check checks them.
check "before, \"EnvoyCon 2021\" is found" has 'q=EnvoyCon+2021' "d['counts']['event'] == 1"
"$LECTERN" check --db "$DB" >"$TMP/check.out" 2>&1
check "lectern check passes" test $? = 0
sql "UPDATE events SET name = 'QuicCon 2022' WHERE slug = 'envoycon-2021';
	UPDATE bodies SET description = 'Sets the zymurgy agenda.' WHERE slug = 'governing-board';
	DELETE FROM projects WHERE slug = 'argo';"
check "a renamed event is found by its new name" has 'q=QuicCon' "'/events/envoycon-2021' in $urls"
check "and no longer by its old one" has 'q=EnvoyCon+2021' "d['counts']['event'] == 0"
check "a body by its new description" has 'q=zymurgy' "'/bodies/governing-board' in $urls"
check "a deleted project is gone" has 'q=Argo' "d['counts']['project'] == 0"
check "the indexes agree with their tables after the changes" fts_agrees "$DB"
"$LECTERN" check --db "$DB" >"$TMP/check.out" 2>&1
check "and check agrees" test $? = 0
sql "INSERT INTO events_fts(events_fts, rowid, name, series, city, country) VALUES ('delete', 1,
	'KubeCon + CloudNativeCon Europe 2018', 'KubeCon + CloudNativeCon Europe', 'Copenhagen', 'Denmark')"
"$LECTERN" check --db "$DB" >"$TMP/check.out" 2>&1
rc=$?
check "an event missing from its index is a problem for check (status $rc)" test $rc != 0
check "named as such" grep -q 'events not indexed' "$TMP/check.out"
echo "1..$n"
