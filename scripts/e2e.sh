#!/bin/bash
# make e2e: what a user does on a board, end to end, in Debian 13 arm64
# under qemu-system-aarch64 (TCG). Not part of make check (it is slow).
#  1. builds the .deb (scripts/dkms-package.sh);
#  2. downloads and verifies the pinned packages: e2e-arm64.conf (the root
#     file system) and the trixie kernel of debian-arm64.conf (image,
#     headers, kbuild; its version is read from that file at run time);
#  3. root file system, cached in $BUILD/e2e/rootfs.img and built again
#     only when its inputs change: debootstrap --foreign (minbase) from a
#     local repository of exactly the pinned .debs, an ext4 image of it,
#     and the second stage (e2e/stage2.sh) in QEMU: debootstrap's, then
#     apt installs dkms, gcc 14, make, the kernel and its headers;
#  4. boots Debian's kernel on a copy-on-write view of that image (the
#     image itself stays as built) with an initramfs of busybox and kmod
#     (e2e/initrd-init), and runs e2e/test.sh as init: apt install of the
#     package (postinst, DKMS build by Debian's gcc 14, MOK signing),
#     modprobe, panthor-sparse-info, the package's sources with
#     test-patches/ (scripts/uapi-test-sources.sh) built in the guest and
#     loaded with vdev=1, panthor-sparse-info and the kselftest (built in
#     the guest) on it, apt remove;
#  5. scans the console for kernel reports.
# Console: $BUILD/results/e2e-console.log (test), e2e-stage2-console.log
# (root file system); results, one line per step with PASS/FAIL and its
# time: e2e-results.txt; the packages of the guest: e2e-versions.txt.
# Exits non-zero if a step failed.
#
# usage: [BUILD=dir] scripts/e2e.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
export BUILD
# E2E_DIR, E2E_RESULTS and E2E_KERNEL_CONF (the pins of the kernel) are
# for trying another kernel beside the cached image of the usual one.
work=${E2E_DIR:-$BUILD/e2e}
dl=$work/dl
res=${E2E_RESULTS:-$BUILD/results}
kconf=${E2E_KERNEL_CONF:-$top/debian-arm64.conf}
results=$res/e2e-results.txt
mkdir -p "$dl" "$res"
work=$(realpath "$work") dl=$(realpath "$dl") res=$(realpath "$res")
chmod 755 "$work" "$dl"	# apt's _apt user writes here
: > "$results"
failed=0

say() { printf '\n== %s\n' "$*"; }
# result NAME PASS|FAIL SECONDS [NOTE]: one line of e2e-results.txt
result() {
	printf '%-4s %-22s %5ss  %s\n' "$2" "$1" "$3" "${4:-}" | tee -a "$results"
	[ "$2" = PASS ] || failed=1
}
# hstep NAME FUNCTION: a host step, timed; a failure ends the run.
hstep() {
	local t0=$SECONDS rc=0
	say "$1"
	( set -e; "$2" ) || rc=$?
	if [ $rc = 0 ]; then
		result "$1" PASS $((SECONDS - t0))
	else
		result "$1" FAIL $((SECONDS - t0))
		finish
	fi
}
finish() {
	printf '%-4s %-22s %5ss  %s\n' "" total $SECONDS "make e2e, kernel ${kver:-?}" >> "$results"
	echo
	echo "e2e results ($results):"
	cat "$results"
	exit $failed
}

for t in debootstrap apt-ftparchive mke2fs qemu-system-aarch64 cpio; do
	command -v $t > /dev/null || missing="${missing:-} $t"
done
if [ -n "${missing:-}" ]; then
	[ "$(id -u)" = 0 ] || { echo "error: missing$missing (install debootstrap apt-utils e2fsprogs qemu-system-arm cpio)"; exit 1; }
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		debootstrap apt-utils e2fsprogs qemu-system-arm cpio debian-archive-keyring
fi

# --- pins ------------------------------------------------------------------
# The kernel: the trixie linux-image-*-arm64-unsigned line of
# debian-arm64.conf, and its headers and kbuild from the same file.
conf() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$1"; }
image_pin=$(conf "$kconf" | awk '$1 == "trixie" && $2 ~ /^linux-image-.*-arm64-unsigned$/')
[ -n "$image_pin" ] || { echo "error: no trixie linux-image-*-arm64-unsigned in debian-arm64.conf"; exit 1; }
kver=$(echo "$image_pin" | awk '{print $2}' | sed -e 's/^linux-image-//' -e 's/-unsigned$//')
kpkgver=$(echo "$image_pin" | awk '{print $3}')
kup=${kver%%+*}		# 6.12.117
# pins.txt: "package version sha256" of everything the guest gets.
pins_txt() {
	conf "$kconf" |
		awk -v k="$kup" '$1 == "trixie" && $2 ~ ("^linux-(image|headers|kbuild)-" k) {print $2, $3, $4}'
	conf "$top/e2e-arm64.conf" | awk -v v="$kpkgver" '$1 != "linux-headers-arm64" || $2 == v {print $1, $2, $4}'
}
pins_txt | sort > "$work/pins.txt"
grep -q "^linux-headers-arm64 $kpkgver " "$work/pins.txt" || {
	echo "error: e2e-arm64.conf has no linux-headers-arm64 $kpkgver (the kernel of debian-arm64.conf): run scripts/e2e-pins.sh"
	exit 1; }
# deb PACKAGE: the verified .deb of a pinned package
deb() { ls "$dl/$1_$(awk -v p="$1" '$1 == p {sub(/:/, "%3a", $2); print $2}' "$work/pins.txt")_"*.deb; }

fetch() {
	local pkg ver sha f missing=() bad=0
	while read -r pkg ver sha; do
		f=$(ls "$dl/${pkg}_${ver/:/%3a}_"*.deb 2>/dev/null || true)
		[ -n "$f" ] && echo "$sha  $f" | sha256sum -c --status || missing+=("$pkg=$ver")
	done < "$work/pins.txt"
	if [ ${#missing[@]} != 0 ]; then
		. "$top/scripts/pins.sh"
		private_apt "$BUILD/apt-e2e" arm64 trixie trixie-updates trixie-security
		echo "downloading ${#missing[@]} packages from $DEBIAN_MIRROR"
		private_apt_update
		(cd "$dl" && apt-get download -qq "${missing[@]}") || {
			echo "error: a pinned version is not in the archive any more: run scripts/e2e-pins.sh"
			return 1; }
	fi
	while read -r pkg ver sha; do
		f=$(ls "$dl/${pkg}_${ver/:/%3a}_"*.deb 2>/dev/null || true)
		[ -n "$f" ] && echo "$sha  $f" | sha256sum -c --quiet ||
			{ echo "error: $pkg $ver does not match its pin"; rm -f "$f"; bad=1; }
	done < "$work/pins.txt"
	[ $bad = 0 ]
	echo "$(wc -l < "$work/pins.txt") pinned packages for $kver, sha256 checked"
}

# --- initramfs -------------------------------------------------------------
# initramfs OUT PAYLOAD-DIR: busybox, kmod and the modules that mounting
# /dev/vda needs, from the pinned packages; PAYLOAD-DIR becomes /e2e.
initramfs() {
	local out=$1 payload=$2 ir=$work/initramfs img=$work/image m p
	rm -rf "$ir"
	mkdir -p "$ir"
	if [ ! -d "$img/usr/lib/modules/$kver" ]; then
		rm -rf "$img"
		dpkg-deb -x "$(deb "linux-image-$kver-unsigned")" "$img"
		depmod -b "$img/usr" "$kver"
	fi
	for p in busybox-static kmod libkmod2 libc6 libssl3t64 liblzma5 zlib1g libzstd1; do
		dpkg-deb -x "$(deb "$p")" "$ir"
	done
	rm -rf "$ir/usr/share" "$ir/usr/lib/aarch64-linux-gnu/gconv" "$ir/etc"
	for p in bin sbin lib; do ln -s usr/$p "$ir/$p"; done	# merged /usr
	mkdir -p "$ir"/{dev,proc,sys,tmp,newroot}
	m=$img/usr/lib/modules/$kver
	for p in $(modprobe -d "$img/usr" -S "$kver" --show-depends -a virtio_blk ext4 virtio_rng |
			awk '$1 == "insmod" {print $2}'); do
		p=${p#"$img"/usr/lib/modules/$kver/}
		mkdir -p "$ir/usr/lib/modules/$kver/$(dirname "$p")"
		cp "$m/$p" "$ir/usr/lib/modules/$kver/$p"
	done
	cp "$m"/modules.order "$m"/modules.builtin "$m"/modules.builtin.modinfo "$ir/usr/lib/modules/$kver/"
	depmod -b "$ir/usr" "$kver"
	for p in sh mount umount cat sed sleep mkdir rm cp switch_root poweroff; do
		ln -s busybox "$ir/usr/bin/$p"
	done
	cp "$top/e2e/initrd-init" "$ir/init"
	cp -r "$payload" "$ir/e2e"
	(cd "$ir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) > "$out"
	cp "$img/boot/vmlinuz-$kver" "$work/vmlinuz"
}

# qemu CONSOLE DRIVE-OPTIONS INITRD INIT TIMEOUT
qemu() {
	local con=$1 drive=$2 initrd=$3 init=$4 tmo=$5 rc=0
	timeout "$tmo" nice -n 10 qemu-system-aarch64 -machine virt -cpu cortex-a72 -smp 2 -m 3072 \
		-nographic -no-reboot -kernel "$work/vmlinuz" -initrd "$initrd" \
		-drive "if=none,id=root,format=raw,$drive" -device virtio-blk-pci,drive=root \
		-device virtio-rng-pci \
		-append "console=ttyAMA0 panic=-1 rdinit=/init e2e.init=$init" \
		< /dev/null > "$con" 2>&1 || rc=$?
	tr -d '\r' < "$con" > "$con.tmp" && mv "$con.tmp" "$con"
	return $rc
}

# --- rootfs ----------------------------------------------------------------
# Cached: rootfs.img is re-used while rootfs.key (the pins, stage2.sh and
# this section of the script) is unchanged.
rootfs_key() {
	{ cat "$work/pins.txt" "$top/e2e/stage2.sh"
	  sed -n '/^# --- rootfs/,/^# --- end of rootfs/p' "$0"; } | sha256sum | cut -c1-16
}
rootfs() {
	local key repo=$work/repo s1=$work/stage1 img=$work/rootfs.img con=$res/e2e-stage2-console.log p
	key=$(rootfs_key)
	if [ -f "$img" ] && [ "$(cat "$work/rootfs.key" 2>/dev/null)" = "$key" ]; then
		echo "cached: $img (key $key)"
		return 0
	fi
	rm -f "$img" "$work/rootfs.key"
	# A local repository of exactly the pinned .debs for debootstrap.
	rm -rf "$repo"
	mkdir -p "$repo/pool" "$repo/dists/trixie/main/binary-arm64"
	while read -r p _; do ln "$(deb "$p")" "$repo/pool/"; done < "$work/pins.txt"
	(cd "$repo" && env -u APT_CONFIG apt-ftparchive packages pool > dists/trixie/main/binary-arm64/Packages)
	env -u APT_CONFIG apt-ftparchive -o APT::FTPArchive::Release::Suite=trixie \
		-o APT::FTPArchive::Release::Codename=trixie -o APT::FTPArchive::Release::Architectures=arm64 \
		-o APT::FTPArchive::Release::Components=main release "$repo/dists/trixie" > "$work/Release"
	mv "$work/Release" "$repo/dists/trixie/Release"
	rm -rf "$s1"
	echo "debootstrap --foreign (minbase) from $(wc -l < "$work/pins.txt") pinned packages"
	nice -n 10 debootstrap --foreign --arch=arm64 --variant=minbase --no-check-gpg \
		trixie "$s1" "file://$repo" > "$work/debootstrap.log" 2>&1 ||
		{ tail -30 "$work/debootstrap.log"; return 1; }
	mkdir -p "$s1/var/cache/e2e-debs"
	cp "$repo"/pool/*.deb "$s1/var/cache/e2e-debs/"
	# 8 GiB, sparse; mke2fs copies the tree with owners and modes.
	nice -n 10 mke2fs -q -t ext4 -L e2e-root -d "$s1" "$img.tmp" 8G
	rm -rf "$s1"
	mkdir -p "$work/payload-stage2"
	cp "$top/e2e/stage2.sh" "$work/payload-stage2/"
	initramfs "$work/initrd-stage2.gz" "$work/payload-stage2"
	echo "second stage in QEMU (console: $con)"
	qemu "$con" "file=$img.tmp,cache=unsafe" "$work/initrd-stage2.gz" /e2e-run/stage2.sh 5400 ||
		{ tail -40 "$con"; echo "QEMU failed or timed out"; return 1; }
	grep '^@@ stage2' "$con"
	grep -q '^@@ stage2 ok' "$con" || { tail -60 "$con"; return 1; }
	mv "$img.tmp" "$img"
	echo "$key" > "$work/rootfs.key"
	du -h --apparent-size "$img"; du -h "$img"
}
# --- end of rootfs ---------------------------------------------------------

say "e2e: kernel $kver (debian-arm64.conf)"
t0=$SECONDS
deb_path=$("$top/scripts/dkms-package.sh")
version=$(basename "$deb_path" | sed -E 's/^panthor-sparse-dkms_(.*)_all\.deb$/\1/')
result package PASS $((SECONDS - t0)) "panthor-sparse-dkms $version"
hstep fetch fetch
hstep rootfs rootfs

# --- the test ----------------------------------------------------------------
con=$res/e2e-console.log
say "test: boot $kver on the root file system, e2e/test.sh as init (console: $con)"
rm -rf "$work/payload-test"
mkdir -p "$work/payload-test"
cp "$top/e2e/test.sh" "$deb_path" "$work/payload-test/"
# The virtual-device build of the package's sources and the selftest.
rm -rf "$work/pkg"
dpkg-deb -x "$deb_path" "$work/pkg"
"$top/scripts/uapi-test-sources.sh" "$work/pkg/usr/src/panthor-sparse-$version" \
	"$work/payload-test/uapi-test"
printf 'VERSION=%s\nKVER=%s\n' "$version" "$kver" > "$work/payload-test/env"
initramfs "$work/initrd-test.gz" "$work/payload-test"
t0=$SECONDS
rc=0
# snapshot=on: the guest's writes go to a temporary overlay, the cached
# image stays as built.
qemu "$con" "file=$work/rootfs.img,snapshot=on" "$work/initrd-test.gz" /e2e-run/test.sh 3600 || rc=$?
boot_time=$((SECONDS - t0))
grep '^@@ ' "$con" | grep -v '^@@ pkg ' || true
{
	echo "# Packages of the make e2e guest (dpkg-query in the guest), kernel $kver"
	sed -n 's/^@@ pkg //p' "$con"
} > "$res/e2e-versions.txt"
if [ $rc != 0 ] || ! grep -qx '@@ done' "$con"; then
	result boot FAIL $boot_time "QEMU rc $rc, the guest did not finish (see $con)"
else
	result boot PASS $boot_time "QEMU, $(grep -c '^@@ step ' "$con") steps in the guest"
fi
grep -qx "@@ uname $kver" "$con" || result kernel FAIL 0 "the guest did not run $kver"
# Each step's line names what it saw: the guest's "@@ KEY: VALUE" lines
# of these keys (all of them when the step failed).
declare -A keys=([install]="dkms-status" [compiler]="compiler vermagic"
	[filename]="modinfo-filename" [mok]="signature" [modprobe]="sys-version"
	[info]="info-rc" [vdev-build]="vdev-compiler" [uapi]="mmu-info map-sparse selftest"
	[remove]="dkms-status modinfo-filename sys-version")
for s in install compiler filename mok modprobe info vdev-build uapi remove; do
	line=$(grep "^@@ step $s " "$con" || true)
	if [ -z "$line" ]; then
		result "$s" FAIL 0 "did not run"
		continue
	fi
	set -- $line
	seen=$(sed -n "/^@@ begin $s\$/,/^@@ step $s /p" "$con" | sed -n 's/^@@ \([a-z-]*\): \(.*\)/\1 \2/p')
	[ "$4" = PASS ] && seen=$(echo "$seen" | awk -v k=" ${keys[$s]} " 'index(k, " " $1 " ")')
	result "$s" "$4" "$5" "$(echo "$seen" | sed 's/ *$//; s/^\([^ ]*\) */\1=/' | paste -sd ';' | sed 's/;/; /g')"
done
# Kernel reports: anywhere on the console, and in the guest's dmesg.
sed -n '/^@@ dmesg-begin/,/^@@ dmesg-end/p' "$con" > "$work/dmesg.txt"
t0=$SECONDS
reports=$( { "$top/scripts/console-reports.sh" "$con" || true;
	grep -nE 'WARNING|\<BUG\>|Oops|Call trace|Kernel panic' "$work/dmesg.txt" || true; } )
if [ -n "$reports" ]; then
	echo "$reports"
	result kernel-reports FAIL $((SECONDS - t0)) "$(echo "$reports" | wc -l) lines (see above)"
else
	result kernel-reports PASS $((SECONDS - t0)) "console and dmesg clean"
fi
finish
