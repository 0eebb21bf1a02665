#!/usr/bin/env bash
# Sustained ingest benchmark: starts `tokenmaxx serve` on a fresh data folder (DuckDB, durable:
# every acknowledged batch is committed), then drives it over loopback with concurrent clients in
# NDJSON and in OTLP/protobuf. Clients and server share this machine's cores.
# Usage: bench/ingest/run.sh [SECONDS] [CLIENTS] [BATCH]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
SECONDS_RUN="${1:-30}"; CLIENTS="${2:-4}"; BATCH="${3:-1000}"
bench_build
(cd "$BENCH_ROOT" && ./tokenmaxx --version >/dev/null)
WORK="$BENCH_ROOT/bench/work/ingest"; rm -rf "$WORK"; mkdir -p "$WORK"
PORT=18499
"$BENCH_ROOT/tokenmaxx" serve --port "$PORT" --host 127.0.0.1 --data "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
ADMIN="$(cat "$WORK/data/admin-token")"
TOKEN="$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/tokens" -H "Authorization: Bearer $ADMIN" \
  -d '{"scope":"ingest","team":"bench"}' | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')"
echo "server: tokenmaxx serve (DuckDB file, batches committed before each answer); $(nproc) cores shared with the clients"
for MODE in ndjson otlp; do
  "$JDK/bin/java" -Xmx2g -cp "$BENCH_ROOT/bench/target/classes:$(cat "$BENCH_ROOT/bench/target/classpath.txt")" \
    io.tokenmaxx.bench.ingest.IngestBench "http://127.0.0.1:$PORT" "$TOKEN" "$MODE" "$CLIENTS" "$BATCH" "$SECONDS_RUN"
done
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^tokenmaxx_ingest_(written|rejected|write_failed)' || true
