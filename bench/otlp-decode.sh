#!/usr/bin/env bash
# OTLP decoding throughput (single thread, no JMH): builds the bench module, runs OtlpDecodeBench.
# Uses the JDK the tokenmaxx launcher would pick (TOKENMAXX_JAVA_HOME, JAVA_HOME, PATH, /usr/lib/jvm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -pl bench -am package -DskipTests
JAVA=""
for c in "${TOKENMAXX_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
  [[ -n "$c" && -x "$c/bin/java" ]] || continue
  v=$("$c/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n1)
  if [[ -n "$v" && "$v" -ge 21 ]]; then JAVA="$c/bin/java"; break; fi
done
[[ -z "$JAVA" ]] && command -v java >/dev/null && JAVA=java
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.tokenmaxx.bench.otlp.OtlpDecodeBench "$@"
