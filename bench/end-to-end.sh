#!/usr/bin/env bash
# End-to-end benchmark: ROWS payouts (default 10,000) from file drop to final status file in a
# bridge with a 256 MB heap, against its floor — a minimal loop client (bench.EndToEndFloor) making
# the same createWithdrawal calls with the same concurrency (8) as a client account of its own in
# the same sandbox, and answering the same webhooks with a bare 200. The sandbox runs at time scale
# 0.01, so every lifecycle completes within a second of simulated minutes. Prints both and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000}
source bench/bridge.sh
FLOOR=$(java -cp "$CLASSPATH" io.flashbridge.bench.EndToEndFloor "$ROWS" http://localhost:18090/ 18095 | tee >(cat >&2) | awk '/^RESULT/ {print $3}')
BRIDGE_RATE=$(java -cp "$CLASSPATH" io.flashbridge.bench.PayoutBenchmark 12222 "$ROWS" | tee >(cat >&2) | awk '/^RESULT e2e-bridge/ {print $3}')
awk -v b="$BRIDGE_RATE" -v f="$FLOOR" -v r="$ROWS" 'BEGIN {
  printf "end to end %s payouts: bridge %.0f payouts/s, floor %.0f payouts/s, ratio %.2f (target >= 0.70)\n", r, b, f, b / f }'
