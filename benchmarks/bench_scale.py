"""Cost growth with the number of regions: synthetic panels of 31, 100, 300 and 2,850 regions
(prefecture-level cities, then China's ~2,850 county-level divisions) through run, montecarlo
(100,000 paths) and a 10,000-point sweep. Prints, per panel size, the median time of the repeats
and the Monte Carlo's memory, then the exponent b of time ~ N^b fitted over the sizes.

The synthetic county panel (:func:`synthetic_panel`, seed 0) is not data: N regions x 2000-2024
with log-normal sizes (log GDP ~ N(8, 1)), persistent real-growth differentials (N(0, 1.5)
points), a shock common to all regions each year (N(0, 1)) and an idiosyncratic one (N(0, 1.2));
deflators 2 % plus common and idiosyncratic noise. The target is the region ranked at 65 % of
the ranking in 2024, at 7 % real growth. A real county panel is not needed to measure cost.

What is measured, each operation in a fresh process (its kernels loaded first, by a small run):

* run: parse and validate the panel CSV and the scenario (the panel cache emptied first),
  project, build the ``ranksim run --json`` document (no report);
* montecarlo: ``simulate`` with 100,000 paths (the scenario's bootstrap, parameter, national-path
  and plan draws; numba kernels);
* sweep: 100 x 100 values of the target's real growth and a national shift, with the "which
  midfield?" table.

Memory of the Monte Carlo, two ways: "peak RSS" is the process's resident-set high-water mark
(``ru_maxrss``: Python, numpy, numba and the loaded libraries, everything the operating system
counts) and "+RSS" its rise over the resident set just before the timed calls; "traced" is
tracemalloc's peak over one more call (the Python and numpy allocations only, not numba's own).

    .venv/bin/python benchmarks/bench_scale.py [--sizes 31 100 300 2850] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

HEADER = "province_code,province_en,province_zh,year,gdp_nominal_100m_yuan,real_growth_pct"
OPERATIONS = ("run", "montecarlo", "sweep")


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
    from sim.engine.projection import project
    from sim.inputs.scenario_file import _cached_panel
    from sim.model.scenario import load_scenario
    from sim.provenance import Provenance

    _cached_panel.cache_clear()
    sc = load_scenario(path)
    project(sc).to_document(Provenance.of(sc.files, command=["ranksim", "run", str(path)]))


def _rss_mib() -> float | None:
    """The resident set now (Linux), MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _operation(op: str, path: Path, paths: int) -> Callable[[], object]:
    """The measured call of ``op`` on the scenario at ``path``, its kernels loaded."""
    from sim.analyses.montecarlo import simulate
    from sim.analyses.sweep import sweep
    from sim.model.scenario import load_scenario

    if op == "run":
        full_run(path)
        return lambda: full_run(path)
    sc = load_scenario(path)
    if op == "montecarlo":
        simulate(sc, 1000, rng=np.random.default_rng(0), compiled=True)
        return lambda: simulate(sc, paths, rng=np.random.default_rng(1))
    target = sc.panel.regions.codes[sc.target]
    items = [
        (f"provinces.{target}.real_growth", "set", [4 + 0.05 * i for i in range(100)]),
        ("national.real_growth", "shift", [-1 + 0.02 * i for i in range(100)]),
    ]
    sweep(sc, items[:1], compiled=True)  # the compiled kernel loaded
    return lambda: sweep(sc, items)


def child(op: str, path: Path, repeats: int, paths: int) -> dict[str, float | None]:
    """Time ``op`` ``repeats`` times in this process; its memory (see the module docstring)."""
    warnings.simplefilter("ignore")  # the synthetic target's lead draws a plausibility warning
    fn = _operation(op, path, paths)
    before = _rss_mib()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    tracemalloc.start()
    fn()
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {
        "seconds": statistics.median(times),
        "peak_rss": peak_rss,
        "rss_rise": None if before is None else peak_rss - before,
        "traced": traced,
    }


def measure(op: str, path: Path, repeats: int, paths: int) -> dict[str, float | None]:
    """:func:`child` in a fresh Python process."""
    args = [sys.executable, __file__, "--child", op, str(path), "--repeats", str(repeats)]
    args += ["--paths", str(paths)]
    out = subprocess.run(args, capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{op} on {path.name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[31, 100, 300, 2850])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--paths", type=int, default=100_000)
    parser.add_argument("--child", nargs=2, metavar=("OPERATION", "SCENARIO"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), args.repeats, args.paths)))
        return
    columns = ("regions", "run s", "MC s", "MC peak RSS MiB", "MC +RSS MiB", "MC traced MiB", "sweep s")
    widths = (8, 7, 7, 16, 12, 14, 8)
    print(f"median of {args.repeats} repeats; Monte Carlo {args.paths:,} paths, sweep 10,000 points")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    times: dict[str, list[float]] = {op: [] for op in OPERATIONS}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = scenario_file(synthetic_panel(n, Path(tmp)), n)
            got = {op: measure(op, path, args.repeats, args.paths) for op in OPERATIONS}
            for op in OPERATIONS:
                times[op].append(float(got[op]["seconds"]))  # type: ignore[arg-type]
            mc = got["montecarlo"]
            rise = "" if mc["rss_rise"] is None else f"{mc['rss_rise']:.0f}"
            cells = (
                f"{n:,}",
                f"{got['run']['seconds']:.3f}",
                f"{mc['seconds']:.2f}",
                f"{mc['peak_rss']:.0f}",
                rise,
                f"{mc['traced']:.0f}",
                f"{got['sweep']['seconds']:.2f}",
            )
            print(" ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)), flush=True)
    if len(args.sizes) < 2:
        return
    sizes = np.log(np.array(args.sizes, dtype=float))
    fitted = ", ".join(f"{op} N^{np.polyfit(sizes, np.log(t), 1)[0]:.2f}" for op, t in times.items())
    print(f"time ~ N^b fitted over N = {args.sizes[0]:,}..{args.sizes[-1]:,}: {fitted}")


if __name__ == "__main__":
    main()
