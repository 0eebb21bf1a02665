#!/usr/bin/env bash
# Capacity-planner validation: predicted vs published maximum-load throughput, as a Markdown table.
# Usage: bench/planner/validate.sh [extra-rows.csv ...]   (same columns as calibration.csv)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/planner/jdk.sh"
(cd "$ROOT" && JAVA_HOME="$JDK" mvn -B -q -DskipTests package -pl bench -am >&2)
exec "$JDK/bin/java" -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" \
  io.tokenmaxx.bench.planner.ValidatePlanner "$@"
