#!/bin/bash
# make check (and .ci/run): every check of the series, the one place for the
# list. It checks exactly what patches/ and test-patches/ hold: the series,
# then the test-only patches, are applied with git am to a separate worktree
# of build/linux, $BUILD/check/linux, never to the developer tree. One
# PASS/FAIL line per check; logs in $BUILD/results/.
#
#   apply        patches/series, then test-patches/series, apply to base
#                with git am (no fuzz)
#   identity     every patch and the cover letter are from the identity of
#                author.conf, every patch is signed off by it, and every
#                copyright line the series adds names it
#   checkpatch   checkpatch.pl --strict: no ERROR, WARNING or CHECK, except
#                the WARNING and CHECK types listed in checkpatch-allow.txt,
#                and FILE_PATH_CHANGES when MAINTAINERS already covers every
#                file the patch adds
#   kernel-doc   kernel-doc -none -Wall on the uAPI header prints nothing
#   kunit        scripts/kunit.sh on the tip (KASAN, lockdep, panic_on_warn),
#                in $BUILD/check/kunit
#   userspace    scripts/userspace.sh: the kunit check's kernel boots the
#                virtual Panthor device in QEMU and runs Debian's IGT Panthor
#                tests and the series' selftest (needs kunit's bzImage)
#   bisect       base and every commit build drivers/gpu/drm/panthor/ with
#                W=1 (x86_64, the KUnit .config), in $BUILD/x86
#   warnings     no W=1 warning at a commit, nor W=1 + sparse (C=1) warning
#                at the tip, that base does not have (line numbers ignored)
#   uapi-header  the uAPI header compiles alone as C90 (as UAPI_HEADER_TEST)
#   arm64        cross-build of drivers/gpu/drm/panthor/ (DRM_PANTHOR=m, and
#                the KUnit tests and the virtual device when the tree has
#                them), no warning
#   dkms         scripts/dkms-check.sh: the panthor-sparse-dkms .deb builds
#                (make, dkms) against Debian's 6.12 arm64 headers and its
#                module loads into Debian's kernel under QEMU aarch64
#
# Every check runs even when an earlier one fails (except that nothing runs
# on a series that does not apply). Ends with the KUnit summary, whose last
# line is "N passed, M failed". Exits non-zero if a check or a test failed.
#
# usage: [BUILD=dir] scripts/check.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
export BUILD=$(realpath -m "${BUILD:-$top/build}")
tree=$BUILD/linux
# The worktree and its KUnit build sit in $BUILD/check as build/linux and
# build/kunit sit in $BUILD: with CCACHE_BASEDIR the compiler sees the same
# relative paths (../linux/...) for both trees, so make check reuses what
# make compiled, and the other way round.
wt=$BUILD/check/linux
kunit_out=$BUILD/check/kunit
res=$BUILD/results
panthor=drivers/gpu/drm/panthor
uapi=include/uapi/drm/panthor_drm.h
jobs=-j$(nproc)
# Paths below the clone are hashed relative to it: a fresh clone (CI) reuses
# the objects an earlier clone left in ccache's default directory.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}

"$top/scripts/install-deps.sh"
rm -rf "$res"
mkdir -p "$res"	# versions.txt: every pinned package as used (scripts/pins.sh)
"$top/scripts/fetch-base.sh"
# Is Debian's 6.12 newer than the base? A warning, never a failure.
"$top/scripts/update-base.sh" --check ||
	echo "warning: could not compare the base with Debian's newest 6.12 (see above)"

failed=0
# run NAME FUNCTION: run a check with its output in $res/NAME.log; set rc.
# Never call it inside if, || or &&: bash would then ignore set -e in the
# check (even in its subshell) and a failing command would go unnoticed.
run() {
	local name=$1 start=$SECONDS
	set +e
	(set -e; "$2") > "$res/$name.log" 2>&1
	rc=$?
	set -e
	if [ $rc = 0 ]; then
		printf 'PASS %-12s %4ds\n' "$name" $((SECONDS - start))
	else
		printf 'FAIL %-12s %4ds  see %s\n' "$name" $((SECONDS - start)) "$res/$name.log"
		failed=1
	fi
	grep -h '^warning:' "$res/$name.log" || true	# pins that moved
}

# The patches, as paths from the top: the series, then the test-only set.
patches() {
	local d
	for d in patches test-patches; do
		"$top/scripts/series-list.sh" "$d" | sed "s|^|$d/|"
	done
}

apply() {
	[ ! -e "$BUILD/check/.git" ] || rm -rf "$BUILD/check"	# the worktree's old place
	git -C "$tree" worktree prune
	# (Re)create the worktree unless $wt is the top of a worktree of $tree.
	if [ "$(git -C "$wt" rev-parse --show-toplevel 2>/dev/null)" != "$wt" ] ||
	   [ "$(cd "$wt" && realpath "$(git rev-parse --git-common-dir)")" != "$tree/.git" ]; then
		rm -rf "$wt"
		git -C "$tree" worktree add -q --detach "$wt" base
	fi
	git -C "$wt" am --abort >/dev/null 2>&1 || true
	git -C "$wt" checkout -q -f --detach base
	git -C "$wt" clean -q -fdx
	"$top/scripts/apply-series.sh" "$wt"
	git -C "$wt" log --oneline base..HEAD
}

# checkpatch's FILE_PATH_CHANGES asks whether MAINTAINERS needs updating:
# answer it. Every file the patch adds must fall under a MAINTAINERS entry
# other than THE REST once the series is applied.
maintained() {
	local f ok=0
	for f in $(awk '/^diff --git /{f=$4} /^new file mode/{sub(/^b\//, "", f); print f}' "$1"); do
		if (cd "$wt" && scripts/get_maintainer.pl --no-git --no-git-fallback --subsystem \
				--no-email --no-l --no-r --no-m --no-roles -f "$f" < /dev/null) |
		   grep -qvx 'THE REST'; then
			echo "  $f: covered by MAINTAINERS"
		else
			echo "  $f: not covered by MAINTAINERS"
			ok=1
		fi
	done
	return $ok
}

checkpatch() {
	local allow p bad=0
	allow=" $(sed 's/#.*//' "$top/checkpatch-allow.txt" 2>/dev/null | xargs || true) "
	echo "allowed: $allow"
	cd "$wt"
	for p in $(patches); do
		echo "== $p"
		# /usr/bin first: the SPDX check needs Debian's python3-ply, -git.
		PATH=/usr/bin:$PATH scripts/checkpatch.pl --strict --show-types \
			"$top/$p" > "$res/cp.out" 2>&1 || true
		cat "$res/cp.out"
		grep -q '^total: ' "$res/cp.out" || bad=1	# checkpatch did not finish
		grep -q '^Traceback' "$res/cp.out" && bad=1	# spdxcheck.py failed
		while IFS=: read -r level type _; do
			case $level in ERROR) ;; WARNING|CHECK) [[ $allow == *" $type "* ]] && continue
				[ "$type" = FILE_PATH_CHANGES ] && maintained "$top/$p" &&
					continue ;;
			*) continue ;; esac
			bad=1
		done < "$res/cp.out"
	done
	rm -f "$res/cp.out"
	[ $bad = 0 ]
}

identity() {
	local id p bad=0
	. "$top/author.conf"
	id="$SERIES_AUTHOR_NAME <$SERIES_AUTHOR_EMAIL>"
	echo "identity: $id"
	for p in patches/0000-cover-letter.patch $(patches); do
		grep -qxF "From: $id" "$top/$p" ||
			{ echo "$p: From: is not $id"; bad=1; }
		[ "$p" = patches/0000-cover-letter.patch ] ||
			grep -qxF "Signed-off-by: $id" "$top/$p" ||
			{ echo "$p: no Signed-off-by: $id"; bad=1; }
		if grep -E '^\+.*Copyright' "$top/$p" | grep -vF "$SERIES_AUTHOR_NAME"; then
			echo "$p: a copyright line that does not name $SERIES_AUTHOR_NAME"
			bad=1
		fi
	done
	[ $bad = 0 ]
}

kernel_doc() {
	local out
	out=$(cd "$wt" && scripts/kernel-doc -none -Wall "$uapi" 2>&1) || true
	[ -z "$out" ] || { echo "$out"; false; }
}

kunit() { "$top/scripts/kunit.sh" "$wt" "$kunit_out"; }

# Runs right after kunit: it boots kunit's bzImage and builds the selftest
# of the worktree, which bisect later moves off the tip.
userspace() { "$top/scripts/userspace.sh" "$wt" "$kunit_out"; }

# x86 [MAKE ARGS]: build drivers/gpu/drm/panthor/ of the commit checked out
# in the worktree, with the KUnit .config, in $BUILD/x86.
x86() {
	mkdir -p "$BUILD/x86" &&
	cp "$kunit_out/.config" "$BUILD/x86/.config" &&
	make -C "$wt" O="$BUILD/x86" ARCH=x86_64 CC="ccache gcc" $jobs -s olddefconfig &&
	make -C "$wt" O="$BUILD/x86" ARCH=x86_64 CC="ccache gcc" $jobs W=1 "$@" $panthor/
}

# Builds every commit from base to the tip; logs in $res/x86-N.log (N=0 is
# base). At base and the tip panthor's objects are all rebuilt with sparse.
bisect() {
	local tip commits c n=0 ok=0
	tip=$(git -C "$wt" rev-parse HEAD)
	commits="$(git -C "$wt" rev-parse base) $(git -C "$wt" rev-list --reverse base..HEAD)"
	[ -f "$kunit_out/.config" ] || { echo "no $kunit_out/.config (kunit did not configure)"; false; }
	for c in $commits; do
		git -C "$wt" checkout -q --detach "$c"
		printf '%2d %s: ' $n "$(git -C "$wt" log -1 --format='%h %s')"
		if [ $n = 0 ] || [ "$c" = "$tip" ]; then
			find "$BUILD/x86/$panthor" -name '*.o' -delete 2>/dev/null || true
			set -- C=1
		else
			set --
		fi
		if x86 "$@" > "$res/x86-$n.log" 2>&1; then echo ok; else echo FAILED; ok=1; fi
		n=$((n + 1))
	done
	git -C "$wt" checkout -q --detach "$tip"
	return $ok
}

# Warnings of a build log, without line and column numbers.
warnings_of() {
	sed -n -E 's/^([^ :]+):[0-9]+(:[0-9]+)?: (warning|error): /\1: \3: /p' "$1" | sort -u
}

warnings() {
	local n=1 new bad=0
	[ -f "$res/x86-0.log" ] || { echo "no build logs (bisect did not run)"; false; }
	warnings_of "$res/x86-0.log" > "$res/warnings-base.txt"
	echo "base: $(wc -l < "$res/warnings-base.txt") W=1/sparse warnings"
	cat "$res/warnings-base.txt"
	while [ -f "$res/x86-$n.log" ]; do
		new=$(warnings_of "$res/x86-$n.log" | comm -13 "$res/warnings-base.txt" -)
		if [ -n "$new" ]; then
			echo "new warnings at commit $n (x86-$n.log):"
			echo "$new"
			bad=1
		fi
		n=$((n + 1))
	done
	[ $bad = 0 ]
}

uapi_header() {
	local inc=$BUILD/x86/usr/include
	make -C "$wt" O="$BUILD/x86" ARCH=x86_64 $jobs -s headers
	gcc -std=c90 -Wall -Werror -Werror=implicit-function-declaration -m64 \
		-fsyntax-only -I "$inc" -I "$wt/usr/dummy-include" \
		-include "$inc/drm/panthor_drm.h" -include "$inc/drm/panthor_drm.h" -x c /dev/null
	perl "$wt/usr/include/headers_check.pl" "$inc" x86 "$inc/drm/panthor_drm.h"
}

arm64() {
	local o=$BUILD/arm64
	local mk=(make -C "$wt" O="$o" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
		CC="ccache aarch64-linux-gnu-gcc" $jobs)
	"${mk[@]}" -s defconfig
	"$wt/scripts/config" --file "$o/.config" -m DRM_PANTHOR -e KUNIT -e DRM_PANTHOR_KUNIT_TEST \
		-e DRM_PANTHOR_VDEV
	"${mk[@]}" -s olddefconfig
	grep -x 'CONFIG_DRM_PANTHOR=m' "$o/.config"
	local opt
	for opt in DRM_PANTHOR_KUNIT_TEST DRM_PANTHOR_VDEV; do
		if grep -rqs "^config $opt\$" "$wt/$panthor"; then
			grep -E "^CONFIG_$opt=(y|m)" "$o/.config"
		fi
	done
	"${mk[@]}" $panthor/ 2>&1 | tee "$res/arm64-build.out"
	! grep -E ': (warning|error): ' "$res/arm64-build.out"
}

dkms_check() { "$top/scripts/dkms-check.sh"; }

run apply apply
if [ $rc = 0 ]; then
	run identity identity
	run checkpatch checkpatch
	run kernel-doc kernel_doc
	run kunit kunit
	run userspace userspace
	run bisect bisect
	run warnings warnings
	run uapi-header uapi_header
	run arm64 arm64
	run dkms dkms_check
else
	sed 's/^/  /' "$res/apply.log"
fi

echo "versions used: $res/versions.txt ($(wc -l < "$res/versions.txt") packages)"
[ ! -f "$res/userspace-results.txt" ] ||
	grep -E '^(userspace:|UNEXPECTED)' "$res/userspace-results.txt"
"$top/scripts/kunit-summary.py" "$res/kunit.json" "$res/kunit-noncoherent.json" \
	> "$res/kunit-summary.txt" || failed=1
cat "$res/kunit-summary.txt"
exit $failed
