#!/bin/bash
# The dkms check of make check: the panthor-sparse-dkms package works on
# Debian's real 6.12 arm64 kernels. With the packages pinned in
# debian-arm64.conf (downloaded once into $BUILD/dl-arm64) it
#  1. builds the .deb (scripts/dkms-package.sh), runs lintian on it (no
#     error or warning: scripts/lintian-check.sh) and takes its /usr/src tree;
#  2. builds x86_64 kbuild tools (fixdep, modpost, genksyms) from the base
#     in $BUILD/dkms/hostscripts: the headers' own are arm64 binaries;
#  3. per suite (trixie, bookworm): builds panthor.ko against the headers
#     with make; modpost must resolve every symbol, each import must carry
#     the CRC of the headers' Module.symvers, the package's uAPI header must
#     be the one compiled, the vermagic must be the kernel's;
#  4. trixie: `dkms build` of the package's dkms.conf, in a private DKMS
#     tree; a 6.1 kernel must be refused (BUILD_EXCLUSIVE_KERNEL);
#  5. compiles panthor-sparse-info (gcc and aarch64 gcc, -Wall -Werror);
#  6. builds the package's sources with test-patches/ (the test-only
#     virtual device) the same way, and the series' kselftest for arm64;
#  7. boots Debian's arm64 kernel in qemu-system-aarch64 (TCG) with an
#     initramfs of busybox, kmod, panthor's modules from the kernel package
#     and the DKMS-built panthor.ko in updates/dkms; the guest runs depmod,
#     modprobe panthor and panthor-sparse-info, and the host checks the
#     module path and version, the dependencies' paths and the kernel log;
#     then the guest replaces it with the virtual-device build (vdev=1), on
#     which panthor-sparse-info must report 4K and 2M pages and a working
#     MAP_SPARSE and the selftest must pass every case, and unloads it.
# The guest console is $BUILD/results/dkms-console.log.
#
# usage: [BUILD=dir] scripts/dkms-check.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
export BUILD
dl=$BUILD/dl-arm64
work=$BUILD/dkms
res=$BUILD/results
pins=$top/debian-arm64.conf
name=panthor-sparse
cross=aarch64-linux-gnu-
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}
mkdir -p "$dl" "$work" "$res"
chmod 755 "$dl"	# apt's _apt user writes here

say() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*"; exit 1; }

# --- 1. pinned downloads ---------------------------------------------------
# Through a private apt configuration (scripts/pins.sh): Debian's arm64
# lists of trixie and bookworm with their security suites. A pin gone from
# its suite gives a warning and the suite's newest; $dl/used.conf lists
# what was really used (suite, package, version), which the steps below read.
. "$top/scripts/pins.sh"
pins() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$pins"; }
used() { cat "$dl/used.conf"; }
# deb PACKAGE: the downloaded .deb of a package as used
deb() { ls "$dl/$1_$(used | awk -v p="$1" '$2 == p {gsub(/:/, "%3a", $3); print $3}')_"*.deb; }

fetch() {
	local suite pkg ver sha
	private_apt "$dl/apt" arm64 trixie trixie-security bookworm bookworm-security
	: > "$dl/used.conf"
	while read -r suite pkg ver sha; do
		pin_fetch dkms "$dl" "$suite" "$pkg" "$ver" "$sha" < /dev/null
		echo "$suite $pin_name $pin_version" >> "$dl/used.conf"
	done < <(pins)
	echo "pinned packages: $(pins | wc -l), verified"
}

# --- 2. host kbuild tools --------------------------------------------------
# The headers' fixdep, modpost and genksyms are arm64 binaries. Build x86_64
# ones from the base (the 6.12 release of the pins) for ARCH=arm64, with the trixie
# configuration (modpost's device table offsets depend on the architecture).
hostscripts() {
	local hs=$work/hostscripts wt=$work/linux cfg
	[ -x "$hs/scripts/mod/modpost" ] && [ -x "$hs/scripts/genksyms/genksyms" ] && return 0
	if [ "$(git -C "$wt" rev-parse HEAD 2>/dev/null)" != "$(git -C "$BUILD/linux" rev-parse base)" ]; then
		rm -rf "$wt"
		git -C "$BUILD/linux" worktree prune
		git -C "$BUILD/linux" worktree add -q --detach "$wt" base
	fi
	mkdir -p "$hs"
	cfg=$(ls "$work/root-trixie"/usr/src/linux-headers-*-arm64/.config)
	cp "$cfg" "$hs/.config"
	local mk=(nice -n 10 make -C "$wt" O="$hs" ARCH=arm64 CROSS_COMPILE=$cross
		HOSTCC="ccache gcc" CC="ccache ${cross}gcc" -j"$(nproc)" -s)
	"${mk[@]}" olddefconfig
	"${mk[@]}" modules_prepare
}

# root SUITE: the suite's headers, -common and kbuild extracted in
# $work/root-SUITE, made usable on this x86_64 machine.
root() {
	local suite=$1 r=$work/root-$1 pkg hdr kb
	rm -rf "$r"
	mkdir -p "$r"
	for pkg in $(used | awk -v s="$suite" '$1 == s && $2 ~ /^linux-(headers|kbuild)-/ {print $2}'); do
		dpkg-deb -x "$(deb "$pkg")" "$r"
	done
	hdr=$(ls -d "$r"/usr/src/linux-headers-*-arm64)
	kb=$(ls -d "$r"/usr/lib/linux-kbuild-*)
	# The arch headers include the -common Makefile by absolute path.
	sed -i "s|/usr/src/|$r/usr/src/|" "$hdr/Makefile"
	# BTF for modules needs pahole >= the kernel's (1.30 for trixie) and an
	# x86_64 resolve_btfids; without vmlinux kbuild skips it (a board's
	# DKMS build does it). Everything else is as on a board.
	rm -f "$hdr/vmlinux"
	# Compiler capabilities of gcc 14 that gcc 12 lacks: without them kbuild
	# and compiler_types.h take their gcc < 14 path (-falign-functions=8 and
	# no __cold), which keeps ftrace's patch sites 8-byte aligned as
	# DYNAMIC_FTRACE_WITH_CALL_OPS needs. With gcc 14's symbols and gcc 12,
	# loading the module hits "Misaligned patch-site" and a BUG.
	if ! "${cross}gcc" -fmin-function-alignment=8 -x c -c -o /dev/null /dev/null 2>/dev/null; then
		sed -i '/CONFIG_CC_HAS_\(MIN\|SANE\)_FUNCTION_ALIGNMENT/d' "$hdr/.config" \
			"$hdr/include/config/auto.conf" "$hdr/include/generated/autoconf.h"
	fi
}

# Replace the headers' arm64 tools with the x86_64 builds.
root_tools() {
	local kb hs=$work/hostscripts/scripts t
	kb=$(ls -d "$work/root-$1"/usr/lib/linux-kbuild-*)
	rm -f "$kb"/scripts/mod/modpost.real-*
	for t in basic/fixdep mod/modpost genksyms/genksyms; do
		cp "$hs/$t" "$kb/scripts/$t"
	done
}

# The headers' Makefile names $(CROSS_COMPILE)gcc-VERSION, the kernel's
# compiler: gcc 12 for bookworm, gcc 14 for trixie, which Debian 12 does not
# have for aarch64. The wrappers run Debian 12's gcc 12 (the headers set
# DEBIAN_KERNEL_NO_CC_VERSION_CHECK=y). dkms strips with "strip -g".
cc_wrappers() {
	local v
	mkdir -p "$work/bin"
	for v in 12 14; do
		printf '#!/bin/sh\nexec ccache %sgcc "$@"\n' "$cross" > "$work/bin/${cross}gcc-$v"
		chmod 755 "$work/bin/${cross}gcc-$v"
	done
	printf '#!/bin/sh\nexec %sstrip "$@"\n' "$cross" > "$work/bin/strip"
	chmod 755 "$work/bin/strip"
	export PATH=$work/bin:$PATH
}

# --- 3. the module against the headers, with make -------------------------
# check_module KO HDR: CRCs, vermagic prefix, symbols of Module.symvers.
check_module() {
	local ko=$1 hdr=$2 kver missing bad
	kver=$(basename "$hdr"); kver=${kver#linux-headers-}
	modinfo "$ko" | grep -E '^(version|vermagic|depends|srcversion):'
	# Every undefined symbol has a __versions entry ...
	"${cross}nm" -u "$ko" | awk '{print $2}' | sort -u > "$work/undef.txt"
	/sbin/modprobe --dump-modversions "$ko" | awk '{print $2 " " $1}' | sort > "$work/crcs.txt"
	missing=$(cut -d' ' -f1 "$work/crcs.txt" | comm -23 "$work/undef.txt" -)
	[ -z "$missing" ] || fail "imports without a CRC: $missing"
	# ... equal to the CRC in the headers' Module.symvers.
	bad=$(awk 'NR == FNR {crc[$2] = tolower($1); next}
		($1 in crc) && crc[$1] != tolower($2) {print $1}' \
		"$hdr/Module.symvers" "$work/crcs.txt")
	[ -z "$bad" ] || fail "CRCs differ from Module.symvers: $bad"
	echo "imports: $(wc -l < "$work/undef.txt") symbols, each with the CRC of $kver's Module.symvers"
	[ "$(modinfo -F vermagic "$ko" | cut -d' ' -f1)" = "$kver" ] ||
		fail "vermagic $(modinfo -F vermagic "$ko") is not for $kver"
}

make_build() {
	local suite=$1 hdr b log used
	hdr=$(ls -d "$work/root-$suite"/usr/src/linux-headers-*-arm64)
	b=$work/build-$suite
	log=$res/dkms-make-$suite.log
	rm -rf "$b"
	cp -r "$src" "$b"
	nice -n 10 make -C "$hdr" M="$b" -j"$(nproc)" modules > "$log" 2>&1 ||
		{ tail -30 "$log"; fail "make against $(basename "$hdr") failed"; }
	grep -E 'warning:|WARNING:|undefined!' "$log" && fail "warnings in $log"
	# The package's uAPI header was compiled, not the headers' copy. The
	# .cmd file names it relative to the headers' directory or to the module's.
	used=$(grep -o '[^ ]*include/uapi/drm/panthor_drm.h' "$b/panthor/.panthor_drv.o.cmd" |
		sort -u | (cd "$hdr" && xargs -r realpath -m) | sort -u)
	[ "$used" = "$(realpath "$b/include/uapi/drm/panthor_drm.h")" ] ||
		fail "panthor_drv.o was not built with the package's panthor_drm.h, but: $used"
	echo "uAPI header: the package's include/uapi/drm/panthor_drm.h"
	check_module "$b/panthor/panthor.ko" "$hdr"
}

# --- 4. dkms ---------------------------------------------------------------
dkms_build() {
	local hdr kver t=$work/dkms-tree args ko rc
	hdr=$(ls -d "$work/root-trixie"/usr/src/linux-headers-*-arm64)
	kver=$(basename "$hdr"); kver=${kver#linux-headers-}
	rm -rf "$t"
	mkdir -p "$t/dkms" "$t/src" "$t/lib"
	cp -r "$src" "$t/src/"
	args=(-m "$name" -v "$version" --dkmstree "$t/dkms" --sourcetree "$t/src" --installtree "$t/lib")
	dkms add "${args[@]}"
	nice -n 10 dkms build "${args[@]}" -k "$kver" -a aarch64 --kernelsourcedir "$hdr" ||
		{ cat "$t/dkms/$name/$version/build/make.log" || true; fail "dkms build failed"; }
	dkms status "${args[@]}"
	ko=$t/dkms/$name/$version/$kver/aarch64/module/panthor.ko
	check_module "$ko" "$hdr"
	[ "$(modinfo -F version "$ko")" = "$version" ] || fail "module version is not $version"
	cp "$ko" "$work/panthor-dkms.ko"
	# A kernel other than 6.12 is refused by BUILD_EXCLUSIVE_KERNEL.
	set +e
	dkms build "${args[@]}" -k 6.1.0-99-arm64 -a aarch64 --kernelsourcedir "$hdr" > "$work/excl.log" 2>&1
	rc=$?
	set -e
	cat "$work/excl.log"
	[ $rc != 0 ] && grep -q BUILD_EXCLUSIVE "$work/excl.log" ||
		fail "dkms build for 6.1 was not refused by BUILD_EXCLUSIVE_KERNEL"
	dkms remove "${args[@]}" --all
}

# --- 5. panthor-sparse-info --------------------------------------------------
info_build() {
	make -s -C "$src" CC=gcc CFLAGS=-Werror info
	mv "$src/panthor-sparse-info" "$work/info-x86_64"
	make -s -C "$src" CC="${cross}gcc" CFLAGS=-Werror info
	mv "$src/panthor-sparse-info" "$work/info-arm64"
	set +e
	"$work/info-x86_64"
	rc=$?
	set -e
	[ $rc = 2 ] || fail "panthor-sparse-info without a panthor device: exit $rc, not 2"
}

# --- 6. the uAPI test build ------------------------------------------------
# The package's sources with the test-only patches (the virtual device),
# built against trixie's headers like the package, and the series' kselftest
# for arm64 (scripts/uapi-test-sources.sh).
uapi_test_build() {
	local t=$work/uapi-test hdr log=$res/dkms-make-vdev.log
	"$top/scripts/uapi-test-sources.sh" "$src" "$t"
	hdr=$(ls -d "$work/root-trixie"/usr/src/linux-headers-*-arm64)
	nice -n 10 make -C "$hdr" M="$t/module" -j"$(nproc)" modules > "$log" 2>&1 ||
		{ tail -30 "$log"; fail "the virtual-device build failed"; }
	grep -E 'warning:|WARNING:|undefined!' "$log" && fail "warnings in $log"
	check_module "$t/module/panthor/panthor.ko" "$hdr"
	modinfo -F parm "$t/module/panthor/panthor.ko" | grep -q '^vdev:' ||
		fail "the virtual-device build has no vdev parameter"
	cp "$t/module/panthor/panthor.ko" "$work/panthor-vdev.ko"
	"${cross}gcc" -O2 -Wall -Werror -std=gnu11 -isystem "$t/selftest/include" \
		-o "$work/panthor_sparse_test" \
		"$t/selftest/tools/testing/selftests/drm/panthor/panthor_sparse_test.c"
	echo "built: panthor.ko with the virtual device, panthor_sparse_test (arm64)"
}

# --- 7. boot ---------------------------------------------------------------
initramfs() {
	local ir=$work/initramfs img=$work/image kver m p
	rm -rf "$ir" "$img"
	mkdir -p "$ir" "$img"
	dpkg-deb -x "$(deb "$(used | awk '$2 ~ /^linux-image-/ {print $2}')")" "$img"
	kver=$(ls "$img/usr/lib/modules")
	# Which modules panthor needs: the kernel's modules.dep (depmod on a
	# copy; the package builds it at installation).
	depmod -b "$img/usr" "$kver"
	m=$img/usr/lib/modules/$kver
	# Same vermagic as Debian's panthor.ko; the symbols the series adds to
	# Debian's imports (all in the headers' Module.symvers, see above).
	[ "$(modinfo -F vermagic "$work/panthor-dkms.ko")" = \
	  "$(modinfo -F vermagic "$m/kernel/drivers/gpu/drm/panthor/panthor.ko.xz")" ] ||
		fail "vermagic differs from Debian's panthor.ko"
	echo "vermagic: $(modinfo -F vermagic "$work/panthor-dkms.ko") (as Debian's panthor.ko)"
	echo "imports that Debian's panthor.ko does not have:" $(comm -13 \
		<(/sbin/modprobe --dump-modversions "$m/kernel/drivers/gpu/drm/panthor/panthor.ko.xz" | awk '{print $2}' | sort) \
		<(/sbin/modprobe --dump-modversions "$work/panthor-dkms.ko" | awk '{print $2}' | sort))
	for pkg in busybox-static kmod libkmod2 libc6 libssl3t64 liblzma5 zlib1g libzstd1; do
		dpkg-deb -x "$(deb "$pkg")" "$ir"
	done
	rm -rf "$ir/usr/share" "$ir/usr/lib/aarch64-linux-gnu/gconv" "$ir/usr/lib/aarch64-linux-gnu/engines-3" \
		"$ir/usr/lib/aarch64-linux-gnu/ossl-modules" "$ir/etc"
	for p in bin sbin lib; do ln -s usr/$p "$ir/$p"; done	# merged /usr
	mkdir -p "$ir/usr/lib/modules/$kver/updates/dkms" "$ir"/{dev,proc,sys,etc,tmp}
	cp "$m"/modules.order "$m"/modules.builtin "$m"/modules.builtin.modinfo "$ir/usr/lib/modules/$kver/"
	# panthor.ko.xz of the kernel stays: modprobe must prefer updates/.
	for p in $(sed -n 's|^\(kernel/drivers/gpu/drm/panthor/panthor.ko.xz\):|\1|p' "$m/modules.dep"); do
		mkdir -p "$ir/usr/lib/modules/$kver/$(dirname "$p")"
		cp "$m/$p" "$ir/usr/lib/modules/$kver/$p"
	done
	cp "$work/panthor-dkms.ko" "$ir/usr/lib/modules/$kver/updates/dkms/panthor.ko"
	cp "$work/info-arm64" "$ir/usr/bin/panthor-sparse-info"
	mkdir -p "$ir/vdev"
	cp "$work/panthor-vdev.ko" "$ir/vdev/panthor.ko"
	cp "$work/panthor_sparse_test" "$ir/usr/bin/"
	# busybox for the shell and basic tools, kmod for everything modules.
	for p in sh mount cat cut tr sed grep dmesg poweroff uname; do
		ln -s busybox "$ir/usr/bin/$p"
	done
	# kmod by path: busybox's shell would run its own applets of the names.
	cat > "$ir/init" <<-'EOF'
	#!/bin/busybox sh
	export PATH=/usr/sbin:/usr/bin
	k=/usr/sbin
	mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs dev /dev
	echo "@@ uname $(uname -r)"
	$k/depmod -a && echo "@@ depmod ok"
	echo "@@ modprobe-n $($k/modprobe -n -v panthor | tr '\n' ' ')"
	$k/modprobe panthor; echo "@@ modprobe-rc $?"
	echo "@@ version $(cat /sys/module/panthor/version)"
	echo "@@ modinfo-filename $($k/modinfo -F filename panthor)"
	for m in $(cut -d' ' -f1 /proc/modules); do echo "@@ loaded $m $($k/modinfo -F filename $m)"; done
	echo "@@ depends $($k/modinfo -F depends panthor)"
	echo "@@ tainted $(cat /proc/sys/kernel/tainted)"
	$k/lsmod
	panthor-sparse-info; echo "@@ info-rc $?"
	# The uAPI in Debian's kernel: the test build, with the virtual device.
	$k/rmmod panthor; echo "@@ rmmod-rc $?"
	$k/insmod /vdev/panthor.ko vdev=1; echo "@@ vdev-insmod-rc $?"
	panthor-sparse-info; echo "@@ vdev-info-rc $?"
	panthor_sparse_test; echo "@@ selftest-rc $?"
	$k/rmmod panthor; echo "@@ vdev-rmmod-rc $?"
	echo "@@ dmesg-begin"; dmesg; echo "@@ dmesg-end"
	poweroff -f
	EOF
	chmod 755 "$ir/init"
	(cd "$ir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.gz"
	du -h "$work/initrd.gz"
	cp "$img/boot/vmlinuz-$kver" "$work/vmlinuz"
	echo "$kver" > "$work/kver"
}

# expect -x|-E PATTERN MESSAGE: a line of the guest console ($con of boot())
# matches PATTERN (grep -x: the whole line, -E: a regular expression), or
# the check fails with MESSAGE.
expect() { grep -q "$1" -- "$2" "$con" || fail "$3"; }

boot() {
	local con=$res/dkms-console.log kver mods re
	kver=$(cat "$work/kver")
	re=$(printf '%s' "$kver" | sed 's/[.+]/\\&/g')	# as a regular expression
	timeout 900 qemu-system-aarch64 -machine virt -cpu cortex-a72 -smp 2 -m 1024 \
		-nographic -no-reboot -kernel "$work/vmlinuz" -initrd "$work/initrd.gz" \
		-append "console=ttyAMA0 panic=-1 loglevel=4 rdinit=/init" < /dev/null > "$con" 2>&1 ||
		fail "QEMU failed or timed out (rc $?), see $con"
	tr -d '\r' < "$con" > "$con.tmp" && mv "$con.tmp" "$con"
	grep '^@@ ' "$con"
	expect -x "@@ uname $kver" "the guest did not run $kver"
	expect -x '@@ depmod ok' "depmod failed in the guest"
	expect -x '@@ modprobe-rc 0' "modprobe panthor failed"
	expect -x "@@ version $version" "/sys/module/panthor/version is not $version"
	expect -E "^@@ modinfo-filename /(usr/)?lib/modules/$re/updates/dkms/panthor.ko$" \
		"the panthor module is not updates/dkms/panthor.ko"
	expect -E "^@@ modprobe-n .*/updates/dkms/panthor.ko" \
		"modprobe -n does not pick updates/dkms/panthor.ko"
	# Every dependency loaded, from the kernel's own tree.
	for m in $(sed -n 's/^@@ depends //p' "$con" | tr ',-' ' _'); do
		expect -E "^@@ loaded $m /(usr/)?lib/modules/$re/kernel/.*\.ko\.xz$" \
			"dependency $m not loaded from Debian's kernel/ tree"
	done
	mods=$(grep -c '^@@ loaded ' "$con")
	echo "modules loaded: $mods (panthor from updates/dkms, the others from kernel/)"
	expect -x '@@ info-rc 2' "panthor-sparse-info did not exit 2 (no panthor device)"
	expect -E '^no panthor device' "panthor-sparse-info did not say 'no panthor device'"
	# The uAPI calls: panthor-sparse-info and the selftest on the virtual device.
	expect -x '@@ rmmod-rc 0' "rmmod panthor failed"
	expect -x '@@ vdev-insmod-rc 0' "insmod of the virtual-device build failed"
	expect -x '@@ vdev-info-rc 0' "panthor-sparse-info on the virtual device did not exit 0"
	expect -E '^MMU_INFO: +page sizes 4K 2M ' "panthor-sparse-info did not report 4K 2M"
	expect -E '^MAP_SPARSE: +works ' "panthor-sparse-info did not report a working MAP_SPARSE"
	expect -x '@@ selftest-rc 0' "the selftest failed"
	expect -E '^# Totals: pass:[1-9][0-9]* fail:0 xfail:0 xpass:0 skip:0 error:0$' \
		"the selftest did not pass every case (no skip)"
	expect -x '@@ vdev-rmmod-rc 0' "rmmod of the virtual-device build failed"
	grep -E '^(ok|not ok) |^# Totals' "$con"
	sed -n '/^@@ dmesg-begin/,/^@@ dmesg-end/p' "$con" > "$work/dmesg.txt"
	if grep -E 'WARNING|\<BUG\>|Oops|Call trace|Unknown symbol|disagrees about version|Invalid module format|Kernel panic' \
		"$work/dmesg.txt"; then
		fail "the kernel log has the lines above"
	fi
	echo "kernel log of the module load (taint from an unsigned out-of-tree module expected):"
	grep -iE 'panthor|taint|module' "$work/dmesg.txt" || true
}

version=$(basename "$("$top/scripts/dkms-package.sh")" | sed -E 's/^panthor-sparse-dkms_(.*)_all\.deb$/\1/')
say "package $name-dkms $version"
rm -rf "$work/pkg"
dpkg-deb -x "$res/${name}-dkms_${version}_all.deb" "$work/pkg"
src=$work/pkg/usr/src/$name-$version
du -b "$res/${name}-dkms_${version}_all.deb"
say "lintian"
"$top/scripts/lintian-check.sh" "$res/${name}-dkms_${version}_all.deb" || fail "lintian: errors or warnings above"

say "pinned Debian arm64 packages"
fetch
say "x86_64 kbuild tools from the base"
root trixie
hostscripts
cc_wrappers
for suite in trixie bookworm; do
	say "make against $suite's headers"
	[ -d "$work/root-$suite" ] || root "$suite"
	root_tools "$suite"
	make_build "$suite"
done
say "dkms build (trixie)"
dkms_build
say "panthor-sparse-info"
info_build
say "uAPI test build: the virtual device and the selftest"
uapi_test_build
say "initramfs"
initramfs
say "boot $(cat "$work/kver") in qemu-system-aarch64"
boot
echo "dkms: all good"
