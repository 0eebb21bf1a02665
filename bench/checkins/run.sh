#!/usr/bin/env bash
# Check-in search over 100k generated check-ins: p50/p95/p99 of typical queries with facets and
# permission filters, beside DuckDB ILIKE and PostgreSQL full-text search in the same run.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
cd "$BENCH_ROOT"
bench_run -Xmx6g io.tokenmaxx.bench.checkins.CheckinSearchBench "$@"
