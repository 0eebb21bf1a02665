#!/usr/bin/env python3
"""Derives tokenmaxx's bundled price catalog from a LiteLLM price map.

Usage:
  python3 tokenmaxx-core/src/build/build_price_catalog.py LITELLM_JSON TAKEN_ON [OUT]

LITELLM_JSON is a model_prices_and_context_window.json snapshot, TAKEN_ON the date (YYYY-MM-DD)
the prices were taken. OUT defaults to the catalog resource the pricing package loads. Only the
facts the cost calculation needs are copied: per-token prices of token-priced models (chat,
completion, responses), their long-context tiers, priority-tier prices, the fast-mode multiplier
and the context size. The output is deterministic (sorted, one model per line).

One-hour cache writes are not copied: Anthropic prices them at twice the base input price, and
the LiteLLM map contradicts that rule for several older models, so the catalog applies the rule
(an override file may still set cache_creation_input_token_cost_above_1hr per model).
"""
import json
import os
import sys

FIELDS = [
    "litellm_provider",
    "max_input_tokens",
    "input_cost_per_token",
    "output_cost_per_token",
    "cache_read_input_token_cost",
    "cache_creation_input_token_cost",
    "input_cost_per_token_above_200k_tokens",
    "output_cost_per_token_above_200k_tokens",
    "cache_read_input_token_cost_above_200k_tokens",
    "cache_creation_input_token_cost_above_200k_tokens",
    "input_cost_per_token_above_272k_tokens",
    "output_cost_per_token_above_272k_tokens",
    "cache_read_input_token_cost_above_272k_tokens",
    "cache_creation_input_token_cost_above_272k_tokens",
    "input_cost_per_token_priority",
    "output_cost_per_token_priority",
    "cache_read_input_token_cost_priority",
]
TOKEN_MODES = {None, "chat", "completion", "responses"}
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "io", "tokenmaxx",
                           "pricing", "prices.json")


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    source, taken_on = argv[1], argv[2]
    out = argv[3] if len(argv) > 3 else DEFAULT_OUT
    with open(source, encoding="utf-8") as f:
        litellm = json.load(f)
    models = {}
    for name, entry in litellm.items():
        if not isinstance(entry, dict) or entry.get("mode") not in TOKEN_MODES:
            continue
        if not isinstance(entry.get("input_cost_per_token"), (int, float)):
            continue
        if not isinstance(entry.get("output_cost_per_token"), (int, float)):
            continue
        kept = {k: entry[k] for k in FIELDS if k in entry and entry[k] is not None}
        fast = (entry.get("provider_specific_entry") or {}).get("fast")
        if isinstance(fast, (int, float)):
            kept["fast_multiplier"] = fast
        models[name] = kept
    lines = ["{",
             '  "_meta": ' + json.dumps({
                 "source": "LiteLLM model_prices_and_context_window.json",
                 "taken_on": taken_on,
                 "models": len(models),
                 "generator": "tokenmaxx-core/src/build/build_price_catalog.py",
             }, sort_keys=True) + ","]
    names = sorted(models)
    for i, name in enumerate(names):
        sep = "," if i < len(names) - 1 else ""
        lines.append("  " + json.dumps(name) + ": " + json.dumps(models[name], sort_keys=True) + sep)
    lines.append("}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(models)} models to {out}")


if __name__ == "__main__":
    main(sys.argv)
