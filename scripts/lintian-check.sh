#!/bin/bash
# lintian on the panthor-sparse-dkms .deb (installs lintian if missing):
# prints lintian's output, info tags included, and fails on any E: (error)
# or W: (warning) line.
#
# usage: [BUILD=dir] scripts/lintian-check.sh [DEB]
#        (default: the .deb of make dkms in $BUILD/results)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${BUILD:-$top/build}")
deb=${1:-$(ls "$BUILD"/results/panthor-sparse-dkms_*_all.deb)}
command -v lintian >/dev/null || "$top/scripts/install-deps.sh"

echo "lintian $(basename "$deb")"
out=$(lintian --display-info "$deb" 2>&1) || true	# its exit status: see below
[ -z "$out" ] || echo "$out"
if grep -qE '^[EW]: ' <<< "$out"; then
	echo "lintian: errors or warnings (E:/W: above)"
	exit 1
fi
echo "lintian: no error or warning"
