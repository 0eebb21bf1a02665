#!/usr/bin/env bash
# Status-line benchmark: `tokenmaxx statusline` against `ccusage statusline` on the same Claude Code
# logs and the same hook input, cold and warm.
#
#   bench/statusline/run.sh                  # 64 MiB of Claude Code logs, 9 rounds
#   CLAUDE_MIB=256 ROUNDS=15 bench/statusline/run.sh
#
# Uses the local-logs benchmark's peers (bench/out/peers: ccusage 20.0.24, installed from npm when
# missing) and its seeded corpus generator (Claude Code logs only). The hook input names a session of
# the corpus, its transcript and Claude Code's own session cost, as Claude Code sends it.
# Cold: no cache (tokenmaxx --no-cache, ccusage --no-cache). Warm: tokenmaxx's scan cache filled and
# the logs unchanged; ccusage with its defaults (its output cache on, 1 s refresh interval: rounds are
# more than a second apart, so it recomputes) and with --refresh-interval 3600 (its cached line
# returned as is). Results go to bench/out/statusline/results.*.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/bench/out/statusline"
PEERS="$ROOT/bench/out/peers"
CLAUDE_MIB="${CLAUDE_MIB:-64}"
SEED="${SEED:-42}"
ROUNDS="${ROUNDS:-9}"
mkdir -p "$WORK" "$PEERS"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
command -v npm >/dev/null || { echo "needs npm to install the peers" >&2; exit 1; }

if [[ ! -x "$PEERS/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage" ]]; then
  echo "installing ccusage 20.0.24 into $PEERS" >&2
  npm install --silent --no-audit --no-fund --prefix "$PEERS" ccusage@20.0.24 @ccusage/ccusage-linux-x64@20.0.24 >&2
  chmod +x "$PEERS"/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage
fi
CCUSAGE="$PEERS/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"

"$ROOT/tokenmaxx" --version >&2
source "$ROOT/bench/lib.sh"
bench_build

# the logs run up to today, so that a block is active as in daily use
TODAY="$(date -u +%Y-%m-%d)"
FROM="$(date -u -d '-60 days' +%Y-%m-%d)"
want="claude=$CLAUDE_MIB seed=$SEED from=$FROM to=$TODAY"
if [[ ! -f "$WORK/corpus/params" || "$(cat "$WORK/corpus/params")" != "$want" ]]; then
  echo "generating corpus in $WORK/corpus ($want)" >&2
  rm -rf "$WORK/corpus"
  "$JDK/bin/java" -cp "$ROOT/bench/target/classes" io.tokenmaxx.bench.locallogs.CorpusGenerator \
    --out "$WORK/corpus" --claude-mib "$CLAUDE_MIB" --codex-mib 0 --seed "$SEED" \
    --from "$FROM" --to "$TODAY" >/dev/null
  echo "$want" > "$WORK/corpus/params"
fi
HOME_DIR="$WORK/corpus/home"
# the hook's input: the largest transcript is the session being worked in
TRANSCRIPT="$(find "$HOME_DIR/.claude/projects" -name '*.jsonl' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)"
SESSION="$(basename "$TRANSCRIPT" .jsonl)"
cat > "$WORK/input.json" <<JSON
{"session_id":"$SESSION","transcript_path":"$TRANSCRIPT","cwd":"/w/app","model":{"id":"claude-sonnet-4-5-20250929","display_name":"Sonnet 4.5"},"workspace":{"current_dir":"/w/app","project_dir":"/w/app"},"version":"2.1.328","cost":{"total_cost_usd":1.25,"total_duration_ms":60000}}
JSON
find "$HOME_DIR" -name '*.jsonl' -exec cat {} + > /dev/null

ENV="env HOME=$HOME_DIR TZ=UTC"
IN="< $WORK/input.json"
TMCACHE="$WORK/tokenmaxx-cache"
rm -rf "$TMCACHE"
echo "tokenmaxx: $($ENV "$ROOT/tokenmaxx" statusline --cache-dir "$TMCACHE" < "$WORK/input.json")" >&2
echo "ccusage:   $($ENV "$CCUSAGE" statusline --no-cache < "$WORK/input.json")" >&2
python3 "$ROOT/bench/local-logs/measure.py" --rounds "$ROUNDS" --out "$WORK/results.json" --table "$WORK/results.md" \
  "ccusage cold (--no-cache)::$ENV $CCUSAGE statusline --no-cache $IN" \
  "tokenmaxx cold (--no-cache)::$ENV $ROOT/tokenmaxx statusline --no-cache $IN" \
  "ccusage warm (defaults)::$ENV $CCUSAGE statusline $IN" \
  "ccusage warm (--refresh-interval 3600)::$ENV $CCUSAGE statusline --refresh-interval 3600 $IN" \
  "tokenmaxx warm::$ENV $ROOT/tokenmaxx statusline --cache-dir $TMCACHE $IN"

python3 - "$WORK/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
w = lambda k: r[k]["medianWall"]
print(f"tokenmaxx cold / ccusage cold: {w('tokenmaxx cold (--no-cache)') / w('ccusage cold (--no-cache)'):.2f}x")
print(f"tokenmaxx warm / ccusage warm (defaults): {w('tokenmaxx warm') / w('ccusage warm (defaults)'):.2f}x")
print(f"tokenmaxx warm / ccusage with its line cached: {w('tokenmaxx warm') / w('ccusage warm (--refresh-interval 3600)'):.2f}x")
PY
