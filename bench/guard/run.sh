#!/usr/bin/env bash
# Goodhart-guard detection on the labelled generated organization: prints the confusion table per
# burner kind and per legitimate persona. Features come from the DuckDB store's SQL (the production
# path); add --reference for the pure-Java reference. Usage: bench/guard/run.sh [people] [weeks] [seed] [--reference]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
cd "$BENCH_ROOT"
bench_run -Xmx6g io.tokenmaxx.bench.guard.GuardEvaluation "$@"
