#!/usr/bin/env python3
"""numpy peer of the W1 scoring pipeline (issue 11 / shared/research/perf.md W1; C#: PipelineWorkload.Library).

U units x 100 indicators (uniform on [0, 1000), fixed seed, no missing values), min-max with polarity (every fifth
indicator lower-is-better: (max - x) / (max - min)), 8 weighted-arithmetic pillars (indicator j in pillar j % 8,
weight 1 + j % 3, score = sum of w * y / sum of w), an equal-weight index of the pillars, and the competition rank of
the index (rank = 1 + number of strictly greater scores). Like the library it keeps the normalised matrix.

Written the way a numpy user who cares about speed would: the matrix is stored indicator-major (one indicator's
values contiguous, as the library's IndicatorMatrix), every large array is preallocated and written with out=, the
pillar step is one BLAS matrix product (8 x 100 @ 100 x U), and the rank is a sort plus a vectorised binary search.

Run:  /usr/bin/python3 benchmarks/numpy/w1_pipeline.py [--units 3321] [--repeats 15] [--cpu] [--check]
(Debian: apt-get install python3-numpy.) Prints the median and IQR of one pipeline call in microseconds. With --cpu
the times are the thread's CPU time (time.thread_time), like the C# harness that runs this script and prints the
ratio (`dotnet run -c Release --project benchmarks/DxIndicators.Benchmarks -- --limits`); single-threaded BLAS is
assumed then (OPENBLAS_NUM_THREADS=1). --check compares the fast version with a direct one on the same data. The
last line is machine-readable: `numpy-us pipeline=... units=...`.
"""
import argparse
import time

import numpy as np

INDICATORS, PILLARS = 100, 8


class Pipeline:
    def __init__(self, units, seed=42):
        rng = np.random.default_rng(seed)
        self.x = rng.random((INDICATORS, units)) * 1000                      # indicator-major, like IndicatorMatrix
        j = np.arange(INDICATORS)
        self.lower = (j % 5) == 0
        w = 1.0 + (j % 3)
        pillar = j % PILLARS
        self.wmat = np.zeros((PILLARS, INDICATORS))
        self.wmat[pillar, j] = w
        self.wmat /= self.wmat.sum(axis=1, keepdims=True)                     # weighted mean per pillar
        self.n = np.empty_like(self.x)
        self.pillars = np.empty((PILLARS, units))
        self.index = np.empty(units)
        self.sorted = np.empty(units)
        self.ranks = np.empty(units)

    def run(self):
        mn = self.x.min(axis=1)
        mx = self.x.max(axis=1)
        inv = 1.0 / (mx - mn)
        offset = np.where(self.lower, mx, mn)
        factor = np.where(self.lower, -inv, inv)
        np.subtract(self.x, offset[:, None], out=self.n)
        np.multiply(self.n, factor[:, None], out=self.n)
        np.dot(self.wmat, self.n, out=self.pillars)
        np.mean(self.pillars, axis=0, out=self.index)
        self.sorted[:] = self.index
        self.sorted.sort()
        units = self.index.shape[0]
        np.subtract(units + 1, np.searchsorted(self.sorted, self.index, side="right"), out=self.ranks)
        return self.ranks

    def direct(self):
        """The same definitions written plainly, for --check."""
        n = np.empty_like(self.x)
        for j in range(INDICATORS):
            lo, hi = self.x[j].min(), self.x[j].max()
            n[j] = (hi - self.x[j]) / (hi - lo) if self.lower[j] else (self.x[j] - lo) / (hi - lo)
        index = (self.wmat @ n).mean(axis=0)
        ranks = np.array([1 + np.count_nonzero(index > s) for s in index], dtype=float)
        return n, index, ranks


def blas():
    """The BLAS library numpy has loaded (from /proc/self/maps on Linux), e.g. libblas.so.3 (reference) or libopenblas."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            names = {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return ", ".join(sorted(names)) or "unknown"
    except OSError:
        return "unknown"


def timed(f, repeats, clock):
    times = []
    for _ in range(repeats):
        t0 = clock()
        f()
        times.append(clock() - t0)
    t = np.array(times) * 1e6
    return np.median(t), np.percentile(t, 25), np.percentile(t, 75)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--cpu", action="store_true", help="time by the thread's CPU time instead of wall time")
    ap.add_argument("--check", action="store_true", help="compare with the direct definitions first")
    args = ap.parse_args()
    p = Pipeline(args.units)
    p.run()
    if args.check:
        n, index, ranks = p.direct()
        assert np.allclose(p.n, n, rtol=0, atol=1e-12), "normalised matrix differs"
        assert np.allclose(p.index, index, rtol=0, atol=1e-12), "index differs"
        assert np.array_equal(p.ranks, ranks), "ranks differ"
        print("check: fast and direct versions agree (normalised and index within 1e-12, ranks equal)")
    clock = time.thread_time if args.cpu else time.perf_counter
    median, q1, q3 = timed(p.run, args.repeats, clock)
    print(f"numpy {np.__version__} ({blas()}), {args.units} units x {INDICATORS} indicators")
    print(f"pipeline: median {median:.1f} us [IQR {q1:.1f}-{q3:.1f}] ({'thread CPU' if args.cpu else 'wall'} time)")
    print(f"numpy-us pipeline={median:.3f} units={args.units}")


if __name__ == "__main__":
    main()
