#!/usr/bin/env python3
"""Runs ccusage and tokenmaxx on the same logs and diffs their JSON reports.

Usage: compare.py --ccusage BIN --tokenmaxx CMD --home DIR [--codex-home DIR] [--claude-config-dir DIRS]
                  [--reports daily,weekly,monthly,session] [--session-exact] [--out FILE]

Checks, per report: the totals and every period's token fields (input, output, cache creation,
cache read, total) are EXACTLY equal; every model of every period has the same tokens; costs agree
within 0.5 % wherever both tools price the model. For the session report ccusage counts sidechain
replays and archived Codex copies that its own daily report drops, so unless --session-exact is
given (a corpus without such copies) the session check is: tokenmaxx's session totals equal
ccusage's daily totals, and ccusage's session excess is reported. Exit status 1 on any mismatch.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

TOKENS = ["inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens"]
COST_TOLERANCE = 0.005


def run(cmd, env):
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr[-2000:]}")
    return json.loads(p.stdout)


def rows(report, kind):
    out = {}
    for r in report[kind]:
        key = (r.get("agent") if kind == "session" else "all", r["period"])
        out[key] = r
    return out


def models(row):
    return {m["modelName"]: m for m in row.get("modelBreakdowns", [])}


def close(a, b):
    if a == b:
        return True
    return abs(a - b) <= COST_TOLERANCE * max(abs(a), abs(b))


def compare(kind, cc, tm, problems, unpriced):
    stats = {"rows": 0, "models": 0, "costChecked": 0, "maxCostDeviation": 0.0}
    for f in TOKENS:
        if cc["totals"][f] != tm["totals"][f]:
            problems.append(f"{kind}: totals.{f} ccusage {cc['totals'][f]} tokenmaxx {tm['totals'][f]}")
    ccr, tmr = rows(cc, kind), rows(tm, kind)
    for key in sorted(set(ccr) | set(tmr)):
        if key not in ccr or key not in tmr:
            problems.append(f"{kind}: row {key} only in {'ccusage' if key in ccr else 'tokenmaxx'}")
            continue
        stats["rows"] += 1
        a, b = ccr[key], tmr[key]
        for f in TOKENS:
            if a[f] != b[f]:
                problems.append(f"{kind}: {key} {f} ccusage {a[f]} tokenmaxx {b[f]}")
        am, bm = models(a), models(b)
        for m in sorted(set(am) | set(bm)):
            if m not in am or m not in bm:
                problems.append(f"{kind}: {key} model {m} only in {'ccusage' if m in am else 'tokenmaxx'}")
                continue
            stats["models"] += 1
            for f in ["inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens"]:
                if am[m][f] != bm[m][f]:
                    problems.append(f"{kind}: {key} {m} {f} ccusage {am[m][f]} tokenmaxx {bm[m][f]}")
            if m in unpriced or am[m]["cost"] == 0:
                continue
            stats["costChecked"] += 1
            ca, cb = am[m]["cost"], float(bm[m]["cost"])
            dev = abs(ca - cb) / max(abs(ca), 1e-12)
            stats["maxCostDeviation"] = max(stats["maxCostDeviation"], dev)
            if not close(ca, cb):
                problems.append(f"{kind}: {key} {m} cost ccusage {ca} tokenmaxx {cb} ({dev:.4%})")
    return stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ccusage", required=True)
    ap.add_argument("--tokenmaxx", required=True, help="command line, e.g. './tokenmaxx'")
    ap.add_argument("--home", required=True)
    ap.add_argument("--codex-home")
    ap.add_argument("--claude-config-dir")
    ap.add_argument("--reports", default="daily,weekly,monthly,session")
    ap.add_argument("--session-exact", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()

    env = dict(os.environ, HOME=args.home, TZ="UTC", NO_COLOR="1")
    env["CODEX_HOME"] = args.codex_home or os.path.join(args.home, ".codex")
    env.pop("CLAUDE_CONFIG_DIR", None)
    if args.claude_config_dir:
        env["CLAUDE_CONFIG_DIR"] = args.claude_config_dir
    tokenmaxx = shlex.split(args.tokenmaxx)

    problems, summary = [], {}
    cc_daily = None
    for kind in args.reports.split(","):
        cc = run([args.ccusage, kind, "--json", "--offline"], env)
        tm = run(tokenmaxx + ["report", kind, "--json", "--timezone", "UTC", "--no-cache"], env)
        if kind == "daily":
            cc_daily = cc
        unpriced = set(tm["totals"].get("unpricedModels", [])) | set(cc["totals"].get("unpricedModels", []))
        if kind == "session" and not args.session_exact:
            base = cc_daily or run([args.ccusage, "daily", "--json", "--offline"], env)
            for f in TOKENS:
                if base["totals"][f] != tm["totals"][f]:
                    problems.append(f"session: tokenmaxx totals.{f} {tm['totals'][f]} != ccusage daily {base['totals'][f]}")
            excess = {f: cc["totals"][f] - base["totals"][f] for f in TOKENS}
            summary[kind] = {"checkedAgainst": "ccusage daily totals", "ccusageSessionExcessOverItsDaily": excess,
                             "totals": {f: tm["totals"][f] for f in TOKENS}}
            continue
        st = compare(kind, cc, tm, problems, unpriced)
        st["totals"] = {f: tm["totals"][f] for f in TOKENS}
        st["totalCost"] = {"ccusage": cc["totals"]["totalCost"], "tokenmaxx": float(tm["totals"]["totalCost"])}
        summary[kind] = st

    result = {"home": args.home, "claudeConfigDir": args.claude_config_dir, "reports": summary,
              "problems": problems[:50], "problemCount": len(problems), "ok": not problems}
    text = json.dumps(result, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
