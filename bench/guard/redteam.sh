#!/usr/bin/env bash
# Goodhart-guard held-out evaluation on red-team organizations (a generator separate from the demo's):
# thresholds fitted on the odd seeds, the table reported on the even seeds. Recall per gaming strategy at
# its default parameters and over the sweep, false-positive rate per honest persona.
# Usage: bench/guard/redteam.sh [seeds]   (default 20: 10 to fit, 10 to report)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_build
cd "$BENCH_ROOT"
bench_run -Xmx4g io.tokenmaxx.bench.guard.redteam.RedTeamEvaluation "$@"
