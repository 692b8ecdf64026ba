#!/usr/bin/env bash
# Intake benchmark: ROWS rows (default 100,000) from file drop to ack file in a bridge with a
# 256 MB heap, against its floor — the same rows parsed and batch-inserted into the same ledger
# schema by a plain JDBC loop in one JVM (1 GB: it generates the file in memory). Prints both, the ratio, and the bridge's
# heap after a full GC once the ack is written.
set -euo pipefail
cd "$(dirname "$0")/.."
ACK_ONLY=1
export ACK_ONLY
# Every GC of the bridge is logged: the largest heap left after a marking collection (G1's remark
# and cleanup, or a full GC) over the whole run (start-up, intake, the queueing after the ack) is
# the live heap's peak; a young collection's figure would count garbage not yet marked.
BRIDGE_JAVA_OPTS="${BRIDGE_JAVA_OPTS:-} -Xlog:gc:file=target/bench-data/gc.log"
source bench/bridge.sh
FLOOR=$(java -Xmx${FLOOR_HEAP:-1g} -cp "$CLASSPATH" io.flashbridge.bench.IntakeFloor "$ROWS" "$DATA" | tee >(cat >&2) | awk '/^RESULT/ {print $3}')
BRIDGE_RATE=$(java -cp "$CLASSPATH" io.flashbridge.bench.PayoutBenchmark 12222 "$ROWS" | tee >(cat >&2) | awk '/^RESULT/ {print $3}')
jcmd "$BRIDGE" GC.run >/dev/null
HEAP=$(jcmd "$BRIDGE" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1)}')
PEAK=$(grep -E 'Pause (Remark|Cleanup|Full)' "$DATA/gc.log" | grep -o -- '->[0-9]*M' | tr -d '>M-' | sort -n | tail -1)
awk -v b="$BRIDGE_RATE" -v f="$FLOOR" -v h="$HEAP" -v p="$PEAK" -v r="$ROWS" 'BEGIN {
  printf "intake %s rows: bridge %.0f rows/s, floor %.0f rows/s, ratio %.2f (target >= 0.80, 20,000 rows/s); heap after GC: peak %s MB during the run, %s after the ack\n", r, b, f, b / f, p, h }'
