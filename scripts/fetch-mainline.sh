#!/bin/bash
# Fetch the mainline kernel source pinned in mainline.conf (Debian's
# linux-source-7.3), verify it and make it the commit tagged "base" of
# $BUILD/mainline/linux, as fetch-base.sh does for the series' base (same
# import, same pin rule: a version gone from its suite gives a warning and
# the suite's newest). make bench applies bench-mainline/ to it. Does
# nothing when the tree already holds the pinned version.
#
# usage: [BUILD=dir] scripts/fetch-mainline.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# fetch-base.sh, sourced: import_base and base_version, pins.sh, $BUILD.
. "$top/scripts/fetch-base.sh"
. "$top/mainline.conf"
BASE_PACKAGE=$MAINLINE_PACKAGE
tree=$BUILD/mainline/linux
dl=$BUILD/mainline/dl

have=$(base_version)
if [ "$have" = "$MAINLINE_VERSION" ]; then
	pin_record mainline "$MAINLINE_PACKAGE" "$MAINLINE_VERSION" "$MAINLINE_PACKAGE" "$have" "$MAINLINE_SHA256"
	exit 0
fi
mkdir -p "$dl"
chmod 755 "$dl"	# apt's _apt user must be able to write here
private_apt "$dl/apt" "$(dpkg --print-architecture)" "$MAINLINE_SUITE"
pin_fetch mainline "$dl" "$MAINLINE_SUITE" "$MAINLINE_PACKAGE" "$MAINLINE_VERSION" "$MAINLINE_SHA256"
if [ "$have" != "$pin_version" ]; then
	commit=$(import_base "$pin_deb" "$pin_version")
	git -C "$tree" tag -f base "$commit" >/dev/null
	echo "mainline: $MAINLINE_PACKAGE $pin_version at $commit"
fi
