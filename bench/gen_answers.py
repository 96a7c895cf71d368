#!/usr/bin/env python3
"""gen_answers.py N - writes to stdout an answers file for the set
gen_criteria.py N makes: the profile question answered and a weight for
every one of the N criteria, for the benchmarks."""
import sys

n = int(sys.argv[1])
out = [f"criteria: bench-{n}", "project: Benchmark", "respondent: Bench",
       "choices: { kind: k1 }", "weights:"]
out += [f"  c{c}: {(c * 5 + 1) % 6}" for c in range(n)]
sys.stdout.write("\n".join(out) + "\n")
