#!/bin/bash
# Regenerate userspace-amd64.conf, the pins of the Debian packages that make
# the QEMU userspace image (IGT's Panthor tests and a busybox to run them),
# from a dependency resolution in sid today. Run it by hand to refresh the
# pins, then review and commit the diff; make check only reads the pins.
#
# usage: [BUILD=dir] scripts/userspace-pins.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
# The roots; apt adds their dependency closure (Recommends left out).
roots=(igt-gpu-tools-tests busybox-static)

. "$top/scripts/pins.sh"
private_apt "$BUILD/apt-userspace" amd64 sid
private_apt_update

{
	echo "# The Debian packages of the QEMU userspace image (scripts/userspace.sh),"
	echo "# pinned: package, version, architecture, sha256 of the .deb. Written by"
	echo "# scripts/userspace-pins.sh from sid (amd64) with roots: ${roots[*]}."
	echo "# scripts/fetch-userspace.sh downloads these and checks them (scripts/pins.sh)."
	apt-get install -s -qq "${roots[@]}" | awk '$1 == "Inst" { print $2 }' | sort |
	while read -r p; do
		apt-cache show --no-all-versions "$p" |
			awk '/^Package:/ {p=$2} /^Version:/ {v=$2} /^Architecture:/ {a=$2}
			     /^SHA256:/ {s=$2} END {print p, v, a, s}'
	done
} > "$top/userspace-amd64.conf"
echo "wrote $top/userspace-amd64.conf: $(grep -vc '^#' "$top/userspace-amd64.conf") packages"
