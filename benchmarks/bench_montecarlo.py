"""Monte Carlo speed: 1,000,000 paths x 31 provinces x 30 years.

Prints paths per second (median of repeats), the peak memory of the simulation
(tracemalloc, numpy allocations) and of the process (ru_maxrss), and the ratio to a
naive chunked numpy reference (gather + cumsum + compare, all regions) measured in the
same run, after checking both give identical histograms.

    .venv/bin/python benchmarks/bench_montecarlo.py [--paths 1000000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

import numpy as np

from sim.analyses.montecarlo import draw_paths, log_gaps, scenario_offsets, simulate
from sim.engine import twins
from sim.engine.projection import project
from sim.model.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent


def naive_reference(scenario, paths: int, seed: int, chunk: int = 20_000) -> tuple[np.ndarray, np.ndarray]:
    """Plain chunked numpy: the same draws (shocks, parameter and national-path offsets), gather,
    cumsum, add offsets, compare every region."""
    proj = project(scenario)
    gap0 = log_gaps(proj)
    draw = draw_paths(scenario, np.random.default_rng(seed))  # the scenario's uncertainty settings
    ranks = np.zeros((gap0.shape[0], gap0.shape[1] + 1), dtype=np.int64)
    reach = np.zeros(gap0.shape[0] + 1, dtype=np.int64)
    done = 0
    while done < paths:
        m = min(chunk, paths - done)
        d = draw(m)
        off = d.offsets
        r, c = twins.rank_hist_numpy(
            gap0, d.table, d.rows_drawn(), off.table, off.idx, scenario.threshold_rank, d.early
        )
        ranks += r
        reach += c
        done += m
    return ranks, reach


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paths", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--years", type=int, default=30)
    args = parser.parse_args()
    base = load_scenario(ROOT / "scenarios" / "inner_mongolia_6pct.yaml")
    sc = base.with_changes({"horizon": base.base_year + args.years})
    n = sc.n_regions
    u = sc.uncertainty
    off = scenario_offsets(sc)
    print(
        f"Monte Carlo benchmark: {args.paths:,} paths x {n} regions x {args.years} years; "
        f"{'stationary' if u.stationary else 'fixed'} block bootstrap (block {u.block}), "
        f"parameter draws {'on' if off is not None and off.parameters else 'off'}, "
        f"national path {'on' if off is not None and off.national is not None else 'off'}"
    )
    simulate(sc, 1000, rng=np.random.default_rng(0))  # compile / load the cached kernel
    times = []
    for rep in range(args.repeats):
        t0 = time.perf_counter()
        fast = simulate(sc, args.paths, rng=np.random.default_rng(rep))
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    simulate(sc, args.paths, rng=np.random.default_rng(0))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    ref = naive_reference(sc, args.paths, seed=0)
    naive_s = time.perf_counter() - t0
    check = simulate(sc, args.paths, rng=np.random.default_rng(0), chunk=20_000)  # same draws
    same = np.array_equal(check.rank_counts, ref[0]) and np.array_equal(check.reach_counts, ref[1])
    med = statistics.median(times)
    print(
        f"  ranksim simulate: median {med:.3f} s over {args.repeats} runs "
        f"(min {min(times):.3f}, max {max(times):.3f}) = {args.paths / med:,.0f} paths/s"
    )
    print(f"  naive numpy reference: {naive_s:.3f} s = {args.paths / naive_s:,.0f} paths/s")
    print(f"  speed-up over naive: {naive_s / med:.1f}x; identical histograms: {same}")
    print(
        f"  peak traced memory of one simulation: {peak / 2**20:.1f} MiB; "
        f"process max RSS before the naive reference ran: {rss:.0f} MiB"
    )
    print(f"  P(reach rank {sc.threshold_rank}) by {sc.horizon}: {fast.reach_probability()[-1]:.3f}")


if __name__ == "__main__":
    main()
