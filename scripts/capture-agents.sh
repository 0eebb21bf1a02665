#!/usr/bin/env bash
# Captures what the real coding agents write, as test fixtures.
#
#   scripts/capture-agents.sh                       # every scenario
#   scripts/capture-agents.sh --only codex-json     # some (comma-separated names)
#
# Installs each agent's pinned version from npm into scripts/out/agents (git-ignored), runs it
# non-interactively with a fresh HOME (and XDG folders) under a scratch folder against a
# loopback stand-in of its provider's API that answers with known usage, with OpenTelemetry
# exported to a receiver that keeps every body as received, and writes the agent's local logs,
# the exports and a manifest of what was served (capture.json) to
# tokenmaxx-collectors/src/test/resources/agents/<scenario>/ (in what is kept as text, the scratch
# folder reads /home/dev and the working folder /home/dev/project; SQLite databases and protobuf
# bodies keep the bytes the agent wrote). The tests over those fixtures
# (AgentLogFixturesTest, AgentOtlpFixturesTest, AgentFixturesReportTest) count against the
# manifest. Needs npm, Node.js >= 20 and a JDK >= 21; no network besides the npm registry.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
AGENTS="$ROOT/scripts/out/agents"
OUT="$ROOT/tokenmaxx-collectors/src/test/resources/agents"
PACKAGES=(@anthropic-ai/claude-code@2.1.328 @openai/codex@0.169.0 @google/gemini-cli@0.61.0 @qwen-code/qwen-code@0.24.4
  opencode-ai@1.18.33 @github/copilot@1.0.102 @kilocode/cli-linux-x64@7.7.9)

command -v npm >/dev/null || { echo "capture-agents: needs npm" >&2; exit 1; }
# shellcheck source=jdk.sh
source "$ROOT/scripts/jdk.sh"
find_jdk || { echo "capture-agents: needs a JDK >= $TOKENMAXX_MIN_JAVA (set TOKENMAXX_JAVA_HOME)" >&2; exit 1; }

# 1. the agents, pinned (reinstalled when a version differs)
want="${PACKAGES[*]}"
if [[ ! -f "$AGENTS/installed" || "$(cat "$AGENTS/installed")" != "$want" ]]; then
  echo "installing ${PACKAGES[*]} into $AGENTS" >&2
  rm -rf "$AGENTS"
  mkdir -p "$AGENTS"
  npm install --silent --no-audit --no-fund --prefix "$AGENTS" "${PACKAGES[@]}" >&2
  echo "$want" > "$AGENTS/installed"
fi

# 2. the stand-ins and the capture driver (test code of tokenmaxx-collectors)
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl tokenmaxx-collectors -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2)
CP="$ROOT/tokenmaxx-collectors/target/test-classes:$ROOT/tokenmaxx-collectors/target/classes:$(cat "$ROOT/tokenmaxx-collectors/target/test-classpath.txt")"

# 3. capture
exec "$JDK/bin/java" -cp "$CP" io.tokenmaxx.agents.AgentCapture --agents "$AGENTS" --out "$OUT" "$@"
