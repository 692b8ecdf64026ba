#!/usr/bin/env bash
# JMS benchmark: MESSAGES payout instructions (default 20,000), persistent, sent by PRODUCERS
# threads (default 8) of core banking over TCP to the embedded broker; prints instructions/s until
# every reply is back (each one recorded in the ledger, queued for Flash and answered).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/bridge.sh
java -cp "$CLASSPATH" io.flashbridge.bench.JmsBenchmark 16161 "${MESSAGES:-20000}" "${PRODUCERS:-8}"
echo "Bridge heap cap: ${BRIDGE_HEAP:-256m}; peak bridge RSS: $(ps -o rss= -p $BRIDGE | awk '{printf "%.0f MB", $1/1024}')"
