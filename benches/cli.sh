#!/bin/bash
# The command line as README builds it (`cargo build --release`), over 1,000 reports:
# the text reports of tests/fixtures (national and provincial 政府工作报告, rule-of-law
# reports, constructed ones) copied round-robin into a temporary folder, each copy with
# a line of its own so that no two texts are the same, then analysed through `--csv`.
# Prints, for one and for two threads (the CLI uses as many as it may run on, so
# `taskset` sets it), the wall time, the throughput and the peak memory, best of three.
# Measures; asserts nothing.
#
# Run: bash benches/cli.sh   (after cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/report-lens
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
mapfile -t SOURCES < <(ls tests/fixtures/*.txt)
for i in $(seq 0 999); do
  src=${SOURCES[$((i % ${#SOURCES[@]}))]}
  { cat "$src"; printf '\n%d\n' "$i"; } > "$DIR/$(printf '%04d' "$i")-$(basename "$src")"
done
BYTES=$(cat "$DIR"/* | wc -c)
echo "1000 reports, $((BYTES / 1024 / 1024)) MiB"
for cpus in 0 0,1; do
  best=""
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f '%e %M' taskset -c "$cpus" "$BIN" analyze "$DIR" --csv > /dev/null; } 2>&1 | tail -1)
    secs=${out% *}
    kb=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best% *})}"; then best="$secs $kb"; fi
  done
  secs=${best% *}
  kb=${best#* }
  threads=$(( $(echo "$cpus" | tr ',' '\n' | wc -l) ))
  awk -v t="$threads" -v s="$secs" -v b="$BYTES" -v k="$kb" \
    'BEGIN { printf "%d thread(s): %.2f s, %.1f MiB/s, peak %.0f MiB\n", t, s, b / s / 1048576, k / 1024 }'
done
