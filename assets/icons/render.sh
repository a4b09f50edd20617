#!/bin/sh
# Renders argmap's icon PNGs from the SVG sources, into hicolor/NxN/apps/argmap.png.
# Needs rsvg-convert (Debian: librsvg2-bin). Run from anywhere; commit the PNGs it writes.
# 16 px uses argmap-small.svg, drawn on that pixel grid; every other size argmap.svg.
set -eu
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || {
    echo "render.sh: rsvg-convert not found; install librsvg2-bin" >&2
    exit 2
}
for size in 16 24 32 48 64 128 256 512; do
    source=argmap.svg
    [ "$size" -eq 16 ] && source=argmap-small.svg
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$source" \
        --output "hicolor/${size}x${size}/apps/argmap.png"
done
