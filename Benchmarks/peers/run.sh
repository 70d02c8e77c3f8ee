#!/usr/bin/env bash
# Runs Optuna and SMAC3 on swift-hpo's synthetic suite and writes peers.csv for
# `hpo compare --suite synthetic --optimizers ... --peers peers.csv`.
#
#   Benchmarks/peers/run.sh [HPO_BINARY] [OUTPUT_CSV] [extra run.py options, e.g. --seeds 10 --optimizers optuna-tpe]
#
# Makes a virtual environment in $PEERS_VENV (default /tmp/venv-peers) with optuna>=4 (and torch
# for GPSampler when it installs), smac==2.* (2.4.1 installs without a compiler; older 2.x
# releases need swig to build pyrfr) and hebo (`--optimizers hebo`), checks that the Python problem definitions equal the Swift
# ones, then runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
hpo="${1:-$here/../../.build/release/hpo}"
output="${2:-peers.csv}"
shift $(( $# > 2 ? 2 : $# ))
venv="${PEERS_VENV:-/tmp/venv-peers}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q "optuna>=4" numpy scipy greenlet  # greenlet: GPSampler's batched L-BFGS
"$venv/bin/python" -c "import torch" 2>/dev/null || "$venv/bin/pip" install -q torch \
    || echo "torch did not install: optuna-gp (GPSampler) cannot run" >&2
"$venv/bin/python" -c "import smac" 2>/dev/null || "$venv/bin/pip" install -q "smac==2.*" \
    || echo "smac did not install (older 2.x releases need swig: apt-get install -y swig): smac-bb and smac-hpo cannot run" >&2
# HEBO's pinned dependencies do not resolve on a current Python: install it without them, then
# what it imports (it runs with numpy 2 and pymoo 0.6.2 despite its pins).
"$venv/bin/python" -c "import hebo" 2>/dev/null || { "$venv/bin/pip" install -q --no-deps hebo \
    && "$venv/bin/pip" install -q pymoo gpytorch disjoint-set pandas scikit-learn; } \
    || echo "hebo did not install: hebo cannot run" >&2
cd "$here"
"$venv/bin/python" check.py "$hpo"
"$venv/bin/python" run.py --hpo "$hpo" --output "$output" "$@"
