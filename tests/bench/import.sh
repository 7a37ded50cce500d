#!/usr/bin/env bash
# import.sh: importing a generated schedule (SESSIONS sessions, SPEAKERS speakers) beside libxml2's own
# streaming parse of the same file (`xmllint --stream --noout`, the floor), with peak memory of each.
# Prints a markdown table on standard output. Not part of make test.
set -eu
cd "$(dirname "$0")/../.."
SESSIONS=${SESSIONS:-100000}
SPEAKERS=${SPEAKERS:-50000}
DIR=${BENCH_DIR:-build/bench}
mkdir -p "$DIR"
X=$DIR/schedule-$SESSIONS.xml
[ -f "$X" ] || python3 tests/bench/gen_schedule.py "$SESSIONS" "$SPEAKERS" >"$X"
rm -f "$DIR/import.db"*
build/lectern migrate --db "$DIR/import.db" >/dev/null 2>&1
measure() {	# label command...: prints "label seconds peak-KiB"
	local label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$DIR/time.txt" "$@" >/dev/null 2>&1
	printf '%s %s\n' "$label" "$(cat "$DIR/time.txt")"
}
xl=$(measure xmllint xmllint --stream --noout "$X")
im=$(measure import build/lectern import --db "$DIR/import.db" --quiet "$X")
re=$(measure reimport build/lectern import --db "$DIR/import.db" --quiet "$X")
echo
echo "Import of a generated schedule: $SESSIONS sessions, $SPEAKERS speakers, $(du -h "$X" | cut -f1) ($(date -u +%F))"
echo
echo "| | seconds | peak RSS MiB | ratio to xmllint |"
echo "|---|---|---|---|"
read -r _ xs xm <<<"$xl"
for r in "$xl" "$im" "$re"; do
	read -r name s m <<<"$r"
	case $name in
	xmllint) label='`xmllint --stream --noout` (the floor)' ;;
	import) label='`lectern import` into an empty database' ;;
	reimport) label='`lectern import` again (every session unchanged)' ;;
	esac
	echo "| $label | $s | $(awk -v m="$m" 'BEGIN{printf "%.1f", m/1024}') | $(awk -v a="$s" -v b="$xs" 'BEGIN{printf "%.1f", (b > 0 ? a / b : 0)}') |"
done
