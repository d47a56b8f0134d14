#!/bin/bash
# make bench: the benchmark suites (panthor_bind_bench, panthor_sparse_bench)
# at full size (panthor.bench_full=1, up to 64 GiB) on kernels without KASAN,
# lockdep or DEBUG_LIST, before and after the series:
#   tip     base + patches/series, in $BUILD/nodebug (shared with make mutants)
#   before  base + the first two patches (MMU init split, KUnit harness: no
#           driver change yet), in $BUILD/nodebug-before; runs the bind rows,
#           with the tip's test configuration
#   mainline  Debian's linux-source-7.3 (mainline.conf) + bench-mainline/ (the
#           same fake device and rows, ported), in $BUILD/mainline/linux
#           (checked out detached: commit and export your changes there
#           first) and $BUILD/mainline/kunit; runs both suites, with the
#           tip's test configuration
# Writes $BUILD/results/bench.md (scripts/bench-table.py), prints it and the
# wall time. The console logs are in $BUILD/results/bench-{tip,before,mainline}.log.
# Not part of make check.
#
# BENCH_SERIES=COMMIT measures a commit of $BUILD/linux (base..COMMIT is the
# series) instead of patches/, e.g. a branch not exported yet.
#
# usage: [BUILD=dir] [BENCH_SERIES=commit] scripts/bench.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
export BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/linux
res=$BUILD/results
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}
start=$SECONDS

"$top/scripts/install-deps.sh"
"$top/scripts/fetch-base.sh"
"$top/scripts/fetch-mainline.sh"
mkdir -p "$res"

# worktree DIR COMMIT: DIR/linux, a clean detached worktree of $tree at COMMIT.
worktree() {
	local wt=$1/linux
	if [ "$(git -C "$wt" rev-parse --show-toplevel 2>/dev/null)" != "$wt" ]; then
		rm -rf "$wt"
		git -C "$tree" worktree prune
		git -C "$tree" worktree add -q --detach "$wt" "$2"
	fi
	git -C "$wt" checkout -q -f --detach "$2"
	git -C "$wt" clean -q -fdx
}

if [ -n "${BENCH_SERIES:-}" ]; then
	worktree "$BUILD/nodebug" "$BENCH_SERIES"
else
	worktree "$BUILD/nodebug" base
	"$top/scripts/apply-series.sh" "$BUILD/nodebug/linux" patches > /dev/null
fi
tip=$(git -C "$BUILD/nodebug/linux" rev-parse HEAD)
before=$(git -C "$tree" rev-list --reverse base.."$tip" | sed -n 2p)
case $(git -C "$tree" log -1 --format=%s "$before") in
*"KUnit harness"*) ;;
*) echo "error: patch 2 of the series is not the KUnit harness" >&2; exit 1 ;;
esac
worktree "$BUILD/nodebug-before" "$before"

mtree=$BUILD/mainline/linux
if [ -n "$(git -C "$mtree" status --porcelain)" ]; then
	echo "error: $mtree has uncommitted changes; commit them (and export to bench-mainline/)" >&2
	exit 1
fi
git -C "$mtree" checkout -q -f --detach base
"$top/scripts/apply-series.sh" "$mtree" bench-mainline > /dev/null

# Both kernels get the tip's test configuration, so that the comparison is of
# the driver only: patch 2's .kunitconfig lacks options later patches added
# (THP, tmpfs, ...). Options patch 2 does not know (none today) are left out
# of the "before" kernel.
# The mainline kernel gets it too.
kc=drivers/gpu/drm/panthor/tests/.kunitconfig
# known_options TREE: the lines of the tip's .kunitconfig whose symbol TREE knows.
known_options() {
	local line sym
	while read -r line; do
		case $line in
		CONFIG_*=*) sym=${line%%=*}; sym=${sym#CONFIG_} ;;
		*) continue ;;
		esac
		if git -C "$1" grep -q -E "^(menu)?config $sym\$" -- '*Kconfig*'; then
			echo "$line"
		fi
	done < "$BUILD/nodebug/linux/$kc"
}
before_kc=$BUILD/nodebug-before/bench.kunitconfig
known_options "$BUILD/nodebug-before/linux" > "$before_kc"
mainline_kc=$BUILD/mainline/bench.kunitconfig
known_options "$mtree" > "$mainline_kc"

# Guest time is QEMU's instruction count (-icount): one guest instruction is
# one nanosecond of the guest's clock, and an idle guest jumps to its next
# timer (sleep=off). A row then costs what the guest executes, whatever else
# the host runs: the figures repeat from run to run, and the three kernels
# compare on the same scale. TCG models no cache nor memory latency either way.
icount="-icount shift=0,sleep=off"

# run NAME DIR KUNITCONFIG SUITES: build DIR/kunit from DIR/linux
# (non-debug), run the suites, console in $res/bench-NAME.log.
run() {
	local rc=0
	echo "bench: $1: building and running $4 ($(git -C "$2/linux" log -1 --format='%h %s'))"
	PYTHONUNBUFFERED=1 "$2/linux/tools/testing/kunit/kunit.py" run \
		--arch=x86_64 --kunitconfig="$3" \
		--kconfig_add CONFIG_KASAN=n --kconfig_add CONFIG_PROVE_LOCKING=n \
		--kconfig_add CONFIG_DEBUG_LIST=n --kconfig_add CONFIG_DEBUG_KMEMLEAK=n \
		--build_dir="$2/kunit" --make_options="CC=ccache gcc" --jobs="$(nproc)" \
		--kernel_args=panic_on_warn=1 --kernel_args=panic=-1 \
		--kernel_args=panthor.bench_full=1 \
		--qemu_args="-m 4096 $icount" --timeout=3600 \
		"$4" > "$res/bench-$1.kunit.log" 2>&1 || rc=$?
	cp "$2/kunit/test.log" "$res/bench-$1.log"
	if [ $rc -ne 0 ]; then
		echo "error: the $1 benchmarks failed: see $res/bench-$1.kunit.log" >&2
		exit 1
	fi
}

run before "$BUILD/nodebug-before" "$before_kc" panthor_bind_bench
run tip "$BUILD/nodebug" "$(dirname "$kc")" 'panthor_*_bench'
run mainline "$BUILD/mainline" "$mainline_kc" 'panthor_*_bench'

"$top/scripts/bench-table.py" --before "$res/bench-before.log" --tip "$res/bench-tip.log" \
	--mainline "$res/bench-mainline.log" \
	--mainline-version "$(git -C "$mtree" log -1 --format=%s base | sed 's/^Debian //')" \
	--before-commit "$(git -C "$tree" log -1 --format='%h %s' "$before")" \
	--tip-commit "$(git -C "$tree" log -1 --format='%h %s' "$tip")" \
	--config "$BUILD/nodebug/kunit/.config" \
	--mainline-config "$BUILD/mainline/kunit/.config" \
	--config-diff "$(comm -13 <(grep ^CONFIG_ "$BUILD/nodebug-before/kunit/.config" | sort) \
		<(grep ^CONFIG_ "$BUILD/nodebug/kunit/.config" | sort) | tr '\n' ' ')" \
	> "$res/bench.md"
cat "$res/bench.md"
echo "bench: $res/bench.md, wall time $((SECONDS - start)) s"
