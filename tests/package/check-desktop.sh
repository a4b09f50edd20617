#!/bin/sh
# Checks the desktop files as a desktop reads them: the desktop entry passes
# desktop-file-validate, the MIME definition follows shared-mime-info's DTD, and once installed
# into a scratch XDG_DATA_HOME, xdg-mime and gio take maps for application/x-argmap+ron and
# other RON files for plain text. Takes a few seconds; installs the Debian tools when missing.
# Usage: tests/package/check-desktop.sh
set -eu
cd "$(dirname "$0")/../.."

need() { command -v "$1" >/dev/null || missing="$missing $2"; }
missing=""
need desktop-file-validate desktop-file-utils
need xmllint libxml2-utils
need update-mime-database shared-mime-info
need xdg-mime xdg-utils
need gio libglib2.0-bin
if [ -n "$missing" ]; then
    apt-get update -qq && apt-get install -y -qq $missing >/dev/null
fi

failures=0
fail() { echo "check-desktop: FAIL: $*" >&2; failures=$((failures + 1)); }

# Hints (such as a second main category) are advice; errors and warnings fail.
report=$(desktop-file-validate assets/argmap.desktop 2>&1 || echo "exit status $?")
echo "$report" | grep -v ': hint: ' | grep -q . && fail "desktop-file-validate: $report"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# shared-mime-info's DTD is the internal subset at the top of its own freedesktop.org.xml.
sed -n '/^<!DOCTYPE mime-info \[/,/^\]>/p' /usr/share/mime/packages/freedesktop.org.xml |
    sed '1d;$d' >"$scratch/mime.dtd"
[ -s "$scratch/mime.dtd" ] || fail "no DTD found in freedesktop.org.xml"
xmllint --noout --dtdvalid "$scratch/mime.dtd" assets/argmap.xml || fail "argmap.xml is not valid"

mkdir -p "$scratch/data/mime/packages" "$scratch/files"
cp assets/argmap.xml "$scratch/data/mime/packages/"
update-mime-database "$scratch/data/mime" 2>/dev/null
cp maps/khamenei-trump-dialogue.ron tests/data/special-characters.ron "$scratch/files/"
printf '(\n    format_version: 1,\n)\n' >"$scratch/files/minimal.ron"
printf 'not RON at all\n' >"$scratch/files/named.argmap.ron"
printf '(name: "a Bevy asset", size: 3)\n' >"$scratch/files/asset.ron"
printf 'format_version: 1 is argmap s first field\n' >"$scratch/files/notes.txt"

expect() {
    file=$scratch/files/$1
    want=$2
    by_xdg=$(XDG_DATA_HOME=$scratch/data xdg-mime query filetype "$file")
    by_gio=$(XDG_DATA_HOME=$scratch/data gio info -a standard::content-type "$file" |
        sed -n 's/.*standard::content-type: //p')
    [ "$by_xdg" = "$want" ] || fail "xdg-mime: $1 is $by_xdg, not $want"
    [ "$by_gio" = "$want" ] || fail "gio: $1 is $by_gio, not $want"
}
expect khamenei-trump-dialogue.ron application/x-argmap+ron
expect special-characters.ron application/x-argmap+ron
expect minimal.ron application/x-argmap+ron
expect named.argmap.ron application/x-argmap+ron
expect asset.ron text/plain
expect notes.txt text/plain

if [ "$failures" -ne 0 ]; then
    echo "check-desktop: $failures failed" >&2
    exit 1
fi
echo "check-desktop: the desktop entry and the map file type are fine"
