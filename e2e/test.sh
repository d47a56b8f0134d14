#!/bin/bash
# The make e2e test, run as init in Debian 13 arm64 under QEMU
# (scripts/e2e.sh) on the cached root file system: what a user does with
# the package, step by step. Each step prints "@@ step NAME PASS|FAIL
# SECONDS"; command output is indented with "| " so that only the kernel
# writes at the start of a console line. /e2e-run/env gives VERSION (the
# package's) and KVER (the running kernel's).
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin LC_ALL=C.UTF-8 HOME=/root
export DEBIAN_FRONTEND=noninteractive
[ -e /proc/self ] || mount -t proc proc /proc	# mounted by the initramfs
[ -d /sys/kernel ] || mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run; mount -t tmpfs tmpfs /tmp
mkdir -p /dev/pts; mount -t devpts devpts /dev/pts
. /e2e-run/env
cd /e2e-run || exit 1
kre=$(printf '%s' "$KVER" | sed 's/[.+]/\\&/g')	# as a regular expression
name=panthor-sparse

out() { sed -u 's/^/| /'; }
say() { echo "@@ $*"; }
step() {
	local s=$1 t0=$SECONDS
	shift
	say "begin $s"
	if "$@"; then say "step $s PASS $((SECONDS - t0))"; else say "step $s FAIL $((SECONDS - t0))"; fi
}
# is WHAT VALUE EXPECTED-REGEX
is() {
	say "$1: $2"
	[[ $2 =~ $3 ]] || { say "$1 should match $3"; return 1; }
}

say "uname $(uname -r)"
say "kernel $(cat /proc/version)"
say "gcc $(gcc --version | head -1)"
say "dkms $(dpkg-query -W -f='${Version}' dkms)"
dpkg-query -W -f='${Package} ${Version} ${Architecture}\n' | sed 's/^/@@ pkg /'
[ "$(uname -r)" = "$KVER" ] || say "running $(uname -r), not $KVER"

# 1. As a user would: apt install of the .deb, no network (every dependency
#    is installed). The postinst adds the module to DKMS, which builds and
#    installs it for the kernel, and builds panthor-sparse-info.
t_install() {
	local rc
	[ ! -e /var/lib/dkms/mok.key ] || { say "mok.key exists before the first build"; return 1; }
	apt install -y "./$name-dkms_${VERSION}_all.deb" 2>&1 | out
	rc=${PIPESTATUS[0]}
	say "apt-rc: $rc"
	is "dkms-status" "$(dkms status -m "$name" -v "$VERSION" -k "$KVER" 2>&1)" ': installed' &&
	[ "$rc" = 0 ]
}

# 2. Debian's gcc 14 built it, against the kernel's own headers.
t_compiler() {
	local ko cc
	ko=$(ls /var/lib/dkms/$name/$VERSION/$KVER/*/module/panthor.ko*) || return 1
	say "dkms module $ko"
	case $ko in
	*.xz) xz -dc "$ko" > /tmp/panthor.ko ;;
	*) cp "$ko" /tmp/panthor.ko ;;
	esac
	cc=$(readelf -p .comment /tmp/panthor.ko | grep -o 'GCC: .*' | sort -u | tr '\n' ' ')
	grep -E '^ *(CC|LD) \[M\]' /var/lib/dkms/$name/$VERSION/build/make.log | head -3 | out
	is "compiler" "$cc" '^GCC: \(Debian 14\.[^)]*\) 14\.[0-9.]* $' &&
	is "vermagic" "$(modinfo -F vermagic /tmp/panthor.ko)" "^$kre SMP " &&
	is "version" "$(modinfo -F version /tmp/panthor.ko)" "^${VERSION//+/\\+}\$"
}

# 3. modprobe's choice is the DKMS module in updates/dkms.
t_filename() {
	is "modprobe-n" "$(modprobe -n -v panthor 2>&1 | tr '\n' ' ')" "/updates/dkms/panthor\.ko" &&
	is "modinfo-filename" "$(modinfo -F filename panthor)" "^(/usr)?/lib/modules/$kre/updates/dkms/panthor\.ko(\.xz)?\$"
}

# 4. MOK: DKMS made its key at the first build and signed the module.
t_mok() {
	local signer key serial subject
	ls -l /var/lib/dkms/mok.key /var/lib/dkms/mok.pub 2>&1 | out
	[ -f /var/lib/dkms/mok.key ] && [ -f /var/lib/dkms/mok.pub ] || return 1
	subject=$(openssl x509 -inform DER -in /var/lib/dkms/mok.pub -noout -subject)
	serial=$(openssl x509 -inform DER -in /var/lib/dkms/mok.pub -noout -serial)
	say "mok.pub $subject, $serial"
	signer=$(modinfo -F signer panthor)
	key=$(modinfo -F sig_key panthor)
	say "signature: signer '$signer', key $key, hash $(modinfo -F sig_hashalgo panthor)"
	norm() { tr -d ':\n' | tr a-f A-F | sed 's/^0*//'; }
	[ -n "$signer" ] && [ "subject=CN=$signer" = "$subject" ] &&
	[ "$(echo "${serial#serial=}" | norm)" = "$(echo "$key" | norm)" ]
}

# 5. It loads, and it is ours.
t_load() {
	modprobe panthor || return 1
	lsmod | grep -E '^(Module|panthor|drm_gpuvm|drm_exec|gpu_sched)' | out
	is "sys-version" "$(cat /sys/module/panthor/version 2>&1)" "^${VERSION//+/\\+}\$"
}

# 6. panthor-sparse-info, built and installed by the postinst: no panthor
#    device in QEMU, so exit 2.
t_info() {
	local rc
	is "info-path" "$(command -v panthor-sparse-info)" '^/usr/bin/panthor-sparse-info$' || return 1
	panthor-sparse-info 2>&1 | out
	rc=${PIPESTATUS[0]}
	is "info-rc" "$rc" '^2$'
}

# 7. The uAPI in Debian's kernel: the package's sources with the test-only
#    patches (the virtual device), built here by Debian's gcc 14 as DKMS
#    builds the package, loaded with vdev=1 in place of the DKMS module;
#    the series' kselftest, built here too, must pass every case.
t_vdev_build() {
	local b=/tmp/uapi-test
	rm -rf "$b"
	cp -r /e2e-run/uapi-test "$b"
	make -C "/lib/modules/$KVER/build" M="$b/module" -j2 modules 2>&1 | out
	[ "${PIPESTATUS[0]}" = 0 ] || return 1
	is "vdev-compiler" "$(readelf -p .comment "$b/module/panthor/panthor.ko" | grep -o 'GCC: .*' | sort -u | tr '\n' ' ')" \
		'^GCC: \(Debian 14\.[^)]*\) 14\.[0-9.]* $' &&
	is "vdev-parm" "$(modinfo -F parm "$b/module/panthor/panthor.ko" | grep '^vdev:')" '^vdev:' &&
	gcc -O2 -Wall -Werror -std=gnu11 -isystem "$b/selftest/include" -o /tmp/panthor_sparse_test \
		"$b/selftest/tools/testing/selftests/drm/panthor/panthor_sparse_test.c" 2>&1 | out &&
	[ "${PIPESTATUS[0]}" = 0 ]
}

t_uapi() {
	local rc info st
	rmmod panthor || return 1
	insmod /tmp/uapi-test/module/panthor/panthor.ko vdev=1 || return 1
	info=$(panthor-sparse-info 2>&1)
	rc=$?
	echo "$info" | out
	is "info-rc" "$rc" '^0$' &&
	is "mmu-info" "$(echo "$info" | grep '^MMU_INFO:')" '^MMU_INFO: +page sizes 4K 2M ' &&
	is "map-sparse" "$(echo "$info" | grep '^MAP_SPARSE:')" '^MAP_SPARSE: +works ' || rc=1
	/tmp/panthor_sparse_test > /tmp/selftest.log 2>&1
	st=$?
	out < /tmp/selftest.log
	is "selftest-rc" "$st" '^0$' &&
	is "selftest" "$(grep '^# Totals' /tmp/selftest.log)" \
		'^# Totals: pass:[1-9][0-9]* fail:0 xfail:0 xpass:0 skip:0 error:0$' || rc=1
	# Back to the DKMS module, as step 5 left it.
	rmmod panthor && modprobe panthor &&
	is "sys-version" "$(cat /sys/module/panthor/version 2>&1)" "^${VERSION//+/\\+}\$" &&
	[ "$rc" = 0 ]
}

# 8. apt remove: DKMS deletes the module, modprobe finds Debian's again.
t_remove() {
	modprobe -r panthor || return 1
	apt remove -y $name-dkms 2>&1 | out
	[ "${PIPESTATUS[0]}" = 0 ] || return 1
	dkms status 2>&1 | out
	is "dkms-status" "$(dkms status -m $name)" '^$' &&
	is "updates-dkms" "$(ls /lib/modules/$KVER/updates/dkms/ 2>&1 | tr '\n' ' ')" '^(ls: .*No such file.*|)$' &&
	is "info-removed" "$(command -v panthor-sparse-info || echo none)" '^none$' &&
	is "modinfo-filename" "$(modinfo -F filename panthor)" "^(/usr)?/lib/modules/$kre/kernel/drivers/gpu/drm/panthor/panthor\.ko\.xz\$" &&
	modprobe panthor &&
	is "sys-version" "$(cat /sys/module/panthor/version 2>/dev/null)" '^$' &&
	modprobe -r panthor
}

step install t_install
step compiler t_compiler
step filename t_filename
step mok t_mok
step modprobe t_load
step info t_info
step vdev-build t_vdev_build
step uapi t_uapi
step remove t_remove

say "tainted $(cat /proc/sys/kernel/tainted)"
say "dmesg-begin"; dmesg --color=never; say "dmesg-end"
say "done"
sync
mount -o remount,ro / 2>/dev/null
echo o > /proc/sysrq-trigger
sleep 60
