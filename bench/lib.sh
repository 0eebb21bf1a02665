# Shared by the bench scripts: find a JDK >= 21, build the bench module, run a main class.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/jdk.sh
source "$BENCH_ROOT/scripts/jdk.sh"
find_jdk || { echo "bench: needs a JDK >= $TOKENMAXX_MIN_JAVA (set TOKENMAXX_JAVA_HOME)" >&2; exit 1; }

bench_build() {
  (cd "$BENCH_ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package -pl bench -am >&2)
}

# bench_run [JVM options...] MAIN_CLASS [args...]: runs a class of the bench module.
bench_run() {
  local opts=()
  while [[ $# -gt 0 && "$1" == -* ]]; do opts+=("$1"); shift; done
  exec "$JDK/bin/java" --enable-native-access=ALL-UNNAMED "${opts[@]}" \
    -cp "$BENCH_ROOT/bench/target/classes:$(cat "$BENCH_ROOT/bench/target/classpath.txt")" "$@"
}
