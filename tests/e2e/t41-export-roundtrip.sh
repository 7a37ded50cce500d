# t41-export-roundtrip.sh: schedule.xml is re-importable: import Lectern's own export into a fresh
# database and export again; the two files are the same apart from the generator element.
. "$(dirname "$0")/lib.sh"
"$LECTERN" migrate --db "$DB" >/dev/null 2>&1
sql <tests/data/export-fixture.sql
XSD=tests/data/schedule.xml.xsd

# The exporter's half, always: stable output, ordered, valid.
for ev in kubecon-eu-2019 envoycon-2019 kubecon-na-2019; do
	"$LECTERN" export schedule --db "$DB" --event "$ev" >"$TMP/$ev.xml"
	check "$ev exports" test -s "$TMP/$ev.xml"
	check "$ev validates" xmllint --noout --schema "$XSD" "$TMP/$ev.xml" 2>/dev/null
	"$LECTERN" export schedule --db "$DB" --event "$ev" >"$TMP/$ev.again.xml"
	check "$ev exports identically twice" cmp -s "$TMP/$ev.xml" "$TMP/$ev.again.xml"
done
# Reordering the rows on disk does not change the file.
sql "CREATE TABLE s2 AS SELECT * FROM appearances ORDER BY id DESC; DELETE FROM appearances;
INSERT INTO appearances SELECT * FROM s2 ORDER BY id DESC; DROP TABLE s2;"
"$LECTERN" export schedule --db "$DB" --event kubecon-eu-2019 >"$TMP/reordered.xml"
check "insertion order does not matter" cmp -s "$TMP/kubecon-eu-2019.xml" "$TMP/reordered.xml"

# The importer's half: into a fresh database and out again.
for ev in kubecon-eu-2019 kubecon-na-2019; do
	fresh=$TMP/fresh-$ev.db
	"$LECTERN" migrate --db "$fresh" >/dev/null 2>&1
	if "$LECTERN" import --db "$fresh" "$TMP/$ev.xml" >"$TMP/import.out" 2>&1; then
		ok "$ev imports into a fresh database"
	else
		not_ok "$ev imports into a fresh database: $(head -n 1 "$TMP/import.out")"
	fi
	"$LECTERN" export schedule --db "$fresh" --event "$ev" >"$TMP/$ev.round.xml" 2>/dev/null
	check "$ev round trip gives the same file (apart from the generator)" \
		diff <(grep -v '<generator' "$TMP/$ev.xml") <(grep -v '<generator' "$TMP/$ev.round.xml")
done
echo "1..$n"
