#!/usr/bin/env python3
"""gen_criteria.py N [OPTIONS] - writes a valid criteria file with N criteria
and OPTIONS options (default 8) to stdout, for the benchmarks."""
import sys

n = int(sys.argv[1])
k = int(sys.argv[2]) if len(sys.argv) > 2 else 8
opts = [f"opt{i}" for i in range(k)]
out = [
    "verdict: 1",
    f"id: bench-{n}",
    f"title: Benchmark set of {n} criteria",
    "summary: Generated for the benchmarks.",
    "options:",
]
out += [f"  - id: {o}\n    name: Option {i}" for i, o in enumerate(opts)]
out.append("criteria:")
for c in range(n):
    ratings = ", ".join(f"{o}: {(c * 7 + i * 3) % 11}" for i, o in enumerate(opts))
    out.append(f"  - id: c{c}")
    out.append(f"    name: Criterion number {c}")
    out.append(f"    group: Group {c % 10}")
    out.append(f"    question: How much does criterion {c} matter for this project?")
    out.append(f"    default_weight: {c % 6}")
    out.append(f"    ratings: {{ {ratings} }}")
    out.append("    why:")
    for o in opts:
        out.append(f"      {o}: A plain sentence on why {o} meets criterion {c} as it does.")
    out.append(f"    source: Section {c}")
out.append("questions:")
out.append("  - id: kind\n    prompt: What are you building?\n    choices:")
for q in range(4):
    out.append(f"      - id: k{q}\n        label: Kind {q}\n        weights: {{ c{q % n}: +1 }}")
sys.stdout.write("\n".join(out) + "\n")
