#!/usr/bin/env bash
# Every argmap command, whole process, on generated maps of 1,000, 10,000 and 100,000 nodes:
# wall time and peak memory (/usr/bin/time), to show each grows linearly with the map.
# Issue 17's targets are for 100,000 nodes (see BENCHMARKS.md "Commands").
#
# usage: benches/commands.sh [BIN]      (default: builds and uses target/release/argmap)
# Prints a Markdown table: one row per command, "seconds / peak MiB" per size.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    BIN="$1"
else
    cargo build --release --quiet
    BIN=target/release/argmap
fi
SIZES=(1000 10000 100000)
WORK=target/bench-commands
rm -rf "$WORK"
mkdir -p "$WORK"

# "SECONDS / PEAK-MB" of one run of "$@"; exit codes 0 and 1 (differences, conflicts,
# warnings-as-findings) count as success.
measure() {
    local rc=0
    /usr/bin/time -o "$WORK/time" -f '%e %M' "$@" >/dev/null 2>&1 || rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "failed ($rc): $*" >&2
        echo "failed"
        return
    fi
    tail -1 "$WORK/time" | awk '{printf "%.2f s / %d MiB", $1, $2 / 1024}'
}

declare -A RESULT
COMMANDS=(check fmt "export json" "export md" "export argdown" "export aif" "export dot"
    "export svg" "import argdown" "import aif" "diff" "merge")
for n in "${SIZES[@]}"; do
    g="$WORK/g$n.ron"
    "$BIN" generate --nodes "$n" --seed 1 --to "$g"
    # Ours and theirs edit different texts (every 97th and every 89th line that has one).
    sed '0~97s/text: "/text: "Ours: /' "$g" >"$WORK/ours$n.ron"
    sed '0~89s/text: "/text: "Theirs: /' "$g" >"$WORK/theirs$n.ron"
    RESULT["check,$n"]=$(measure "$BIN" check "$g")
    cp "$g" "$WORK/fmt$n.ron"
    RESULT["fmt,$n"]=$(measure "$BIN" fmt "$WORK/fmt$n.ron")
    for f in json md argdown aif dot svg; do
        RESULT["export $f,$n"]=$(measure "$BIN" export "$g" --to "$WORK/g$n.$f")
    done
    RESULT["import argdown,$n"]=$(measure "$BIN" import "$WORK/g$n.argdown" --to "$WORK/fromad$n.ron")
    # argmap's AIF export is JSON; import it as AIF.
    RESULT["import aif,$n"]=$(measure "$BIN" import "$WORK/g$n.aif" --to "$WORK/fromaif$n.ron" --format aif)
    RESULT["diff,$n"]=$(measure "$BIN" diff "$g" "$WORK/ours$n.ron")
    RESULT["merge,$n"]=$(measure "$BIN" merge "$g" "$WORK/ours$n.ron" "$WORK/theirs$n.ron" -o "$WORK/merged$n.ron")
done

printf '| command |'
for n in "${SIZES[@]}"; do printf ' %s nodes |' "$n"; done
printf '\n|---|'
for _ in "${SIZES[@]}"; do printf -- '---:|'; done
printf '\n'
for c in "${COMMANDS[@]}"; do
    printf '| `%s` |' "$c"
    for n in "${SIZES[@]}"; do printf ' %s |' "${RESULT["$c,$n"]}"; done
    printf '\n'
done
echo
ls -l "$WORK"/g100000.ron | awk '{printf "100,000-node map file: %.1f MB\n", $5 / 1e6}'
