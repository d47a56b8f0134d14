#!/bin/bash
# Fetch the pinned Debian kernel source package, verify it and turn it into a
# git repository (build/linux) whose base commit is the same on every machine.
#
# usage: [BUILD=dir] scripts/fetch-base.sh [--newest]
#   --newest  accept the newest linux-source-6.12 in the archive when the
#             pinned version has left it (no hash check is possible then).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../base.conf
. "$top/base.conf"
build=${BUILD:-$top/build}	# override with BUILD=/some/dir
tree=$build/linux
dl=$build/dl
accept_newest=0
[ "${1:-}" = --newest ] && accept_newest=1

if git -C "$tree" rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then
	exit 0
fi

mkdir -p "$dl"
chmod 755 "$dl"	# apt's _apt user must be able to write here
cd "$dl"
version=$BASE_VERSION
deb="${BASE_PACKAGE}_${version}_all.deb"
if [ ! -f "$deb" ] && ! apt-get download "$BASE_PACKAGE=$version" 2>/dev/null; then
	apt-get update -qq || true
	if ! apt-get download "$BASE_PACKAGE=$version" 2>/dev/null; then
		echo "error: $BASE_PACKAGE $version is not in the archive any more." >&2
		echo "available versions:" >&2
		apt-cache madison "$BASE_PACKAGE" >&2 || true
		if [ $accept_newest = 0 ]; then
			echo "Update base.conf, or run 'make tree BASE_NEWEST=1' to accept the newest." >&2
			exit 1
		fi
		version=$(apt-cache madison "$BASE_PACKAGE" | awk 'NR==1 {print $3}')
		echo "warning: using $BASE_PACKAGE $version, not the pinned $BASE_VERSION" >&2
		deb="${BASE_PACKAGE}_${version}_all.deb"
		apt-get download "$BASE_PACKAGE=$version"
	fi
fi
if [ "$version" = "$BASE_VERSION" ]; then
	echo "$BASE_SHA256  $deb" | sha256sum -c --quiet - ||
		{ echo "error: $deb does not match BASE_SHA256" >&2; rm -f "$deb"; exit 1; }
fi

rm -rf "$tree" "$tree.tmp"
mkdir -p "$tree.tmp"
dpkg-deb --fsys-tarfile "$deb" |
	tar -xO "./usr/src/$BASE_PACKAGE.tar.xz" |
	tar -xJ -C "$tree.tmp" --strip-components=1

cd "$tree.tmp"
# Debian's packaging block at the end of .gitignore ("/*" then "!/debian/")
# would make git ignore the whole tree: drop it from the base commit.
sed -i '/^# Debian packaging: ignore everything/,$d' .gitignore
sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' .gitignore	# trailing blank lines
sed -i '$ { /^#$/d }' .gitignore

export GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost
export GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@localhost
export GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z"
git init -q -b work
# -f: Debian's .gitignore starts with ".*" but lacks upstream's exceptions
# (!.gitignore, !.kunitconfig, ...), so without -f the base would miss the 387
# .gitignore, .kunitconfig, .mailmap, ... files of the tarball.
git add -A -f
git commit -q -m "Debian $BASE_PACKAGE $version" \
	-m "Extracted from the Debian package; the packaging block at the end of .gitignore is removed."
git tag base
cd "$top"
mv "$tree.tmp" "$tree"
echo "base: $BASE_PACKAGE $version at $(git -C "$tree" rev-parse base)"
