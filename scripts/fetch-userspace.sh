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

# name_version_arch.deb as apt-get download writes it (':' as %3a).
deb_of() { echo "$dl/${1}_${2//:/%3a}_$3.deb"; }

missing=()
while read -r pkg ver arch sha; do
	deb=$(deb_of "$pkg" "$ver" "$arch")
	[ -f "$deb" ] && echo "$sha  $deb" | sha256sum -c --status ||
		missing+=("$pkg:$arch=$ver")
done < <(grep -v '^#' "$pins")

if [ ${#missing[@]} != 0 ]; then
	userspace_apt_update
	(cd "$dl" && apt-get download -qq "${missing[@]}")
fi

bad=0
while read -r pkg ver arch sha; do
	deb=$(deb_of "$pkg" "$ver" "$arch")
	echo "$sha  $deb" | sha256sum -c --quiet ||
		{ echo "error: $deb does not match its pin" >&2; rm -f "$deb"; bad=1; }
done < <(grep -v '^#' "$pins")
[ $bad = 0 ]
echo "$(grep -vc '^#' "$pins") packages in $dl, sha256 checked"
