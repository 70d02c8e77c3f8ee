#!/usr/bin/env python3
"""swift-hpo's `tpe` beside Optuna's TPESampler(multivariate=True) on Branin (2-d), Hartmann-6 and a
4-d Rosenbrock: 20 seeds each, the best value after 50 and 100 evaluations (mean and standard error
over seeds), and the mean time per trial.

Optuna runs in-process (installed into a virtual environment under /tmp if it is missing). swift-hpo
runs each seed as one `hpo optimize` study of 100 evaluations whose objective is an awk program
(awk starts in about a millisecond, so the command's overhead stays small); both budgets are read
from the same runs, since neither optimizer plans by its budget.

    python3 Benchmarks/tpe-vs-optuna.py [--hpo .build/release/hpo] [--seeds 20] [--only optuna|hpo]
"""
import argparse
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

VENV = "/tmp/optuna-venv"


def ensure_optuna():
    try:
        import optuna  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        sys.exit("optuna is missing from " + VENV)
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([python, "-m", "pip", "install", "-q", "optuna>=4"])
    os.execv(python, [python] + sys.argv)


# Hartmann-6 constants (Surjanovic and Bingham's library of test functions).
H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
       [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    return -sum(H_ALPHA[i] * math.exp(-sum(H_A[i][j] * (x[j] - H_P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


def awk_matrix(name, rows):
    return "".join(f"{name}[{i},{j}]={v};" for i, row in enumerate(rows) for j, v in enumerate(row))


PROBLEMS = {
    # name: (function, bounds, awk body computing f from x[0..d-1])
    "branin": (branin, [(-5, 10), (0, 15)],
               "pi=atan2(0,-1); b=5.1/(4*pi*pi); c=5/pi; t=1/(8*pi);"
               "f=(x[1]-b*x[0]*x[0]+c*x[0]-6)^2+10*(1-t)*cos(x[0])+10;"),
    "hartmann6": (hartmann6, [(0, 1)] * 6,
                  awk_matrix("A", H_A) + awk_matrix("P", H_P) + "".join(f"al[{i}]={v};" for i, v in enumerate(H_ALPHA))
                  + "f=0; for(i=0;i<4;i++){s=0; for(j=0;j<6;j++){s+=A[i,j]*(x[j]-P[i,j]*1e-4)^2}; f-=al[i]*exp(-s)};"),
    "rosenbrock4": (rosenbrock, [(-5, 10)] * 4,
                    "f=0; for(i=0;i<3;i++){f+=100*(x[i+1]-x[i]^2)^2+(1-x[i])^2};"),
}


def mean_se(values):
    return statistics.mean(values), statistics.stdev(values) / math.sqrt(len(values))


def run_optuna(problem, seeds, evaluations=100):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    function, bounds, _ = PROBLEMS[problem]
    curves, seconds = [], 0.0
    for seed in range(seeds):
        sampler = optuna.samplers.TPESampler(multivariate=True, seed=seed)
        study = optuna.create_study(sampler=sampler)
        start = time.perf_counter()
        study.optimize(lambda trial: function([trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]),
                       n_trials=evaluations)
        seconds += time.perf_counter() - start
        curves.append([t.value for t in study.trials])
    return curves, seconds / (seeds * evaluations)


def run_hpo(problem, seeds, hpo, evaluations=100):
    _, bounds, body = PROBLEMS[problem]
    d = len(bounds)
    names = [f"x{i}" for i in range(d)]
    reads = "".join(f'x[{i}]=ENVIRON["HPO_PARAM_X{i}"]+0;' for i in range(d))
    objective = "awk 'BEGIN{" + reads + body + 'printf "%.17g\\n", f}\''
    curves, seconds = [], 0.0
    with tempfile.TemporaryDirectory() as folder:
        space = os.path.join(folder, "space.yaml")
        with open(space, "w") as f:
            f.write("parameters:\n" + "".join(f"  - {{name: {n}, type: real, low: {lo}, high: {hi}}}\n"
                                               for n, (lo, hi) in zip(names, bounds)))
        for seed in range(seeds):
            start = time.perf_counter()
            output = subprocess.run(
                [hpo, "optimize", "--study", os.path.join(folder, f"{seed}.sqlite"), "--space", space,
                 "--optimizer", "tpe", "--seed", str(seed), "--evaluations", str(evaluations), "--objective", objective],
                check=True, capture_output=True, text=True).stdout
            seconds += time.perf_counter() - start
            values = [float(v) for v in re.findall(r"^trial \d+: complete (\S+)", output, re.M)]
            if len(values) != evaluations:
                sys.exit(f"hpo: {len(values)} complete trials of {evaluations} for {problem} seed {seed}:\n{output[-2000:]}")
            curves.append(values)
    return curves, seconds / (seeds * evaluations)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo", default=".build/release/hpo")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--only", choices=["optuna", "hpo"])
    args = parser.parse_args()
    if args.only != "hpo":
        ensure_optuna()
    print(f"best value after 50 and 100 evaluations, mean ± s.e. over {args.seeds} seeds; seconds per trial")
    print(f"| problem | budget | Optuna TPE (multivariate) | hpo tpe |")
    print(f"|---|---|---|---|")
    for problem in PROBLEMS:
        runs = {}
        if args.only != "hpo":
            runs["optuna"] = run_optuna(problem, args.seeds)
        if args.only != "optuna":
            runs["hpo"] = run_hpo(problem, args.seeds, args.hpo)
        for budget in (50, 100):
            cells = []
            for name in ("optuna", "hpo"):
                if name not in runs:
                    cells.append("-")
                    continue
                mean, se = mean_se([min(curve[:budget]) for curve in runs[name][0]])
                cells.append(f"{mean:.5g} ± {se:.2g}")
            print(f"| {problem} | {budget} | {cells[0]} | {cells[1]} |")
        times = " ".join(f"{name} {runs[name][1] * 1000:.2f} ms/trial" for name in runs)
        print(f"| {problem} | time | {times} | |", flush=True)


if __name__ == "__main__":
    main()
