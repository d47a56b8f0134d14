#!/bin/bash
# make update-base: follow Debian's 6.12. Finds the newest linux-source-6.12
# of bookworm-security and trixie-security, rebases the series onto it (git
# am of patches/ and test-patches/ on the new base in a scratch worktree: a
# conflict stops with the files named and changes nothing), reports whether the files of
# BASE_WATCH (base.conf) changed, then moves base.conf, branch work of
# build/linux and the arm64 kernel pins of the dkms check to it, refreshes
# every other pin (debian-arm64.conf, userspace-amd64.conf), updates the
# base version named in README.md and cover-letter.txt, and re-exports the
# series. Review `git diff` and run make check before committing.
#
# usage: [BUILD=dir] scripts/update-base.sh [--check]
#   --check  only say, in one "warning:" line, whether Debian has a newer
#            6.12 than base.conf and whether its BASE_WATCH files differ
#            (make check runs this; it never fails on it)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
export BUILD=$(realpath -m "${BUILD:-$top/build}")
. "$top/scripts/fetch-base.sh"	# base.conf, pins.sh, import_base, move_base
check_only=0
[ "${1:-}" = --check ] && check_only=1
suites=(bookworm trixie)

# newest_base: "SUITE VERSION" of the newest linux-source-6.12 (by upstream
# version; on a tie, BASE_SUITE's).
newest_base() {
	local s v best= bestv=
	for s in "$BASE_SUITE" "${suites[@]}"; do
		v=$(in_suite "$s" "$BASE_PACKAGE" | head -n 1)
		[ -n "$v" ] || continue
		if [ -z "$bestv" ] || dpkg --compare-versions "${v%%-*}" gt "${bestv%%-*}"; then
			best=$s bestv=$v
		fi
	done
	[ -n "$bestv" ] && echo "$best $bestv"
}

# fetch_version VERSION: download that linux-source-6.12, check it against
# the signed index, import it; prints the commit.
fetch_version() {
	local sha deb
	sha=$(index_sha256 "$BASE_PACKAGE" "$1")
	deb=$dl/${BASE_PACKAGE}_$1_all.deb
	if ! echo "$sha  $deb" | sha256sum -c --status 2>/dev/null; then
		(cd "$dl" && apt-get download -qq "$BASE_PACKAGE=$1")
		echo "$sha  $deb" | sha256sum -c --quiet
	fi
	import_base "$deb" "$1"
}

# watched OLD NEW: the BASE_WATCH files that differ between two bases.
watched() {
	# shellcheck disable=SC2086
	git -C "$tree" diff --stat=120 "$1" "$2" -- $BASE_WATCH
}

# kernel_pins FILE: rewrite the dkms check's pins: packages named after a
# kernel follow the base's upstream version (newest in the pin's suite if
# the suite lacks it, with a warning), every other package goes to the
# newest version of its suite.
kernel_pins() {
	local conf=$1 upstream=${2%%-*} suite pkg ver sha name v line out
	out=$(mktemp)
	private_apt "$BUILD/dl-arm64/apt" arm64 trixie trixie-security bookworm bookworm-security
	private_apt_update
	while IFS= read -r line; do
		case $line in '#'*|'') echo "$line"; continue ;; esac
		read -r suite pkg ver sha <<< "$line"
		name=$pkg v=
		if [[ $pkg =~ ^(.*-)6\.12\.[0-9]+(.*)$ ]]; then
			name=${BASH_REMATCH[1]}$upstream${BASH_REMATCH[2]}
			v=$(in_suite "$suite" "$name" | head -n 1)
			[ -n "$v" ] || echo "warning: $suite has no $name; taking its newest 6.12 kernel" >&2
		fi
		[ -n "$v" ] || read -r name v < <(newest_pkg "$suite" "$pkg")
		[ "$name $v" = "$pkg $ver" ] || echo "  $suite $pkg $ver -> $name $v" >&2
		echo "$suite $name $v $(index_sha256 "$name" "$v")"
	done < "$conf" > "$out"
	mv "$out" "$conf"
}

[ $check_only = 1 ] || fetch_base
private_apt "$dl/apt" "$(dpkg --print-architecture)" \
	"${suites[@]}" "${suites[@]/%/-security}"
private_apt_update
read -r suite version < <(newest_base) || { echo "error: no $BASE_PACKAGE in ${suites[*]}" >&2; exit 1; }
have=$(base_version)

if [ $check_only = 1 ]; then
	if dpkg --compare-versions "${version%%-*}" gt "${have%%-*}"; then
		new=$(fetch_version "$version")
		if [ -z "$(watched base "$new")" ]; then
			what="its panthor-related files are the same"
		else
			what="its panthor-related files differ: $(watched base "$new" | tail -n 1 | sed 's/^ *//')"
		fi
		echo "warning: Debian has $BASE_PACKAGE $version ($suite); the base is $have, $what (make update-base)"
	else
		echo "base: $BASE_PACKAGE $have is Debian's newest 6.12 ($suite has $version)"
	fi
	exit 0
fi

cd "$tree"
if [ -n "$(git status --porcelain)" ] ||
   [ "$(git rev-parse work)" != "$(git rev-parse -q --verify refs/series/synced || true)" ]; then
	echo "error: $tree has changes or commits that are not in patches/: 'make export' first" >&2
	exit 1
fi

if [ "$version" = "$have" ]; then
	echo "base: $have is already Debian's newest 6.12 ($suite)"
	new=$(git rev-parse 'base^{commit}')
else
	echo "base: $have -> $version ($suite)"
	new=$(fetch_version "$version")
	echo "files of BASE_WATCH that changed:"
	watched base "$new" | sed 's/^/  /'
	[ -n "$(watched base "$new")" ] || echo "  none"
	scratch=$BUILD/update-base
	git worktree remove --force "$scratch" 2>/dev/null || rm -rf "$scratch"
	git worktree prune
	git worktree add -q --detach "$scratch" "$new"
	if ! "$top/scripts/apply-series.sh" "$scratch" 2> "$scratch.err"; then
		cat "$scratch.err" >&2
		p=$(sed -n 's|^error: \([^ ]*\) does not apply.*|\1|p' "$scratch.err")
		echo "error: the series does not apply to $version; files of $p:" >&2
		sed -n 's|^diff --git a/\([^ ]*\) .*|  \1|p' "$top/$p" >&2
		git worktree remove --force "$scratch"
		echo "nothing was changed" >&2
		exit 1
	fi
	head=$(git -C "$scratch" rev-parse HEAD)
	git worktree remove --force "$scratch"
	move_base "$new" 2>/dev/null
	git checkout -q -B work "$head"
	git update-ref refs/series/synced HEAD
	base_version > "$BUILD/base-version"
	old_up=${have%%-*} new_up=${version%%-*}
	sed -i -e "s/^BASE_VERSION=.*/BASE_VERSION=$version/" \
		-e "s/^BASE_SHA256=.*/BASE_SHA256=$(index_sha256 "$BASE_PACKAGE" "$version")/" \
		-e "s/^BASE_SUITE=.*/BASE_SUITE=$suite/" "$top/base.conf"
	# The base named in the prose: 6.12.117 -> 6.12.118, and its Debian versions.
	sed -i -e "s/${have//./\\.}/$version/g" -e "s/${old_up//./\\.}/$new_up/g" \
		"$top/README.md" "$top/cover-letter.txt"
fi

echo "pins of debian-arm64.conf:"
kernel_pins "$top/debian-arm64.conf" "$version"
echo "pins of userspace-amd64.conf:"
"$top/scripts/userspace-pins.sh"
"$top/scripts/export.sh"
cd "$top"
git status --short
echo "done: review 'git diff', run make check, commit"
