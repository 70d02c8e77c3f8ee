#!/usr/bin/env python3
"""Ask/tell throughput of a study shared by concurrent workers: swift-hpo beside Optuna.

    python3 Benchmarks/storage/throughput.py --hpo .build/release/hpo [--postgresql URL] \
        [--workers 1 4 16] [--seconds 15] [--samplers random default tpe] [--tools hpo hpo-session hpo-optimize] [--optuna]

Each worker is a process that repeats: ask for a trial, tell it a loss (Branin), for --seconds.
Four kinds of worker: `hpo` calls the `hpo ask` / `hpo tell` commands, two new processes per
trial, as a worker script in any language does; `hpo-session` is the same script talking to one
long-lived `hpo session` (a JSON request per line, a reply per line); `hpo-optimize` is one long-lived `hpo optimize`
process per worker whose objective is a shell command printing x (so each of its trials also
starts a process); `optuna` uses Optuna's Python API in-process on its RDB storage (the fastest
way to use Optuna). Storages: a new SQLite
file each run, and PostgreSQL if --postgresql postgresql://USER@HOST:PORT/DB is given (a new
study name each run; Optuna uses the same server through psycopg2). "default" is each tool's
default model-based optimizer: hpo's auto (bo-gp on this space) and Optuna's TPESampler; "tpe" is
hpo's tpe beside Optuna's TPESampler, like for like.

Prints a table (pairs per second over all workers, ask latency p50/p99) and writes CSV with --csv.
Run with --optuna after `pip install optuna psycopg2-binary` (the script installs them into
$OPTUNA_VENV, default /tmp/venv-optuna, if that has no optuna).
"""
import argparse, csv, json, math, os, subprocess, sys, tempfile, time, uuid

SPACE = "parameters:\n  - {name: x, type: real, low: -5, high: 10}\n  - {name: y, type: real, low: 0, high: 15}\n"

OPTUNA_WORKER = r'''
import math, sys, time, optuna
optuna.logging.set_verbosity(optuna.logging.ERROR)
storage, name, sampler, seconds, out = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
s = optuna.samplers.RandomSampler() if sampler == "random" else optuna.samplers.TPESampler()
study = optuna.load_study(study_name=name, storage=storage, sampler=s)
dist = {"x": optuna.distributions.FloatDistribution(-5, 10), "y": optuna.distributions.FloatDistribution(0, 15)}
lat = []
end = time.time() + seconds
while time.time() < end:
    t0 = time.perf_counter()
    trial = study.ask(dist)
    lat.append(time.perf_counter() - t0)
    x, y = trial.params["x"], trial.params["y"]
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    study.tell(trial, (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10)
with open(out, "w") as f:
    f.write("\n".join(map(str, lat)))
'''


def branin(x, y):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10


def hpo_worker_script(hpo, location, seconds, out):
    """A shell-free worker: a Python loop that runs the hpo commands (its own overhead is small)."""
    return [sys.executable, "-c", f'''
import json, math, subprocess, sys, time
lat = []
end = time.time() + {seconds}
while time.time() < end:
    t0 = time.perf_counter()
    out = subprocess.run([{hpo!r}, "ask", "--study", {location!r}], capture_output=True, text=True)
    lat.append(time.perf_counter() - t0)
    if out.returncode != 0:
        sys.stderr.write(out.stderr); sys.exit(1)
    asked = json.loads(out.stdout)
    x, y = asked["config"]["x"], asked["config"]["y"]
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    v = (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10
    told = subprocess.run([{hpo!r}, "tell", "--study", {location!r}, "--trial", str(asked["trial"]), "--value", repr(v)], capture_output=True, text=True)
    if told.returncode != 0:
        sys.stderr.write(told.stderr); sys.exit(1)
open({out!r}, "w").write("\\n".join(map(str, lat)))
''']


def hpo_session_script(hpo, location, seconds, out):
    """A worker that asks and tells through one `hpo session` process."""
    return [sys.executable, "-c", f'''
import json, math, subprocess, sys, time
session = subprocess.Popen([{hpo!r}, "session", "--study", {location!r}], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
def request(r):
    session.stdin.write(json.dumps(r) + "\\n"); session.stdin.flush()
    reply = json.loads(session.stdout.readline())
    if "error" in reply:
        sys.stderr.write(reply["error"] + "\\n"); sys.exit(1)
    return reply
lat = []
end = time.time() + {seconds}
while time.time() < end:
    t0 = time.perf_counter()
    asked = request({{"op": "ask"}})
    lat.append(time.perf_counter() - t0)
    x, y = asked["config"]["x"], asked["config"]["y"]
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    request({{"op": "tell", "trial": asked["trial"], "value": (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10}})
session.stdin.close(); session.wait()
open({out!r}, "w").write("\\n".join(map(str, lat)))
''']


def percentile(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(q * len(values)))]


def optimize_workers(hpo, location, workers, seconds, workdir):
    """Long-lived `hpo optimize` workers for `seconds`, then SIGINT; returns the trials completed."""
    import signal
    command = [hpo, "optimize", "--study", location, "--objective", 'echo "$HPO_PARAM_X"', "--evaluations", "1000000", "--quiet"]
    procs = [subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(workers)]
    time.sleep(seconds)
    for p in procs:
        p.send_signal(signal.SIGINT)
    errors = []
    for p in procs:
        _, err = p.communicate()
        if p.returncode not in (0, 130):
            errors.append(err.strip().splitlines()[-1] if err.strip() else f"exit {p.returncode}")
    exported = subprocess.run([hpo, "study", "export", location, "--format", "json"], cwd=workdir, capture_output=True, text=True, check=True)
    return sum(t["state"] == "complete" for t in json.loads(exported.stdout)["trials"]), errors


def run_workers(commands, workdir):
    procs = [subprocess.Popen(c, cwd=workdir, stderr=subprocess.PIPE, text=True) for c in commands]
    errors = []
    for p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            errors.append(err.strip().splitlines()[-1] if err.strip() else f"exit {p.returncode}")
    return errors


def measure(tool, storage_name, location, sampler, workers, seconds, args, workdir):
    outs = [os.path.join(workdir, f"lat-{uuid.uuid4().hex}") for _ in range(workers)]
    if tool in ("hpo", "hpo-session", "hpo-optimize"):
        optimizer = {"random": "random", "default": "auto", "tpe": "tpe"}[sampler]
        init = subprocess.run([args.hpo, "ask", "--study", location, "--space", "space.yaml", "--optimizer", optimizer, "--seed", "1"],
                              cwd=workdir, capture_output=True, text=True)
        if init.returncode != 0:
            raise SystemExit(init.stderr)
        first = json.loads(init.stdout)
        subprocess.run([args.hpo, "tell", "--study", location, "--trial", str(first["trial"]), "--value", "1"], cwd=workdir, check=True,
                       capture_output=True)
        if tool == "hpo-optimize":
            before = time.time()
            complete, errors = optimize_workers(args.hpo, location, workers, seconds, workdir)
            elapsed = time.time() - before
            return {
                "tool": tool, "storage": storage_name, "sampler": sampler, "workers": workers, "pairs": complete - 1,
                "pairs_per_second": (complete - 1) / elapsed, "ask_p50_ms": float("nan"), "ask_p99_ms": float("nan"),
                "errors": len(errors), "first_error": errors[0] if errors else "",
            }
        script = hpo_session_script if tool == "hpo-session" else hpo_worker_script
        commands = [script(args.hpo, location, seconds, o) for o in outs]
    else:
        py = args.optuna_python
        name = "bench-" + uuid.uuid4().hex[:8]
        subprocess.run([py, "-c", f"import optuna; optuna.create_study(study_name={name!r}, storage={location!r})"], check=True,
                       capture_output=True)
        commands = [[py, "-c", OPTUNA_WORKER, location, name, sampler, str(seconds), o] for o in outs]
    start = time.time()
    errors = run_workers(commands, workdir)
    elapsed = time.time() - start
    latencies = []
    for o in outs:
        if os.path.exists(o):
            latencies += [float(v) for v in open(o).read().split() if v]
    pairs = len(latencies)
    return {
        "tool": tool, "storage": storage_name, "sampler": sampler, "workers": workers, "pairs": pairs,
        "pairs_per_second": pairs / elapsed, "ask_p50_ms": 1000 * percentile(latencies, 0.5),
        "ask_p99_ms": 1000 * percentile(latencies, 0.99), "errors": len(errors), "first_error": errors[0] if errors else "",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hpo", default=".build/release/hpo")
    parser.add_argument("--postgresql", help="postgresql://USER@HOST:PORT/DB of a running server")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--samplers", nargs="+", default=["random", "default"], choices=["random", "default", "tpe"])
    parser.add_argument("--tools", nargs="+", default=["hpo", "hpo-optimize"], choices=["hpo", "hpo-session", "hpo-optimize"],
                        help="the swift-hpo workers to measure (Optuna's with --optuna)")
    parser.add_argument("--storages", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--optuna", action="store_true", help="also measure Optuna's RDB storage")
    parser.add_argument("--csv")
    args = parser.parse_args()
    args.hpo = os.path.abspath(args.hpo)
    if args.optuna:
        venv = os.environ.get("OPTUNA_VENV", "/tmp/venv-optuna")
        if not os.path.exists(os.path.join(venv, "bin", "python")):
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        args.optuna_python = os.path.join(venv, "bin", "python")
        if subprocess.run([args.optuna_python, "-c", "import optuna, psycopg2"], capture_output=True).returncode != 0:
            subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "optuna>=4", "psycopg2-binary"], check=True)
    rows = []
    print(f"{'tool':12} {'storage':11} {'sampler':8} {'workers':>7} {'pairs/s':>9} {'ask p50 ms':>11} {'ask p99 ms':>11} errors")
    for storage_name in args.storages:
        if storage_name == "postgresql" and not args.postgresql:
            continue
        for sampler in args.samplers:
            for workers in args.workers:
                for tool in args.tools + (["optuna"] if args.optuna else []):
                    with tempfile.TemporaryDirectory() as workdir:
                        with open(os.path.join(workdir, "space.yaml"), "w") as f:
                            f.write(SPACE)
                        if storage_name == "sqlite":
                            location = os.path.join(workdir, "s.sqlite") if tool != "optuna" else "sqlite:///" + os.path.join(workdir, "o.sqlite")
                        else:
                            base = args.postgresql
                            location = f"{base}?study=bench-{uuid.uuid4().hex[:8]}" if tool != "optuna" else \
                                base.replace("postgresql://", "postgresql+psycopg2://", 1)
                        row = measure(tool, storage_name, location, sampler, workers, args.seconds, args, workdir)
                    rows.append(row)
                    print(f"{tool:12} {storage_name:11} {sampler:8} {workers:>7} {row['pairs_per_second']:>9.1f} "
                          f"{row['ask_p50_ms']:>11.1f} {row['ask_p99_ms']:>11.1f} {row['errors']} {row['first_error'][:80]}", flush=True)
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
