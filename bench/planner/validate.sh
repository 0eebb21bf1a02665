#!/usr/bin/env bash
# Capacity-planner validation: predicted vs published maximum-load throughput, as a Markdown table.
# Usage: bench/planner/validate.sh [extra-rows.csv ...]   (same columns as calibration.csv)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
bench_run io.tokenmaxx.bench.planner.ValidatePlanner "$@"
