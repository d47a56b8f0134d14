#!/bin/bash
# The patch files of DIR/series (DIR: patches, test-patches, bench-mainline),
# one per line, in order: without comments, blank lines and the cover letter.
#
# usage: scripts/series-list.sh DIR
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
sed -e '/^#/d' -e '/^$/d' -e '/^0000-cover-letter.patch$/d' "$top/${1:?usage: series-list.sh DIR}/series"
