#!/usr/bin/env bash
# gov.sh: importing gitdm's affiliations (gen_gitdm.py: a developers_affiliations file in gitdm's shape),
# 10,000 people (about the size of one of gitdm's real files) and 40,000, into an empty database and again
# (every span unchanged); peak memory must not grow with the file. Beside `grep -c` over the same file
# (reading it). Prints markdown on standard output. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
DIR=${BENCH_DIR:-build/bench}
mkdir -p "$DIR"
: >"$DIR/gov-times.txt"
measure() {
	local label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$DIR/time.txt" "$@" >/dev/null 2>"$DIR/measure.err" ||
		{ echo "gov.sh: $label failed:" >&2; cat "$DIR/measure.err" >&2; exit 1; }
	echo "$label $(cat "$DIR/time.txt")" >>"$DIR/gov-times.txt"
}
for n in 10000 40000; do
	f=$DIR/developers_affiliations-$n.txt
	python3 tests/bench/gen_gitdm.py "$n" >"$f"
	rm -f "$DIR/gov-$n.db"*
	build/lectern migrate --db "$DIR/gov-$n.db" >/dev/null 2>&1
	measure "grep-$n" grep -c . "$f"
	measure "import-$n" build/lectern import --db "$DIR/gov-$n.db" --quiet "$f"
	measure "again-$n" build/lectern import --db "$DIR/gov-$n.db" --quiet "$f"
	echo "$n $(du -h "$f" | cut -f1) $(wc -l <"$f") $(sqlite3 "$DIR/gov-$n.db" 'SELECT count(*) FROM affiliations')" \
		>>"$DIR/gov-files.txt.$$"
done
echo
echo "Import of gitdm affiliations (tests/bench/gen_gitdm.py, $(date -u +%F)):"
echo
while read -r n size lines rows; do
	echo "- $n people: $size, $lines lines, $rows affiliations written"
done <"$DIR/gov-files.txt.$$"
rm -f "$DIR/gov-files.txt.$$"
echo
echo "| | seconds | peak RSS MiB |"
echo "|---|---|---|"
while read -r name s m; do
	case $name in
	grep-*) label="\`grep -c .\`, ${name#grep-} people (reading the file)" ;;
	import-*) label="\`lectern import\`, ${name#import-} people, into an empty database" ;;
	again-*) label="\`lectern import\` again, ${name#again-} people (every span unchanged)" ;;
	esac
	echo "| $label | $s | $(awk -v m="$m" 'BEGIN{printf "%.1f", m/1024}') |"
done <"$DIR/gov-times.txt"
