#!/bin/bash
# The userspace check of make check: real userspace drives the uAPI of the
# series on the virtual Panthor device (CONFIG_DRM_PANTHOR_VDEV), without a
# GPU. Boots the KUnit kernel (its .kunitconfig enables the virtual device,
# an initramfs and devtmpfs) under QEMU x86_64 (TCG) with panthor.vdev=1 and
# kunit.enable=0, on an initramfs made of Debian sid packages pinned in
# userspace-amd64.conf, and runs there Debian's IGT Panthor tests and the
# panthor selftest of the series (tools/testing/selftests/drm/panthor, built
# against the tree's uAPI headers).
#
# Writes to $BUILD/results/: userspace-console.log (the guest console),
# userspace-results.txt (one line per IGT subtest and selftest case, checked
# against userspace/igt-expected.txt). Fails on any unexpected result and
# on any kernel WARNING, BUG, KASAN or lockdep report (panic_on_warn=1).
#
# usage: [BUILD=dir] scripts/userspace.sh SOURCE_TREE KUNIT_BUILD_DIR
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
export BUILD=$(realpath -m "${BUILD:-$top/build}")
src=$(realpath "${1:?usage: userspace.sh SOURCE_TREE KUNIT_BUILD_DIR}")
kbuild=$(realpath "${2:?usage: userspace.sh SOURCE_TREE KUNIT_BUILD_DIR}")
work=$BUILD/userspace
res=$BUILD/results
selftest=tools/testing/selftests/drm/panthor
timeout=${USERSPACE_TIMEOUT:-1200}	# seconds; KASAN + lockdep under TCG

mkdir -p "$work" "$res"
grep -qx 'CONFIG_DRM_PANTHOR_VDEV=y' "$kbuild/.config" ||
	{ echo "error: $kbuild/.config has no CONFIG_DRM_PANTHOR_VDEV=y" >&2; exit 1; }
[ -f "$src/$selftest/Makefile" ] || { echo "error: $src has no $selftest" >&2; exit 1; }

"$top/scripts/fetch-userspace.sh"

# The selftest, against the uAPI headers of the tree.
make -s -C "$src" O="$work/headers" ARCH=x86_64 headers
rm -rf "$work/selftests"
mkdir -p "$work/selftests"
make -s -C "$src/$selftest" OUTPUT="$work/selftests" \
	KHDR_INCLUDES="-isystem $work/headers/usr/include"

gcc -Wall -Werror -O2 -isystem "$work/headers/usr/include" \
	-o "$work/hold-mmap-offset" "$top/userspace/hold-mmap-offset.c"

"$top/userspace/build-image.sh" "$BUILD/dl-userspace" "$work/initramfs.cpio" \
	"$work/hold-mmap-offset" "$work"/selftests/*_test

echo "booting $kbuild/arch/x86/boot/bzImage (timeout ${timeout}s)"
rc=0
timeout "$timeout" qemu-system-x86_64 -nodefaults -nographic -no-reboot \
	-m 4096 -bios qboot.rom -serial stdio \
	-kernel "$kbuild/arch/x86/boot/bzImage" -initrd "$work/initramfs.cpio" \
	-append "console=ttyS0 kunit.enable=0 panthor.vdev=1 panic_on_warn=1 panic=-1" \
	< /dev/null > "$res/userspace-console.log" 2>&1 || rc=$?
[ $rc = 0 ] || echo "qemu exited with $rc (124: timeout)"

"$top/scripts/userspace-results.py" "$res/userspace-console.log" \
	"$top/userspace/igt-expected.txt" > "$res/userspace-results.txt" || rc=1
cat "$res/userspace-results.txt"
echo "kernel reports in the console (scripts/console-reports.sh):"
"$top/scripts/console-reports.sh" "$res/userspace-console.log" || rc=1
exit $rc
