# Sourced by every script that downloads a pinned Debian package
# (fetch-base.sh, dkms-check.sh, fetch-userspace.sh, update-base.sh): the one
# rule for pins. A pin says which version was tested. When that version has
# left its suite (a suite's main archive keeps only the newest version of a
# package), the newest version of the same package in that suite is used
# instead (for a package named after a 6.12 kernel, the newest kernel of the
# same 6.12 line), checked against apt's signed indices, with one line
# "warning: ..." naming both versions. The versions really used are
# appended to $BUILD/results/versions.txt.
#
# Mirrors come from the machine's own apt sources (apt-get indextargets), so
# a local mirror or proxy is used here too; DEBIAN_MIRROR and
# DEBIAN_SECURITY_MIRROR override them.
#
# Needs $BUILD.

# Debian's main and security mirrors of the machine's apt sources.
debian_mirrors() {
	local targets
	targets=$(apt-get indextargets --format '$(SITE) $(RELEASE)' 2>/dev/null | sort -u)
	[ -n "${DEBIAN_MIRROR:-}" ] || DEBIAN_MIRROR=$(echo "$targets" |
		awk '$2 ~ /^(bookworm|trixie|forky|duke|sid|unstable|testing|stable|oldstable)(-updates)?$/ {print $1; exit}')
	[ -n "${DEBIAN_SECURITY_MIRROR:-}" ] || DEBIAN_SECURITY_MIRROR=$(echo "$targets" |
		awk '$2 ~ /-security$/ {print $1; exit}')
	if [ -z "$DEBIAN_MIRROR" ]; then
		DEBIAN_MIRROR=http://deb.debian.org/debian
		echo "note: no Debian mirror in this machine's apt sources; using $DEBIAN_MIRROR" >&2
	fi
	# A machine without a security source (sid): the same host's debian-security.
	[ -n "$DEBIAN_SECURITY_MIRROR" ] || DEBIAN_SECURITY_MIRROR=${DEBIAN_MIRROR%/debian}/debian-security
}

# private_apt DIR ARCH SUITE...: an apt configuration in DIR that reads and
# writes nothing of the host's apt state; sets APT_CONFIG. A SUITE ending in
# -security comes from the security mirror. Check-Valid-Until is off: a
# mirror may serve a snapshot whose Release file has expired (the
# signatures still count).
private_apt() {
	local dir=$1 arch=$2 suite key=/usr/share/keyrings/debian-archive-keyring.gpg
	shift 2
	debian_mirrors
	mkdir -p "$dir/state/lists/partial" "$dir/cache/archives/partial" "$dir/etc/apt.conf.d" \
		"$dir/etc/sources.list.d" "$dir/etc/preferences.d"
	touch "$dir/state/status"	# nothing installed: resolve whole closures
	for suite; do
		case $suite in
		*-security) echo "deb [arch=$arch signed-by=$key] $DEBIAN_SECURITY_MIRROR $suite main" ;;
		*) echo "deb [arch=$arch signed-by=$key] $DEBIAN_MIRROR $suite main" ;;
		esac
	done > "$dir/etc/sources.list"
	cat > "$dir/apt.conf" <<-EOF
	Dir::State "$dir/state";
	Dir::State::status "$dir/state/status";
	Dir::Cache "$dir/cache";
	Dir::Etc::SourceList "$dir/etc/sources.list";
	Dir::Etc::SourceParts "$dir/etc/sources.list.d";
	Dir::Etc::Preferences "$dir/etc/preferences";
	Dir::Etc::PreferencesParts "$dir/etc/preferences.d";
	Dir::Etc::Parts "$dir/etc/apt.conf.d";
	APT::Architecture "$arch";
	APT::Architectures { "$arch"; };
	APT::Install-Recommends "false";
	Acquire::Check-Valid-Until "false";
	APT::Sandbox::User "root";
	EOF
	export APT_CONFIG=$dir/apt.conf
	private_apt_updated=
}

# Fetch the package lists of the private configuration once per run.
private_apt_update() {
	[ -z "${private_apt_updated:-}" ] || return 0
	apt-get update -qq
	private_apt_updated=1
}

# in_suite SUITE PKG: the versions of PKG in SUITE (with its -security and
# -updates parts), newest first.
in_suite() {
	apt-cache madison "$2" 2>/dev/null |
		awk -F' [|] ' -v s="$1" '{split($3, w, " "); split(w[2], d, "/")}
			d[1] == s || d[1] == s "-security" || d[1] == s "-updates" {print $2}'
}

# newest_pkg SUITE PKG: "NAME VERSION" of the newest version of PKG in SUITE;
# for a name with a 6.12 kernel in it (linux-headers-6.12.117+deb13-arm64),
# the newest of the same name with any 6.12 kernel.
newest_pkg() {
	local suite=$1 pkg=$2 re name v best= bestv=
	if [[ $pkg =~ ^(.*-)6\.12\.[0-9]+(.*)$ ]]; then
		re="^${BASH_REMATCH[1]//+/\\+}6\\.12\\.[0-9]+${BASH_REMATCH[2]//+/\\+}$"
		for name in $(apt-cache pkgnames "${BASH_REMATCH[1]}6.12." | grep -E "$re"); do
			v=$(in_suite "$suite" "$name" | head -n 1)
			[ -n "$v" ] || continue
			if [ -z "$bestv" ] || dpkg --compare-versions "$v" gt "$bestv"; then
				best=$name bestv=$v
			fi
		done
	else
		best=$pkg bestv=$(in_suite "$suite" "$pkg" | head -n 1)
	fi
	[ -n "$bestv" ] && echo "$best $bestv"
}

# index_sha256 PKG VERSION: the sha256 of the .deb in apt's signed index.
index_sha256() {
	apt-cache show "$1=$2" 2>/dev/null | awk '/^SHA256:/ {print $2; exit}'
}

# pin_fetch KIND DIR SUITE PKG VERSION SHA256: download the pinned .deb into
# DIR (or the suite's newest, see above), check its sha256 (the pin's, or
# the signed index's for a replacement), record it, and set pin_deb (path),
# pin_name and pin_version (what was used).
pin_fetch() {
	local kind=$1 dir=$2 suite=$3 pkg=$4 ver=$5 sha=$6 f
	pin_name=$pkg pin_version=$ver
	f=$(ls "$dir/${pkg}_${ver//:/%3a}_"*.deb 2>/dev/null | head -n 1 || true)
	if [ -z "$f" ] || ! echo "$sha  $f" | sha256sum -c --status; then
		private_apt_update
		if [ -z "$(index_sha256 "$pkg" "$ver")" ]; then
			read -r pin_name pin_version < <(newest_pkg "$suite" "$pkg") ||
				{ echo "error: no $pkg (or newer 6.12 kernel of it) in $suite" >&2; return 1; }
			sha=$(index_sha256 "$pin_name" "$pin_version")
			echo "warning: $kind pin $pkg $ver is not in $suite any more; using $pin_name $pin_version"
		fi
		f=$(ls "$dir/${pin_name}_${pin_version//:/%3a}_"*.deb 2>/dev/null | head -n 1 || true)
		if [ -z "$f" ] || ! echo "$sha  $f" | sha256sum -c --status; then
			rm -f "$f"
			(cd "$dir" && apt-get download -qq "$pin_name=$pin_version")
			f=$(ls "$dir/${pin_name}_${pin_version//:/%3a}_"*.deb)
		fi
		echo "$sha  $f" | sha256sum -c --quiet ||
			{ echo "error: $f does not match its sha256" >&2; rm -f "$f"; return 1; }
	fi
	pin_deb=$f
	pin_record "$kind" "$pkg" "$ver" "$pin_name" "$pin_version" "$sha"
}

# pin_record KIND PKG PINNED_VERSION USED_PKG USED_VERSION SHA256
pin_record() {
	mkdir -p "$BUILD/results"
	echo "$1 $2 $3 -> $4 $5 sha256:$6" >> "$BUILD/results/versions.txt"
}
