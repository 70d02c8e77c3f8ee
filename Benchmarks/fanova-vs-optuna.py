#!/usr/bin/env python3
"""Compare swift-hpo's fANOVA importance with Optuna's FanovaImportanceEvaluator on one study.

Both get the same trials: the complete trials of `hpo study export STUDY --format csv` are
added to an in-memory Optuna study (the space's parameter types are read from the JSON
export), then both rankings are printed side by side.

Usage (Optuna and scikit-learn in a virtual environment):
    python3 -m venv /tmp/optuna-venv && /tmp/optuna-venv/bin/pip install optuna scikit-learn
    /tmp/optuna-venv/bin/python Benchmarks/fanova-vs-optuna.py STUDY.db [--hpo .build/release/hpo] [--seed 0]

Optuna has no ordinal distribution: ordinal parameters are given to it as categorical ones
(its fANOVA then one-hot encodes them), so their shares may differ for that reason alone.
Optuna normalizes the main effects to sum to 1; swift-hpo's are fractions of the total
variance, so the script prints both as given and swift-hpo's renormalized too.
"""
import argparse
import csv
import io
import json
import subprocess
import sys

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator


def run(hpo, *arguments):
    return subprocess.run([hpo, *arguments], check=True, capture_output=True, text=True).stdout


def distribution(parameter):
    kind = parameter["type"]
    if kind == "categorical":
        return CategoricalDistribution(parameter["choices"]), str
    if kind == "ordinal":
        values = parameter["values"]
        return CategoricalDistribution(values), lambda text: next(v for v in values if str(v) == text or str(float(v)) == text or (isinstance(v, (int, float)) and float(v) == float(text)))
    if kind == "integer":
        return IntDistribution(parameter["low"], parameter["high"], log=parameter.get("log", False)), int
    return FloatDistribution(parameter["low"], parameter["high"], log=parameter.get("log", False)), float


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("study")
    parser.add_argument("--hpo", default=".build/release/hpo")
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()

    space = json.loads(run(arguments.hpo, "study", "export", arguments.study, "--format", "json"))["space"]
    distributions = {p["name"]: distribution(p) for p in space["parameters"]}
    rows = list(csv.DictReader(io.StringIO(run(arguments.hpo, "study", "export", arguments.study, "--format", "csv"))))

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study()
    for row in rows:
        if row["state"] != "complete" or row["value"] == "":
            continue
        params = {name: parse(row[name]) for name, (_, parse) in distributions.items()}
        study.add_trial(optuna.trial.create_trial(
            params=params, distributions={n: d for n, (d, _) in distributions.items()}, value=float(row["value"])))
    theirs = optuna.importance.get_param_importances(
        study, evaluator=FanovaImportanceEvaluator(seed=arguments.seed), normalize=True)
    ours = json.loads(run(arguments.hpo, "study", "importance", arguments.study, "--json"))
    shares = {e["parameters"][0]: e["share"] for e in ours["mainEffects"]}
    total = sum(shares.values()) or 1

    print(f"{len(study.trials)} complete trials of {arguments.study}")
    print(f"{'rank':>4}  {'swift-hpo':<18} {'share':>7} {'normed':>7}   {'optuna':<18} {'share':>7}")
    optuna_ranked = list(theirs.items())
    for rank, effect in enumerate(ours["mainEffects"]):
        name = effect["parameters"][0]
        other, share = optuna_ranked[rank] if rank < len(optuna_ranked) else ("", 0.0)
        print(f"{rank + 1:>4}  {name:<18} {100 * effect['share']:6.1f}% {100 * effect['share'] / total:6.1f}%   {other:<18} {100 * share:6.1f}%")
    same = [e["parameters"][0] for e in ours["mainEffects"][:2]] == [n for n, _ in optuna_ranked[:2]]
    print(f"top two {'agree' if same else 'differ'}")


if __name__ == "__main__":
    sys.exit(main())
