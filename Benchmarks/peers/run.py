"""Runs other libraries' optimizers on swift-hpo's synthetic problems and writes the regret of the
best configuration found so far after every evaluation, as the CSV that
`hpo compare --suite synthetic --peers FILE` ranks beside swift-hpo's optimizers:

    optimizer,problem,seed,evaluation,regret

Optimizers: optuna-tpe (TPESampler(multivariate=True)), optuna-gp (GPSampler; needs torch),
optuna-random (RandomSampler), smac-bb (SMAC3 BlackBoxFacade), smac-hpo (SMAC3
HyperparameterOptimizationFacade), hebo (HEBO, the NeurIPS 2020 black-box challenge winner; not
in the default list: 2 to 3 s per suggestion). Each problem runs with its default budget (from
`hpo benchmarks --json`) on its deterministic objective.

Usage: python run.py --hpo HPO --output peers.csv [--optimizers optuna-tpe,optuna-random]
                     [--seeds 10] [--first-seed 0] [--suite synthetic]

Seeds run from --first-seed: tune swift-hpo's defaults against one range of peer seeds (e.g.
--first-seed 10) and report against another (the default 0 to 9).
"""
import argparse
import csv
import json
import logging
import os
import subprocess
import sys
import tempfile
import time

from problems import FUNCTIONS


def optuna_run(sampler_name, parameters, function, budget, seed):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = {
        "optuna-tpe": lambda: optuna.samplers.TPESampler(multivariate=True, seed=seed),
        "optuna-gp": lambda: optuna.samplers.GPSampler(seed=seed),
        "optuna-random": lambda: optuna.samplers.RandomSampler(seed=seed),
    }
    values = []

    def objective(trial):
        config = {}
        for p in parameters:
            if p["type"] == "categorical":
                config[p["name"]] = trial.suggest_categorical(p["name"], p["choices"])
            elif p["type"] == "integer":
                config[p["name"]] = trial.suggest_int(p["name"], p["low"], p["high"], log=p.get("log", False))
            else:
                config[p["name"]] = trial.suggest_float(p["name"], p["low"], p["high"], log=p.get("log", False))
        value = function(config)
        values.append(value)
        return value

    study = optuna.create_study(direction="minimize", sampler=samplers[sampler_name]())
    study.optimize(objective, n_trials=budget)
    return values


def smac_run(facade_name, parameters, function, budget, seed):
    from ConfigSpace import Categorical, ConfigurationSpace, Float, Integer
    from smac import BlackBoxFacade, HyperparameterOptimizationFacade, Scenario
    logging.getLogger("smac").setLevel(logging.WARNING)
    space = ConfigurationSpace(seed=seed)
    for p in parameters:
        if p["type"] == "categorical":
            space.add(Categorical(p["name"], p["choices"]))
        elif p["type"] == "integer":
            space.add(Integer(p["name"], (p["low"], p["high"]), log=p.get("log", False)))
        else:
            space.add(Float(p["name"], (p["low"], p["high"]), log=p.get("log", False)))
    values = []

    def train(config, seed: int = 0) -> float:
        value = function(dict(config))
        values.append(value)
        return value

    facade = {"smac-bb": BlackBoxFacade, "smac-hpo": HyperparameterOptimizationFacade}[facade_name]
    with tempfile.TemporaryDirectory() as folder:
        scenario = Scenario(space, deterministic=True, n_trials=budget, seed=seed, output_directory=folder)
        smac = facade(scenario, train, overwrite=True, logging_level=40)
        smac.optimize()
    return values


def hebo_run(name, parameters, function, budget, seed):
    import numpy as np
    import torch
    from hebo.design_space.design_space import DesignSpace
    from hebo.optimizers.hebo import HEBO
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    entries = []
    for p in parameters:
        if p["type"] == "categorical":
            entries.append({"name": p["name"], "type": "cat", "categories": p["choices"]})
        elif p["type"] == "integer":
            entries.append({"name": p["name"], "type": "int", "lb": p["low"], "ub": p["high"]})
        else:
            entries.append({"name": p["name"], "type": "pow" if p.get("log", False) else "num", "lb": p["low"], "ub": p["high"]})
    optimizer = HEBO(DesignSpace().parse(entries), scramble_seed=seed)
    values = []
    for _ in range(budget):
        suggestion = optimizer.suggest(n_suggestions=1)
        config = {k: (v.item() if hasattr(v, "item") else v) for k, v in suggestion.iloc[0].to_dict().items()}
        value = function(config)
        values.append(value)
        optimizer.observe(suggestion, np.array([[value]]))
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hpo", default="hpo", help="the hpo binary")
    parser.add_argument("--output", default="peers.csv")
    parser.add_argument("--optimizers", default="optuna-tpe,optuna-random,optuna-gp,smac-bb,smac-hpo")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--first-seed", type=int, default=0, help="the first seed (seeds run from it)")
    parser.add_argument("--suite", default="synthetic")
    parser.add_argument("--problems", default=None, help="comma-separated subset of the suite's problems")
    args = parser.parse_args()

    listing = json.loads(subprocess.run([args.hpo, "benchmarks", "--json"], check=True, capture_output=True, text=True).stdout)
    suites = {s["name"]: s["benchmarks"] for s in listing["suites"]}
    benchmarks = {b["name"]: b for b in listing["benchmarks"]}
    problems = args.problems.split(",") if args.problems else suites[args.suite]
    optimizers = args.optimizers.split(",")
    new_file = not os.path.exists(args.output)
    with open(args.output, "a", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        if new_file:
            writer.writerow(["optimizer", "problem", "seed", "evaluation", "regret"])
        for optimizer in optimizers:
            run = optuna_run if optimizer.startswith("optuna-") else hebo_run if optimizer == "hebo" else smac_run
            for name in problems:
                benchmark = benchmarks[name]
                budget, optimum = benchmark["default_evaluations"], benchmark["optimum"]
                started = time.time()
                for seed in range(args.first_seed, args.first_seed + args.seeds):
                    values = run(optimizer, benchmark["parameters"], FUNCTIONS[name], budget, seed)
                    if len(values) < budget:
                        print(f"  {optimizer} on {name} seed {seed}: stopped after {len(values)} of {budget} evaluations;"
                              " its last best value is repeated", file=sys.stderr)
                    best = float("inf")
                    for k in range(budget):
                        best = min(best, values[min(k, len(values) - 1)])
                        writer.writerow([optimizer, name, seed, k + 1, repr(best - optimum)])
                out.flush()
                print(f"{optimizer:14s} {name:22s} {args.seeds} seeds x {budget} evaluations in {time.time() - started:.1f} s",
                      file=sys.stderr)


if __name__ == "__main__":
    main()
