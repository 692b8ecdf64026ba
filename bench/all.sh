#!/usr/bin/env bash
# Every benchmark that measures the bridge against its floor in the same run, each with a freshly
# started bridge; prints one table: figure, floor, ratio, target, met?
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench-all
mkdir -p "$OUT"
if [ -z "${TABLE_ONLY:-}" ]; then
bench/intake.sh > "$OUT/intake.log" 2>&1
bench/webhooks.sh > "$OUT/webhooks.log" 2>&1
ROWS=${E2E_ROWS:-10000} bench/end-to-end.sh > "$OUT/end-to-end.log" 2>&1
MESSAGES=${MESSAGES:-60000} PRODUCERS=${PRODUCERS:-32} BRIDGE_HEAP=${JMS_HEAP:-1g} BRIDGE_ARGS=--flashbridge.submit.enabled=false \
  bench/jms.sh > "$OUT/jms.log" 2>&1
fi
printf '%-34s %-24s %-24s %-6s %-36s %s\n' benchmark figure floor ratio target met?
awk 'function rate(label) {return match($0, label " [0-9]+") ? substr($0, RSTART + length(label) + 1, RLENGTH - length(label) - 1) + 0 : 0}
  /^intake [0-9]+ rows/ {b = rate("bridge"); f = rate("floor"); if (match($0, /peak [0-9]+ MB/)) heap = substr($0, RSTART + 5, RLENGTH - 5)}
  /^intake, cold/ {cb = rate("bridge"); cf = rate("floor")}
  END {printf "%-34s %-24s %-24s %-6.2f %-36s %s\n", "intake 100k rows to ack (256 MB), warm", b " rows/s (live heap " heap ")", f " rows/s",
       b / f, ">= 0.80 and >= 20,000 rows/s", (b / f >= 0.8 && b >= 20000) ? "yes" : "no"
       if (cf) printf "%-34s %-24s %-24s %-6.2f %-36s %s\n", "  the same, cold (first file)", cb " rows/s", cf " rows/s", cb / cf, "(for reference)", "-"}' "$OUT/intake.log"
awk '/^webhooks at/ {gsub("/s", ""); d = $6 + 0; bare = $9 + 0; p99 = $(NF - 1) + 0}
  END {printf "%-34s %-24s %-24s %-6.2f %-36s %s\n", "signed webhooks, 32 connections", d "/s, p99 " p99 " ms", bare "/s (bare endpoint)",
       d / bare, ">= 0.60, >= 3,000/s, p99 <= 25 ms", (d / bare >= 0.6 && d >= 3000 && p99 <= 25) ? "yes" : "no"}' "$OUT/webhooks.log"
awk '/^end to end [0-9]+ payouts:/ {b = $7 + 0; f = $10 + 0; n = $4}
  END {printf "%-34s %-24s %-24s %-6.2f %-36s %s\n", "end to end, " n " payouts, warm", b " payouts/s", f " payouts/s (loop client)",
       b / f, ">= 0.70", (b / f >= 0.7) ? "yes" : "no"}' "$OUT/end-to-end.log"
awk '/^end to end, cold/ {b = $(NF - 6) + 0; f = $(NF - 3) + 0; found = 1}
  END {if (found) printf "%-34s %-24s %-24s %-6.2f %-36s %s\n", "  the same, cold (first run)", b " payouts/s", f " payouts/s", b / f, "(for reference)", "-"}' "$OUT/end-to-end.log"
awk '/^jms: bridge/ {gsub("/s", ""); b = $3 + 0; f = $9 + 0}
  END {printf "%-34s %-24s %-24s %-6.2f %-36s %s\n", "JMS instructions with replies", b "/s", f "/s (broker loop)",
       b / f, ">= 0.50 and >= 2,000/s", (b / f >= 0.5 && b >= 2000) ? "yes" : "no"}' "$OUT/jms.log"
