#!/usr/bin/env bash
# run.sh: `make fuzz` — builds every tests/fuzz/fuzz_*.c (or only FUZZ_ONLY=fuzz_NAME) with libFuzzer,
# ASan and UBSan against the library sources, and runs each for FUZZ_SECONDS (default 60) from its
# seed corpus (tests/fuzz/seeds/NAME/) and dictionary (tests/fuzz/NAME.dict). A crash leaves its
# input in build/fuzz/; turn it into a regression test.
set -eu
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
PKGS=$(make -s --no-print-directory print-pkgs)
LIBS_EXTRA=$(make -s --no-print-directory print-libs)
make -s build/gen/schema_gen.c build/gen/assets_gen.c build/gen/demo_gen.c
mkdir -p build/fuzz
src=$(ls app/*.c app/*/*.c import/*.c 2>/dev/null | grep -v -e app/main.c)
flags="-std=c17 -D_DEFAULT_SOURCE -D_GNU_SOURCE -g -O1 -Iapp -I. -Ibuild/gen $(pkg-config --cflags $PKGS)"
san="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
targets=$(ls tests/fuzz/${FUZZ_ONLY:-fuzz_*}.c)
status=0
for f in $targets; do
	name=$(basename "$f" .c)
	echo "fuzz: building $name"
	# shellcheck disable=SC2086
	clang $flags $san -o "build/fuzz/$name" "$f" $src build/gen/schema_gen.c build/gen/assets_gen.c build/gen/demo_gen.c \
		$(pkg-config --libs $PKGS) $LIBS_EXTRA -lpthread
	corpus=build/fuzz/corpus-$name
	mkdir -p "$corpus"
	[ -d "tests/fuzz/seeds/$name" ] && cp -n tests/fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null || true
	dict=
	[ -f "tests/fuzz/$name.dict" ] && dict=-dict=../../tests/fuzz/$name.dict
	echo "fuzz: running $name for ${SECONDS_EACH}s"
	if ! (cd build/fuzz && "./$name" -max_total_time="$SECONDS_EACH" -max_len=65536 $dict \
		-print_final_stats=1 "corpus-$name" >"$name.log" 2>&1); then
		echo "fuzz: $name FAILED; see build/fuzz/$name.log and the crash-* file beside it"
		tail -n 30 "build/fuzz/$name.log"
		status=1
	else
		grep -E 'stat::number_of_executed_units|cov:' "build/fuzz/$name.log" | tail -n 2
	fi
done
exit $status
