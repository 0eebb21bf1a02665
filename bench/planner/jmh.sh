#!/usr/bin/env bash
# Planner JMH benchmarks: one call (throughput, with latency targets, capacity sizing, TCO) and a 10k sweep.
# Usage: bench/planner/jmh.sh [extra JMH options]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
bench_run org.openjdk.jmh.Main 'io.tokenmaxx.bench.planner.PlannerBenchmark' "$@"
