#!/usr/bin/env python3
"""Where the evaluations and the reported incumbents of `hpo run` fall in the FCNet ranking.

Usage: hpo run ... --benchmark fcnet-NAME --output runs.csv --format csv
       python3 Benchmarks/incumbent_ranks.py runs.csv NAME

Ranks are by true mean validation MSE (0 = the optimum), from the tables embedded in the binary
(Sources/CFCNetData/data/fcnet_NAME.bin: 32-byte header, then float32[62208][4]). Prints, over the
runs: the mean final regret of the reported incumbent (the configuration with the lowest mean
observation, which is the lowest observation when nothing is repeated), the trial at which a
top-100 configuration was first evaluated, how many top-10 and top-100 configurations were
evaluated, in how many runs the optimum was evaluated, the rank bands of the incumbents, the
regret that would result if every evaluation ranked >= R were dropped (not replaced), and the
selection loss: the regret of the best configuration each run evaluated against the reported one,
split by how often that best configuration was evaluated; and, in windows of trials, the share
of re-evaluations and, for the new configurations, their mean Hamming distance from the
configuration with the lowest observation so far and the share of them in the top 1,000.
"""
import collections
import csv
import pathlib
import sys

import numpy as np

CHOICES = [
    ["relu", "tanh"], ["relu", "tanh"], ["8", "16", "32", "64"], ["0", "0.3", "0.6"], ["0", "0.3", "0.6"],
    ["0.0005", "0.001", "0.005", "0.01", "0.05", "0.1"], ["cosine", "const"],
    ["16", "32", "64", "128", "256", "512"], ["16", "32", "64", "128", "256", "512"],
]
NAMES = ["activation_fn_1", "activation_fn_2", "batch_size", "dropout_1", "dropout_2", "init_lr", "lr_schedule",
         "n_units_1", "n_units_2"]


def main(path, name):
    data = pathlib.Path(__file__).resolve().parent.parent / f"Sources/CFCNetData/data/fcnet_{name}.bin"
    raw = data.read_bytes()
    values = np.frombuffer(raw[32:32 + 62208 * 16], dtype="<f4").reshape(62208, 4).astype(np.float64)
    means = values.mean(1)
    rank = np.empty(62208, int)
    rank[np.argsort(means)] = np.arange(62208)
    optimum = means.min()

    def index(row):
        i = 0
        for choices, value in zip(CHOICES, (row[n] for n in NAMES)):
            i = i * len(choices) + choices.index(value)
        return i

    runs = collections.defaultdict(list)
    for row in csv.DictReader(open(path)):
        runs[int(row["run"])].append((index(row), float(row["value"])))

    def observations(trials):
        """Each configuration's observed values, in order of first evaluation."""
        values = {}
        for i, value in trials:
            values.setdefault(i, []).append(value)
        return values

    def reported(trials):
        values = observations(trials)
        return min(values, key=lambda i: np.mean(values[i]))  # first evaluated on ties, as hpo

    def regret(trials):
        return means[reported(trials)] - optimum

    print(f"{len(runs)} runs, mean final regret {np.mean([regret(t) for t in runs.values()]):.3g}")
    first, top10, top100, optimum_runs = [], [], [], 0
    bands = collections.Counter()
    for trials in runs.values():
        ranks = np.array([rank[i] for i, _ in trials])
        first.append(int(np.argmax(ranks < 100)) + 1 if (ranks < 100).any() else len(ranks) + 1)
        top10.append((ranks < 10).sum())
        top100.append((ranks < 100).sum())
        optimum_runs += (ranks == 0).any()
        r = rank[reported(trials)]
        bands["0" if r == 0 else "1-9" if r < 10 else "10-99" if r < 100 else "100-999" if r < 1000 else ">=1000"] += 1
    print(f"first top-100 evaluation at trial {np.mean(first):.1f} (median {np.median(first):.0f}); "
          f"top-10 evaluations {np.mean(top10):.2f}, top-100 evaluations {np.mean(top100):.1f} per run; "
          f"optimum evaluated in {optimum_runs} runs")
    print("incumbent rank bands:", dict(sorted(bands.items())))
    for cut in [100, 300, 1000]:
        kept = [[t for t in trials if rank[t[0]] < cut] for trials in runs.values()]
        print(f"dropping evaluations ranked >= {cut}: mean regret {np.mean([regret(t) for t in kept if t]):.3g}")
    losses = collections.defaultdict(float)
    counts = collections.Counter()
    best_regret = []
    for trials in runs.values():
        values = observations(trials)
        best = min(values, key=lambda i: means[i])
        best_regret.append(means[best] - optimum)
        key = "reported" if best == reported(trials) else f"evaluated {len(values[best])}x, not reported"
        counts[key] += 1
        losses[key] += means[reported(trials)] - means[best]
    print(f"best configuration evaluated per run: mean regret {np.mean(best_regret):.3g}; selection loss by how often "
          "it was evaluated: " + ", ".join(f"{k}: {counts[k]} runs, {losses[k] / len(runs):.3g}" for k in sorted(counts)))

    def digits(i):
        out = []
        for choices in reversed(CHOICES):
            out.append(i % len(choices))
            i //= len(choices)
        return out

    for low, high in [(10, 20), (20, 30), (30, 50), (50, 70), (70, 90)]:
        repeats, distances, top1000 = [], [], []
        for trials in runs.values():
            for j in range(low, min(high, len(trials))):
                i = trials[j][0]
                earlier = trials[:j]
                repeated = any(i == e for e, _ in earlier)
                repeats.append(repeated)
                if repeated:
                    continue
                best = min(earlier, key=lambda t: t[1])[0]
                distances.append(sum(a != b for a, b in zip(digits(i), digits(best))))
                top1000.append(rank[i] < 1000)
        print(f"trials {low + 1}-{high}: re-evaluations {np.mean(repeats):.2f}; new configurations at Hamming distance "
              f"{np.mean(distances):.2f} from the lowest observation so far, {np.mean(top1000):.2f} of them in the top 1,000")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
