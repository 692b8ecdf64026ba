#!/usr/bin/env bash
# End-to-end benchmark: ROWS payouts (default 10,000) from file drop to final status file in a
# bridge with a 256 MB heap, against its floor — a minimal loop client (bench.EndToEndFloor) making
# the same createWithdrawal calls with the same concurrency (8) as a client account of its own in
# the same sandbox, and answering the same webhooks with a bare 200. The sandbox runs at time scale
# 0.01, so every lifecycle completes within a second of simulated minutes.
#
# Each side first runs WARMUP payouts (default 10,000; 0 measures cold only) and is then measured on
# ROWS more: a fresh bridge spends most of its first minute compiling Spring, Camel, H2, Artemis and
# Tomcat code (the JIT took a third of its CPU over the first 10,000 payouts), a cost a bridge that
# runs for weeks pays once. Both the cold (first run) and the warm figures are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000}
WARMUP=${WARMUP:-10000}
source bench/bridge.sh

floor() { # payouts, webhook port
  java -cp "$CLASSPATH" io.flashbridge.bench.EndToEndFloor "$1" http://localhost:18090/ "$2" | tee >(cat >&2) | awk '/^RESULT/ {print $3}'
}
bridge() { # payouts
  java -cp "$CLASSPATH" io.flashbridge.bench.PayoutBenchmark 12222 "$1" | tee >(cat >&2) | awk '/^RESULT e2e-bridge/ {print $3}'
}

if [ "$WARMUP" -gt 0 ]; then
  COLD_FLOOR=$(floor "$WARMUP" 18094)
  COLD_BRIDGE=$(bridge "$WARMUP")
  awk -v b="$COLD_BRIDGE" -v f="$COLD_FLOOR" -v r="$WARMUP" 'BEGIN {
    printf "end to end, cold (the first %s payouts of a fresh bridge and floor): bridge %.0f payouts/s, floor %.0f payouts/s, ratio %.2f\n", r, b, f, b / f }'
fi
FLOOR=$(floor "$ROWS" 18095)
BRIDGE_RATE=$(bridge "$ROWS")
awk -v b="$BRIDGE_RATE" -v f="$FLOOR" -v r="$ROWS" -v w="$WARMUP" 'BEGIN {
  printf "end to end %s payouts: bridge %.0f payouts/s, floor %.0f payouts/s, ratio %.2f (target >= 0.70; after %s payouts of warm-up)\n", r, b, f, b / f, w }'
