# Sourced by the planner scripts: sets JDK to a JDK >= 21 (JAVA_HOME, `java` on PATH, or the usual folders).
jdk_feature() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n1; }
JDK=""
for c in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
         /usr/lib/jvm/* /usr/java/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
  [[ -n "$c" && -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
  v=$(jdk_feature "$c"); [[ -n "$v" && "$v" -ge 21 ]] && { JDK="$c"; break; }
done
[[ -n "$JDK" ]] || { echo "needs a JDK >= 21 (set JAVA_HOME)" >&2; exit 1; }
