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

# The readers of other formats (README, Importing schedules): a KubeCon-sized Sched feed
# (gen_sched_ics.py: 600 sessions by 900 speakers), imported and imported again; then each reader
# alone (reader_mem.c) on 600 and 60,000 sessions: its peak memory must not grow with the file.
python3 tests/bench/gen_sched_ics.py 600 900 >"$DIR/sched.ics"
build/lectern migrate --db "$DIR/import-sched.db" >/dev/null 2>&1
measure sched build/lectern import --db "$DIR/import-sched.db" --quiet "$DIR/sched.ics"
measure sched-again build/lectern import --db "$DIR/import-sched.db" --quiet "$DIR/sched.ics"
cc -std=c17 -O2 -D_GNU_SOURCE -Iapp -I. -o build/reader_mem tests/bench/reader_mem.c build/liblectern.a \
	$(pkg-config --libs $(make -s --no-print-directory print-pkgs)) $(make -s --no-print-directory print-libs) -lpthread
: >"$DIR/readers.txt"
for n in 600 60000; do
	python3 tests/bench/gen_sched_ics.py "$n" "$n" >"$DIR/sched-$n.ics"
	python3 tests/bench/gen_formats.py "$n" "$DIR"
	for f in sched-ics:sched-$n.ics json:schedule-$n.json csv:sheet-$n.csv; do
		echo "${f%%:*} $(du -h "$DIR/${f#*:}" | cut -f1) $(build/reader_mem "${f%%:*}" "$DIR/${f#*:}")" >>"$DIR/readers.txt"
	done
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
	sched) label='`lectern import` of a KubeCon-sized Sched feed (600 sessions, 900 speakers)' ;;
	sched-again) label='`lectern import` of the same feed again (every session unchanged)' ;;
	esac
	ratio=$(awk -v a="$s" -v b="$xs" 'BEGIN{printf "%.1f", (b > 0 ? a / b : 0)}')
	case $name in sched*) ratio=- ;; esac	# (another format: xmllint does not read it)
	echo "| $label | $s | $(awk -v m="$m" 'BEGIN{printf "%.1f", m/1024}') | $ratio |"
done <"$DIR/import-times.txt"

echo
echo "Each reader alone, into a sink that keeps nothing (tests/bench/reader_mem.c):"
echo
echo "| reader | file | sessions | seconds | peak RSS MiB |"
echo "|---|---|---|---|---|"
while read -r fmt size n s kb; do
	echo "| $fmt | $size | $n | $s | $(awk -v m="$kb" 'BEGIN{printf "%.1f", m/1024}') |"
done <"$DIR/readers.txt"
