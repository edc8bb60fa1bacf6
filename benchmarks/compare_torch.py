"""The same workloads in PyTorch and in gradproof, interleaved, with both medians and the ratio.

Run through benchmarks/compare-torch.sh, which installs what is missing. Each workload runs first in
PyTorch (float64, one thread unless the row says two), then in gradproof through JMH
(benchmarks/target/benchmarks.jar, one forked JVM per workload, one processor unless the row says
two), so that both sides see the same load on a shared machine. The medians are over timed samples
(PyTorch) and over JMH measurement iterations (gradproof). Beside the ratio of the medians, the
ratio of the fastest samples is printed: on a machine shared with other work, interference only
ever adds time, so the fastest samples are the steadier comparison. The JMH side uses gradcheck's
public API, so its gradcheck figures move with the checker.
"""

import argparse
import collections
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
PKG = "dev.gradproof.benchmarks."
ONE_CORE = ["-jvmArgsAppend", "-XX:ActiveProcessorCount=1"]
SCALAR = ["-jvmArgs", "-Xms2g -Xmx2g"]  # replaces the forks' --add-modules jdk.incubator.vector

Timing = collections.namedtuple("Timing", "median best")


# ---------------------------------------------------------------------------------------- timing

def torch_timing(fn, quick, single_shot=False):
    """Median and fastest seconds per call of fn over timed samples, after a warm-up."""
    if single_shot:
        fn()
        return summary([timed(fn, 1) for _ in range(1 if quick else 3)])
    warm_until = time.perf_counter() + (0.3 if quick else 1.0)
    once = timed(fn, 1)
    while time.perf_counter() < warm_until:
        once = min(once, timed(fn, 1))
    target = 0.1 if quick else 0.3
    reps = max(1, int(target / max(once, 1e-7)))
    return summary([timed(fn, reps) for _ in range(5 if quick else 10)])


def summary(samples):
    return Timing(statistics.median(samples), min(samples))


def timed(fn, reps):
    start = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - start) / reps


def jmh_timing(benchmark, params, quick, extra=(), single_shot=False):
    """Median and fastest seconds per operation over the JMH iterations of one benchmark, or None
    if it failed (e.g. out of memory)."""
    if single_shot:
        timing = ["-wi", "0" if quick else "1", "-i", "1" if quick else "3"]
    elif quick:
        timing = ["-wi", "2", "-w", "500ms", "-i", "3", "-r", "500ms"]
    else:
        timing = ["-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"]
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    cmd = ["java", "-jar", JAR, PKG + benchmark + "$", "-f", "1", *timing, *extra,
           "-rf", "json", "-rff", path]
    for key, value in params.items():
        cmd += ["-p", f"{key}={value}"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        with open(path) as f:
            results = json.load(f) if os.path.getsize(path) else []
    finally:
        os.unlink(path)
    if proc.returncode != 0 or not results:
        reason = next((line.strip() for line in proc.stdout.splitlines()
                       if "Error" in line or "Exception" in line), "see JMH output")
        print(f"    gradproof {benchmark} {params}: failed ({reason})", file=sys.stderr)
        return None
    metric = results[0]["primaryMetric"]
    unit = metric["scoreUnit"].split("/")[0]
    scale = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}[unit]
    iterations = [score for fork in metric["rawData"] for score in fork]
    return Timing(metric["scorePercentiles"]["50.0"] * scale, min(iterations) * scale)


# ---------------------------------------------------------------------------------------- workloads

def torch_workloads(torch):
    """Name -> (factory of the PyTorch callable, JMH benchmark, JMH params, JMH extra args, single shot).

    Each PyTorch workload is built only when it runs (the 1,000,000-node chain and the 10,000,000
    elements take memory and time to build)."""
    from torch.autograd import gradcheck

    g = torch.Generator().manual_seed(0)

    def randn(*shape, grad=False):
        return torch.randn(*shape, generator=g, dtype=torch.float64).requires_grad_(grad)

    def net(n, d, h, c):
        x, y = randn(n, d), randn(n, c)
        w1, w2 = randn(d, h), randn(h, c)
        return x, y, (w1 / d ** 0.5).requires_grad_(), (w2 / h ** 0.5).requires_grad_()

    def loss(x, y, w1, w2):
        return (torch.sigmoid(x.mm(w1)).mm(w2) - y).pow(2).sum()

    def net_check(sizes):
        x, y, w1, w2 = net(*map(int, sizes.split("x")))
        return (lambda a, b: loss(x, y, a, b)), (w1, w2)

    checks = {
        "net:4x10x8x3": lambda: net_check("4x10x8x3"),
        "net:8x50x20x5": lambda: net_check("8x50x20x5"),
        "net:16x100x50x10": lambda: net_check("16x100x50x10"),
        "tanh:1000": lambda: (torch.tanh, (randn(1000, grad=True),)),
        "matmul:20x30@30x20": lambda: (torch.mm, (randn(20, 30, grad=True), randn(30, 20, grad=True))),
    }

    def check(make, fast):
        fn, inputs = make()
        return lambda: gradcheck(fn, inputs, fast_mode=fast)

    def step(sizes):
        x, y, w1, w2 = net(*map(int, sizes.split("x")))

        def one_step():
            value = loss(x, y, w1, w2)
            value.backward()
            with torch.no_grad():
                w1.sub_(1e-4 * w1.grad)
                w2.sub_(1e-4 * w2.grad)
            w1.grad = None
            w2.grad = None
            return value
        return one_step

    def product(n):
        a, b = randn(n, n), randn(n, n)
        return lambda: a.mm(b)

    def chain(length):
        x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
        y = x
        for _ in range(length):
            y = y * 1.0
        return lambda: torch.autograd.grad(y, x, retain_graph=True)

    def diamond():
        x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
        a = x
        for _ in range(333):
            a = a * 0.5 + torch.tanh(a)
        return lambda: torch.autograd.grad(a, x, retain_graph=True)

    def fast_large():
        big = randn(10_000_000, grad=True)
        return lambda: gradcheck(torch.tanh, (big,), fast_mode=True)

    work = {}
    for name, make in checks.items():
        for mode in ("FULL", "FAST"):
            work[f"gradcheck {mode} {name}"] = (
                lambda make=make, fast=(mode == "FAST"): check(make, fast),
                "GradCheckBenchmark.check", {"workload": name, "mode": mode}, ONE_CORE, False)
    for name in ("net:8x50x20x5", "net:16x100x50x10", "tanh:1000", "matmul:20x30@30x20"):
        # gradcheck's default: one worker per processor (torch's gradcheck has one thread)
        work[f"gradcheck FULL {name}, 2 workers on 2 cores"] = (
            lambda make=checks[name]: check(make, False),
            "GradCheckBenchmark.check", {"workload": name, "mode": "FULL", "workers": 2}, (), False)
    for sizes in ("8x50x20x5", "64x1000x100x10"):
        work[f"training step ({sizes})"] = (
            lambda sizes=sizes: step(sizes), "TrainingStepBenchmark.autograd", {"net": sizes}, ONE_CORE, False)
        work[f"training step ({sizes}) hand-written Java"] = (
            lambda sizes=sizes: step(sizes), "TrainingStepBenchmark.handWritten", {"net": sizes}, ONE_CORE, False)
    for n in (64, 128, 256, 512):
        work[f"matmul n={n}, 1 thread"] = (
            lambda n=n: product(n), "MatMulBenchmark.matmul", {"n": n}, ONE_CORE, False)
        work[f"matmul n={n}, 2 threads"] = (
            lambda n=n: product(n), "MatMulBenchmark.matmul", {"n": n}, (), False)
        work[f"matmul n={n}, scalar Java kernel, 1 thread"] = (
            lambda n=n: product(n), "MatMulBenchmark.matmul", {"n": n}, SCALAR + ONE_CORE, False)
    for length in (100_000, 1_000_000):
        work[f"backward, chain of {length:,} nodes"] = (
            lambda length=length: chain(length), "BackwardBenchmark.chain", {"length": length}, ONE_CORE, False)
    work["backward, 1,000-node diamond"] = (diamond, "BackwardBenchmark.diamond", {}, ONE_CORE, False)
    work["gradcheck FAST tanh 10,000,000 elements, 512 MB heap"] = (
        fast_large, "FastLargeBenchmark.fastTanh", {}, ONE_CORE, True)
    return work


def openblas_libraries():
    """Every copy of OpenBLAS loaded into this process (after `import torch`), as (file name, library).

    Debian's torch calls OpenBLAS (the pthread build) for its matrix products, and OpenBLAS keeps its
    own thread pool, which `torch.set_num_threads` does not reach: with it alone, torch's "one thread"
    matmul ran on both cores (about 100 GFLOP/s at n = 512, twice numpy's one-thread figure). The pool
    is set through OpenBLAS's own `openblas_set_num_threads`, in each of these."""
    import ctypes
    with open("/proc/self/maps") as f:
        paths = sorted({line.split()[-1] for line in f if "openblas" in line.split()[-1]})
    libraries = [(os.path.basename(path), ctypes.CDLL(path)) for path in paths]
    return [(name, library) for name, library in libraries if hasattr(library, "openblas_set_num_threads")]


def set_threads(torch, blas, threads):
    """Limits PyTorch to `threads` threads: its own pool and that of each OpenBLAS in `blas`."""
    torch.set_num_threads(threads)
    for _, library in blas:
        library.openblas_set_num_threads(threads)


def gflops(n, seconds):
    return 2.0 * n ** 3 / seconds / 1e9


def numpy_gflops(n, threads, quick):
    """numpy's matmul GFLOP/s on n x n doubles with OpenBLAS limited to `threads` (a fresh process)."""
    code = f"""
import numpy, statistics, time
a = numpy.random.rand({n}, {n}); b = numpy.random.rand({n}, {n})
for _ in range(3): a.dot(b)
reps = max(1, int(0.1 / (2.0 * {n} ** 3 / 4e10)))
def sample():
    start = time.perf_counter()
    for _ in range(reps): a.dot(b)
    return (time.perf_counter() - start) / reps
print(min(sample() for _ in range({5 if quick else 10})))
"""
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True, check=True)
    return gflops(n, float(out.stdout.strip()))


# ---------------------------------------------------------------------------------------- report

def fmt(seconds):
    if seconds is None:
        return "failed"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:,.3g} {unit}"
    return f"{seconds / 1e-9:,.3g} ns"


def cpu_model():
    """The processor's model name and its widest SIMD extension, from /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
    except OSError:
        return platform.machine()
    model = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")),
                 platform.machine())
    simd = "AVX-512" if "avx512f" in info else "AVX2" if "avx2" in info else "no AVX2"
    return f"{model} ({simd})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short warm-ups and few samples (a few minutes)")
    parser.add_argument("--only", default="", help="run only workloads whose name contains this text")
    args = parser.parse_args()

    import torch
    blas = openblas_libraries()
    set_threads(torch, blas, 1)
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; torch {torch.__version__}; "
          f"{subprocess.run(['java', '-version'], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]}")
    print(f"torch's BLAS thread pool set per row with openblas_set_num_threads in: {', '.join(name for name, _ in blas) or 'none found'}")
    print(f"load average at start: {os.getloadavg()[0]:.1f} (other processes on the machine add noise)")
    print("(times are medians; ratio = gradproof / torch, of the medians and of the fastest samples)\n")

    rows = []
    for name, (make, bench, params, extra, single) in torch_workloads(torch).items():
        if args.only not in name:
            continue
        set_threads(torch, blas, 2 if "2 threads" in name else 1)
        t = torch_timing(make(), args.quick, single)
        j = jmh_timing(bench, params, args.quick, extra, single)
        rows.append((name, t, j))
        print(f"{name:<58} torch {fmt(t.median):>9}   gradproof {fmt(j and j.median):>9}   "
              f"ratio {ratio(j, t, 'median')} (fastest: {ratio(j, t, 'best')})", flush=True)

    print("\n| workload | torch | gradproof | gradproof / torch | of the fastest |\n|---|---|---|---|---|")
    for name, t, j in rows:
        print(f"| {name} | {fmt(t.median)} | {fmt(j and j.median)} | {ratio(j, t, 'median')} | {ratio(j, t, 'best')} |")

    gradproof = {name: j for name, t, j in rows}
    print()
    for sizes in ("8x50x20x5", "64x1000x100x10"):
        auto = gradproof.get(f"training step ({sizes})")
        hand = gradproof.get(f"training step ({sizes}) hand-written Java")
        if auto and hand:
            print(f"training step ({sizes}): autograd / hand-written Java = {ratio(auto, hand, 'median')}"
                  f" (fastest: {ratio(auto, hand, 'best')})")
    c1 = gradproof.get("backward, chain of 100,000 nodes")
    c2 = gradproof.get("backward, chain of 1,000,000 nodes")
    if c1 and c2:
        print(f"chain backward: 1,000,000 nodes / 100,000 nodes = {ratio(c2, c1, 'median')}"
              f" (fastest: {ratio(c2, c1, 'best')}; linear: 10)")

    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    torch_times = {name: t for name, t, j in rows}
    matmul = [n for n in (64, 128, 256, 512) if f"matmul n={n}, 1 thread" in torch_times]
    if matmul:
        print("\nmatmul GFLOP/s (n x n doubles, fastest sample):")
        print("| n | numpy 1 thread | numpy 2 threads | torch 1 thread | gradproof 1 thread | gradproof 2 threads"
              " | gradproof scalar, 1 thread |")
        print("|---|---|---|---|---|---|---|")
        for n in matmul:
            cells = [numpy_gflops(n, 1, args.quick), numpy_gflops(n, 2, args.quick),
                     gflops(n, torch_times[f"matmul n={n}, 1 thread"].best)]
            for key in (f"matmul n={n}, 1 thread", f"matmul n={n}, 2 threads",
                        f"matmul n={n}, scalar Java kernel, 1 thread"):
                j = gradproof.get(key)
                cells.append(gflops(n, j.best) if j else None)
            print(f"| {n} | " + " | ".join(f"{c:.1f}" if c else "-" for c in cells) + " |")


def ratio(numerator, denominator, field):
    if not numerator or not denominator:
        return "-"
    return f"{getattr(numerator, field) / getattr(denominator, field):.2f}"


if __name__ == "__main__":
    main()
