#!/usr/bin/env bash
# JMS benchmark: MESSAGES payout instructions (default 20,000), persistent, sent by PRODUCERS
# threads (default 8) of core banking over TCP to the embedded broker; prints instructions/s until
# every reply is back (each one recorded in the ledger, queued for Flash and answered), against the
# broker's own loop on the same broker (48 transacted consumers: queue entry + reply + commit).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/bridge.sh
FLOOR_RATE=$(FLOOR=1 java -cp "$CLASSPATH" io.flashbridge.bench.JmsBenchmark 16161 "${MESSAGES:-20000}" "${PRODUCERS:-8}" | tee >(cat >&2) | awk '/^RESULT/ {print $3}')
BRIDGE_RATE=$(java -cp "$CLASSPATH" io.flashbridge.bench.JmsBenchmark 16161 "${MESSAGES:-20000}" "${PRODUCERS:-8}" | tee >(cat >&2) | awk '/^RESULT/ {print $3}')
awk -v b="$BRIDGE_RATE" -v f="$FLOOR_RATE" 'BEGIN {
  printf "jms: bridge %.0f instructions/s with replies, broker loop %.0f/s, ratio %.2f (target >= 0.50, 2,000/s)\n", b, f, b / f }'
echo "Bridge heap cap: ${BRIDGE_HEAP:-256m}; peak bridge RSS: $(ps -o rss= -p $BRIDGE | awk '{printf "%.0f MB", $1/1024}')"
