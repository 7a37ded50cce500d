#!/usr/bin/env bash
# run.sh: runs every test, normal and sanitizer builds, and sums their TAP lines.
# Each test program prints "ok N - what" or "not ok N - what"; the last line is
# "N passed, N failed", and the exit status is non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
export NO_PROXY='*' no_proxy='*'
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export CMOCKA_MESSAGE_OUTPUT=TAP
mkdir -p build/test-logs
pass=0 fail=0

# run NAME CMD...: runs one test program, prints its failures, counts its results.
run() {
	local name=$1 log p f rc
	shift
	log="build/test-logs/$(echo "$name" | tr '/ ' '__').log"
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# a crash or sanitizer report with no TAP failure still fails
		echo "not ok - $name exited with status $rc"
	fi
	pass=$((pass + p)) fail=$((fail + f))
	printf '%-44s %4d passed, %d failed\n' "$name" "$p" "$f"
	if [ "$f" -gt 0 ]; then
		grep -E '^not ok |^#|ERROR|runtime error|Sanitizer' "$log" | head -n 30 | sed 's/^/    /'
	fi
}

for t in tests/lint/*.py; do run "lint $(basename "$t")" python3 "$t"; done
for t in build/tests/test_*; do run "unit $(basename "$t")" "$t"; done
for t in build/asan/tests/test_*; do run "unit+asan $(basename "$t")" "$t"; done
for t in tests/e2e/t*.sh; do
	run "e2e $(basename "$t")" env LECTERN=build/lectern bash "$t"
	run "e2e+asan $(basename "$t")" env LECTERN=build/asan/lectern bash "$t"
done
if [ -x /usr/bin/chromium ] && [ -d tests/browser/node_modules/playwright-core ]; then
	for t in tests/browser/t*.mjs; do run "browser $(basename "$t")" node "$t"; done
else
	echo "not ok - browser tests: chromium or playwright-core missing (make deps)"
	fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
