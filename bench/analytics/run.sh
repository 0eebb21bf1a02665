#!/usr/bin/env bash
# Analytics pages at 100M usage records: load (once; the database is kept under bench/out/analytics),
# then p50/p95 of every page and store query, rollups vs records, and the ingest cost of the rollups.
# Usage: bench/analytics/run.sh [--people 5000] [--weeks 26] [--intensity 2.4] [--runs 5] [--memory 8GB]
#                               [--fresh] [--load-only] [--rebuild] [--skip-maintenance] [--skip-ingest]
# --load-only generates and loads the database (kept for later runs) and stops before timing anything;
# --rebuild rebuilds the rollups of a kept database from its records first.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
cd "$BENCH_ROOT"
bench_run -Xmx6g io.tokenmaxx.bench.analytics.AnalyticsBench "$@"
