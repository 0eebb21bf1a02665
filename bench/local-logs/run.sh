#!/usr/bin/env bash
# Local-log report benchmark: tokenmaxx against ccusage and tokscale on two generated corpora.
#
#   bench/local-logs/run.sh            # 512 MiB Claude Code + 256 MiB Codex logs per corpus, 5 rounds
#   CLAUDE_MIB=1024 CODEX_MIB=512 ROUNDS=7 bench/local-logs/run.sh
#   PROFILES=current MIX=claudeCurrent=0.8,blobMedian=9000 bench/local-logs/run.sh
#   WORK=/somewhere/else bench/local-logs/run.sh   # where the corpora, caches and results go
#
# Two corpora, both seeded (same sizes, seed and mix: same bytes): "classic", the corpus of the
# earlier rounds, and "current", which mixes in logs as Claude Code 2.1 and Codex 0.169 write them
# today (io.tokenmaxx.bench.locallogs.Mix holds the shares and sizes; docs/BENCHMARKS.md the
# measurements behind them). Installs the peers from npm into bench/out/peers, generates the
# corpora, checks that tokenmaxx's JSON agrees with ccusage's on both (compare.py), then times all
# tools on both corpora in the same interleaved rounds: ccusage (no cache of its own), tokscale
# cold and warm, tokenmaxx's first run (no scan cache yet: it reads everything and writes the
# cache), tokenmaxx --no-cache, and tokenmaxx's re-scan of unchanged logs. Results go to
# $WORK/results.{json,md}, with the load average seen before and after every round.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-$ROOT/bench/out/local-logs}"
PEERS="$ROOT/bench/out/peers"
CLAUDE_MIB="${CLAUDE_MIB:-512}"
CODEX_MIB="${CODEX_MIB:-256}"
SEED="${SEED:-42}"
ROUNDS="${ROUNDS:-5}"
PROFILES="${PROFILES:-classic current}"
MIX="${MIX:-}"
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
compare() { # name, compare.py args...
  local name="$1"; shift
  python3 "$ROOT/bench/local-logs/compare.py" --ccusage "$CCUSAGE" --tokenmaxx "$ROOT/tokenmaxx" "$@" \
    --out "$WORK/compare-$name.json" > /dev/null && echo "exactness ($name): ok" >&2 \
    || { echo "exactness ($name): MISMATCH, see $WORK/compare-$name.json" >&2; exit 1; }
}

# 3. the corpora; exactness of tokenmaxx against ccusage on each (daily, weekly, monthly, session;
#    with CLAUDE_CONFIG_DIR; sessions exactly on a smaller corpus without cross-file copies)
TIMED=()
PREPS=()
for P in $PROFILES; do
  args=(--profile "$P")
  if [[ "$P" == current && -n "$MIX" ]]; then args+=(--mix "$MIX"); fi
  corpus "$WORK/$P" "${args[@]}"
  H="$WORK/$P/home"
  du -sh "$H/.claude" "$H/.config/claude" "$H/.codex" >&2
  compare "$P" --home "$H"
  compare "$P-claude-config-dir" --home "$H" --claude-config-dir "$H/.claude,$H/.config/claude" --reports daily,monthly
  ( CLAUDE_MIB=$((CLAUDE_MIB / 8)) CODEX_MIB=$((CODEX_MIB / 8)) ; corpus "$WORK/$P-sessions" "${args[@]}" --no-cross-file-copies )
  compare "$P-sessions" --home "$WORK/$P-sessions/home" --session-exact

  # this corpus's timed commands (page cache warm); the tools' caches are kept beside the corpus
  find "$H" -name '*.jsonl' -exec cat {} + > /dev/null
  ENV="env HOME=$H CODEX_HOME=$H/.codex TZ=UTC"
  TM="$WORK/$P-tokenmaxx-cache"
  TS="$WORK/$P-tokscale-cache"
  rm -rf "$TM" "$H/.config/tokscale"
  $ENV "$ROOT/tokenmaxx" report daily --json --cache-dir "$TM" > /dev/null          # fill tokenmaxx's cache
  $ENV "$TOKSCALE" --home "$H" --json --no-spinner -c claude,codex >/dev/null 2>&1   # fill tokscale's cache
  rm -rf "$TS" && cp -a "$H/.config/tokscale" "$TS" && rm -rf "$H/.config/tokscale"
  PREPS+=(--prep "$P: tokscale cold::rm -rf $H/.config/tokscale"
    --prep "$P: tokscale warm::rm -rf $H/.config/tokscale && cp -a $TS $H/.config/tokscale"
    --prep "$P: tokenmaxx first run::rm -rf $TM-first")
  TIMED+=("$P: ccusage (no cache)::$ENV $CCUSAGE daily --json --offline"
    "$P: tokscale cold::$ENV $TOKSCALE --home $H --json --no-spinner -c claude,codex 2>/dev/null"
    "$P: tokenmaxx first run::$ENV $ROOT/tokenmaxx report daily --json --cache-dir $TM-first"
    "$P: tokenmaxx --no-cache::$ENV $ROOT/tokenmaxx report daily --json --no-cache"
    "$P: tokscale warm::$ENV $TOKSCALE --home $H --json --no-spinner -c claude,codex 2>/dev/null"
    "$P: tokenmaxx re-scan::$ENV $ROOT/tokenmaxx report daily --json --cache-dir $TM")
done

# 4. timing: both corpora in the same interleaved rounds
python3 "$ROOT/bench/local-logs/measure.py" --rounds "$ROUNDS" --out "$WORK/results.json" --table "$WORK/results.md" \
  "${PREPS[@]}" "${TIMED[@]}"
for P in $PROFILES; do rm -rf "$WORK/$P/home/.config/tokscale" "$WORK/$P-tokenmaxx-cache-first"; done

python3 - "$WORK/results.json" $PROFILES <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for p in sys.argv[2:]:
    g = lambda n: r[f"{p}: {n}"]
    fastest = min(g("ccusage (no cache)")["medianWall"], g("tokscale cold")["medianWall"])
    print(f"{p}: tokenmaxx first run / fastest peer {g('tokenmaxx first run')['medianWall'] / fastest:.2f}x, "
          f"--no-cache {g('tokenmaxx --no-cache')['medianWall'] / fastest:.2f}x, "
          f"re-scan {g('tokenmaxx re-scan')['medianWall']:.2f} s; peak RSS: first run "
          f"{g('tokenmaxx first run')['maxRssMiB']:.0f} MiB, --no-cache {g('tokenmaxx --no-cache')['maxRssMiB']:.0f}, "
          f"re-scan {g('tokenmaxx re-scan')['maxRssMiB']:.0f}, ccusage {g('ccusage (no cache)')['maxRssMiB']:.0f}, "
          f"tokscale {g('tokscale cold')['maxRssMiB']:.0f}")
print(f"load average (1 min) before and after each round: {r['_load']['min']:.2f}-{r['_load']['max']:.2f}")
PY
