"""Benchmark of the sector ranking math: 50 sectors × 20 criteria, 10,000 sensitivity samples.

Pure numpy, no database. Goal: each method with its sensitivity under half a second on one core.
Prints a table (median of several runs); asserts nothing.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/sectors_ranking.py
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as the goal says

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from sectors import scoring  # noqa: E402


def timed(fn, runs):
    times = []
    for _i in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sectors", type=int, default=50)
    parser.add_argument("--criteria", type=int, default=20)
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(42)
    matrix = rng.uniform(1, 1000, size=(args.sectors, args.criteria))
    weights = rng.uniform(0.5, 3, size=args.criteria)
    benefit = rng.random(args.criteria) < 0.7
    pairwise_w = rng.uniform(1, 9, size=10)
    pairwise = pairwise_w[:, None] / pairwise_w[None, :]

    rows = [
        ("weighted sum", lambda: scoring.weighted_sum(matrix, weights, benefit)),
        ("TOPSIS", lambda: scoring.topsis(matrix, weights, benefit)),
        ("AHP weights (10 criteria)", lambda: scoring.ahp_weights(pairwise)),
        (
            f"sensitivity, weighted sum, {args.samples:,} samples",
            lambda: scoring.sensitivity(matrix, weights, benefit, method="weighted_sum", samples=args.samples),
        ),
        (
            f"sensitivity, TOPSIS, {args.samples:,} samples",
            lambda: scoring.sensitivity(matrix, weights, benefit, method="topsis", samples=args.samples),
        ),
    ]
    print(f"{args.sectors} sectors × {args.criteria} criteria, median of {args.runs} runs, one thread")
    print(f"{'step':<45} {'median ms':>10} {'best ms':>10} {'goal':>8}")
    for name, fn in rows:
        median, best = timed(fn, args.runs)
        goal = "ok" if median < 0.5 else "SLOW"
        print(f"{name:<45} {median * 1000:>10.1f} {best * 1000:>10.1f} {goal:>8}")


if __name__ == "__main__":
    main()
