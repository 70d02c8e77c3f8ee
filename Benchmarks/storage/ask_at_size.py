#!/usr/bin/env python3
"""How the time of one `hpo ask` grows with a study's size.

    python3 Benchmarks/storage/ask_at_size.py --hpo .build/release/hpo [--sizes 100 2000 20000] [--optimizers random bo-rf]

For each size, makes an SQLite study of that many complete trials (a 6-d continuous space; the
first trial through `hpo ask`/`hpo tell`, the rest written into the file as hpo writes them, with
seeded random configurations and losses), then times `hpo ask` + `hpo tell` five times and prints the
median of each, in milliseconds. A new process reads the whole study, so part of the time grows
with its size; the rest is the optimizer's own work (a forest fitted to every trial for bo-rf).
Then one `hpo session` asks and tells as many times: its first ask reads the study, the later ones
only the trials added since (the medians of those are the session columns).
"""
import argparse, json, os, random, sqlite3, statistics, struct, subprocess, tempfile, time

SPACE = "parameters:\n" + "".join(f"  - {{name: x{i}, type: real, low: 0, high: 1}}\n" for i in range(6))


def make_study(hpo, directory, size, optimizer):
    path = os.path.join(directory, f"{optimizer}-{size}.sqlite")
    first = json.loads(subprocess.run([hpo, "ask", "--study", path, "--space", os.path.join(directory, "space.yaml"),
                                       "--optimizer", optimizer], check=True, capture_output=True, text=True).stdout)
    subprocess.run([hpo, "tell", "--study", path, "--trial", str(first["trial"]), "--value", "1"], check=True, capture_output=True)
    rng = random.Random(size)
    db = sqlite3.connect(path)
    started = db.execute("SELECT started_at FROM trial WHERE id = 1").fetchone()[0]
    rows = []
    for trial in range(2, size + 1):
        config = {f"x{i}": rng.random() for i in range(6)}
        loss = sum((v - 0.3) ** 2 for v in config.values())
        internal = struct.pack("<6d", *(config[f"x{i}"] for i in range(6)))  # a real in [0, 1] is its own internal value
        rows.append((trial, json.dumps(config, sort_keys=True, separators=(",", ":")), loss, started, started, internal))
    db.executemany("INSERT INTO trial (id, state, config, value, started_at, finished_at, internal_values) "
                   "VALUES (?, 'complete', ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()
    return path


def session_times(hpo, path, repeats):
    """The first ask of one `hpo session` on the study, and the later asks and tells, in seconds."""
    session = subprocess.Popen([hpo, "session", "--study", path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def request(r):
        t0 = time.perf_counter()
        session.stdin.write(json.dumps(r) + "\n")
        session.stdin.flush()
        reply = json.loads(session.stdout.readline())
        if "error" in reply:
            raise SystemExit(reply["error"])
        return reply, time.perf_counter() - t0

    asks, tells = [], []
    for _ in range(repeats + 1):
        asked, asking = request({"op": "ask"})
        asks.append(asking)
        tells.append(request({"op": "tell", "trial": asked["trial"], "value": 0.5})[1])
    session.stdin.close()
    session.wait()
    return asks[0], asks[1:], tells


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hpo", default=".build/release/hpo")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 2000, 20000])
    parser.add_argument("--optimizers", nargs="+", default=["random", "bo-rf"])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    hpo = os.path.abspath(args.hpo)
    print(f"{'optimizer':10} {'trials':>7} {'ask ms':>8} {'tell ms':>8} {'session: first ask':>19} {'ask':>6} {'tell':>6}")
    with tempfile.TemporaryDirectory() as directory:
        with open(os.path.join(directory, "space.yaml"), "w") as f:
            f.write(SPACE)
        for optimizer in args.optimizers:
            for size in args.sizes:
                path = make_study(hpo, directory, size, optimizer)
                asks, tells = [], []
                for _ in range(args.repeats):
                    t0 = time.perf_counter()
                    out = subprocess.run([hpo, "ask", "--study", path], check=True, capture_output=True, text=True).stdout
                    asks.append(time.perf_counter() - t0)
                    trial = json.loads(out)["trial"]
                    t0 = time.perf_counter()
                    subprocess.run([hpo, "tell", "--study", path, "--trial", str(trial), "--value", "0.5"], check=True, capture_output=True)
                    tells.append(time.perf_counter() - t0)
                first, session_asks, session_tells = session_times(hpo, path, args.repeats)
                print(f"{optimizer:10} {size:>7} {1000 * statistics.median(asks):>8.1f} {1000 * statistics.median(tells):>8.1f} "
                      f"{1000 * first:>19.1f} {1000 * statistics.median(session_asks):>6.1f} {1000 * statistics.median(session_tells):>6.1f}",
                      flush=True)


if __name__ == "__main__":
    main()
