#!/bin/sh
# Builds argmap's Debian package from an existing release binary and checks what it installs:
# the binary, the desktop entry, the icons, the MIME type, the man pages and the completions.
# Installs cargo-deb first when it is missing (a few minutes, once).
# Usage: tests/package/check-deb.sh [BINARY_DIR]     (default: target/release)
set -eu
cd "$(dirname "$0")/../.."
bin_dir=${1:-target/release}
binary=$bin_dir/argmap
[ -x "$binary" ] || {
    echo "check-deb: no $binary; build it first (cargo build --release)" >&2
    exit 2
}
# cargo deb --no-build takes the binary from TARGET_DIR/release.
[ "$(basename "$bin_dir")" = release ] || {
    echo "check-deb: BINARY_DIR must be a cargo target folder's release/, not $bin_dir" >&2
    exit 2
}
CARGO_TARGET_DIR=$(cd "$bin_dir/.." && pwd)
export CARGO_TARGET_DIR

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked

assets/package-files.sh "$binary" target/package-files
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo deb --no-build --no-strip --output "$out/argmap.deb" >"$out/cargo-deb.log" 2>&1 || {
    cat "$out/cargo-deb.log" >&2
    exit 1
}
deb=$out/argmap.deb
dpkg-deb -c "$deb" | awk '{ print $1, $6 }' | sed 's# \./# /#' >"$out/contents"

failures=0
fail() { echo "check-deb: FAIL: $*" >&2; failures=$((failures + 1)); }
has() { grep -qxF -- "$1 $2" "$out/contents" || fail "no $2 ($1) in the package"; }

has -rwxr-xr-x /usr/bin/argmap
has -rw-r--r-- /usr/share/applications/argmap.desktop
has -rw-r--r-- /usr/share/mime/packages/argmap.xml
has -rw-r--r-- /usr/share/icons/hicolor/scalable/apps/argmap.svg
for size in 16 24 32 48 64 128 256 512; do
    has -rw-r--r-- "/usr/share/icons/hicolor/${size}x${size}/apps/argmap.png"
done
for page in argmap argmap-check argmap-export argmap-completions argmap-manpage; do
    has -rw-r--r-- "/usr/share/man/man1/$page.1.gz"
done
has -rw-r--r-- /usr/share/bash-completion/completions/argmap
has -rw-r--r-- /usr/share/zsh/vendor-completions/_argmap
has -rw-r--r-- /usr/share/fish/vendor_completions.d/argmap.fish
has -rw-r--r-- /usr/share/doc/argmap/copyright

[ "$(dpkg-deb -f "$deb" Package)" = argmap ] || fail "the package is not named argmap"
# The packaged binary is the one given, and it runs.
dpkg-deb -x "$deb" "$out/root"
cmp -s "$binary" "$out/root/usr/bin/argmap" || fail "the packaged binary is not $binary"
"$out/root/usr/bin/argmap" --version >/dev/null || fail "the packaged binary does not run"

if [ "$failures" -ne 0 ]; then
    echo "check-deb: $failures failed; the package holds:" >&2
    cat "$out/contents" >&2
    exit 1
fi
echo "check-deb: $(wc -l <"$out/contents") entries in argmap_$(dpkg-deb -f "$deb" Version)_$(dpkg-deb -f "$deb" Architecture).deb, all expected files there"
