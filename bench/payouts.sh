#!/usr/bin/env bash
# Payout benchmark: a generated CSV of ROWS rows (default 100,000) dropped over SFTP into a bridge
# whose heap is capped at 256 MB; prints rows/s until the ack file and payouts/s until the final
# status file. The sandbox runs in its own JVM (time scale 0.01) so its memory is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
DATA=target/bench-data
rm -rf "$DATA" && mkdir -p "$DATA"

./mvnw -B -q -DskipTests package test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAR=target/flash-bridge-0.1.0-SNAPSHOT.jar

SANDBOX_PORT=18090 SANDBOX_WEBHOOK_URL=http://localhost:18080/webhooks/flash \
  java -Xmx3g -jar "$JAR" --spring.profiles.active=sandbox --sandbox.time-scale=0.01 \
  --logging.level.root=WARN > "$DATA/sandbox.log" 2>&1 &
SANDBOX=$!
java -Xmx${BRIDGE_HEAP:-256m} -XX:+ExitOnOutOfMemoryError ${BRIDGE_JAVA_OPTS:-} -jar "$JAR" --flashbridge.sandbox.enabled=false --server.port=18080 \
  --flash.api-url=http://localhost:18090/ --flashbridge.data-dir="$DATA" --flashbridge.embedded.sftp.port=12222 \
  --flashbridge.embedded.artemis.acceptor=tcp://127.0.0.1:16161 --logging.level.io.flashbridge=WARN --logging.level.io.flashbridge.intake=INFO ${BRIDGE_ARGS:-} \
  > "$DATA/bridge.log" 2>&1 &
BRIDGE=$!
trap 'kill $BRIDGE $SANDBOX 2>/dev/null; wait $BRIDGE $SANDBOX 2>/dev/null || true' EXIT
if [ -n "${KEEP:-}" ]; then trap - EXIT; fi

for _ in $(seq 1 60); do
  curl -sf http://localhost:18080/actuator/health >/dev/null 2>&1 && break
  sleep 1
done
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.flashbridge.bench.PayoutBenchmark 12222 "$ROWS"
echo "Bridge heap cap: ${BRIDGE_HEAP:-256m}; peak bridge RSS: $(ps -o rss= -p $BRIDGE | awk '{printf "%.0f MB", $1/1024}')"
