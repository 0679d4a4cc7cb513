"""Experiments (issue 26): how long a design takes to run, save, reload and analyse.

Prints figures; not a timed test. Run from the repository root:

    .venv/bin/python benchmarks/bench_experiments.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from SALib.sample import latin
from SALib.sample import sobol as sobol_sample

import sim

GROWTH, DEFLATOR, NATIONAL = (
    "provinces.Inner Mongolia.real_growth",
    "provinces.Inner Mongolia.deflator",
    "national.real_growth",
)


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn()
    print(f"{label:<58} {time.perf_counter() - start:7.2f} s")
    return out


def main() -> None:
    sc = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
    prob = sim.problem(sc, {GROWTH: [4, 8], DEFLATOR: [-1, 3], NATIONAL: {"shift": [-1, 1]}})
    x = latin.sample(prob, 10_000, seed=1)
    sim.experiments(sc, x[:10], problem=prob)  # warm the caches
    ex = timed(
        "experiments: 10,000-row Latin hypercube, every year", lambda: sim.experiments(sc, x, problem=prob)
    )
    timed(
        "  with every region's rank as well",
        lambda: sim.experiments(
            sc, x, problem=prob, outcomes=["reach_year", "reached_by", "rank", "gap_pct", "region_rank"]
        ),
    )
    mc = timed(
        "experiments: 100 rows x 2,000 paths (common random numbers)",
        lambda: sim.experiments(sc, x[:100], problem=prob, paths=2000, seed=1),
    )
    with tempfile.TemporaryDirectory() as tmp:
        for storage in ("csv", "parquet"):
            try:
                path = timed(
                    f"save 10,000 rows ({storage})",
                    lambda s=storage: ex.save(Path(tmp) / f"ex.{s}.zip", storage=s),
                )
            except sim.InputError:
                print(f"save ({storage}): not available (pyarrow not installed)")
                continue
            print(f"{'  file size':<58} {path.stat().st_size / 1e6:7.2f} MB")
            timed(f"load 10,000 rows ({storage})", lambda p=path: sim.load_experiments(p))
    timed("to_long of 100 rows with probabilities", mc.to_long)
    xs = sobol_sample.sample(prob, 1024, calc_second_order=False, seed=1)
    sob = timed("experiments: Sobol' sample, 1,024 x 5 rows", lambda: sim.experiments(sc, xs, problem=prob))
    timed(
        "analyze: SALib Sobol of gap_pct_2030 (1,000 resamples)",
        lambda: sim.analyze(sob, method="sobol", outcome="gap_pct_2030", seed=1),
    )
    spec = {
        "outcome": "gap_pct_2030",
        "parameters": {GROWTH: [4, 8], DEFLATOR: [-1, 3], NATIONAL: {"shift": [-1, 1]}},
        "sobol_samples": 1024,
    }
    timed("sim.sensitivity: in-house BCa Sobol, same size", lambda: sim.sensitivity(sc, spec, seed=1))


if __name__ == "__main__":
    main()
