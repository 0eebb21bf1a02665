#!/usr/bin/env bash
# Local-log report benchmark: tokenmaxx against ccusage and tokscale on one generated corpus.
#
#   bench/local-logs/run.sh            # 512 MiB Claude Code + 256 MiB Codex logs, 5 rounds
#   CLAUDE_MIB=1024 CODEX_MIB=512 ROUNDS=7 bench/local-logs/run.sh
#
# Installs the peers from npm into bench/out/peers, generates the corpus into
# bench/out/local-logs (seeded: same sizes and seed, same bytes), checks that tokenmaxx's JSON
# agrees with ccusage's (compare.py), then times all tools in interleaved rounds: cold (no cache:
# ccusage always, tokscale and tokenmaxx with their caches removed) and warm (tokscale's and
# tokenmaxx's caches filled, logs unchanged). Results go to bench/out/local-logs/results.*.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/bench/out/local-logs"
PEERS="$ROOT/bench/out/peers"
CLAUDE_MIB="${CLAUDE_MIB:-512}"
CODEX_MIB="${CODEX_MIB:-256}"
SEED="${SEED:-42}"
ROUNDS="${ROUNDS:-5}"
mkdir -p "$WORK" "$PEERS"

command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
command -v npm >/dev/null || { echo "needs npm to install the peers" >&2; exit 1; }

# 1. peers, pinned
if [[ ! -x "$PEERS/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage" || ! -x "$PEERS/node_modules/@tokscale/cli-linux-x64-gnu/bin/tokscale" ]]; then
  echo "installing ccusage 20.0.24 and tokscale 4.17.0 into $PEERS" >&2
  npm install --silent --no-audit --no-fund --prefix "$PEERS" \
    ccusage@20.0.24 @ccusage/ccusage-linux-x64@20.0.24 @tokscale/cli-linux-x64-gnu@4.17.0 >&2
  chmod +x "$PEERS"/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage "$PEERS"/node_modules/@tokscale/cli-linux-x64-gnu/bin/tokscale
fi
CCUSAGE="$PEERS/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"
TOKSCALE="$PEERS/node_modules/@tokscale/cli-linux-x64-gnu/bin/tokscale"

# 2. tokenmaxx and the corpus generator
"$ROOT/tokenmaxx" --version >&2
source "$ROOT/bench/lib.sh"   # finds the JDK (>= 21) as the launcher does
bench_build

corpus() { # dir, extra generator args...
  local dir="$1"; shift
  local want="claude=$CLAUDE_MIB codex=$CODEX_MIB seed=$SEED $*"
  if [[ ! -f "$dir/params" || "$(cat "$dir/params")" != "$want" ]]; then
    echo "generating corpus in $dir ($want)" >&2
    rm -rf "$dir"
    "$JDK/bin/java" -cp "$ROOT/bench/target/classes" io.tokenmaxx.bench.locallogs.CorpusGenerator \
      --out "$dir" --claude-mib "$CLAUDE_MIB" --codex-mib "$CODEX_MIB" --seed "$SEED" "$@" >/dev/null
    echo "$want" > "$dir/params"
  fi
}
corpus "$WORK/corpus"
HOME_DIR="$WORK/corpus/home"
du -sh "$HOME_DIR/.claude" "$HOME_DIR/.config/claude" "$HOME_DIR/.codex" >&2

# 3. exactness: tokenmaxx against ccusage on the same logs
python3 "$ROOT/bench/local-logs/compare.py" --ccusage "$CCUSAGE" --tokenmaxx "$ROOT/tokenmaxx" --home "$HOME_DIR" \
  --out "$WORK/compare.json" > /dev/null && echo "exactness: ok (daily, weekly, monthly, session)" >&2 \
  || { echo "exactness: MISMATCH, see $WORK/compare.json" >&2; exit 1; }
python3 "$ROOT/bench/local-logs/compare.py" --ccusage "$CCUSAGE" --tokenmaxx "$ROOT/tokenmaxx" --home "$HOME_DIR" \
  --claude-config-dir "$HOME_DIR/.claude,$HOME_DIR/.config/claude" --reports daily,monthly \
  --out "$WORK/compare-claude-config-dir.json" > /dev/null && echo "exactness with CLAUDE_CONFIG_DIR: ok" >&2 \
  || { echo "exactness with CLAUDE_CONFIG_DIR: MISMATCH, see $WORK/compare-claude-config-dir.json" >&2; exit 1; }
( CLAUDE_MIB=$((CLAUDE_MIB / 8)) CODEX_MIB=$((CODEX_MIB / 8)) ; corpus "$WORK/session-corpus" --no-cross-file-copies )
python3 "$ROOT/bench/local-logs/compare.py" --ccusage "$CCUSAGE" --tokenmaxx "$ROOT/tokenmaxx" \
  --home "$WORK/session-corpus/home" --session-exact --out "$WORK/compare-session.json" > /dev/null \
  && echo "exactness of sessions (corpus without cross-file copies): ok" >&2 \
  || { echo "session exactness: MISMATCH, see $WORK/compare-session.json" >&2; exit 1; }

# 4. timing, interleaved rounds, page cache warm
find "$HOME_DIR" -name '*.jsonl' -exec cat {} + > /dev/null
ENV="env HOME=$HOME_DIR CODEX_HOME=$HOME_DIR/.codex TZ=UTC"
TMCACHE="$WORK/tokenmaxx-cache"
rm -rf "$TMCACHE" "$HOME_DIR/.config/tokscale"
$ENV "$ROOT/tokenmaxx" report daily --json --cache-dir "$TMCACHE" > /dev/null          # fill tokenmaxx's cache
$ENV "$TOKSCALE" --home "$HOME_DIR" --json --no-spinner -c claude,codex >/dev/null 2>&1  # fill tokscale's cache
rm -rf "$WORK/tokscale-cache" && cp -a "$HOME_DIR/.config/tokscale" "$WORK/tokscale-cache"
python3 "$ROOT/bench/local-logs/measure.py" --rounds "$ROUNDS" --out "$WORK/results.json" --table "$WORK/results.md" \
  --prep "tokscale cold::rm -rf $HOME_DIR/.config/tokscale" \
  --prep "tokscale warm::rm -rf $HOME_DIR/.config/tokscale && cp -a $WORK/tokscale-cache $HOME_DIR/.config/tokscale" \
  "ccusage (no cache)::$ENV $CCUSAGE daily --json --offline" \
  "tokscale cold::$ENV $TOKSCALE --home $HOME_DIR --json --no-spinner -c claude,codex 2>/dev/null" \
  "tokenmaxx cold::$ENV $ROOT/tokenmaxx report daily --json --no-cache" \
  "tokscale warm::$ENV $TOKSCALE --home $HOME_DIR --json --no-spinner -c claude,codex 2>/dev/null" \
  "tokenmaxx warm::$ENV $ROOT/tokenmaxx report daily --json --cache-dir $TMCACHE"
rm -rf "$HOME_DIR/.config/tokscale"

python3 - "$WORK/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
cold_peer = min(r["ccusage (no cache)"]["medianWall"], r["tokscale cold"]["medianWall"])
warm_peer = min(r["ccusage (no cache)"]["medianWall"], r["tokscale warm"]["medianWall"])
print(f"tokenmaxx cold / fastest peer cold: {r['tokenmaxx cold']['medianWall'] / cold_peer:.2f}x")
print(f"tokenmaxx warm / fastest peer warm: {r['tokenmaxx warm']['medianWall'] / warm_peer:.2f}x")
print(f"tokenmaxx warm (re-scan of unchanged logs): {r['tokenmaxx warm']['medianWall']:.2f} s")
PY
