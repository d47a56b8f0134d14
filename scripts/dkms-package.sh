#!/bin/bash
# make dkms: build $BUILD/results/panthor-sparse-dkms_VERSION_all.deb from
# patches/ and dkms/. The package holds /usr/src/panthor-sparse-VERSION: the
# base's drivers/gpu/drm/panthor/ and include/uapi/drm/panthor_drm.h with the
# series applied (nothing else of the tree), plus dkms/'s dkms.conf, kbuild
# files and panthor-sparse-info source. VERSION is the base's upstream
# version, the number of patches and a hash of them: 6.12.117+sparse8.1a2b3c4d.
# dkms/'s @VERSION@, @BASE@ (the base's Debian version), @MAINTAINER@ and
# @AUTHOR@ (author.conf's identity) are set here; the Debian changelog, the
# copyright notices of the sources and DEBIAN/md5sums are generated.
# The .deb is reproducible: same patches/ and dkms/, same bytes.
#
# usage: [BUILD=dir] scripts/dkms-package.sh   (prints the .deb's path)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../base.conf
. "$top/base.conf"
# shellcheck source=../author.conf
. "$top/author.conf"
BUILD=$(realpath -m "${BUILD:-$top/build}")
out=$BUILD/dkms/package
"$top/scripts/fetch-base.sh" >&2
# The base in use: fetch-base.sh's record if it writes one, else base.conf's.
base=$(cat "$BUILD/base-version" 2>/dev/null || echo "$BASE_VERSION")
maintainer="$SERIES_AUTHOR_NAME <$SERIES_AUTHOR_EMAIL>"
export SOURCE_DATE_EPOCH=946684800	# the base commit's date

patches=$("$top/scripts/series-list.sh" patches)
n=$(echo "$patches" | wc -l)
hash=$(cd "$top/patches" && cat $patches | sha256sum | cut -c1-8)
upstream=${base%%-*}
version=$upstream+sparse$n.$hash
name=panthor-sparse
src=usr/src/$name-$version

rm -rf "$out"
mkdir -p "$out/tree" "$out/root/$src/include/uapi/drm" "$out/root/DEBIAN" \
	"$out/root/usr/share/doc/$name-dkms" "$BUILD/results"
# The tree is a git repository of its own so that git apply works on it
# even though $BUILD lies inside this repository.
git -C "$BUILD/linux" archive base drivers/gpu/drm/panthor include/uapi/drm/panthor_drm.h |
	tar -x -C "$out/tree"
git -C "$out/tree" init -q
for p in $patches; do
	git -C "$out/tree" apply --include='drivers/gpu/drm/panthor/*' \
		--include=include/uapi/drm/panthor_drm.h "$top/patches/$p"
done

r=$out/root
cp -r "$out/tree/drivers/gpu/drm/panthor" "$r/$src/panthor"
cp "$out/tree/include/uapi/drm/panthor_drm.h" "$r/$src/include/uapi/drm/"
cp "$top/dkms/Makefile" "$top/dkms/dkms.conf" "$r/$src/"
cp "$top/dkms/panthor/"* "$r/$src/panthor/"
cp -r "$top/dkms/info" "$r/$src/info"
cp "$top/dkms/debian/control" "$top/dkms/debian/postinst" "$top/dkms/debian/prerm" "$r/DEBIAN/"
doc=$r/usr/share/doc/$name-dkms
# Copyright: the copyright lines of the sources, one holder a line.
grep -rhoiE 'copyright (\(c\) )?[0-9]{4}.*' "$r/$src/panthor" "$r/$src/include" |
	sed -E -e 's/^copyright (\(c\) )?//I' -e 's|[ */]*$||' | LC_ALL=C sort -u |
	sed -e '1s/^/Copyright: /' -e '1!s/^/ /' > "$out/notices"
sed -e "/^Copyright: @COPYRIGHT@$/{r $out/notices" -e 'd}' "$top/dkms/debian/copyright" > "$doc/copyright"
esc() { printf '%s' "$1" | sed 's/[&|\\]/\\&/g'; }	# for a sed replacement
sed -i -e "s/@VERSION@/$version/g" -e "s/@BASE@/$base/g" \
	-e "s|@MAINTAINER@|$(esc "$maintainer")|g" -e "s|@AUTHOR@|$(esc "$SERIES_AUTHOR_NAME")|g" \
	"$r/$src/Makefile" "$r/$src/dkms.conf" "$r/$src/panthor/panthor_dkms_version.c" \
	"$r/DEBIAN/"* "$doc/copyright"
# A native package's changelog: one entry, dated SOURCE_DATE_EPOCH.
{
	echo "$name-dkms ($version) unstable; urgency=medium"
	echo
	echo "  * The sparse GPU mapping series ($n patches) applied to"
	echo "    drivers/gpu/drm/panthor/ and include/uapi/drm/panthor_drm.h of"
	echo "    Debian's $BASE_PACKAGE $base."
	echo
	echo " -- $maintainer  $(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$doc/changelog.gz"
size=$(du -sk --apparent-size "$r/usr" | cut -f1)
sed -i "s/@SIZE@/$size/" "$r/DEBIAN/control"
if grep -r '@[A-Z]*@' "$r"; then echo "placeholders left (above)" >&2; exit 1; fi
(cd "$r" && find usr -type f | LC_ALL=C sort | xargs -d '\n' md5sum) > "$r/DEBIAN/md5sums"

# Reproducible: fixed modes and times; dpkg-deb sorts the files, sets
# root:root and uses SOURCE_DATE_EPOCH for the ar and tar headers.
find "$r" -type d -exec chmod 755 {} +
find "$r" -type f -exec chmod 644 {} +
chmod 755 "$r/DEBIAN/postinst" "$r/DEBIAN/prerm"
find "$r" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
deb=$BUILD/results/${name}-dkms_${version}_all.deb
rm -f "$BUILD/results/${name}-dkms_"*_all.deb
dpkg-deb --root-owner-group -Zxz --build "$r" "$deb" >&2
echo "$deb"
