#!/usr/bin/env bash
# Vendor import backfill at scale: 90 days x 5,000 people of Cursor usage events and daily data and of
# Claude Code Analytics rows, served by a loopback stand-in in its own process, pulled by the real
# importers; records/s and peak memory of the importing process. Usage: run.sh [people] [days] [eventsPerPersonDay]
# STORE=duckdb stores everything into a DuckDB file the way the server does (daily aggregates through
# source precedence) instead of only counting.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
PEOPLE="${1:-5000}" DAYS="${2:-90}" EVENTS="${3:-5}"
PORT_FILE="$(mktemp)"
CP="$BENCH_ROOT/bench/target/classes:$(cat "$BENCH_ROOT/bench/target/classpath.txt")"
"$JDK/bin/java" -Xmx2g -cp "$CP" io.tokenmaxx.bench.importers.ScaleStandIn "$PORT_FILE" "$PEOPLE" "$DAYS" "$EVENTS" &
STAND_IN=$!
trap 'kill "$STAND_IN" 2>/dev/null; rm -f "$PORT_FILE"' EXIT
for _ in $(seq 1 100); do [[ -s "$PORT_FILE" ]] && break; sleep 0.1; done
echo "stand-in: $PEOPLE people, $DAYS days, ~$EVENTS Cursor events per person-day, pid $STAND_IN" >&2
"$JDK/bin/java" -Xmx${IMPORT_HEAP:-1g} -cp "$CP" io.tokenmaxx.bench.importers.ImportBench "http://127.0.0.1:$(cat "$PORT_FILE")" "$DAYS" "${STORE:-count}"
