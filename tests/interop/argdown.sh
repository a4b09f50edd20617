#!/usr/bin/env bash
# Interop test against the real Argdown tool: installs @argdown/cli (npm, into
# target/interop), exports maps to Argdown with argmap, runs `argdown json` on each, and checks
# that Argdown reports no errors and reads one statement per node (with the node's text and
# kind tag) and one relation per link (same ends, same kind).
#
# usage: tests/interop/argdown.sh [path/to/argmap]   (default: builds and uses the debug binary)
set -euo pipefail
cd "$(dirname "$0")/../.."

ARGDOWN_VERSION=1.7.5
PREFIX=target/interop
WORK=target/interop/work

BIN="${1:-}"
if [ -z "$BIN" ]; then
    cargo build --quiet
    BIN=target/debug/argmap
fi
if [ ! -x "$BIN" ]; then
    echo "argdown interop: no argmap binary at $BIN" >&2
    exit 1
fi
for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "argdown interop: FAILED: $tool is not installed (Node.js 18 or later and npm are needed)" >&2
        exit 1
    fi
done

ARGDOWN="$PREFIX/node_modules/.bin/argdown"
installed="$(node -p "require('./$PREFIX/node_modules/@argdown/cli/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$ARGDOWN_VERSION" ]; then
    echo "installing @argdown/cli@$ARGDOWN_VERSION into $PREFIX"
    mkdir -p "$PREFIX"
    ok=0
    for attempt in 1 2 3; do
        if npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error \
            "@argdown/cli@$ARGDOWN_VERSION" >"$PREFIX/npm.log" 2>&1; then
            ok=1
            break
        fi
        echo "npm install failed (attempt $attempt); retrying" >&2
        sleep $((attempt * 5))
    done
    if [ "$ok" != 1 ]; then
        cat "$PREFIX/npm.log" >&2
        echo "argdown interop: FAILED: could not install @argdown/cli@$ARGDOWN_VERSION with npm" >&2
        exit 1
    fi
fi

rm -rf "$WORK"
mkdir -p "$WORK"
printf '(format_version: 1, title: "An empty map")\n' >"$WORK/empty.ron"
"$BIN" generate --nodes 60 --seed 1 --to "$WORK/generated-60.ron" 2>/dev/null
"$BIN" generate --nodes 400 --seed 7 --to "$WORK/generated-400.ron" 2>/dev/null
"$BIN" generate --nodes 1500 --seed 3 --to "$WORK/generated-1500.ron" 2>/dev/null
maps=(
    maps/khamenei-trump-dialogue.ron
    tests/data/special-characters.ron
    "$WORK/empty.ron"
    "$WORK/generated-60.ron"
    "$WORK/generated-400.ron"
    "$WORK/generated-1500.ron"
)

passed=0
failed=0
for map in "${maps[@]}"; do
    name="$(basename "$map" .ron)"
    "$BIN" export "$map" --to "$WORK/$name.argdown"
    "$BIN" export "$map" --to "$WORK/$name.argmap.json"
    if ! "$ARGDOWN" json "$WORK/$name.argdown" "$WORK/out" >"$WORK/$name.log" 2>&1 \
        || grep -qiE "error|exception" "$WORK/$name.log" \
        || [ ! -s "$WORK/out/$name.json" ]; then
        echo "FAIL $name: argdown could not read the export:"
        sed 's/^/    /' "$WORK/$name.log" | head -20
        failed=$((failed + 1))
        continue
    fi
    if node tests/interop/check-argdown.js "$name" "$WORK/out/$name.json" "$WORK/$name.argmap.json"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done

echo "argdown interop (@argdown/cli $ARGDOWN_VERSION): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
