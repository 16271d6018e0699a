#!/usr/bin/env python3
"""numpy peer of WeightProductBenchmarks (issue 10 / shared/research/perf.md W2): the same work shape in numpy.

63 units x 100 indicators in 8 weighted-arithmetic pillars (indicator weights 1 + j % 3, pillars weighted equally),
min-max normalised to [0, 1]; S = 10,000 samples of indicator weights w' = w + U(-1, 1) * 0.25 * w; per sample the
index scores (effective weights @ normalised matrix), competition ranks, then per unit the nominal rank, mean rank,
type-7 5/50/95 % rank quantiles (np.percentile's default 'linear' method = R type 7), mean absolute rank shift and
the score's mean, standard deviation, minimum and maximum - the statistics the C# run produces.

Run:  /usr/bin/python3 benchmarks/numpy/w2_uncertainty.py [--repeats 15] [--cpu]
(Debian: apt-get install python3-numpy; that numpy links the reference BLAS unless libopenblas0 is installed.)
Prints the median and IQR of the whole pipeline and of the product step alone, in ms, plus numpy's BLAS. With --cpu
the times are the thread's CPU time (time.thread_time, like the C# CpuTimeRatios harness, which runs this script
itself and prints the ratio: `dotnet run -c Release --project benchmarks/DxIndicators.Benchmarks -- --cpu-ratios`);
single-threaded BLAS is assumed then. The last line is machine-readable: `numpy-ms whole=… product=…`.
"""
import argparse
import time

import numpy as np

UNITS, INDICATORS, PILLARS, SAMPLES, NOISE = 63, 100, 8, 10_000, 0.25


def setup(seed=1):
    rng = np.random.default_rng(seed)
    x = rng.random((UNITS, INDICATORS)) * 1000
    sign = np.where(np.arange(INDICATORS) % 5 == 0, -1.0, 1.0)
    x = x * sign
    n = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))          # min-max with polarity, units x indicators
    w = 1.0 + (np.arange(INDICATORS) % 3)
    pillar = np.arange(INDICATORS) % PILLARS
    u = rng.random((SAMPLES, INDICATORS))
    return n, w, pillar, u


def competition_ranks(scores):
    # rank = 1 + number of strictly greater scores in the row (ties share the best rank)
    order = np.argsort(-scores, axis=1, kind="stable")
    sorted_scores = np.take_along_axis(scores, order, axis=1)
    pos = np.arange(scores.shape[1])[None, :].repeat(scores.shape[0], axis=0)
    first = np.where(np.concatenate([np.ones((scores.shape[0], 1), bool), sorted_scores[:, 1:] != sorted_scores[:, :-1]], axis=1), pos, 0)
    first = np.maximum.accumulate(first, axis=1) + 1
    ranks = np.empty_like(scores)
    np.put_along_axis(ranks, order, first.astype(float), axis=1)
    return ranks


def effective(wd, pillar):
    sums = np.zeros((wd.shape[0], PILLARS))
    for p in range(PILLARS):
        sums[:, p] = wd[:, pillar == p].sum(axis=1)
    return wd / sums[:, pillar] / PILLARS


def pipeline(n, w, pillar, u):
    wd = w * (1 + (2 * u - 1) * NOISE)                                  # S x I noisy weights
    scores = effective(wd, pillar) @ n.T                                 # S x U
    ranks = competition_ranks(scores)
    nominal = competition_ranks((effective(w[None, :], pillar) @ n.T))[0]
    q = np.percentile(ranks, [5, 50, 95], axis=0)
    score_stats = scores.mean(axis=0), scores.std(axis=0, ddof=1), scores.min(axis=0), scores.max(axis=0)
    return nominal, ranks.mean(axis=0), q, np.abs(ranks - nominal).mean(axis=0), score_stats


def timed(f, repeats, clock=time.perf_counter):
    times = []
    for _ in range(repeats):
        t0 = clock()
        f()
        times.append(clock() - t0)
    t = np.array(times) * 1e3
    return np.median(t), np.percentile(t, 25), np.percentile(t, 75)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--cpu", action="store_true", help="time by the thread's CPU time instead of wall time")
    ap.add_argument("--quiet", action="store_true", help="skip numpy's build configuration")
    args = ap.parse_args()
    clock = time.thread_time if args.cpu else time.perf_counter
    n, w, pillar, u = setup()
    e = effective(w * (1 + (2 * u - 1) * NOISE), pillar)
    nt = np.ascontiguousarray(n.T)
    pipeline(n, w, pillar, u)
    whole = timed(lambda: pipeline(n, w, pillar, u), args.repeats, clock)
    product = timed(lambda: e @ nt, args.repeats, clock)
    flops = 2.0 * SAMPLES * UNITS * INDICATORS
    print(f"numpy {np.__version__}")
    if not args.quiet:
        try:
            np.show_config()
        except Exception:  # noqa: BLE001 - diagnostics only
            pass
    print(f"whole pipeline: median {whole[0]:.2f} ms [IQR {whole[1]:.2f}-{whole[2]:.2f}]")
    print(f"product only  : median {product[0]:.3f} ms [IQR {product[1]:.3f}-{product[2]:.3f}] = {flops / product[0] / 1e6:.1f} GFLOP/s")
    print(f"numpy-ms whole={whole[0]:.4f} product={product[0]:.4f} clock={'thread-cpu' if args.cpu else 'wall'}")


if __name__ == "__main__":
    main()
