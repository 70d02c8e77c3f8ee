"""Checks that problems.py computes the same values as swift-hpo: 20 seeded points per synthetic
problem, evaluated by `hpo benchmarks evaluate NAME`, must agree to 1e-9 relative (absolute for
values under 1). Exits 1 on any difference.

Usage: python check.py HPO_BINARY
"""
import json
import subprocess
import sys

import numpy as np

from problems import FUNCTIONS, sample


def main(hpo):
    listing = json.loads(subprocess.run([hpo, "benchmarks", "--json"], check=True, capture_output=True, text=True).stdout)
    suites = {s["name"]: s["benchmarks"] for s in listing["suites"]}
    benchmarks = {b["name"]: b for b in listing["benchmarks"]}
    failures = 0
    for name in suites["synthetic"]:
        if name not in FUNCTIONS:
            print(f"{name}: no Python definition")
            failures += 1
            continue
        rng = np.random.default_rng(list(suites["synthetic"]).index(name))
        parameters = benchmarks[name]["parameters"]
        points = [sample(parameters, rng) for _ in range(19)] + [benchmarks[name]["optimal_configuration"]]
        swift = json.loads(subprocess.run([hpo, "benchmarks", "evaluate", name], input=json.dumps(points),
                                          check=True, capture_output=True, text=True).stdout)
        python = [FUNCTIONS[name](p) for p in points]
        worst = max(abs(a - b) / max(1.0, abs(a)) for a, b in zip(swift, python))
        ok = worst <= 1e-9
        failures += 0 if ok else 1
        print(f"{name:22s} {len(points)} points, largest relative difference {worst:.2e} {'ok' if ok else 'DIFFERS'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "hpo"))
