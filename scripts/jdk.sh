# Finds a JDK >= 21 (sourced by ./tokenmaxx and the bench scripts).
# Order: TOKENMAXX_JAVA_HOME, JAVA_HOME, `java` on PATH, then the newest JDK in the usual folders.
# After `find_jdk`, JDK holds its home (empty when none was found).

TOKENMAXX_MIN_JAVA=21

java_feature() { # prints the feature version of the JDK at $1, or nothing
  local home="$1" v=""
  local line
  if [[ -f "$home/release" ]]; then
    # builtins only: the launcher runs this for every candidate JDK on every command
    while IFS= read -r line; do
      if [[ "$line" =~ ^JAVA_VERSION=\"([0-9]+) ]]; then v="${BASH_REMATCH[1]}"; break; fi
    done < "$home/release"
  fi
  if [[ -z "$v" && -x "$home/bin/java" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n1)
  fi
  [[ "$v" == 1 ]] && v=8
  echo "$v"
}

find_jdk() {
  local c v best="" bestv=0
  JDK=""
  for c in "${TOKENMAXX_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [[ -n "$c" && -x "$c/bin/java" ]] || continue
    v=$(java_feature "$c"); [[ -n "$v" && "$v" -ge $TOKENMAXX_MIN_JAVA ]] && { JDK="$c"; return 0; }
  done
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)"); c="${c%/bin/java}"
    v=$(java_feature "$c"); [[ -n "$v" && "$v" -ge $TOKENMAXX_MIN_JAVA ]] && { JDK="$c"; return 0; }
  fi
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    v=$(java_feature "$c")
    [[ -n "$v" && "$v" -ge $TOKENMAXX_MIN_JAVA && "$v" -gt $bestv ]] && { best="$c"; bestv=$v; }
  done
  JDK="$best"
  [[ -n "$JDK" ]]
}
