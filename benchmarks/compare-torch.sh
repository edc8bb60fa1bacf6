#!/bin/sh
# Runs the benchmark workloads in PyTorch and in gradproof (JMH), interleaved, and prints both
# medians and the ratio gradproof/torch per workload, plus numpy's matmul GFLOP/s as the hardware
# reference. Usage, from anywhere:  benchmarks/compare-torch.sh [--quick] [--only SUBSTRING]
# Installs Debian's python3-torch and libopenblas0-pthread with apt-get when they are missing, and
# builds benchmarks/target/benchmarks.jar when it is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# Debian's python3-torch installs into the system interpreter, not into a pyenv or venv one.
PYTHON=/usr/bin/python3

if ! "$PYTHON" -c 'import torch, numpy' 2>/dev/null || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "installing python3-torch, python3-numpy and libopenblas0-pthread (apt-get)..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch python3-numpy libopenblas0-pthread >/dev/null
fi

if [ ! -f benchmarks/target/benchmarks.jar ]; then
    echo "building benchmarks/target/benchmarks.jar..."
    mvn -B -q -pl benchmarks -am package -DskipTests
fi

exec "$PYTHON" benchmarks/compare_torch.py "$@"
