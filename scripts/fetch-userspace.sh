#!/bin/bash
# Download the packages pinned in userspace-amd64.conf into $BUILD/dl-userspace
# (apt-get download through a private apt configuration) and check each one's
# sha256. Packages already there with the right sha256 are not downloaded
# again. Fails if a pinned version is gone from the archive or differs.
#
# usage: [BUILD=dir] scripts/fetch-userspace.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
pins=$top/userspace-amd64.conf
dl=$BUILD/dl-userspace

mkdir -p "$dl"
. "$top/scripts/userspace-apt.sh"

grep -v '^#' "$pins" | while read -r pkg ver arch sha; do
	deb=$dl/${pkg}_${ver//:/%3a}_$arch.deb
	if [ -f "$deb" ] && echo "$sha  $deb" | sha256sum -c --status; then
		continue
	fi
	userspace_apt_update
	(cd "$dl" && apt-get download -qq "$pkg:$arch=$ver")
	echo "$sha  $deb" | sha256sum -c --quiet ||
		{ echo "error: $deb does not match its pin" >&2; rm -f "$deb"; exit 1; }
done
echo "$(grep -vc '^#' "$pins") packages in $dl, sha256 checked"
