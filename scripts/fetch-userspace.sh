#!/bin/bash
# Download the packages pinned in userspace-amd64.conf into $BUILD/dl-userspace
# through a private apt configuration of Debian sid (scripts/pins.sh) and
# check each one's sha256. Packages already there are not downloaded again.
# A pinned version gone from sid (sid changes daily) gives a warning and
# sid's newest of the package. Writes $BUILD/dl-userspace/used.debs: the
# .debs to unpack, one path a line.
#
# usage: [BUILD=dir] scripts/fetch-userspace.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
pins=$top/userspace-amd64.conf
dl=$BUILD/dl-userspace

mkdir -p "$dl"
chmod 755 "$dl"	# apt's _apt user writes here
. "$top/scripts/pins.sh"
private_apt "$BUILD/apt-userspace" amd64 sid

: > "$dl/used.debs"
while read -r pkg ver _ sha; do
	pin_fetch userspace "$dl" sid "$pkg" "$ver" "$sha" < /dev/null
	echo "$pin_deb" >> "$dl/used.debs"
done < <(grep -v '^#' "$pins")
echo "$(wc -l < "$dl/used.debs") packages in $dl, sha256 checked"
