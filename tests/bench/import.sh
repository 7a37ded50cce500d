#!/usr/bin/env bash
# import.sh DB: importing the generated registry as schedules (gen_schedule.py: the same data as DB,
# one frab schedule.xml per event), beside two references measured in the same run:
#   - libxml2's own streaming parse of the same files (`xmllint --stream --noout`): reading them;
#   - sqlite3 replaying the rows the import wrote, as INSERT statements into the same schema:
#     writing them.
# Then peak memory importing one schedule of 6,000, 20,000 and 60,000 sessions (synth_schedule.py):
# it must not grow with the file. Prints markdown on standard output. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
SRC=${1:?usage: import.sh GENERATED.db}
DIR=${BENCH_DIR:-build/bench}
mkdir -p "$DIR"
rm -rf "$DIR/schedules" "$DIR"/import*.db* "$DIR"/replay*.db*
python3 tests/bench/gen_schedule.py "$SRC" "$DIR/schedules" 2>"$DIR/gen.txt"
files=("$DIR"/schedules/*.xml)

# measure LABEL COMMAND...: appends "LABEL seconds peak-KiB" to $DIR/import-times.txt.
measure() {
	local label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$DIR/time.txt" "$@" >/dev/null 2>"$DIR/measure.err" ||
		{ echo "import.sh: $label failed:" >&2; cat "$DIR/measure.err" >&2; exit 1; }
	echo "$label $(cat "$DIR/time.txt")" >>"$DIR/import-times.txt"
}
: >"$DIR/import-times.txt"
build/lectern migrate --db "$DIR/import.db" >/dev/null 2>&1
measure xmllint xmllint --stream --noout "${files[@]}"
measure import build/lectern import --db "$DIR/import.db" --quiet "${files[@]}"
measure reimport build/lectern import --db "$DIR/import.db" --quiet "${files[@]}"

# The rows the import wrote, replayed by sqlite3 into a fresh database of the same schema.
build/lectern migrate --db "$DIR/replay.db" >/dev/null 2>&1
{
	echo "PRAGMA foreign_keys = ON; BEGIN;"
	for t in events organizations people sessions appearances import_runs source_keys import_changes; do
		# Stored columns only (sessions has a generated one).
		cols=$(sqlite3 "$DIR/import.db" "SELECT group_concat(name, ',') FROM pragma_table_info('$t')")
		sqlite3 "$DIR/import.db" ".mode insert $t" "SELECT $cols FROM $t"
	done
	echo "COMMIT;"
} >"$DIR/replay.sql"
measure replay sqlite3 "$DIR/replay.db" ".read $DIR/replay.sql"

# Memory against the size of one schedule.
for n in 6000 20000 60000; do
	python3 tests/bench/synth_schedule.py "$n" $((n / 2)) >"$DIR/one-$n.xml"
	build/lectern migrate --db "$DIR/import-$n.db" >/dev/null 2>&1
	measure "one-$n" build/lectern import --db "$DIR/import-$n.db" --quiet "$DIR/one-$n.xml"
done

sessions=$(sqlite3 "$DIR/import.db" 'SELECT count(*) FROM sessions')
echo
echo "Import of the generated registry as schedules: $(cat "$DIR/gen.txt"), $(du -ch "${files[@]}" | tail -n 1 | cut -f1);"
echo "$sessions sessions, $(sqlite3 "$DIR/import.db" 'SELECT count(*) FROM people') people and" \
	"$(sqlite3 "$DIR/import.db" 'SELECT count(*) FROM appearances') appearances written ($(date -u +%F))."
echo
echo "| | seconds | peak RSS MiB | ratio to xmllint |"
echo "|---|---|---|---|"
read -r _ xs _ < <(grep '^xmllint ' "$DIR/import-times.txt")
while read -r name s m; do
	case $name in
	xmllint) label='`xmllint --stream --noout`, the same files (reading them)' ;;
	import) label='`lectern import` into an empty database' ;;
	reimport) label='`lectern import` again (every session unchanged)' ;;
	replay) label='`sqlite3` replaying the rows the import wrote (writing them)' ;;
	one-*) label="\`lectern import\`, one schedule of ${name#one-} sessions" ;;
	esac
	echo "| $label | $s | $(awk -v m="$m" 'BEGIN{printf "%.1f", m/1024}') | $(awk -v a="$s" -v b="$xs" 'BEGIN{printf "%.1f", (b > 0 ? a / b : 0)}') |"
done <"$DIR/import-times.txt"
