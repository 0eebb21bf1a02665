#!/usr/bin/env bash
# The agents read whole (OpenCode, Kilo, Copilot CLI, Amp, Kimi CLI, Droid) against ccusage on one
# seeded corpus: exactness per agent (tokens of `ccusage <agent> daily --json` against
# `tokenmaxx report daily --json --tools <agent>`), then wall time of both reading all of them.
#
#   bench/local-logs/agents.sh               # 200 sessions per agent, 5 rounds
#   SESSIONS=2000 ROUNDS=7 bench/local-logs/agents.sh
#
# The corpus (io.tokenmaxx.bench.locallogs.AgentsCorpus) is the separate piece beside run.sh's
# Claude Code and Codex corpus; peers as run.sh installs them (bench/out/peers). Results go to
# bench/out/local-logs-agents/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/bench/out/local-logs-agents"
PEERS="$ROOT/bench/out/peers"
SESSIONS="${SESSIONS:-200}"
SEED="${SEED:-42}"
ROUNDS="${ROUNDS:-5}"
mkdir -p "$WORK" "$PEERS"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
if [[ ! -x "$PEERS/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$PEERS" ccusage@20.0.24 @ccusage/ccusage-linux-x64@20.0.24 >&2
  chmod +x "$PEERS"/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage
fi
CCUSAGE="$PEERS/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"
"$ROOT/tokenmaxx" --version >&2
source "$ROOT/bench/lib.sh"
bench_build

want="sessions=$SESSIONS seed=$SEED"
if [[ ! -f "$WORK/corpus/params" || "$(cat "$WORK/corpus/params")" != "$want" ]]; then
  rm -rf "$WORK/corpus"
  "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" \
    io.tokenmaxx.bench.locallogs.AgentsCorpus --out "$WORK/corpus" --sessions "$SESSIONS" --seed "$SEED" >&2
  echo "$want" > "$WORK/corpus/params"
fi
HOME_DIR="$WORK/corpus/home"
ENV="env HOME=$HOME_DIR TZ=UTC"

# exactness, agent by agent
status=0
for pair in opencode:opencode kilo:kilo copilot:copilot-cli amp:amp kimi:kimi droid:droid; do
  agent="${pair%%:*}"; tool="${pair##*:}"
  $ENV "$CCUSAGE" "$agent" daily --json --offline > "$WORK/ccusage-$agent.json" 2>/dev/null || true
  $ENV "$ROOT/tokenmaxx" report daily --json --no-cache -z UTC --tools "$tool" > "$WORK/tokenmaxx-$agent.json"
  python3 - "$agent" "$WORK/ccusage-$agent.json" "$WORK/tokenmaxx-$agent.json" <<'PY' || status=1
import json, sys
agent, cc, tm = sys.argv[1:]
c = json.load(open(cc))["totals"]; t = json.load(open(tm))["totals"]
# ccusage leaves Droid's thinking out of outputTokens (it is in its total); tokenmaxx counts it as output
keys = ["inputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens"] + ([] if agent == "droid" else ["outputTokens"])
diff = {k: (c.get(k), t.get(k)) for k in keys if c.get(k) != t.get(k)}
print(f"{agent:9s} {'same tokens' if not diff else 'DIFFERENT ' + str(diff)}; cost ccusage {c.get('totalCost')}, tokenmaxx {t.get('totalCost')}"
      + (f" (unpriced here: {', '.join(t['unpricedModels'])})" if t.get('unpricedModels') else ""))
sys.exit(1 if diff else 0)
PY
done
[[ "$status" == 0 ]] || { echo "exactness: MISMATCH (above)" >&2; exit 1; }

# speed: both read every agent's logs
TMCACHE="$WORK/tokenmaxx-cache"
rm -rf "$TMCACHE"
$ENV "$ROOT/tokenmaxx" report daily --json --cache-dir "$TMCACHE" > /dev/null
python3 "$ROOT/bench/local-logs/measure.py" --rounds "$ROUNDS" --out "$WORK/results.json" --table "$WORK/results.md" \
  "ccusage (no cache)::$ENV $CCUSAGE daily --json --offline" \
  "tokenmaxx cold::$ENV $ROOT/tokenmaxx report daily --json --no-cache" \
  "tokenmaxx warm::$ENV $ROOT/tokenmaxx report daily --json --cache-dir $TMCACHE"
python3 - "$WORK/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
w = lambda k: r[k]["medianWall"]
print(f"tokenmaxx cold / ccusage: {w('tokenmaxx cold') / w('ccusage (no cache)'):.2f}x")
print(f"tokenmaxx warm / ccusage: {w('tokenmaxx warm') / w('ccusage (no cache)'):.2f}x")
PY
