#!/usr/bin/env bash
# Goodhart-guard detection on the labelled generated organization: prints the confusion table per
# burner kind and per legitimate persona. Features come from the DuckDB store's SQL (the production
# path); add --reference for the pure-Java reference. Usage: bench/guard/run.sh [people] [weeks] [seed] [--reference]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
pick_java() {
  local c v
  for c in "${JAVA_HOME:-}" $(dirname "$(dirname "$(readlink -f "$(command -v java)")")" 2>/dev/null) /usr/lib/jvm/*; do
    [[ -n "$c" && -x "$c/bin/java" ]] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release" 2>/dev/null | head -n1)
    [[ -n "$v" && "$v" -ge 21 ]] && { echo "$c/bin/java"; return; }
  done
  echo "guard bench: needs a JDK >= 21" >&2; exit 1
}
JAVA="$(pick_java)"
mvn -B -q -pl bench -am package -DskipTests >&2
exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx6g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.tokenmaxx.bench.guard.GuardEvaluation "$@"
