#!/bin/bash
# make tree: fetch the base, then rebuild branch "work" of build/linux as
# base + patches/series (git am, no fuzz).
#
# Commits on "work" that were never exported are not thrown away silently:
# the script refuses unless FORCE=1 (the old branch is then kept as work-old).
# refs/series/synced records the last commit known to equal patches/ (set
# here and by export.sh).
#
# usage: [BUILD=dir] [FORCE=1] scripts/tree.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
export BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/linux

"$top/scripts/fetch-base.sh"
cd "$tree"

if [ -n "$(git status --porcelain)" ]; then
	git status --short | head -20 >&2
	echo "error: $tree has uncommitted changes; commit or stash them first." >&2
	exit 1
fi
work=$(git rev-parse -q --verify refs/heads/work || true)
synced=$(git rev-parse -q --verify refs/series/synced || true)
if [ -n "$work" ] && [ "$work" != "$(git rev-parse base)" ] && [ "$work" != "$synced" ]; then
	if [ "${FORCE:-0}" != 1 ]; then
		echo "error: branch work ($(git log -1 --format='%h %s' "$work")) has commits" \
			"that were not exported to patches/." >&2
		echo "Run 'make export' first, or 'make tree FORCE=1' to discard them" \
			"(kept as branch work-old)." >&2
		exit 1
	fi
	git branch -f work-old "$work"
	echo "note: previous work kept as branch work-old ($(git rev-parse --short "$work"))"
fi

git checkout -q -B work base
# Commits made in the tree carry the series identity (author.conf).
. "$top/author.conf"
git config user.name "$SERIES_AUTHOR_NAME"
git config user.email "$SERIES_AUTHOR_EMAIL"
"$top/scripts/apply-series.sh" "$tree"
git update-ref refs/series/synced HEAD
