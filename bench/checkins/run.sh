#!/usr/bin/env bash
# Check-in search over 100k generated check-ins: p50/p95/p99 of typical queries with facets and
# permission filters, beside DuckDB ILIKE and PostgreSQL full-text search in the same run.
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
  echo "search bench: needs a JDK >= 21" >&2; exit 1
}
JAVA="$(pick_java)"
mvn -B -q -pl bench -am package -DskipTests >&2
exec "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx6g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.tokenmaxx.bench.checkins.CheckinSearchBench "$@"
