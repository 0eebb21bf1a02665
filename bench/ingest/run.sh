#!/usr/bin/env bash
# Sustained ingest benchmark: starts `tokenmaxx serve` on a fresh data folder (DuckDB, durable:
# every acknowledged batch is committed), then drives it over loopback with concurrent clients in
# NDJSON and in OTLP/protobuf. Clients and server share this machine's cores.
#
#   bench/ingest/run.sh [SECONDS] [CLIENTSxBATCH ...]
#   bench/ingest/run.sh 30 8x5000 16x5000 8x10000     # what docs/BENCHMARKS.md records
#
# Each CLIENTSxBATCH runs for SECONDS (after 3 s of warm-up) in both encodings, each into a server
# of its own on an empty data folder (so neither encoding writes into a table the other filled).
# Prints acknowledged records/s, request latencies, the client's and the server's CPU time per
# record.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
SECONDS_RUN="${1:-30}"; shift || true
CONFIGS=("$@"); [[ ${#CONFIGS[@]} -gt 0 ]] || CONFIGS=(4x1000)
bench_build
(cd "$BENCH_ROOT" && ./tokenmaxx --version >/dev/null)
WORK="$BENCH_ROOT/bench/out/ingest"; rm -rf "$WORK"; mkdir -p "$WORK"
PORT=18499
TICK="$(getconf CLK_TCK)"
SERVER=""
trap '[[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true' EXIT

start_server() { # data folder
  "$BENCH_ROOT/tokenmaxx" serve --port "$PORT" --host 127.0.0.1 --data "$1" >"$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
  ADMIN="$(cat "$1/admin-token")"
  TOKEN="$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/tokens" -H "Authorization: Bearer $ADMIN" \
    -d '{"scope":"ingest","team":"bench"}' | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')"
  JAVA_PID="$(pgrep -P "$SERVER" java || echo "$SERVER")"
}
stop_server() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
written() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^tokenmaxx_ingest_written_records_total/{print $2}'; }

echo "server: tokenmaxx serve (DuckDB file, batches committed before each answer), a fresh one per run; $(nproc) cores shared with the clients"
for CONFIG in "${CONFIGS[@]}"; do
  CLIENTS="${CONFIG%x*}"; BATCH="${CONFIG#*x}"
  for MODE in ndjson otlp; do
    start_server "$WORK/data-$CONFIG-$MODE"
    before="$(written)"
    t0="$(cpu_ticks "$JAVA_PID")"
    "$JDK/bin/java" -Xmx2g -cp "$BENCH_ROOT/bench/target/classes:$(cat "$BENCH_ROOT/bench/target/classpath.txt")" \
      io.tokenmaxx.bench.ingest.IngestBench "http://127.0.0.1:$PORT" "$TOKEN" "$MODE" "$CLIENTS" "$BATCH" "$SECONDS_RUN" &
    CLIENT=$!
    wait "$CLIENT"
    t1="$(cpu_ticks "$JAVA_PID")"
    after="$(written)"
    awk -v b="$before" -v a="$after" -v c="$((t1 - t0))" -v hz="$TICK" 'BEGIN {
      if (a > b) printf "  server CPU: %.1f s for %d records written, %.1f us per record\n", c / hz, a - b, c / hz * 1e6 / (a - b) }'
    curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^tokenmaxx_ingest_(rejected|write_failed)' | awk '$2 > 0 {print "  " $0}' || true
    stop_server
  done
done
