"""Time pybnn's DNGO fit on 100 FCNet observations, one thread, beside `hpo bench`'s reference fit.

What is timed: `pybnn.dngo.DNGO(...).train(X, y)` (pybnn 0.0.5 from PyPI, torch CPU), i.e.
standardising the data, training a fresh 3 x 50 tanh network for 500 epochs in batches of 10
with Adam at learning rate 0.01, computing the basis functions, and then setting alpha and beta
of the Bayesian linear regression:
  - "maximize": `do_mcmc=False`, scipy's Nelder-Mead (`optimize.fmin`) on the log marginal
    likelihood, the counterpart of `hpo bench --optimizer bo-dngo --set warm_start=false
    --set epochs=500 --set targets=identity`;
  - "mcmc" (pybnn's default): emcee with 20 walkers, 2000 burn-in and 2000 further steps.
"network only" times the same 500 epochs with the regression step skipped (`do_optimize=False`).
"one log marginal likelihood" times one of the 80,000 evaluations (20 walkers x 4000 steps) that
the mcmc variant makes, so that its cost can be estimated when a full mcmc fit is too slow to run.
Times are CPU seconds of the process (time.process_time) with `torch.set_num_threads(1)`;
the wall-clock median is printed beside them.

The data: 100 random evaluations of fcnet-protein written by hpo, encoded as hpo encodes them
(categorical parameters one-hot, ordinal ones as index / (count - 1)):

  .build/release/hpo run --optimizer random --benchmark fcnet-protein --runs 1 \
      --evaluations 100 --seed 0 --output /tmp/fcnet-100.csv --format csv
  pip install torch pybnn emcee scipy        # pybnn 0.0.5; torch 2.13 CPU was used
  python3 Benchmarks/pybnn_dngo_fit.py /tmp/fcnet-100.csv --repetitions 5
"""

import argparse
import csv
import statistics
import time

import numpy as np
import torch
from pybnn.dngo import DNGO

# The FCNet space in hpo's order: (name, values, categorical?).
SPACE = [
    ("activation_fn_1", ["relu", "tanh"], True),
    ("activation_fn_2", ["relu", "tanh"], True),
    ("batch_size", ["8", "16", "32", "64"], False),
    ("dropout_1", ["0.0", "0.3", "0.6"], False),
    ("dropout_2", ["0.0", "0.3", "0.6"], False),
    ("init_lr", ["0.0005", "0.001", "0.005", "0.01", "0.05", "0.1"], False),
    ("lr_schedule", ["cosine", "const"], True),
    ("n_units_1", ["16", "32", "64", "128", "256", "512"], False),
    ("n_units_2", ["16", "32", "64", "128", "256", "512"], False),
]


def index_of(values, text):
    """The index of `text` among `values`, comparing numbers numerically."""
    for index, value in enumerate(values):
        if value == text:
            return index
        try:
            if float(value) == float(text):
                return index
        except ValueError:
            pass
    raise ValueError(f"'{text}' is not one of {values}")


def encode(row):
    features = []
    for name, values, categorical in SPACE:
        index = index_of(values, row[name])
        if categorical:
            features += [1.0 if i == index else 0.0 for i in range(len(values))]
        else:
            features.append(index / (len(values) - 1))
    return features


def load(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    value_column = next(c for c in ("value", "loss", "objective") if c in rows[0])
    rows = [r for r in rows if r[value_column] not in ("", "nan")]
    x = np.array([encode(r) for r in rows], dtype=np.float64)
    y = np.array([float(r[value_column]) for r in rows], dtype=np.float64)
    return x, y


def time_fit(x, y, repetitions, **settings):
    do_optimize = settings.pop("do_optimize", True)
    cpu, wall = [], []
    for repetition in range(repetitions):
        torch.manual_seed(repetition)
        model = DNGO(batch_size=10, num_epochs=500, learning_rate=0.01,
                     rng=np.random.RandomState(repetition), **settings)
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        model.train(x, y, do_optimize=do_optimize)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def time_marginal_likelihood(x, y, evaluations=3000):
    model = DNGO(num_epochs=5, rng=np.random.RandomState(0))
    model.train(x, y, do_optimize=False)
    theta = np.array([0.0, -3.0])
    start = time.process_time()
    for _ in range(evaluations):
        model.marginal_log_likelihood(theta)
    return (time.process_time() - start) / evaluations


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("observations", help="CSV written by `hpo run --format csv`")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--mcmc-repetitions", type=int, default=1)
    arguments = parser.parse_args()
    torch.set_num_threads(1)
    x, y = load(arguments.observations)
    print(f"{len(y)} observations, {x.shape[1]} input features; torch {torch.__version__}, one thread")
    cases = [
        ("network only (500 epochs)", arguments.repetitions, {"do_optimize": False}),
        ("maximize (500 epochs + Nelder-Mead)", arguments.repetitions, {"do_mcmc": False}),
        ("mcmc (500 epochs + emcee, pybnn's default)", arguments.mcmc_repetitions, {"do_mcmc": True}),
    ]
    evaluation = time_marginal_likelihood(x, y)
    print(f"one log marginal likelihood: {evaluation * 1000:.3f} ms CPU "
          f"(x 80,000 for the mcmc variant: {evaluation * 80_000:.1f} s)")
    for name, repetitions, settings in cases:
        if repetitions <= 0:
            continue
        cpu, wall = time_fit(x, y, repetitions, **settings)
        print(f"{name}: median of {repetitions}: {cpu * 1000:.0f} ms CPU, {wall * 1000:.0f} ms wall clock")


if __name__ == "__main__":
    main()
