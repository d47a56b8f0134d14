#!/bin/bash
# Export branch work of $BUILD/mainline/linux (base..work: the bench-only
# port of the KUnit harness and benchmark suites to Debian's 7.3, see
# mainline.conf) to bench-mainline/ as git format-patch output plus a
# series file, which make bench applies with scripts/apply-series.sh.
# Deterministic, as make export is. Never part of the series.
#
# usage: [BUILD=dir] scripts/export-bench-mainline.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/mainline/linux
out=$top/bench-mainline

[ "$(git -C "$tree" rev-list --count base..work)" != 0 ] ||
	{ echo "error: $tree: branch work has no commit over base" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/*.patch
git -C "$tree" format-patch -o "$out" --zero-commit --no-signature --abbrev=12 \
	--base=base base..work | sed 's|.*/||' > "$out/series"
echo "exported $(wc -l < "$out/series") patches to $out"
