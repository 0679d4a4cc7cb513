"""The same 10,000-point sweep three ways, checked to agree, timed in one run.

1. ranksim's batched sweep (`sim.analyses.sweep.sweep`, fused kernel);
2. EMA Workbench (ema-workbench, the `bench` extra) with the leanest numpy model function
   of the same projection;
3. EMA Workbench wrapping ranksim's single-scenario Python API (`Scenario.derive` + `project`),
   as a user would.
(2 and 3 are skipped, with a note, when ema_workbench is not installed.)

Also: 100,000 deterministic evaluations (31 provinces x 16 years, year-varying national path)
and a 40 x 40 sweep, for the speed targets.

    .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/bench_sweep.py
"""

from __future__ import annotations

import importlib.util
import logging
import statistics
import time
import warnings
from pathlib import Path

import numpy as np

from sim.analyses.sweep import sweep
from sim.engine.batch import NEVER, evaluate_batch
from sim.engine.projection import project
from sim.inputs.params import parse_parameter
from sim.model.growth import assemble, decay_factors
from sim.model.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
TARGET_GROWTH = [round(3.0 + 0.05 * i, 2) for i in range(100)]
NATIONAL_SHIFT = [round(-1.0 + 0.02 * i, 2) for i in range(100)]


def median_time(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def lean_model(sc):
    """The leanest numpy function of the same projection, for EMA's per-experiment calls."""
    g = sc.growth
    t = sc.target
    base_log = np.log(sc.panel.gdp[sc.panel.year_index(sc.base_year)])
    defl = assemble(g).deflator
    pinned = g.pinned_nominal if g.pinned_nominal is not None else np.full(defl.shape, np.nan)
    model_real = np.isnan(g.fixed_real_pct)
    decay_spread = np.where(
        model_real, decay_factors(g.years, g.base_year, g.half_life)[:, None] * g.spread_real, 0.0
    )
    fixed = np.log1p(np.nan_to_num(g.fixed_real_pct) / 100)
    years = np.arange(sc.base_year, sc.horizon + 1)
    k = sc.threshold_rank

    def model(target_growth: float = 6.0, national_shift: float = 0.0) -> dict[str, float]:
        nat = np.log1p((g.national_real_pct + national_shift) / 100)[:, None]
        real = np.where(model_real, nat + decay_spread, fixed)
        real[:, t] = np.log1p(target_growth / 100)
        nominal = np.where(np.isfinite(pinned), pinned, real + defl)  # a preliminary figure is known
        logy = np.vstack([base_log, base_log + np.cumsum(nominal, axis=0)])
        rank = 1 + (logy > logy[:, t : t + 1]).sum(axis=1)
        hit = np.flatnonzero(rank <= k)
        return {"reach_year": float(years[hit[0]]) if hit.size else float(NEVER)}

    return model


def wrapped_model(sc):
    """What a user would write around ranksim's Python API: derive a variant, project it."""
    nat_path = sc.national_written[0]  # the national real path as the file wrote it
    target = f"provinces.{sc.target_code}.real_growth"

    def model(target_growth: float = 6.0, national_shift: float = 0.0) -> dict[str, float]:
        shifted = (
            {y: v + national_shift for y, v in nat_path.items()}
            if isinstance(nat_path, dict)
            else nat_path + national_shift
        )
        run = sc.with_changes({"national.real_growth": shifted, target: target_growth})
        reach = project(run).reach_year
        return {"reach_year": float(reach) if reach is not None else float(NEVER)}

    return model


def run_ema(function, grid) -> tuple[float, np.ndarray]:
    from ema_workbench import Model, RealParameter, ScalarOutcome, Scenario, SequentialEvaluator

    model = Model("ranksim", function=function)
    model.uncertainties = [RealParameter("target_growth", -10, 30), RealParameter("national_shift", -5, 5)]
    model.outcomes = [ScalarOutcome("reach_year")]
    scenarios = [Scenario(f"s{i}", target_growth=g, national_shift=s) for i, (g, s) in enumerate(grid)]
    t0 = time.perf_counter()
    with SequentialEvaluator(model) as ev:
        _, out = ev.perform_experiments(scenarios=scenarios)
    return time.perf_counter() - t0, np.asarray(out["reach_year"])


MODES = {"national.real_growth": "shift"}


def main() -> None:
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    sc = load_scenario(ROOT / "scenarios" / "inner_mongolia_6pct.yaml")
    items = [
        ("provinces.Inner Mongolia.real_growth", "set", TARGET_GROWTH),
        ("national.real_growth", "shift", NATIONAL_SHIFT),
    ]
    t_twin, _ = median_time(lambda: sweep(sc, items, compiled=False), 5)
    sweep(sc, items, compiled=True)  # load the compiled kernel
    t_ranksim, res = median_time(lambda: sweep(sc, items, compiled=True), 5)
    grid = [(g, s) for g in TARGET_GROWTH for s in NATIONAL_SHIFT]
    ours = res.outcomes.reach_year.astype(float)
    print(
        f"10,000-point sweep ({len(TARGET_GROWTH)} target growths x {len(NATIONAL_SHIFT)} national shifts), "
        f"31 provinces x {sc.horizon - sc.base_year} years"
    )
    print(f"  ranksim batched sweep:        {t_ranksim:8.3f} s (median of 5; compiled kernel)")
    print(f"  ranksim, numpy twin:          {t_twin:8.3f} s (median of 5; what a fresh process uses)")
    t_lean = None
    if importlib.util.find_spec("ema_workbench") is None:
        print('  EMA Workbench comparison skipped: ema_workbench not installed (pip install -e ".[bench]")')
    else:
        t_lean, lean = run_ema(lean_model(sc), grid)
        t_wrapped, wrapped = run_ema(wrapped_model(sc), grid)
        print(
            f"  EMA Workbench, lean numpy:    {t_lean:8.3f} s "
            f"({t_lean / len(grid) * 1e6:.0f} us per experiment)"
        )
        print(
            f"  EMA Workbench, ranksim API:   {t_wrapped:8.3f} s "
            f"({t_wrapped / len(grid) * 1e6:.0f} us per experiment)"
        )
        print(f"  ratio lean EMA / ranksim:     {t_lean / t_ranksim:8.1f}x   (goal >= 10x)")
        print(f"  ratio wrapped EMA / ranksim:  {t_wrapped / t_ranksim:8.1f}x   (goal >= 100x)")
        print(f"  outcomes agree: lean {np.array_equal(ours, lean)}, wrapped {np.array_equal(ours, wrapped)}")

    p = parse_parameter(sc.panel.regions, "provinces.Inner Mongolia.real_growth", "set")
    q = parse_parameter(sc.panel.regions, "national.real_growth", "shift")
    rng = np.random.default_rng(0)
    b = 100_000
    vals = [(p, rng.uniform(3, 9, b)), (q, rng.uniform(-1, 1, b))]
    t_100k, _ = median_time(lambda: evaluate_batch(sc, vals), 5)
    print(
        f"100,000 deterministic evaluations (year-varying national path): {t_100k:.3f} s "
        "(median of 5; goal <= 0.3 s)"
    )
    forty = [
        ("provinces.Inner Mongolia.real_growth", "set", [3 + 0.15 * i for i in range(40)]),
        ("national.real_growth", "shift", [-1 + 0.05 * i for i in range(40)]),
    ]
    t_40, _ = median_time(lambda: sweep(sc, forty), 5)
    print(f"40 x 40 sweep: {t_40 * 1000:.1f} ms (median of 5)")

    # probabilistic sweep: P(reach by each year) at every grid point, common random numbers
    hundred = [
        ("provinces.Inner Mongolia.real_growth", "set", [4 + 0.4 * i for i in range(10)]),
        ("national.real_growth", "shift", [-1 + 0.2 * i for i in range(10)]),
    ]
    sweep(sc, hundred[:1], paths=1000, seed=0)  # kernels loaded
    t_prob, prob = median_time(lambda: sweep(sc, hundred, paths=100_000, seed=1), 3)
    print(
        f"probabilistic sweep, 100 grid points x 100,000 paths: {t_prob:.2f} s "
        f"(median of 3; goal <= 10 s); P(reach by {sc.horizon}) from "
        f"{prob.probability[:, -1].min():.1%} to {prob.probability[:, -1].max():.1%}"
    )

    # sim.evaluate: designs of any shape through the same engine (a Latin hypercube here)
    import pandas as pd
    from scipy.stats import qmc

    import sim

    for rows in (10_000, 100_000):
        u = qmc.LatinHypercube(d=2, seed=0).random(rows)
        design = pd.DataFrame(
            {
                "provinces.Inner Mongolia.real_growth": 3 + 6 * u[:, 0],
                "national.real_growth": -1 + 2 * u[:, 1],
            }
        )
        sim.evaluate(sc, design, modes=MODES, compiled=True)
        t_design, _ = median_time(lambda d=design: sim.evaluate(sc, d, modes=MODES, compiled=True), 5)
        print(f"sim.evaluate, {rows:,}-row Latin hypercube: {t_design:.3f} s (median of 5)", end="")
        if rows == 10_000:
            print(f"; the 10,000-point sweep above: {t_ranksim:.3f} s", end="")
            if t_lean is not None:
                print(f"; EMA lean / evaluate: {t_lean / t_design:.1f}x", end="")
        print()


if __name__ == "__main__":
    main()
