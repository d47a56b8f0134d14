#!/bin/bash
# make export: write base..work of build/linux to patches/ with git
# format-patch, plus patches/series (the patches in order, not the cover
# letter). The commits whose subject ends in "(test-only)" (the virtual
# device) are the test-only patch set: they must be the last ones on work,
# and go to test-patches/ (same format, no cover letter), which the checks
# apply on top of the series and a distribution leaves out.
# Deterministic: exporting the same commits again gives no diff.
# Refuses to write an empty series over a non-empty one (fresh clone), and
# commits not authored and signed off by the identity of author.conf.
#
# The cover letter (patches/0000-cover-letter.patch) is generated, so its
# shortlog and diffstat are always right; its subject and body come from
# cover-letter.txt (first line: subject; blank line; body). Its From: is
# the series identity, its Date: that of the last commit.
#
# usage: [BUILD=dir] scripts/export.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/linux
out=$top/patches
test_out=$top/test-patches
cover=$top/cover-letter.txt

git -C "$tree" rev-parse -q --verify refs/tags/base >/dev/null ||
	{ echo "error: no tree at $tree; run 'make tree' first." >&2; exit 1; }
if [ -n "$(git -C "$tree" status --porcelain --untracked-files=no)" ]; then
	echo "warning: uncommitted changes in $tree are not exported." >&2
fi
if [ ! -f "$cover" ]; then
	cat > "$cover" <<-'END'
	drm/panthor: Sparse GPU mappings for Linux 6.12

	This series is being written. It adds sparse GPU mappings to Panthor on
	Linux 6.12 so that Mesa PanVK can implement Vulkan sparse resources with
	one VM_BIND operation; this text will describe the design, the base, the
	uAPI version decision and a changelog.
	END
	echo "created placeholder $cover"
fi

# A fresh clone's tree has work == base: exporting it would empty patches/.
if [ "$(git -C "$tree" rev-list --count base..work)" = 0 ] &&
   grep -q '[^[:space:]]' "$out/series" 2>/dev/null; then
	echo "error: branch work of $tree has no commits, but patches/series is" \
		"not empty; refusing to write an empty series. Run 'make tree' first." >&2
	exit 1
fi

# One identity for the whole series (author.conf).
. "$top/author.conf"
ident="$SERIES_AUTHOR_NAME <$SERIES_AUTHOR_EMAIL>"
bad=$(git -C "$tree" log --format='%h%x09%an <%ae>' base..work | awk -F'\t' -v id="$ident" '$2 != id')
for c in $(git -C "$tree" rev-list base..work); do
	git -C "$tree" log -1 --format=%B "$c" | grep -qxF "Signed-off-by: $ident" ||
		bad+=$'\n'"$(git -C "$tree" log -1 --format='%h (no Signed-off-by)' "$c")"
done
if [ -n "${bad//$'\n'/}" ]; then
	echo "error: commits not authored and signed off by $ident (author.conf):" >&2
	echo "$bad" | sed '/^$/d; s/^/  /' >&2
	echo "fix with: git rebase -x 'git commit --amend --no-edit --reset-author -s' base" >&2
	exit 1
fi

# The series ends at the last commit that is not test-only; every commit
# after it must be test-only.
series_tip=base
for c in $(git -C "$tree" rev-list --reverse base..work); do
	if git -C "$tree" log -1 --format=%s "$c" | grep -q '(test-only)$'; then
		test_only=${test_only:-$c}
	elif [ -n "${test_only:-}" ]; then
		echo "error: $(git -C "$tree" log -1 --format='%h %s' "$c") comes after the" \
			"test-only $(git -C "$tree" log -1 --format='%h' "$test_only"); move test-only commits last." >&2
		exit 1
	else
		series_tip=$c
	fi
done

mkdir -p "$out" "$test_out"
rm -f "$out"/*.patch "$test_out"/*.patch
: > "$out/series"
: > "$test_out/series"
git -C "$tree" update-ref refs/series/synced work	# see tree.sh
if [ "$series_tip" = base ]; then
	echo "no commits in base..work: patches/series is empty"
	exit 0
fi

# Fixed identity and date for the cover letter; no user or system git
# configuration (format.*, diff.*) can change the output.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_COMMITTER_NAME=$SERIES_AUTHOR_NAME GIT_COMMITTER_EMAIL=$SERIES_AUTHOR_EMAIL
GIT_COMMITTER_DATE=$(git -C "$tree" log -1 --format=%ad --date=raw "$series_tip")
export GIT_COMMITTER_DATE
# format-patch takes the cover letter's text from the description of the
# branch it formats: branch "series" of the tree is the series without the
# test-only patches, kept up to date here.
git -C "$tree" branch -f series "$series_tip"
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=branch.series.description
GIT_CONFIG_VALUE_0=$(cat "$cover")
export GIT_CONFIG_VALUE_0

git -C "$tree" format-patch -o "$out" --cover-letter \
	--cover-from-description=subject --zero-commit --no-signature --abbrev=12 \
	--base=base base..series |
	sed -n 's|.*/||; /^0000-cover-letter.patch$/!p' > "$out/series"
echo "exported $(wc -l < "$out/series") patches to $out"
if [ "$(git -C "$tree" rev-list --count "$series_tip..work")" != 0 ]; then
	git -C "$tree" format-patch -o "$test_out" --zero-commit --no-signature \
		--abbrev=12 "$series_tip..work" |
		sed 's|.*/||' > "$test_out/series"
fi
echo "exported $(wc -l < "$test_out/series") test-only patches to $test_out"
