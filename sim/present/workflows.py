"""Whole reports from Python: exactly what the command line writes, for notebooks and any front end."""

from __future__ import annotations

import numpy as np

from sim.analyses.montecarlo import MonteCarloResult
from sim.analyses.sensitivity import sensitivity
from sim.analyses.solve import solve
from sim.analyses.sweep import sweep
from sim.engine.projection import project
from sim.errors import InputError
from sim.model.scenario import Scenario
from sim.present.report import run_report
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
    rng: np.random.Generator | None = None,
    provenance: Provenance | None = None,
) -> str:
    """The full run report (one HTML string), as ``ranksim run`` writes it.

    The projection, the Monte Carlo section when ``montecarlo`` is given, the solve curve, and
    the scenario's own ``sweep:`` and ``sensitivity:`` sections (the Sobol sample draws from
    ``rng``, which a scenario with a sensitivity section needs).
    """
    if scenario.sensitivity is not None and rng is None:
        raise InputError(
            "the scenario has a sensitivity section, whose Sobol sample needs a random generator: "
            "pass rng=np.random.default_rng(seed)",
            field="rng",
        )
    sol = solve(scenario, solve_deadline(scenario))
    sw = sweep(scenario) if scenario.sweep else None
    sens = sensitivity(scenario, rng=rng) if scenario.sensitivity is not None and rng is not None else None
    return run_report(
        project(scenario),
        lang=lang,
        provenance=provenance,
        mc=montecarlo,
        solve=sol,
        sweep=sw,
        sensitivity=sens,
    )
