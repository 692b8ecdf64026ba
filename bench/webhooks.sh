#!/usr/bin/env bash
# Webhook benchmark: signed webhooks with unique request ids under wrk (CONNECTIONS, default 32;
# DURATION, default 30s) against /webhooks/flash, every 200 durable in the ledger, and the same
# load against the same server's bare endpoint (bench/routes: 200 without checking or storing).
# Prints requests/s and p50/p99 of both and the ratio; checks that every answered request id is stored.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { echo "bench/webhooks.sh needs wrk, the HTTP load generator (Debian: apt-get install wrk)" >&2; exit 1; }
BRIDGE_ARGS="--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:bench/routes/*.camel.yaml --flashbridge.bench.bare-endpoint=true --flashbridge.webhook.secret=bench-webhook-secret ${BRIDGE_ARGS:-}"
source bench/bridge.sh
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30s}
export WEBHOOK_BODY='{"event":"withdrawal_completed","eventScheduledAt":"2026-11-27T00:00:00.000Z","id":"0000000000000000bench000","externalId":"BENCH-UNKNOWN","statusMessage":"Transaction Confirmed"}'
export WEBHOOK_SIGNATURE=$(printf '%s' "$WEBHOOK_BODY" | openssl dgst -sha256 -hmac bench-webhook-secret -binary | base64)
export WEBHOOK_RUN=$(date +%s)
# Both endpoints are warmed up alike (the JIT compiles each path) before either is measured.
WARMUP=${WARMUP:-10s}
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/webhooks.lua http://localhost:18080/bench/bare >/dev/null
export WEBHOOK_RUN=$((WEBHOOK_RUN + 1))
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/webhooks.lua http://localhost:18080/webhooks/flash >/dev/null
export WEBHOOK_RUN=$((WEBHOOK_RUN + 1))
BARE=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/webhooks.lua http://localhost:18080/bench/bare | tee >(cat >&2) | awk '/^RESULT/')
export WEBHOOK_RUN=$((WEBHOOK_RUN + 1))
stored_webhooks() {
  curl -s -u viewer:viewer http://localhost:18080/actuator/prometheus \
    | awk '/^flashbridge_webhooks_received_total\{/ && /duplicate="false"/ {n += $2} END {printf "%d", n}'
}
STORED_BEFORE=$(stored_webhooks)
DURABLE=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/webhooks.lua http://localhost:18080/webhooks/flash | tee >(cat >&2) | awk '/^RESULT/')
STORED=$(( $(stored_webhooks) - STORED_BEFORE ))
LEDGER_MB=$(( $(stat -c %s "$DATA/ledger.mv.db") / 1048576 ))
echo "$BARE" | awk '{printf "bare endpoint:  %.0f requests/s, p50 %.1f ms, p99 %.1f ms, errors %d\n", $11, $7, $9, $5}'
echo "$DURABLE" | awk -v stored="$STORED" '{printf "signed, stored: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, errors %d; %d answered, %d in the ledger\n", $11, $7, $9, $5, $3, stored}'
echo "ledger file after $(stored_webhooks) stored webhooks: $LEDGER_MB MB"
awk -v d="$(echo "$DURABLE" | awk '{print $11}')" -v b="$(echo "$BARE" | awk '{print $11}')" -v p="$(echo "$DURABLE" | awk '{print $9}')" -v c="$CONNECTIONS" 'BEGIN {
  printf "webhooks at %d connections: durable %.0f/s vs bare %.0f/s, ratio %.2f (target >= 0.60, 3,000/s, p99 <= 25 ms: p99 %.1f ms)\n", c, d, b, d / b, p }'
