#!/usr/bin/env bash
# Payout benchmark: a generated CSV of ROWS rows (default 100,000) dropped over SFTP into a bridge
# whose heap is capped at 256 MB; prints rows/s until the ack file and payouts/s until the final
# status file (ACK_ONLY=1 stops after the ack).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/bridge.sh
java -cp "$CLASSPATH" io.flashbridge.bench.PayoutBenchmark 12222 "$ROWS"
echo "Bridge heap cap: ${BRIDGE_HEAP:-256m}; peak bridge RSS: $(ps -o rss= -p $BRIDGE | awk '{printf "%.0f MB", $1/1024}')"
