"""Cost growth with the number of regions: synthetic panels of 31, 100, 300 and 2,850 regions
(prefecture-level cities, then China's ~2,850 county-level divisions) through run, montecarlo
(100,000 paths) and a 10,000-point sweep. Prints time (median of repeats), peak traced memory,
and the exponent b of time ~ N^b fitted over the panel sizes.

The synthetic county panel (:func:`synthetic_panel`, seed 0) is not data: N regions x 2000-2024
with log-normal sizes (log GDP ~ N(8, 1)), persistent real-growth differentials (N(0, 1.5)
points), a shock common to all regions each year (N(0, 1)) and an idiosyncratic one (N(0, 1.2));
deflators 2 % plus common and idiosyncratic noise. The target is the region ranked at 65 % of
the ranking in 2024, at 7 % real growth. A real county panel is not needed to measure cost.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 31 100 300 2850] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import warnings
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from sim.analyses.montecarlo import simulate
from sim.analyses.sweep import sweep
from sim.engine.projection import project
from sim.inputs.scenario_file import _cached_panel
from sim.model.scenario import load_scenario
from sim.provenance import Provenance

HEADER = "province_code,province_en,province_zh,year,gdp_nominal_100m_yuan,real_growth_pct"


def synthetic_panel(n: int, folder: Path, seed: int = 0) -> Path:
    """n regions x 2000-2024: log-normal sizes, persistent growth differentials, shared shocks."""
    rng = np.random.default_rng(seed)
    years = np.arange(2000, 2025)
    size = np.exp(rng.normal(8.0, 1.0, n))
    trend = rng.normal(0.0, 1.5, n)
    common = rng.normal(0.0, 1.0, years.size)
    real = 8.0 + trend[None, :] + common[:, None] + rng.normal(0, 1.2, (years.size, n))
    defl = 2.0 + rng.normal(0, 1.0, years.size)[:, None] + rng.normal(0, 1.5, (years.size, n))
    gdp = size * np.exp(np.cumsum(np.log1p(real / 100) + np.log1p(defl / 100), axis=0))
    rows = [HEADER]
    for t, year in enumerate(years):
        for i in range(n):
            rows.append(f"R{i:04d},Region {i},地区{i},{year},{gdp[t, i]:.2f},{real[t, i]:.3f}")
    path = folder / f"panel_{n}.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def scenario_file(panel: Path, n: int) -> Path:
    gdp_2024 = np.array([float(r.split(",")[4]) for r in panel.read_text().splitlines()[1:] if ",2024," in r])
    target = int(np.argsort(-gdp_2024)[int(n * 0.65)])
    path = panel.parent / f"scenario_{n}.yaml"
    path.write_text(
        f"name: synthetic {n}\ndata: {panel.name}\ntarget: R{target:04d}\nhorizon: 2040\n"
        f"national: {{real_growth: 5.0, deflator: 1.5}}\nprovinces:\n  R{target:04d}: {{real_growth: 7.0}}\n",
        encoding="utf-8",
    )
    return path


def full_run(path: Path) -> None:
    """Parse and validate the panel and scenario, project, build the run JSON (no report)."""
    _cached_panel.cache_clear()
    sc = load_scenario(path)
    project(sc).to_document(Provenance.of(sc.files, command=["ranksim", "run", str(path)]))


def measure(fn, repeats: int) -> tuple[float, float]:
    """(median seconds, peak traced MiB of one call)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[31, 100, 300, 2850])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--paths", type=int, default=100_000)
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # the synthetic target's lead draws a plausibility warning
    results: dict[str, list[float]] = {"run": [], "montecarlo": [], "sweep": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        columns = ("regions", "run s", "MiB", "MC 100k s", "MiB", "sweep 10k s", "MiB")
        widths = (8, 8, 7, 10, 7, 12, 7)
        print(" ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
        for n in args.sizes:
            path = scenario_file(synthetic_panel(n, folder), n)
            sc = load_scenario(path)
            target = sc.panel.regions.codes[sc.target]
            items = [
                (f"provinces.{target}.real_growth", "set", [4 + 0.05 * i for i in range(100)]),
                ("national.real_growth", "shift", [-1 + 0.02 * i for i in range(100)]),
            ]
            simulate(sc, 1000, rng=np.random.default_rng(0))  # compiled kernels loaded
            sweep(sc, items[:1])
            run_t, run_m = measure(lambda p=path: full_run(p), args.repeats)
            mc_t, mc_m = measure(
                lambda s=sc: simulate(s, args.paths, rng=np.random.default_rng(1)), args.repeats
            )
            sw_t, sw_m = measure(lambda s=sc, it=items: sweep(s, it), args.repeats)
            for key, value in (("run", run_t), ("montecarlo", mc_t), ("sweep", sw_t)):
                results[key].append(value)
            print(f"{n:>8} {run_t:>8.3f} {run_m:>7.1f} {mc_t:>10.3f} {mc_m:>7.1f} {sw_t:>12.3f} {sw_m:>7.1f}")
    if len(args.sizes) < 2:
        return
    sizes = np.log(np.array(args.sizes, dtype=float))
    for key, times in results.items():
        slope = np.polyfit(sizes, np.log(times), 1)[0]
        print(f"  {key}: time ~ N^{slope:.2f} over N = {args.sizes[0]}..{args.sizes[-1]}")


if __name__ == "__main__":
    main()
