#!/bin/bash
# Sources of the uAPI test run in Debian's arm64 kernel, for the dkms check
# (built on this machine) and make e2e (built in the guest):
#   OUT/module    the package's sources (PKGSRC, /usr/src/panthor-sparse-V of
#                 the .deb) with test-patches/ applied and its Kbuild set for
#                 CONFIG_DRM_PANTHOR_VDEV: built as the package is (make -C
#                 HEADERS M=OUT/module), panthor.ko has the test-only virtual
#                 device (loaded with vdev=1);
#   OUT/selftest  the series' kselftest (tools/testing/selftests/drm/panthor)
#                 with the kselftest headers and the series' uAPI headers;
#                 build: cc -O2 -Wall -std=gnu11 -isystem OUT/selftest/include
#                 OUT/selftest/tools/testing/selftests/drm/panthor/panthor_sparse_test.c
#
# usage: [BUILD=dir] scripts/uapi-test-sources.sh PKGSRC OUT
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
pkgsrc=$(realpath "${1:?usage: uapi-test-sources.sh PKGSRC OUT}")
out=$(realpath -m "${2:?usage: uapi-test-sources.sh PKGSRC OUT}")
list() { "$top/scripts/series-list.sh" "$1"; }

rm -rf "$out"
mkdir -p "$out/selftest/include/drm"
cp -r "$pkgsrc" "$out/module"
# The package holds drivers/gpu/drm/panthor/ as panthor/: strip
# a/drivers/gpu/drm/. The trees are git repositories of their own so that
# git apply works on them even though $BUILD lies inside this repository.
git -C "$out/module" init -q
for p in $(list test-patches); do
	git -C "$out/module" apply -p4 "$top/test-patches/$p"
done
rm -rf "$out/module/.git"
# The option, which no Debian kernel's autoconf.h has, for this build only.
cat >> "$out/module/panthor/Kbuild" <<-'END'
	# Test build (scripts/uapi-test-sources.sh): the test-only virtual device.
	CONFIG_DRM_PANTHOR_VDEV := y
	ccflags-y += -DCONFIG_DRM_PANTHOR_VDEV
END

# The selftest: base's kselftest headers and drm uAPI, with the series.
st=tools/testing/selftests
git -C "$BUILD/linux" archive base "$st/kselftest.h" "$st/kselftest_harness.h" \
	include/uapi/drm/drm.h include/uapi/drm/drm_mode.h include/uapi/drm/panthor_drm.h |
	tar -x -C "$out/selftest"
git -C "$out/selftest" init -q
for p in $(list patches); do
	git -C "$out/selftest" apply --include="$st/drm/panthor/*" --include='include/uapi/drm/*' \
		"$top/patches/$p"
done
rm -rf "$out/selftest/.git"
# Without the kernel-only annotations, as make headers_install does.
for h in "$out/selftest/include/uapi/drm/"*.h; do
	sed -E 's/(^|[[:space:](])(__user|__force|__iomem)([[:space:]])/\1\3/g' "$h" \
		> "$out/selftest/include/drm/${h##*/}"
done
rm -rf "$out/selftest/include/uapi"
[ -f "$out/selftest/$st/drm/panthor/panthor_sparse_test.c" ] ||
	{ echo "error: the series has no $st/drm/panthor/panthor_sparse_test.c" >&2; exit 1; }
grep -qx 'config DRM_PANTHOR_VDEV' "$out/module/panthor/Kconfig" ||
	{ echo "error: test-patches/ did not add CONFIG_DRM_PANTHOR_VDEV" >&2; exit 1; }
