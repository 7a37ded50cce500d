#!/usr/bin/env bash
# run.sh: runs every benchmark in tests/bench (make bench); not part of make test.
set -u
cd "$(dirname "$0")/../.."
make -s build/lectern || exit 1
for b in tests/bench/*.sh; do
	[ "$b" = tests/bench/run.sh ] && continue
	echo "== $(basename "$b")"
	bash "$b"
done
