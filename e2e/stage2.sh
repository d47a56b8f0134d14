#!/bin/sh
# Second stage of the make e2e root file system, run as init in Debian's
# arm64 kernel under QEMU (scripts/e2e.sh): debootstrap's own second stage
# (minbase, unpacked on the host by debootstrap --foreign), then the pinned
# packages the host put in /var/cache/e2e-debs (dkms, gcc 14, make, the
# kernel and its headers, ...), installed by apt from those files alone.
# Prints "@@ stage2 ok" when the system is complete, then powers off.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8
off() { sync; mount -o remount,ro / 2>/dev/null; echo o > /proc/sysrq-trigger; sleep 60; }
fail() { echo "@@ stage2 FAIL: $*"; off; }
mount -t proc proc /proc; mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run; mount -t tmpfs tmpfs /tmp
echo "@@ stage2 begin $(date -u +%s)"
if ! /debootstrap/debootstrap --second-stage > /tmp/ds.log 2>&1; then
	sed 's/^/| /' /tmp/ds.log | tail -40
	sed 's/^/| /' /debootstrap/debootstrap.log 2>/dev/null | tail -60
	fail "debootstrap --second-stage"
fi
echo "@@ stage2 debootstrap done $(date -u +%s)"
mount -t tmpfs tmpfs /run 2>/dev/null	# debootstrap may have left /run busy
# Fast dpkg while building (the host syncs the image at power-off).
echo force-unsafe-io > /etc/dpkg/dpkg.cfg.d/e2e-unsafe-io
# No initramfs-tools initrd while building: make e2e boots with its own
# initramfs, and generating Debian's (twice) takes 20 minutes under TCG.
# update-initramfs is diverted to a stub, and restored at the end.
dpkg-divert --local --rename --add /usr/sbin/update-initramfs
printf '#!/bin/sh\necho "update-initramfs $*: skipped while building the e2e image"\n' > /usr/sbin/update-initramfs
chmod 755 /usr/sbin/update-initramfs
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends /var/cache/e2e-debs/*.deb > /tmp/apt.log 2>&1; then
	sed 's/^/| /' /tmp/apt.log | tail -80
	fail "apt-get install of the pinned packages"
fi
sed 's/^/| /' /tmp/apt.log | grep -iE 'setting up linux|initramfs|dkms|error' | head -40
rm -f /etc/dpkg/dpkg.cfg.d/e2e-unsafe-io /usr/sbin/update-initramfs
dpkg-divert --local --rename --remove /usr/sbin/update-initramfs
rm -rf /var/cache/e2e-debs
apt-get clean
echo e2e > /etc/hostname
echo '/dev/vda / ext4 defaults 0 1' > /etc/fstab
dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | grep -v '^ii ' | sed 's/^/@@ stage2 not-installed /'
echo "@@ stage2 packages $(dpkg-query -W | wc -l)"
echo "@@ stage2 ok $(date -u +%s)"
off
