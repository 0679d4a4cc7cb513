"""ranksim: scenario simulator for regional GDP rankings.

Notebook use::

    import numpy as np
    import sim

    scenario = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
    proj = sim.project(scenario)
    print(proj.summary())
    proj.to_frame(history=True)              # long table: year, code, en, zh, GDP, rank, projected
    mc = sim.simulate(scenario, 100_000, rng=np.random.default_rng(7), seed=7)
    mc.reach_probability()                   # by year, base year first
    sim.analyses.solve(scenario, 2030).required_pct   # constant real growth needed by 2030

The names below are imported on first use, so the command line starts without loading
the analyses it does not need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "BacktestResult": "sim.analyses.backtest",
    "backtest": "sim.analyses.backtest",
    "Panel": "sim.inputs.panel",
    "load_panel": "sim.inputs.panel",
    "load_targets": "sim.inputs.panel",
    "DataError": "sim.errors",
    "InputError": "sim.errors",
    "RanksimError": "sim.errors",
    "ScenarioError": "sim.errors",
    "MonteCarloResult": "sim.analyses.montecarlo",
    "simulate": "sim.analyses.montecarlo",
    "PassEvent": "sim.engine.projection",
    "Projection": "sim.engine.projection",
    "project": "sim.engine.projection",
    "Scenario": "sim.model.scenario",
    "default_scenario": "sim.model.scenario",
    "load_scenario": "sim.model.scenario",
    "SensitivityResult": "sim.analyses.sensitivity",
    "sensitivity": "sim.analyses.sensitivity",
    "SolveResult": "sim.analyses.solve",
    "solve": "sim.analyses.solve",
    "SweepResult": "sim.analyses.sweep",
    "sweep": "sim.analyses.sweep",
}
__all__ = [
    "BacktestResult",
    "DataError",
    "InputError",
    "MonteCarloResult",
    "Panel",
    "PassEvent",
    "Projection",
    "RanksimError",
    "Scenario",
    "ScenarioError",
    "SensitivityResult",
    "SolveResult",
    "SweepResult",
    "backtest",
    "default_scenario",
    "load_panel",
    "load_scenario",
    "load_targets",
    "project",
    "sensitivity",
    "simulate",
    "solve",
    "sweep",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sim' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:
    from sim.analyses.backtest import BacktestResult, backtest
    from sim.analyses.montecarlo import MonteCarloResult, simulate
    from sim.analyses.sensitivity import SensitivityResult, sensitivity
    from sim.analyses.solve import SolveResult, solve
    from sim.analyses.sweep import SweepResult, sweep
    from sim.engine.projection import PassEvent, Projection, project
    from sim.errors import DataError, InputError, RanksimError, ScenarioError
    from sim.inputs.panel import Panel, load_panel, load_targets
    from sim.model.scenario import Scenario, default_scenario, load_scenario
