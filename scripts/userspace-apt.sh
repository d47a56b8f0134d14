# Sourced by scripts/userspace-pins.sh and scripts/fetch-userspace.sh: a
# private apt configuration for Debian sid amd64 under $BUILD/apt-userspace,
# so that resolving and downloading the userspace packages neither reads
# nor changes the host's apt state. Sets APT_CONFIG; userspace_apt_update
# fetches the package lists (once per run, when a download needs them).
#
# Debian's mirror here serves a fixed snapshot whose Release file has
# expired, hence Check-Valid-Until "false" (the signatures still count).

apt_dir=$BUILD/apt-userspace
mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" \
	"$apt_dir/etc/sources.list.d" "$apt_dir/etc/preferences.d" "$apt_dir/etc/apt.conf.d"
touch "$apt_dir/state/status"	# nothing installed: resolve the whole closure
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main" \
	> "$apt_dir/etc/sources.list"
cat > "$apt_dir/apt.conf" <<EOC
Dir::State "$apt_dir/state";
Dir::State::status "$apt_dir/state/status";
Dir::Cache "$apt_dir/cache";
Dir::Etc::SourceList "$apt_dir/etc/sources.list";
Dir::Etc::SourceParts "$apt_dir/etc/sources.list.d";
Dir::Etc::Preferences "$apt_dir/etc/preferences";
Dir::Etc::PreferencesParts "$apt_dir/etc/preferences.d";
Dir::Etc::Parts "$apt_dir/etc/apt.conf.d";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
APT::Install-Recommends "false";
Acquire::Check-Valid-Until "false";
APT::Sandbox::User "root";
EOC
export APT_CONFIG=$apt_dir/apt.conf

userspace_apt_update() {
	[ -z "${userspace_apt_updated:-}" ] || return 0
	apt-get update -qq
	userspace_apt_updated=1
}
