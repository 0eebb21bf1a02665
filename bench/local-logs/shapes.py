#!/usr/bin/env python3
"""Measures the shape of coding-agent logs: what kinds of lines they hold and how long they are.

Usage: shapes.py DIR [DIR ...]   (homes, config dirs or log folders; every *.jsonl below is read)

Per agent (Claude Code: lines with a top-level "type"; Codex: rollout lines with "payload"), per
line kind (Claude Code: type; Codex: type/payload.type): lines, share of the bytes, median, 90th
percentile and largest length. For usage lines (Claude Code assistant lines with message.usage,
Codex token_count events) also where the usage sits: the share of lines with it before the
content, and its median offset in bytes. Prints Markdown tables.
"""
import json
import os
import statistics
import sys
from collections import defaultdict


def kind_of(d):
    if "payload" in d and isinstance(d.get("payload"), dict):
        p = d["payload"]
        return "codex", d.get("type", "?") + ("/" + p["type"] if isinstance(p.get("type"), str) else "")
    return "claude", str(d.get("type", "?"))


def main():
    lines = defaultdict(list)      # (agent, kind) -> [length]
    usage = defaultdict(list)      # agent -> [(offset, length, usage_first)]
    files = defaultdict(int)
    for root in sys.argv[1:]:
        for dirpath, _, names in os.walk(root):
            for n in names:
                if not n.endswith(".jsonl"):
                    continue
                agent_seen = None
                with open(os.path.join(dirpath, n), "rb") as f:
                    for raw in f:
                        try:
                            d = json.loads(raw)
                        except ValueError:
                            continue
                        if not isinstance(d, dict):
                            continue
                        agent, kind = kind_of(d)
                        agent_seen = agent
                        lines[(agent, kind)].append(len(raw))
                        if agent == "claude" and kind == "assistant":
                            off = raw.find(b'"usage":{')
                            content = raw.find(b'"content":')
                            if off >= 0:
                                usage[agent].append((off, len(raw), content < 0 or off < content))
                        elif agent == "codex" and kind == "event_msg/token_count":
                            usage[agent].append((raw.find(b'"info":'), len(raw), True))
                if agent_seen:
                    files[agent_seen] += 1
    for agent in sorted({a for a, _ in lines}):
        kinds = {k: v for (a, k), v in lines.items() if a == agent}
        total = sum(sum(v) for v in kinds.values())
        print(f"\n### {agent}: {files[agent]} files, {sum(len(v) for v in kinds.values())} lines, {total} bytes\n")
        print("| line kind | lines | share of bytes | median bytes | 90th pct | largest |")
        print("|---|---:|---:|---:|---:|---:|")
        for k, v in sorted(kinds.items(), key=lambda kv: -sum(kv[1])):
            v = sorted(v)
            print(f"| {k} | {len(v)} | {100 * sum(v) / total:.1f} % | {int(statistics.median(v))} | "
                  f"{v[min(len(v) - 1, int(len(v) * 0.9))]} | {v[-1]} |")
        u = usage.get(agent, [])
        if u:
            first = sum(1 for x in u if x[2])
            ub = sum(x[1] for x in u)
            print(f"\nusage lines: {len(u)}, {100 * ub / total:.1f} % of the bytes (the rest is in lines without usage); "
                  f"usage before the content in {first} ({100 * first / len(u):.0f} %); median offset of the usage "
                  f"{int(statistics.median(x[0] for x in u))} bytes into lines of median {int(statistics.median(x[1] for x in u))} bytes")


if __name__ == "__main__":
    main()
