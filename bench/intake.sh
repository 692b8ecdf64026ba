#!/usr/bin/env bash
# Intake benchmark: ROWS rows (default 100,000) from file drop to ack file in a bridge with a
# 256 MB heap, against its floor — the same rows parsed and batch-inserted into the same ledger
# schema by a plain JDBC loop in one JVM (1 GB: it generates the file in memory). Prints both, the ratio, and the bridge's
# heap after a full GC once the ack is written.
#
# Like the end-to-end benchmark, each side first takes one file of ROWS rows and is measured on a
# second (WARMUP=0 measures the first file only): a fresh bridge's JIT compilers used 4.3 s of CPU
# during its first 100,000-row file, on a 2-core machine. Both figures are printed. Submission is
# held (flashbridge.submit.enabled=false), so the first file's payouts are not being paid while
# the second is read; the ack counts from the moment it is listed in the inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
ACK_ONLY=1
export ACK_ONLY
WARMUP=${WARMUP:-1}
BRIDGE_ARGS="${BRIDGE_ARGS:-} --flashbridge.submit.enabled=false"
# Every GC of the bridge is logged: the largest heap left after a marking collection (G1's remark
# and cleanup, or a full GC) over the whole run (start-up, intake, the queueing after the ack) is
# the live heap's peak; a young collection's figure would count garbage not yet marked.
BRIDGE_JAVA_OPTS="${BRIDGE_JAVA_OPTS:-} -Xlog:gc:file=target/bench-data/gc.log"
source bench/bridge.sh

bridge() {
  java -cp "$CLASSPATH" io.flashbridge.bench.PayoutBenchmark 12222 "$ROWS" | tee >(cat >&2) | awk '/^RESULT/ {print $3}'
}

FLOOR_RUNS=$(java -Xmx${FLOOR_HEAP:-1g} -cp "$CLASSPATH" io.flashbridge.bench.IntakeFloor "$ROWS" "$DATA" \
  $([ "$WARMUP" -gt 0 ] && echo warm) | tee >(cat >&2))
FLOOR_COLD=$(awk '/^RESULT intake-floor-cold/ {print $3}' <<< "$FLOOR_RUNS")
FLOOR=$(awk '/^RESULT intake-floor / {print $3}' <<< "$FLOOR_RUNS")
COLD=$(bridge)
BRIDGE_RATE=$COLD
if [ "$WARMUP" -gt 0 ]; then
  awk -v b="$COLD" -v f="$FLOOR_COLD" -v r="$ROWS" 'BEGIN {
    printf "intake, cold (the first %s-row file of a fresh bridge and floor): bridge %.0f rows/s, floor %.0f rows/s, ratio %.2f\n", r, b, f, b / f }'
  BRIDGE_RATE=$(bridge)
fi
jcmd "$BRIDGE" GC.run >/dev/null
HEAP=$(jcmd "$BRIDGE" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1)}')
PEAK=$(grep -E 'Pause (Remark|Cleanup|Full)' "$DATA/gc.log" | grep -o -- '->[0-9]*M' | tr -d '>M-' | sort -n | tail -1)
awk -v b="$BRIDGE_RATE" -v f="$FLOOR" -v h="$HEAP" -v p="$PEAK" -v r="$ROWS" -v w="$WARMUP" 'BEGIN {
  printf "intake %s rows%s: bridge %.0f rows/s, floor %.0f rows/s, ratio %.2f (target >= 0.80, 20,000 rows/s); heap after GC: peak %s MB during the run, %s after the ack\n", r, (w > 0 ? " (after a file of as many)" : ""), b, f, b / f, p, h }'
