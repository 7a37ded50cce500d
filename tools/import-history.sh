#!/bin/sh
# import-history.sh: a governance file's git history into the registry, one snapshot a commit.
#
#   tools/import-history.sh [--since DATE] REPO FILE [lectern import options: --db DB ...]
#
# Walks `git log -- FILE` in REPO oldest first and imports each version of FILE with
# `lectern import --as-of DATE`, DATE being the commit's (committer) date: a role listed from one
# version on opens a term then, one that a later version drops closes then, so that the history
# yields each person's terms. Versions dated before --since are skipped (the ones a previous walk
# imported: lectern refuses a snapshot older than the latest of its file). A version lectern
# refuses is reported and the walk goes on; the exit status is then 1.
# It runs git, so it is a tool beside the server, not part of it.
set -eu
LECTERN=${LECTERN:-$(dirname "$0")/../build/lectern}
since=
if [ "${1:-}" = --since ]; then
	since=$2
	shift 2
fi
if [ $# -lt 2 ]; then
	echo "usage: import-history.sh [--since DATE] REPO FILE [lectern import options]" >&2
	exit 2
fi
repo=$1 file=$2
shift 2
git -C "$repo" rev-parse --git-dir >/dev/null || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The version keeps the file's name: gitdm's rows are keyed by it, and the format is sniffed anyway.
copy=$tmp/$(basename "$file")
git -C "$repo" log --reverse --format='%H %cs' -- "$file" >"$tmp/versions"
failed=0 last= n=0
while read -r commit day; do
	# A commit dated before its parent (a rebase, a clock) takes the date reached so far.
	[ -n "$last" ] && [ "$day" \< "$last" ] && day=$last
	last=$day
	[ -n "$since" ] && [ "$day" \< "$since" ] && continue
	if ! git -C "$repo" show "$commit:$file" >"$copy" 2>/dev/null; then
		echo "import-history: $commit: $file deleted or moved, skipped" >&2
		continue
	fi
	n=$((n + 1))
	echo "import-history: $commit of $day"
	if ! "$LECTERN" import --quiet --as-of "$day" "$@" "$copy"; then
		echo "import-history: $commit: refused, the walk goes on" >&2
		failed=1
	fi
done <"$tmp/versions"
echo "import-history: $n versions of $file"
exit $failed
