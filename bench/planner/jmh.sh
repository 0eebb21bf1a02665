#!/usr/bin/env bash
# Planner JMH benchmarks: one call (throughput, with latency targets, capacity sizing, TCO) and a 10k sweep.
# Usage: bench/planner/jmh.sh [extra JMH options]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/planner/jdk.sh"
(cd "$ROOT" && JAVA_HOME="$JDK" mvn -B -q -DskipTests package -pl bench -am >&2)
exec "$JDK/bin/java" -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" \
  org.openjdk.jmh.Main 'io.tokenmaxx.bench.planner.PlannerBenchmark' "$@"
