#!/bin/bash
# Build the KUnit kernel of a source tree and run its tests under QEMU x86_64.
# The one place for the kunit.py options; used by "make" and "make check".
# The test config is drivers/gpu/drm/panthor/tests/.kunitconfig of the tree.
#
# Writes $BUILD/results/kunit.json (results), kunit.log (kunit.py output)
# and kunit-console.log (the raw console of the test kernel, for the
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

rc=0
PYTHONUNBUFFERED=1 "$src/tools/testing/kunit/kunit.py" run \
	--arch=x86_64 \
	--kunitconfig="$kunitconfig" \
	--build_dir="$out" \
	--make_options="CC=ccache gcc" \
	--jobs="$(nproc)" \
	--kernel_args=panic_on_warn=1 \
	--kernel_args=panic=-1 \
	--qemu_args="-m 4096" \
	--timeout=900 \
	--json="$res/kunit.json" 2>&1 | tee "$res/kunit.log" || rc=$?
cp "$out/test.log" "$res/kunit-console.log" 2>/dev/null || true
# A lockdep, KASAN, UBSAN or kmemleak report fails the run even when every
# test passed (kunit-summary.py names them too).
if [ -f "$res/kunit-console.log" ] &&
   ! "$top/scripts/console-reports.sh" "$res/kunit-console.log" > "$res/kunit-reports.txt"; then
	echo "error: kernel reports in the test kernel's console:"
	cat "$res/kunit-reports.txt"
	rc=1
fi
exit $rc
