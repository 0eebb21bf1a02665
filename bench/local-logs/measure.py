#!/usr/bin/env python3
"""Times commands in interleaved rounds: wall time, CPU time and peak RSS per run (GNU time).

Usage: measure.py --rounds N --out RESULTS.json --table RESULTS.md [--prep 'NAME::CMD' ...] 'NAME::CMD' ...
A --prep command runs (untimed) before every timed run of the command of that name, e.g. to drop a cache.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def timed(cmd):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M", "bash", "-c", cmd + " > /dev/null"],
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            sys.exit(f"{cmd} failed: {p.stderr[-2000:]}")
        wall, user, sys_, rss = t.read().split()[-4:]
        return float(wall), float(user) + float(sys_), int(rss)


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", required=True)
    ap.add_argument("--table", required=True)
    ap.add_argument("--prep", action="append", default=[])
    ap.add_argument("commands", nargs="+")
    args = ap.parse_args()
    preps = dict(p.split("::", 1) for p in args.prep)
    cmds = []
    for c in args.commands:
        name, cmd = c.split("::", 1)
        cmds.append((name, cmd, preps.get(name)))
    runs = {name: [] for name, _, _ in cmds}
    loads = [load()]
    for r in range(args.rounds):
        for name, cmd, prep in cmds:
            if prep:
                subprocess.run(["bash", "-c", prep], check=True)
            runs[name].append(timed(cmd))
            w, c, m = runs[name][-1]
            print(f"round {r + 1}/{args.rounds} {name}: {w:.2f} s wall, {c:.2f} s cpu, {m / 1024:.0f} MiB", file=sys.stderr)
        loads.append(load())
        print(f"round {r + 1}/{args.rounds}: load average {loads[-1]:.2f}", file=sys.stderr)
    result = {}
    for name, _, _ in cmds:
        walls = [x[0] for x in runs[name]]
        result[name] = {
            "medianWall": statistics.median(walls), "minWall": min(walls),
            "medianCpu": statistics.median([x[1] for x in runs[name]]),
            "maxRssMiB": max(x[2] for x in runs[name]) / 1024, "runs": runs[name]}
    # the machine may be shared: the 1-minute load average before the first and after every round
    result["_load"] = {"min": min(loads), "max": max(loads), "samples": loads}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    lines = ["| tool | median wall (s) | best wall (s) | median CPU (s) | peak RSS (MiB) |", "|---|---:|---:|---:|---:|"]
    for name, r in result.items():
        if name.startswith("_"):
            continue
        lines.append(f"| {name} | {r['medianWall']:.2f} | {r['minWall']:.2f} | {r['medianCpu']:.2f} | {r['maxRssMiB']:.0f} |")
    with open(args.table, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
