# t22-html-valid.sh: every page parses as HTML5 without a single parse error (html5lib, strict).
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
make_user admin admin 'admin-password-4242'
start_server || exit 1
valid() { /usr/bin/python3 tests/e2e/html_check.py "$1"; }
for p in / /orgs /orgs/spotify /people /people/maria-lindqvist /events /events/kubecon-eu-2019 \
	/events/envoycon-2019 "/events/kubecon-eu-2019?view=grid" /sessions/5 /bodies /bodies/toc "/search?q=backstage" "/search?q=zzzzqq" /search \
	/login /no/such/page "/orgs?page=0"; do
	check "$p is valid HTML5" sh -c "curl -s --noproxy '*' '$URL$p' | /usr/bin/python3 tests/e2e/html_check.py '$p'"
done
login staff 'staff-password-42' >/dev/null
login admin 'admin-password-4242' >/dev/null
for p in /orgs/new /orgs/spotify/edit /people/dave-zolotusky/edit /sessions/new /sessions/5/edit /events/kubecon-eu-2019/edit \
	/roles/new /affiliations/new /projects/new /bodies/toc/edit /history /orgs/spotify/history /people/dave-zolotusky/merge /me; do
	check "$p (staff) is valid HTML5" sh -c "curl -s --noproxy '*' -b '$TMP/jar-staff' '$URL$p' | /usr/bin/python3 tests/e2e/html_check.py '$p'"
done
check "/admin/users is valid HTML5" sh -c "curl -s --noproxy '*' -b '$TMP/jar-admin' '$URL/admin/users' | /usr/bin/python3 tests/e2e/html_check.py /admin/users"
