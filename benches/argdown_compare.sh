#!/usr/bin/env bash
# argmap vs the Argdown CLI, in one run on the same generated maps: the time to turn a map
# into an SVG picture. argmap: `argmap export MAP.ron --to MAP.svg`; Argdown: `argdown map
# --format svg MAP.argdown OUTDIR` on argmap's Argdown export of the same map (the input Argdown
# reads best). Each figure is the median of RUNS whole-process runs (start-up included, as a
# user or a script would see it).
#
# usage: benches/argdown_compare.sh [RUNS]     (default 5; installs @argdown/cli like the
#        interop test does, into target/interop; needs node and npm)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
SIZES=(100 1000 5000 10000)
# Argdown is given at most this long per run (at 10,000 nodes it has been seen to overflow
# its stack); argmap alone is also timed at 100,000 nodes.
ARGDOWN_TIMEOUT=120

cargo build --release --quiet
BIN=target/release/argmap
# The interop test installs the pinned @argdown/cli and checks it reads argmap's exports.
bash tests/interop/argdown.sh "$BIN" >/dev/null
ARGDOWN=target/interop/node_modules/.bin/argdown
WORK=target/bench-argdown
rm -rf "$WORK"
mkdir -p "$WORK"

# Median wall time in milliseconds of running "$@" RUNS times.
median_ms() {
    local times=() i start end
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "| nodes | argmap export --to .svg | argdown map --format svg | Argdown / argmap |"
echo "|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    map="$WORK/g$n.ron"
    "$BIN" generate --nodes "$n" --seed 1 --to "$map"
    "$BIN" export "$map" --to "$WORK/g$n.argdown"
    ours=$(median_ms "$BIN" export "$map" --to "$WORK/g$n.svg")
    rm -rf "$WORK/argdown-out"
    if theirs=$(median_ms timeout "$ARGDOWN_TIMEOUT" "$ARGDOWN" map --format svg \
        "$WORK/g$n.argdown" "$WORK/argdown-out") && [ -s "$WORK/argdown-out/g$n.svg" ]; then
        ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.0f×", a / (b > 0 ? b : 1) }')
        echo "| $n | $ours ms | $theirs ms | $ratio |"
    else
        echo "| $n | $ours ms | failed (no SVG within ${ARGDOWN_TIMEOUT} s) | |"
    fi
done
n=100000
"$BIN" generate --nodes "$n" --seed 1 --to "$WORK/g$n.ron"
ours=$(median_ms "$BIN" export "$WORK/g$n.ron" --to "$WORK/g$n.svg")
echo "| $n | $ours ms | not run | |"
