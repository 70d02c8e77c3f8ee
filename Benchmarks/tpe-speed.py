#!/usr/bin/env python3
"""Time per suggestion of swift-hpo's `tpe` beside Optuna's TPESampler(multivariate=True) per trial,
at about 10, 100 and 1,000 observations, on the FCNet search space (2 binary categorical parameters,
lr_schedule, 6 ordinal ones; 62,208 configurations).

hpo: wall-clock seconds of `hpo run --optimizer tpe --benchmark fcnet-protein --runs 1 --evaluations N`
(table look-ups, so nearly all of it is suggesting), differenced between N = n - 50 and n + 50 so that
start-up cancels: the mean suggestion time over the 100 suggestions around n (n = 10: the first 60,
of which 10 random). Best of 3 repetitions. Optuna: the same on the same space (ordinal parameters
as integer positions, which Optuna's TPE treats with discretized kernels as hpo does), timing each
trial with a cheap objective, mean over the trials of the same window.

    python3 Benchmarks/tpe-speed.py [--hpo .build/release/hpo]
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
tpe_vs_optuna = __import__("tpe-vs-optuna")

WINDOWS = {10: (0, 60), 100: (50, 150), 1000: (950, 1050)}
ORDINALS = {"batch_size": 4, "dropout_1": 3, "dropout_2": 3, "init_lr": 6, "n_units_1": 6, "n_units_2": 6}
CATEGORICAL = {"activation_fn_1": ["relu", "tanh"], "activation_fn_2": ["relu", "tanh"], "lr_schedule": ["cosine", "const"]}


def hpo_seconds(hpo, evaluations):
    if evaluations == 0:
        return 0.0
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([hpo, "run", "--optimizer", "tpe", "--benchmark", "fcnet-protein", "--runs", "1",
                        "--evaluations", str(evaluations), "--quiet"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def optuna_trial_seconds(trials):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)

    def objective(trial):
        x = [trial.suggest_int(name, 0, n - 1) for name, n in ORDINALS.items()]
        c = [trial.suggest_categorical(name, choices) for name, choices in CATEGORICAL.items()]
        return sum((v - 1.7) ** 2 for v in x) + sum(v == "tanh" for v in c)

    study = optuna.create_study(sampler=optuna.samplers.TPESampler(multivariate=True, seed=0))
    durations = []
    for _ in range(trials):
        start = time.perf_counter()
        study.optimize(objective, n_trials=1)
        durations.append(time.perf_counter() - start)
    return durations


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo", default=".build/release/hpo")
    args = parser.parse_args()
    tpe_vs_optuna.ensure_optuna()
    durations = optuna_trial_seconds(1050)
    print("| observations | hpo tpe ms/suggestion | Optuna TPE ms/trial |")
    print("|---|---|---|")
    for n, (low, high) in WINDOWS.items():
        hpo = (hpo_seconds(args.hpo, high) - hpo_seconds(args.hpo, low)) / (high - low)
        optuna = sum(durations[low:high]) / (high - low)
        print(f"| {n} | {hpo * 1000:.3f} | {optuna * 1000:.2f} |", flush=True)


if __name__ == "__main__":
    main()
