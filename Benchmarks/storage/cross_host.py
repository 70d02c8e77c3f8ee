#!/usr/bin/env python3
"""Many hosts, one PostgreSQL study: hpo optimize workers on test hosts made with `ip netns`.

    sudo python3 Benchmarks/storage/cross_host.py --hpo .build/release/hpo \
        --server postgresql://postgres@{address}:5432/hpo_test --hosts 4 --workers 4 --trials 2000 \
        [--kill-host] [--seed 1] [--json result.json]

Makes a bridge in this network namespace (the server's host) and --hosts network namespaces
joined to it by veth pairs, each a test host with its own address. On each host --workers
`hpo optimize` processes run one study (random search, a 2-d space) whose objective prints its
parameter x, until the study has --trials finished trials. With --kill-host, every worker of the
second host is killed with SIGKILL at random moments (seeded) while one of them is inside its
objective, and started again (up to --kills times, fewer if the study ends first), and after the
last kill left dead: its running trials must be re-queued when their leases run out and be
finished by the other hosts. `{address}` in --server is replaced by the bridge's address, where
the server must listen (listen_addresses '*', and pg_hba trusting the 10.0.0.0/8 test network).

Then the study is read back (`hpo study export`) and checked: exactly --trials complete trials,
none running or failed, no configuration completed twice, every value equal to what the objective
printed, every interrupted trial re-run exactly once. Prints and writes a JSON summary; the exit
status is 0 only if every check holds. Needs root (ip netns), iproute2 and a reachable server.
"""
import argparse, json, os, random, signal, subprocess, sys, time, uuid

SPACE = "parameters:\n  - {name: x, type: real, low: -5, high: 10}\n  - {name: y, type: real, low: 0, high: 15}\n"


def sh(*args, check=True):
    return subprocess.run(list(args), check=check, capture_output=True, text=True)


class Network:
    """A bridge and network namespaces joined to it, removed on exit."""

    def __init__(self, hosts):
        tag = f"{os.getpid() % 10000:04d}"
        self.subnet = f"10.213.{os.getpid() % 250}"
        self.bridge = f"hpobr{tag}"
        self.hosts = [f"hpo{tag}h{h}" for h in range(hosts)]
        self.address = f"{self.subnet}.1"

    def __enter__(self):
        sh("ip", "link", "add", self.bridge, "type", "bridge")
        sh("ip", "addr", "add", f"{self.address}/24", "dev", self.bridge)
        sh("ip", "link", "set", self.bridge, "up")
        for h, name in enumerate(self.hosts):
            outside, inside = f"{name}o", f"{name}i"
            sh("ip", "netns", "add", name)
            sh("ip", "link", "add", outside, "type", "veth", "peer", "name", inside)
            sh("ip", "link", "set", inside, "netns", name)
            sh("ip", "link", "set", outside, "master", self.bridge, "up")
            sh("ip", "netns", "exec", name, "ip", "addr", "add", f"{self.subnet}.{10 + h}/24", "dev", inside)
            sh("ip", "netns", "exec", name, "ip", "link", "set", inside, "up")
            sh("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up")
        return self

    def __exit__(self, *exc):
        for name in self.hosts:
            sh("ip", "netns", "pids", name, check=False)
            for pid in sh("ip", "netns", "pids", name, check=False).stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
            sh("ip", "link", "del", f"{name}o", check=False)
            sh("ip", "netns", "del", name, check=False)
        sh("ip", "link", "del", self.bridge, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hpo", default=".build/release/hpo")
    parser.add_argument("--server", required=True, help="postgresql://USER@{address}:PORT/DB")
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="workers per host")
    parser.add_argument("--trials", type=int, default=2000)
    parser.add_argument("--lease", type=float, default=2)
    parser.add_argument("--kill-host", action="store_true")
    parser.add_argument("--kills", type=int, default=3, help="times the second host's workers are killed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    hpo = os.path.abspath(args.hpo)
    workdir = os.path.abspath(f"cross-host-{uuid.uuid4().hex[:8]}")
    os.makedirs(workdir)
    with open(os.path.join(workdir, "space.yaml"), "w") as f:
        f.write(SPACE)
    rng = random.Random(args.seed)
    with Network(args.hosts) as network:
        study = args.server.replace("{address}", network.address)
        study += ("&" if "?" in study else "?") + f"study=cross-host-{uuid.uuid4().hex[:8]}"
        # On the doomed host the objective leaves a mark and takes a moment, so a kill can wait for a
        # worker inside its trial: killed at random moments alone, workers still starting up on a
        # loaded machine held no trial and the kills tested nothing.
        objective = ('if [ -n "$CROSS_HOST_MARKS" ]; then touch "$CROSS_HOST_MARKS/$HPO_TRIAL"; sleep 0.3; fi; '
                     'echo "$HPO_PARAM_X"')
        command = [hpo, "optimize", "--study", study, "--space", "space.yaml", "--optimizer", "random", "--seed", "0",
                   "--objective", objective, "--evaluations", str(args.trials), "--lease", str(args.lease), "--quiet"]
        # The study is created once, from the server's host, before the workers start.
        created = subprocess.run([hpo, "optimize"] + command[2:-5] + ["--evaluations", "1", "--lease", str(args.lease), "--quiet"],
                                 cwd=workdir, capture_output=True, text=True)
        if created.returncode != 0:
            sys.exit(f"creating the study failed: {created.stderr.strip()}")

        marks = os.path.join(workdir, "marks")
        os.makedirs(marks)
        doomed = network.hosts[1] if args.kill_host and len(network.hosts) > 1 else None

        def start(host):
            env = dict(os.environ, CROSS_HOST_MARKS=marks) if host == doomed else None
            return [subprocess.Popen(["ip", "netns", "exec", host] + command, cwd=workdir, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True, start_new_session=True, env=env)
                    for _ in range(args.workers)]

        def wait_for_a_trial_in_progress(limit):
            """Clears the marks, then waits until a doomed worker starts an objective, all of them have
            ended (the study is done), or limit seconds pass."""
            for name in os.listdir(marks):
                os.remove(os.path.join(marks, name))
            end = time.time() + limit
            while (not os.listdir(marks) and time.time() < end
                   and any(p.poll() is None for p in workers[doomed])):
                time.sleep(0.01)

        began = time.time()
        workers = {host: start(host) for host in network.hosts}
        kills = 0
        if doomed:
            for k in range(args.kills):
                time.sleep(rng.uniform(0.5, 2.5))
                wait_for_a_trial_in_progress(60)
                time.sleep(rng.uniform(0, 0.2))
                killed = False
                for p in workers[doomed]:
                    if p.poll() is None:  # else it had ended: the study was done
                        os.killpg(p.pid, signal.SIGKILL)
                        killed = True
                    p.wait()
                if not killed:
                    break  # the study is done
                kills += 1
                if k < args.kills - 1:
                    workers[doomed] = start(doomed)
        failures = []
        deadline = began + args.timeout
        for host, procs in workers.items():
            for p in procs:
                try:
                    _, err = p.communicate(timeout=max(1, deadline - time.time()))
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    _, err = p.communicate()
                    failures.append(f"{host}: timed out")
                    continue
                if p.returncode not in (0, -signal.SIGKILL) and not (args.kill_host and host == network.hosts[1]):
                    failures.append(f"{host}: exit {p.returncode}: {err.strip()[-300:]}")
        seconds = time.time() - began
        export = subprocess.run([hpo, "study", "export", study, "--format", "json"], cwd=workdir, capture_output=True, text=True)
        if export.returncode != 0:
            sys.exit(f"export failed: {export.stderr.strip()}")
    trials = json.loads(export.stdout)["trials"]
    complete = [t for t in trials if t["state"] == "complete"]
    interrupted = [t for t in trials if t["state"] == "interrupted"]
    configs = [json.dumps(t["config"], sort_keys=True) for t in complete]
    reruns = {}
    for t in trials:
        if t.get("retry_of") is not None:
            reruns.setdefault(t["retry_of"], []).append(t)
    summary = {
        "hosts": args.hosts, "workers_per_host": args.workers, "trials_asked_for": args.trials, "killed_host": args.kill_host,
        "kills": kills, "seconds": round(seconds, 2), "trials": len(trials), "complete": len(complete),
        "failed": sum(t["state"] == "failed" for t in trials), "running": sum(t["state"] == "running" for t in trials),
        "interrupted": len(interrupted), "duplicated": len(configs) - len(set(configs)),
        "wrong_values": sum(t["value"] != t["config"]["x"] for t in complete),
        "interrupted_not_rerun_once": sum(len(reruns.get(t["id"], [])) != 1 for t in interrupted),
        "trials_per_second": round(len(complete) / seconds, 1), "worker_failures": failures,
    }
    ok = (summary["complete"] == args.trials and summary["failed"] == 0 and summary["running"] == 0
          and summary["duplicated"] == 0 and summary["wrong_values"] == 0 and summary["interrupted_not_rerun_once"] == 0
          and not failures)
    summary["ok"] = ok
    text = json.dumps(summary, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")
    subprocess.run(["rm", "-rf", workdir])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
