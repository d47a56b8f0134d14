#!/bin/bash
# Build the KUnit kernel of a source tree and run its tests under QEMU x86_64.
# The one place for the kunit.py options; used by "make" and "make check".
# The test config is drivers/gpu/drm/panthor/tests/.kunitconfig of the tree.
#
# Runs the suites twice: on a coherent fake device (kunit.*) and on a
# non-coherent one (kunit-noncoherent.*). Writes, for each, in
# $BUILD/results/: NAME.json (results), NAME.log (kunit.py output) and
# NAME-console.log (the raw console of the test kernel, for the
# bench:/demo: lines that kunit-summary.py prints).
#
# panic_on_warn=1: a WARN fails the run at once; any other report in the
# console (lockdep, KASAN, UBSAN, ...: scripts/console-reports.sh) fails it
# after the run;
# panic=-1: the panicked kernel reboots, which ends QEMU (-no-reboot) at once
# instead of leaving kunit.py waiting for its --timeout.
#
# usage: [BUILD=dir] scripts/kunit.sh SOURCE_TREE [BUILD_DIR]
#   BUILD_DIR: kunit.py's build directory, $BUILD/kunit by default. Give
#   each source tree its own: the objects of one tree are useless to another
#   (paths differ, so neither make nor ccache can reuse them).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
src=$(realpath "${1:?usage: kunit.sh SOURCE_TREE [BUILD_DIR]}")
out=$(realpath -m "${2:-$BUILD/kunit}")
kunitconfig=drivers/gpu/drm/panthor/tests
res=$BUILD/results
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}	# see check.sh

[ -f "$src/$kunitconfig/.kunitconfig" ] ||
	{ echo "error: $src has no $kunitconfig/.kunitconfig" >&2; exit 1; }
mkdir -p "$res"
rm -f "$res/kunit.json" "$res/kunit-console.log" "$out/test.log"

# kunit.py MODE NAME [ARGS]: build (run) or reuse (exec) the kernel, boot it,
# results in $res/NAME.json, console in $res/NAME-console.log. A lockdep,
# KASAN, UBSAN or kmemleak report fails the run even when every test passed
# (kunit-summary.py names them too).
kunit() {
	local mode=$1 name=$2 rc=0
	shift 2
	rm -f "$res/$name.json" "$res/$name-console.log" "$out/test.log"
	PYTHONUNBUFFERED=1 "$src/tools/testing/kunit/kunit.py" "$mode" \
		--arch=x86_64 \
		--kunitconfig="$kunitconfig" \
		--build_dir="$out" \
		--kernel_args=panic_on_warn=1 \
		--kernel_args=panic=-1 \
		--qemu_args="-m 4096" \
		--timeout=900 \
		--json="$res/$name.json" "$@" 2>&1 | tee "$res/$name.log" || rc=$?
	cp "$out/test.log" "$res/$name-console.log" 2>/dev/null || true
	if [ -f "$res/$name-console.log" ] &&
	   ! "$top/scripts/console-reports.sh" "$res/$name-console.log" > "$res/$name-reports.txt"; then
		echo "error: kernel reports in the test kernel's console ($name):"
		cat "$res/$name-reports.txt"
		rc=1
	fi
	return $rc
}

rc=0
kunit run kunit --make_options="CC=ccache gcc" --jobs="$(nproc)" || rc=$?
# The same kernel again, on a fake device that is not I/O coherent (as the
# Mali GPUs of most SoCs): io-pgtable then maps and syncs its tables for DMA.
kunit exec kunit-noncoherent --kernel_args=panthor.kunit_noncoherent=1 || rc=$?
exit $rc
