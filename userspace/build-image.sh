#!/bin/bash
# Build the initramfs of the QEMU userspace check: the packages of
# userspace-amd64.conf (DL_DIR/used.debs of scripts/fetch-userspace.sh) extracted
# with dpkg-deb -x, less what the tests never use (docs, Python), plus
# userspace/init as /init, the list of IGT tests to run and the selftest
# binaries. Written as an uncompressed cpio archive.
#
# usage: userspace/build-image.sh DL_DIR OUT.cpio HOLD_MMAP_OFFSET SELFTEST...
#   HOLD_MMAP_OFFSET: userspace/hold-mmap-offset.c, built
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
dl=$(realpath "${1:?usage: build-image.sh DL_DIR OUT.cpio HOLD_MMAP_OFFSET SELFTEST...}")
out=$(realpath -m "${2:?usage: build-image.sh DL_DIR OUT.cpio HOLD_MMAP_OFFSET SELFTEST...}")
hold=$(realpath "${3:?usage: build-image.sh DL_DIR OUT.cpio HOLD_MMAP_OFFSET SELFTEST...}")
shift 3

root=$out.root
rm -rf "$root"
mkdir -p "$root"
while read -r deb; do
	dpkg-deb -x "$deb" "$root"
done < "$dl/used.debs"

# Debian's merged /usr (base-files is not in the image).
for d in bin sbin lib lib64; do
	[ -e "$root/$d" ] || ln -s "usr/$d" "$root/$d"
done
# busybox-static is static: list its applets on the host, link the missing.
for a in $("$root/usr/bin/busybox" --list); do
	[ -e "$root/usr/bin/$a" ] || ln -s busybox "$root/usr/bin/$a"
done
rm -rf "$root"/usr/share/{doc,man,info,locale,zoneinfo,i18n} \
	"$root"/usr/lib/python3* "$root"/usr/bin/python3* \
	"$root"/usr/lib/x86_64-linux-gnu/{gconv,libpython3*}
find "$root/usr/libexec/igt-gpu-tools" -mindepth 1 -maxdepth 1 ! -name panthor \
	-exec rm -rf {} +
mkdir -p "$root"/{proc,sys,dev,tmp,run} "$root/tests/selftests"

install -m 755 "$here/init" "$root/init"
install -m 755 "$hold" "$root/tests/hold-mmap-offset"
awk '!/^#/ && NF { print $1 }' "$here/igt-expected.txt" | uniq > "$root/tests/igt.list"
[ $# = 0 ] || install -m 755 "$@" "$root/tests/selftests/"

(cd "$root" && find . -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc --owner=0:0 --quiet) > "$out"
rm -rf "$root"
echo "$out: $(du -h "$out" | cut -f1)"
