#!/usr/bin/env bash
# Gateway benchmark: the same OpenAI chat-completions traffic straight to a loopback stand-in,
# through tokenmaxx's gateway and through Portkey 1.15.2, each in its own process, in one run.
#
#   bench/gateway/run.sh                       # 20000 requests per latency run, 10 s throughput runs, 1000 streams
#   REQUESTS=5000 SECONDS_PER_RUN=5 STREAMS=200 ROUNDS=1 bench/gateway/run.sh   # a quick look
#
# Ports BASE_PORT..BASE_PORT+2 (default 19100..19102) on 127.0.0.1. Portkey is installed from npm
# into $PEERS (default bench/out/peers). Results: bench/out/gateway/results.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/bench/out/gateway"
PEERS="${PEERS:-$ROOT/bench/out/peers}"
BASE_PORT="${BASE_PORT:-19100}"
STANDIN_PORT=$BASE_PORT GATEWAY_PORT=$((BASE_PORT + 1)) PORTKEY_PORT=$((BASE_PORT + 2))
mkdir -p "$OUT" "$PEERS"
command -v node >/dev/null || { echo "needs node and npm for Portkey" >&2; exit 1; }

PORTKEY="$PEERS/node_modules/@portkey-ai/gateway/build/start-server.js"
if [[ ! -f "$PORTKEY" ]]; then
  echo "installing @portkey-ai/gateway@1.15.2 into $PEERS" >&2
  npm install --silent --no-audit --no-fund --prefix "$PEERS" @portkey-ai/gateway@1.15.2 >&2
fi

source "$ROOT/bench/lib.sh"
bench_build
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
KEY="tmx_bench$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$JDK/bin/java" -Xmx512m -cp "$CP" -Djava.util.logging.config.file=/dev/null \
  io.tokenmaxx.bench.gateway.StandInMain "$STANDIN_PORT" > "$OUT/standin.log" 2>&1 &
PIDS+=($!); STANDIN_PID=$!
TOKENMAXX_GATEWAY_OPENAI_BASE_URL="http://127.0.0.1:$STANDIN_PORT/v1" TOKENMAXX_GATEWAY_OPENAI_API_KEY=sk-bench \
  "$JDK/bin/java" ${GATEWAY_JVM:--XX:+UseSerialGC -Xmx256m} ${GATEWAY_JAVA_OPTS:-} -cp "$CP" -Djava.util.logging.config.file=/dev/null \
  io.tokenmaxx.bench.gateway.GatewayMain "$GATEWAY_PORT" "$KEY" > "$OUT/gateway.log" 2>&1 &
PIDS+=($!); GATEWAY_PID=$!
node "$PORTKEY" --port="$PORTKEY_PORT" --headless > "$OUT/portkey.log" 2>&1 &
PIDS+=($!); PORTKEY_PID=$!

for port in "$STANDIN_PORT" "$GATEWAY_PORT" "$PORTKEY_PORT"; do
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" | tee "$OUT/load.txt" >&2

"$JDK/bin/java" -Xmx512m -cp "$CP" io.tokenmaxx.bench.gateway.GatewayBenchmark \
  --standin-port="$STANDIN_PORT" --standin-pid="$STANDIN_PID" \
  --gateway-port="$GATEWAY_PORT" --gateway-pid="$GATEWAY_PID" --gateway-key="$KEY" \
  --portkey-port="$PORTKEY_PORT" --portkey-pid="$PORTKEY_PID" \
  --requests="${REQUESTS:-20000}" --seconds="${SECONDS_PER_RUN:-10}" --streams="${STREAMS:-1000}" \
  --rounds="${ROUNDS:-2}" --out="$OUT" ${ONLY:+--only=$ONLY}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt" >&2
