#!/bin/sh
# Makes the files a package installs beside the binary that are generated from it: the man
# pages (argmap manpage) and the shell completions (argmap completions SHELL), so they always
# match the binary's commands. Run it before `cargo deb --no-build`, which packages them
# from target/package-files/ (see [package.metadata.deb] in Cargo.toml).
#
# Usage: assets/package-files.sh [BINARY [OUT_DIR]]
#   BINARY   defaults to target/release/argmap; OUT_DIR to target/package-files.
set -eu
binary=${1:-target/release/argmap}
out=${2:-target/package-files}
[ -x "$binary" ] || {
    echo "package-files.sh: $binary is not an executable; build it first (cargo build --release)" >&2
    exit 2
}
rm -rf "$out/man" "$out/completions"
mkdir -p "$out/completions"
"$binary" manpage --to "$out/man"
"$binary" completions bash >"$out/completions/argmap.bash"
"$binary" completions zsh >"$out/completions/_argmap"
"$binary" completions fish >"$out/completions/argmap.fish"
echo "package-files.sh: wrote $(ls "$out/man" | wc -l) man pages and 3 completion scripts into $out"
