#!/bin/bash
# Fetch the kernel source package pinned in base.conf, verify it and make it
# the base commit (tag "base") of the git repository build/linux; the commit
# is the same on every machine for the same package. If the pinned version
# has left the archive, the newest linux-source-6.12 of BASE_SUITE is used
# with a warning (scripts/pins.sh). When build/linux holds another base than
# base.conf's (base.conf changed), the new one is imported into the same
# repository and tag base moves to it (each stays tagged debian/VERSION);
# `make tree` then rebuilds branch work on it.
#
# Writes $BUILD/base-version: the Debian version of the base in use.
#
# usage: [BUILD=dir] scripts/fetch-base.sh
#        (sourced by update-base.sh for import_base)
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../base.conf
. "$top/base.conf"
BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/linux
dl=$BUILD/dl
. "$top/scripts/pins.sh"

# base_version [REV]: the Debian version a base commit was made from.
base_version() {
	{ git -C "$tree" log -1 --format=%s "${1:-base}" 2>/dev/null || true; } |
		sed -n "s/^Debian $BASE_PACKAGE //p"
}

# import_base DEB VERSION: the tree of a linux-source .deb as a root commit
# of $tree (created if missing), tagged debian/VERSION (DEP-14: ~ as _).
# An existing repository gets the objects directly (no fetch to pack them).
# Prints the commit.
import_base() {
	local deb=$1 version=$2 tmp=${tree%/*}/base.tmp tag commit
	tag=debian/$(echo "$2" | tr '~:' '_%')
	if git -C "$tree" rev-parse -q --verify "refs/tags/$tag^{commit}" 2>/dev/null; then
		return 0
	fi
	rm -rf "$tmp" "$tmp.index"
	mkdir -p "$tmp"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO "./usr/src/$BASE_PACKAGE.tar.xz" |
		tar -xJ -C "$tmp" --strip-components=1
	# Debian's packaging block at the end of .gitignore ("/*" then "!/debian/")
	# would make git ignore the whole tree: drop it from the base commit.
	sed -i '/^# Debian packaging: ignore everything/,$d' "$tmp/.gitignore"
	sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/.gitignore"	# trailing blank lines
	sed -i '$ { /^#$/d }' "$tmp/.gitignore"
	if [ -d "$tree/.git" ]; then
		export GIT_DIR=$tree/.git GIT_INDEX_FILE=$tmp.index
	else
		git init -q -b work "$tmp"
		export GIT_DIR=$tmp/.git GIT_INDEX_FILE=$tmp/.git/index
	fi
	# -f: Debian's .gitignore starts with ".*" but lacks upstream's exceptions
	# (!.gitignore, !.kunitconfig, ...), so without -f the base would miss the
	# .gitignore, .kunitconfig, .mailmap, ... files of the tarball.
	(cd "$tmp" && git --work-tree=. add -A -f)
	commit=$(GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost \
		GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@localhost \
		GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" \
		git commit-tree "$(git write-tree)" -m "Debian $BASE_PACKAGE $version" \
		-m "Extracted from the Debian package; the packaging block at the end of .gitignore is removed.")
	git tag -f "$tag" "$commit" >/dev/null
	if [ "$GIT_DIR" = "$tmp/.git" ]; then
		git update-ref refs/heads/work "$commit"
		unset GIT_DIR GIT_INDEX_FILE
		mv "$tmp" "$tree"
	else
		unset GIT_DIR GIT_INDEX_FILE
		rm -rf "$tmp" "$tmp.index"
	fi
	echo "$commit"
}

# move_base COMMIT: tag base moves to COMMIT; the old base stays tagged
# debian/VERSION.
move_base() {
	local old
	if git -C "$tree" rev-parse -q --verify refs/tags/base >/dev/null; then
		old=$(base_version)
		[ "$(git -C "$tree" rev-parse 'base^{commit}')" = "$1" ] && return 0
		git -C "$tree" tag "debian/$(echo "$old" | tr '~:' '_%')" base 2>/dev/null || true
		echo "note: $tree: base moves from $old to $(base_version "$1"); run 'make tree'" >&2
	fi
	git -C "$tree" tag -f base "$1" >/dev/null
}

fetch_base() {
	local have commit
	mkdir -p "$dl"
	chmod 755 "$dl"	# apt's _apt user must be able to write here
	have=$(base_version)
	if [ "$have" = "$BASE_VERSION" ]; then
		pin_record base "$BASE_PACKAGE" "$BASE_VERSION" "$BASE_PACKAGE" "$have" "$BASE_SHA256"
	else
		private_apt "$dl/apt" "$(dpkg --print-architecture)" \
			"$BASE_SUITE" "$BASE_SUITE-security"
		pin_fetch base "$dl" "$BASE_SUITE" "$BASE_PACKAGE" "$BASE_VERSION" "$BASE_SHA256"
		if [ "$have" != "$pin_version" ]; then
			commit=$(import_base "$pin_deb" "$pin_version")
			move_base "$commit"
			git -C "$tree" rev-parse -q --verify refs/heads/work >/dev/null ||
				git -C "$tree" branch work base
			echo "base: $BASE_PACKAGE $pin_version at $commit"
		fi
	fi
	base_version > "$BUILD/base-version"
}

[ "${BASH_SOURCE[0]}" != "$0" ] || fetch_base
