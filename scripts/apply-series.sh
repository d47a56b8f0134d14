#!/bin/bash
# Apply patches/series, then test-patches/series (the test-only patches:
# the virtual device), with git am on the current HEAD of a git tree.
# No fuzz, no 3-way merge: a patch must apply exactly. The committer is the
# series identity (author.conf) and its date is the author date, so the
# resulting commits are reproducible.
#
# usage: scripts/apply-series.sh TREE [DIR...]   (default DIRs: patches test-patches)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:?usage: apply-series.sh TREE [DIR...]}
shift
[ $# -gt 0 ] || set -- patches test-patches

# shellcheck source=../author.conf
. "$top/author.conf"
export GIT_COMMITTER_NAME=$SERIES_AUTHOR_NAME GIT_COMMITTER_EMAIL=$SERIES_AUTHOR_EMAIL
for dir in "$@"; do
	n=0
	for p in $("$top/scripts/series-list.sh" "$dir"); do
		if ! out=$(git -C "$tree" am -q --no-3way --no-gpg-sign \
				--committer-date-is-author-date "$top/$dir/$p" 2>&1); then
			git -C "$tree" am --abort 2>/dev/null || true
			echo "$out" | grep -E '^(error|warning|Patch failed)' >&2 || true
			echo "error: $dir/$p does not apply (git am, no fuzz) on" \
				"$(git -C "$tree" log -1 --format='%h %s')" >&2
			exit 1
		fi
		n=$((n + 1))
	done
	echo "applied $n patches of $dir/"
done
