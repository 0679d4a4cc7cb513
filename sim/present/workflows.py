"""Whole reports from Python: exactly what the command line writes, for notebooks and any front end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from sim.analyses.montecarlo import MonteCarloResult
from sim.analyses.sensitivity import sensitivity
from sim.analyses.solve import solve
from sim.analyses.sweep import sweep
from sim.engine.projection import project
from sim.model.scenario import Scenario
from sim.present.report import LeadView, run_report
from sim.provenance import Provenance

#: The deadline of the report's solve section: 2030, or the horizon when that comes first.
SOLVE_DEADLINE = 2030


def solve_deadline(scenario: Scenario) -> int:
    """2030, or the horizon when that comes first or when the base year is 2030 or later."""
    return min(SOLVE_DEADLINE, scenario.horizon) if scenario.base_year < SOLVE_DEADLINE else scenario.horizon


def report(
    scenario: Scenario,
    *,
    lang: str = "en",
    montecarlo: MonteCarloResult | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    provenance: Provenance | None = None,
    path: str | Path | None = None,
) -> str:
    """The full run report (one HTML string), as ``ranksim run`` writes it; also written to
    ``path`` (atomically) when given.

    The projection, the Monte Carlo section when ``montecarlo`` is given, the solve curve, and
    the scenario's own ``sweep:`` and ``sensitivity:`` sections. The Sobol sample of the
    sensitivity section draws from ``seed`` or ``rng`` (one, not both; with neither, a fresh
    seed, recorded in the report's provenance unless ``provenance`` is given).
    """
    sol = solve(scenario, solve_deadline(scenario))
    paths = None
    if scenario.panel.scope.is_national:  # the named national paths are China's
        from sim.analyses.presets import compare_national_paths

        mc_seed = montecarlo.seed if montecarlo is not None and isinstance(montecarlo.seed, int) else 0
        paths = compare_national_paths(
            scenario, paths=montecarlo.paths if montecarlo is not None else None, seed=mc_seed
        )
    sw = sweep(scenario) if scenario.sweep else None
    sens = sensitivity(scenario, seed=seed, rng=rng) if scenario.sensitivity is not None else None
    if provenance is None:
        random = sens.seed if sens is not None else montecarlo.seed if montecarlo is not None else None
        provenance = scenario.provenance(seed=random)
    lead = lead_view(scenario, montecarlo)
    page = run_report(
        project(scenario),
        lang=lang,
        provenance=provenance,
        mc=montecarlo,
        solve=sol,
        sweep=sw,
        sensitivity=sens,
        national_paths=paths,
        lead=lead,
    )
    if path is not None:
        _write(Path(path), page)
    return page


#: Leads over the national path (points a year) the report's lead section sweeps.
LEAD_VALUES = tuple(round(-2.0 + 0.25 * i, 2) for i in range(29))  # -2 .. +5
#: At most this many Monte Carlo paths per lead value in that section.
LEAD_PATHS = 4000


def lead_view(scenario: Scenario, montecarlo: MonteCarloResult | None) -> LeadView:
    """The report's lead section: solve for the lead by the solve deadline, and sweep leads (with
    Monte Carlo when the report has it, the same seed)."""
    by = solve_deadline(scenario)
    sol = solve(scenario, by, lead=True)
    years = sorted({y for y in (2030, 2035, scenario.horizon) if scenario.base_year < y <= scenario.horizon})
    param = f"provinces.{scenario.target_code}.lead"
    paths = min(montecarlo.paths, LEAD_PATHS) if montecarlo is not None else None
    seed = montecarlo.seed if montecarlo is not None and isinstance(montecarlo.seed, int) else 0
    sw = sweep(scenario, [(param, "set", LEAD_VALUES)], rank_years=years, thresholds=False,
               paths=paths, seed=seed if paths else None)  # fmt: skip
    real = np.expm1(project(scenario).growth.real[:, scenario.target]) * 100
    own = float(np.mean(real - scenario.growth.national_real_pct))
    return LeadView(solve=sol, sweep=sw, own_mean_pp=own)


def _write(target: Path, content: str | bytes) -> None:
    from sim.present.output import atomic_write

    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, content)


def to_excel(
    result: Any, path: str | Path, *, lang: str = "en", provenance: Provenance | None = None
) -> Path:
    """Write the workbook the command line writes for ``result`` (a projection or any analysis result) to
    ``path``: a summary sheet (question, answer, assumptions, provenance), then one sheet per table
    of :func:`sim.present.tables.result_tables`. Returns the path written."""
    from sim.present.tables import result_tables
    from sim.present.workbook import summary_rows, workbook_bytes

    main = type(result).__name__.removesuffix("Result").lower()
    tables = result_tables(result)
    target = Path(path)
    regions = result.scenario.panel.regions
    _write(target, workbook_bytes(summary_rows(result, lang, provenance), tables, main, lang, regions))
    return target


def to_html(result: Any, path: str | Path, *, lang: str = "en", provenance: Provenance | None = None) -> Path:
    """Write the report of one result (a projection or any analysis result) to ``path``, atomically.

    A projection gets the run report; an analysis gets the run report of its scenario with that
    analysis's section; a backtest gets the backtest report. Returns the path written."""
    from sim.analyses.backtest import BacktestResult
    from sim.analyses.diff import DiffResult
    from sim.analyses.sensitivity import SensitivityResult
    from sim.analyses.solve import SolveResult
    from sim.analyses.sweep import SweepResult
    from sim.engine.projection import Projection
    from sim.present.report import backtest_report

    if isinstance(result, BacktestResult):
        page = backtest_report(result, lang=lang, provenance=provenance)
    elif isinstance(result, DiffResult):
        from sim.present.diffview import diff_report

        page = diff_report(result, lang, provenance)
    elif isinstance(result, Projection):
        page = run_report(result, lang=lang, provenance=provenance)
    else:
        sections = {
            MonteCarloResult: "mc",
            SweepResult: "sweep",
            SensitivityResult: "sensitivity",
            SolveResult: "solve",
        }
        key = next((k for cls, k in sections.items() if isinstance(result, cls)), None)
        if key is None:
            from sim.errors import InputError
            from sim.messages import msg

            raise InputError(msg("output.no_report", kind=type(result).__name__), field="result")
        scenario = result.scenario
        prov = provenance or scenario.provenance(seed=getattr(result, "seed", None))
        leading = None if key == "mc" else key  # an analysis's report leads with its own answer
        page = run_report(project(scenario), lang=lang, provenance=prov, leading=leading, **{key: result})
    target = Path(path)
    _write(target, page)
    return target
