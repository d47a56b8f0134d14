#!/bin/bash
# Install the Debian packages the project needs (build, KUnit under QEMU,
# sparse, arm64 cross-build). Does nothing when all are present.
#
# usage: scripts/install-deps.sh   (as root, or as a user with sudo)
set -euo pipefail

pkgs=(
	make gcc libc6-dev perl python3 git xz-utils dpkg-dev	# basics, fetch-base
	bc bison flex cpio libelf-dev libssl-dev		# kernel build
	ccache sparse gcc-aarch64-linux-gnu			# make check
	python3-ply python3-git					# checkpatch's spdxcheck.py
	qemu-system-x86 qemu-system-data			# kunit.py --arch=x86_64
	dkms kmod qemu-system-arm libc6-dev-arm64-cross	# dkms check
	lintian							# lintian-check.sh
	debian-archive-keyring					# userspace image (sid)
)

missing=()
for p in "${pkgs[@]}"; do
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] ||
		missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0

sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
