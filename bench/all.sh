#!/usr/bin/env bash
# Every benchmark that measures the bridge against its floor in the same run, each with a freshly
# started bridge; prints one table: figure, floor, ratio, target, met? (End to end against a minimal
# loop client is not built yet: bench/payouts.sh prints the bridge's figure alone.)
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench-all
mkdir -p "$OUT"
bench/intake.sh > "$OUT/intake.log" 2>&1
bench/webhooks.sh > "$OUT/webhooks.log" 2>&1
MESSAGES=${MESSAGES:-60000} PRODUCERS=${PRODUCERS:-32} BRIDGE_HEAP=${JMS_HEAP:-1g} BRIDGE_ARGS=--flashbridge.submit.enabled=false \
  bench/jms.sh > "$OUT/jms.log" 2>&1
printf '%-34s %-22s %-22s %-7s %-34s %s\n' benchmark figure floor ratio target met?
awk '/^RESULT intake-floor/ {f = $3} /^RESULT intake-bridge/ {b = $3} /heap after GC/ {h = $NF}
  END {printf "%-34s %-22s %-22s %-7.2f %-34s %s\n", "intake 100k rows to ack (256 MB)", sprintf("%.0f rows/s", b),
       sprintf("%.0f rows/s", f), b / f, ">= 0.80 and >= 20,000 rows/s", (b / f >= 0.8 && b >= 20000) ? "yes" : "no"}' "$OUT/intake.log"
awk '/^RESULT/ {n++; if (n == 1) {bare = $11} else {durable = $11; p99 = $9}}
  END {printf "%-34s %-22s %-22s %-7.2f %-34s %s\n", "signed webhooks, 32 connections", sprintf("%.0f/s p99 %.0f ms", durable, p99),
       sprintf("%.0f/s (bare)", bare), durable / bare, ">= 0.60, >= 3,000/s, p99 <= 25 ms",
       (durable / bare >= 0.6 && durable >= 3000 && p99 <= 25) ? "yes" : "no"}' "$OUT/webhooks.log"
awk '/^RESULT jms-floor/ {f = $3} /^RESULT jms-bridge/ {b = $3}
  END {printf "%-34s %-22s %-22s %-7.2f %-34s %s\n", "JMS instructions with replies", sprintf("%.0f/s", b),
       sprintf("%.0f/s (broker loop)", f), b / f, ">= 0.50 and >= 2,000/s", (b / f >= 0.5 && b >= 2000) ? "yes" : "no"}' "$OUT/jms.log"
