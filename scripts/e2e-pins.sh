#!/bin/bash
# Regenerate e2e-arm64.conf, the pins of the Debian 13 (trixie) arm64
# packages of the make e2e root filesystem, from a dependency resolution in
# trixie (+ trixie-updates, trixie-security) today. Run it by hand to
# refresh the pins, then review and commit the diff; make e2e only reads
# the pins.
#
# The roots: every package of Priority required and apt (debootstrap's
# minbase), what a user of the DKMS package has (dkms, gcc, make, libc6-dev,
# openssl for DKMS's signing key), busybox-static and kmod for the boot's
# initramfs, and the kernel of debian-arm64.conf with its headers. The
# kernel's own packages (linux-image-KVER-arm64-unsigned, linux-headers-KVER-*,
# linux-kbuild-KVER) are pinned in debian-arm64.conf and left out here; the
# headers metapackage linux-headers-arm64 (the DKMS package depends on it)
# is pinned in every version the archive has, make e2e takes the one of the
# pinned kernel.
#
# usage: [BUILD=dir] scripts/e2e-pins.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
. "$top/scripts/pins.sh"
private_apt "$BUILD/apt-e2e" arm64 trixie trixie-updates trixie-security
private_apt_update

conf() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$top/debian-arm64.conf"; }
image=$(conf | awk '$1 == "trixie" && $2 ~ /^linux-image-.*-arm64-unsigned$/ {print $2 "=" $3}')
kver=${image%%=*}; kver=${kver#linux-image-}; kver=${kver%-unsigned}	# 6.12.117+deb13-arm64
kpkgver=${image#*=}
required=$(apt-cache dumpavail | awk '/^Package:/ {p=$2} /^Priority: required/ {print p}' | sort -u)
roots=($required apt dkms gcc make libc6-dev openssl kmod busybox-static
	"linux-headers-arm64=$kpkgver" "linux-headers-$kver=$kpkgver" "$image")
# What debian-arm64.conf pins is not repeated here.
kernel_re="^linux-(image|headers|kbuild)-${kver%%+*}"

{
	echo "# The Debian 13 (trixie) arm64 packages of the make e2e root filesystem"
	echo "# (scripts/e2e.sh), pinned: package, version, architecture, sha256 of the"
	echo "# .deb. Written by scripts/e2e-pins.sh: the dependency closure of Priority"
	echo "# required, apt, dkms, gcc, make, libc6-dev, openssl, kmod, busybox-static"
	echo "# and the headers of the kernel that debian-arm64.conf pins (its own"
	echo "# packages are pinned there); linux-headers-arm64 in every version found."
	apt-get install -s -qq "${roots[@]}" | awk '$1 == "Inst" { print $2 }' | sort |
	grep -vE "$kernel_re|^linux-headers-arm64\$" |
	while read -r p; do
		apt-cache show --no-all-versions "$p" |
			awk '/^Package:/ {p=$2} /^Version:/ {v=$2} /^Architecture:/ {a=$2}
			     /^SHA256:/ {s=$2} END {print p, v, a, s}'
	done
	apt-cache show linux-headers-arm64 |
		awk '/^Package:/ {p=$2} /^Version:/ {v=$2} /^Architecture:/ {a=$2}
		     /^SHA256:/ {print p, v, a, $2}' | sort -u -V -k2,2
} > "$top/e2e-arm64.conf"
echo "wrote $top/e2e-arm64.conf: $(grep -vc '^#' "$top/e2e-arm64.conf") packages"
