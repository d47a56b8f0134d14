#!/bin/bash
# make mutants: plant each bug of mutants/*.patch in turn into the series and
# check that the KUnit suites catch it (the run fails). The suites run on a
# kernel without KASAN, lockdep or kmemleak (faster, and the configuration
# of make bench, so both share $BUILD/nodebug: the leak check skips there);
# the benchmark suites are left out. A first run without any mutant must pass, or every
# mutant would look caught.
#
# Writes $BUILD/results/mutants.md (one row per mutant) and the log of each
# run in $BUILD/nodebug/logs/. A mutant counts as caught only if a test
# failed or the kernel crashed. Exits 1 if a mutant survives, does not apply
# or its run failed for another reason. Not part of make check: about a
# minute per mutant on 2 cores, plus one kernel build.
#
# A mutant file starts with "Mutant: what it plants" and may name, on a
# "Kernel-args:" line, the kernel arguments of the pass that can see it
# (panthor.kunit_noncoherent=1 for a missing DMA sync).
#
# usage: [BUILD=dir] scripts/mutants.sh [mutants/NN-name.patch ...]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
export BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/linux
wt=$BUILD/nodebug/linux
out=$BUILD/nodebug/kunit
res=$BUILD/results
logs=$BUILD/nodebug/logs
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}

"$top/scripts/install-deps.sh"
"$top/scripts/fetch-base.sh"
mkdir -p "$logs"
[ $# -gt 0 ] || set -- "$top"/mutants/*.patch

if [ "$(git -C "$wt" rev-parse --show-toplevel 2>/dev/null)" != "$wt" ]; then
	rm -rf "$wt"
	git -C "$tree" worktree prune
	git -C "$tree" worktree add -q --detach "$wt" base
fi
git -C "$wt" checkout -q -f --detach base
git -C "$wt" clean -q -fdx
"$top/scripts/apply-series.sh" "$wt" patches > /dev/null
tip=$(git -C "$wt" rev-parse HEAD)

# run_suites LOG [KERNEL_ARG...]: build (incrementally) and run every suite
# but the benchmarks; the suite glob "panthor_*[!h]" matches every suite
# name but panthor_sparse_bench. 0 if every test passed.
run_suites() {
	local log=$1 a kargs=()
	shift
	for a in "$@"; do kargs+=("--kernel_args=$a"); done
	PYTHONUNBUFFERED=1 "$wt/tools/testing/kunit/kunit.py" run \
		--arch=x86_64 --kunitconfig=drivers/gpu/drm/panthor/tests \
		--kconfig_add CONFIG_KASAN=n --kconfig_add CONFIG_PROVE_LOCKING=n \
		--kconfig_add CONFIG_DEBUG_LIST=n --kconfig_add CONFIG_DEBUG_KMEMLEAK=n \
		--build_dir="$out" --make_options="CC=ccache gcc" --jobs="$(nproc)" \
		--kernel_args=panic_on_warn=1 --kernel_args=panic=-1 "${kargs[@]}" \
		--qemu_args="-m 4096" --timeout=900 \
		'panthor_*[!h]' > "$log" 2>&1
}

start=$SECONDS
if ! run_suites "$logs/baseline.log"; then
	echo "error: the suites fail without any mutant: see $logs/baseline.log" >&2
	exit 1
fi
echo "baseline: every suite passes ($((SECONDS - start)) s)"

table=$logs/mutants.md
{
	echo "| mutant | bug planted | result | first failing test |"
	echo "|---|---|---|---|"
} > "$table"
caught=0 total=0 bad=0
for m in "$@"; do
	m=$(realpath "$m")	# git -C runs in the worktree
	name=$(basename "$m" .patch)
	what=$(sed -n 's/^Mutant: //p' "$m")
	total=$((total + 1))
	git -C "$wt" checkout -q -f "$tip"
	if ! git -C "$wt" apply -p0 "$m"; then
		result="does not apply"; first=""; bad=1
	# A "Kernel-args:" line: the pass that can see the bug, e.g. the
	# non-coherent device for a missing DMA sync.
	# shellcheck disable=SC2046
	elif run_suites "$logs/$name.log" $(sed -n 's/^Kernel-args: //p' "$m"); then
		result="**survived**"; first=""; bad=1
	else
		first=$(grep -m1 -E '\[FAILED\]|\[CRASHED\]|Kernel panic|not ok' \
			"$logs/$name.log" | sed 's/^\[[^]]*\] *//' | cut -c1-80 || true)
		if [ -n "$first" ]; then
			result=caught; caught=$((caught + 1))
		else
			result="**run failed, no test failure**"; bad=1
		fi
	fi
	echo "| $name | $what | $result | ${first//|/\\|} |" >> "$table"
	echo "$name: $result"
done
git -C "$wt" checkout -q -f "$tip"
echo "| | | $caught of $total caught | |" >> "$table"
mkdir -p "$res"
cp "$table" "$res/mutants.md"
cat "$table"
echo "mutants: $caught of $total caught in $((SECONDS - start)) s"
exit $bad
