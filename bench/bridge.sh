# Sourced by the benchmarks: builds the jar and the test classes, starts the sandbox in its own JVM
# (time scale 0.01, so its memory is not counted) and the bridge with a capped heap, waits until
# the bridge is healthy, and stops both on exit (KEEP=1 leaves them running).
# Sets DATA, BRIDGE, SANDBOX, CLASSPATH. Bridge ports: HTTP 18080, SFTP 12222, broker 16161.
ROWS=${ROWS:-100000}
DATA=target/bench-data
rm -rf "$DATA" && mkdir -p "$DATA"

./mvnw -B -q -DskipTests package test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAR=target/flash-bridge-0.1.0-SNAPSHOT.jar
CLASSPATH="target/test-classes:target/classes:$(cat target/bench.classpath)"

SANDBOX_PORT=18090 SANDBOX_WEBHOOK_URL=http://localhost:18080/webhooks/flash \
  java -Xmx3g -jar "$JAR" --spring.profiles.active=sandbox --sandbox.time-scale=0.01 \
  --logging.level.root=WARN > "$DATA/sandbox.log" 2>&1 &
SANDBOX=$!
java -Xmx${BRIDGE_HEAP:-256m} -XX:+ExitOnOutOfMemoryError ${BRIDGE_JAVA_OPTS:-} -jar "$JAR" --flashbridge.sandbox.enabled=false --server.port=18080 \
  --flash.api-url=http://localhost:18090/ --flashbridge.data-dir="$DATA" --flashbridge.embedded.sftp.port=12222 \
  --flashbridge.embedded.artemis.acceptor=tcp://127.0.0.1:16161 --logging.level.io.flashbridge=WARN --logging.level.io.flashbridge.intake.file=INFO ${BRIDGE_ARGS:-} \
  > "$DATA/bridge.log" 2>&1 &
BRIDGE=$!
trap 'kill $BRIDGE $SANDBOX 2>/dev/null; wait $BRIDGE $SANDBOX 2>/dev/null || true' EXIT
if [ -n "${KEEP:-}" ]; then trap - EXIT; fi

for _ in $(seq 1 60); do
  curl -sf http://localhost:18080/actuator/health >/dev/null 2>&1 && break
  sleep 1
done
