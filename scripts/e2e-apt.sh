# Sourced by scripts/e2e-pins.sh and scripts/e2e.sh: a private apt
# configuration for Debian 13 (trixie) arm64 under $BUILD/apt-e2e, so that
# resolving and downloading the packages of the e2e root filesystem neither
# reads nor changes the host's apt state. Sets APT_CONFIG and E2E_MIRROR;
# e2e_apt_update fetches the package lists (once per run, when needed).
#
# The mirror is the host's own: the first Debian archive URI (…/debian) of
# /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list, and the
# security archive beside it (…/debian-security). Check-Valid-Until is off
# because a mirror may serve a fixed snapshot (the signatures still count).

# e2e_host_uris: every URI of a deb source of the host, one per line.
e2e_host_uris() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] && awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -r "$f" ] && sed -n -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' "$f"
	done
	return 0
}

E2E_MIRROR=$(e2e_host_uris | sed 's|/*$||' | awk '/\/debian$/ {print; exit}')
[ -n "$E2E_MIRROR" ] || { echo "error: no Debian archive (…/debian) in the host's apt sources" >&2; exit 1; }
E2E_SECURITY=$(e2e_host_uris | sed 's|/*$||' | awk '/\/debian-security$/ {print; exit}')
[ -n "$E2E_SECURITY" ] || E2E_SECURITY=${E2E_MIRROR}-security

apt_dir=$BUILD/apt-e2e
mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" \
	"$apt_dir/etc/sources.list.d" "$apt_dir/etc/preferences.d" "$apt_dir/etc/apt.conf.d"
touch "$apt_dir/state/status"	# nothing installed: resolve the whole closure
{
	k=/usr/share/keyrings/debian-archive-keyring.gpg
	echo "deb [signed-by=$k] $E2E_MIRROR trixie main"
	echo "deb [signed-by=$k] $E2E_MIRROR trixie-updates main"
	echo "deb [signed-by=$k] $E2E_SECURITY trixie-security main"
} > "$apt_dir/etc/sources.list"
cat > "$apt_dir/apt.conf" <<EOC
Dir::State "$apt_dir/state";
Dir::State::status "$apt_dir/state/status";
Dir::Cache "$apt_dir/cache";
Dir::Etc::SourceList "$apt_dir/etc/sources.list";
Dir::Etc::SourceParts "$apt_dir/etc/sources.list.d";
Dir::Etc::Preferences "$apt_dir/etc/preferences";
Dir::Etc::PreferencesParts "$apt_dir/etc/preferences.d";
Dir::Etc::Parts "$apt_dir/etc/apt.conf.d";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
APT::Install-Recommends "false";
Acquire::Check-Valid-Until "false";
APT::Sandbox::User "root";
EOC
export APT_CONFIG=$apt_dir/apt.conf

e2e_apt_update() {
	[ -z "${e2e_apt_updated:-}" ] || return 0
	apt-get update -qq
	e2e_apt_updated=1
}
