"""ranksim: scenario simulator for regional GDP rankings.

Notebook use::

    import numpy as np
    import sim

    scenario = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
    proj = sim.project(scenario)
    print(sim.summary_text(proj))
    proj.to_frame(history=True)              # long table: year, code, en, zh, GDP, rank, projected
    mc = sim.simulate(scenario, 100_000, rng=np.random.default_rng(7))
    mc.to_frame()                            # by year: reach probability, rank quantiles
    sim.solve(scenario, 2030).required_real_growth_pct  # constant real growth needed by 2030
    variant = scenario.with_changes({"provinces.Inner Mongolia.real_growth": 7.0})
    sim.compare([scenario, variant], paths=10_000, seed=1).to_frame()  # scenarios side by side
    html = sim.report(scenario, rng=np.random.default_rng(7))  # the report `ranksim run` writes

Every result has ``to_frame()`` (column names in :mod:`sim.names`), ``to_long()`` (one long
format, IAMC style; ``sim.concat`` stacks several) and ``to_document()`` (JSON);
:func:`sim.testing.assert_result_equal` compares two results in your own tests.

Experiments to keep and analyse later (the SALib workflow)::

    prob = sim.problem(scenario, {"provinces.Inner Mongolia.real_growth": [4, 8]})
    X = SALib.sample.sobol.sample(prob, 256, calc_second_order=False, seed=1)
    ex = sim.experiments(scenario, X, problem=prob, paths=1000, seed=1)
    ex.save("ex.zip"); ex = sim.load_experiments("ex.zip")
    sim.analyze(ex, method="sobol", outcome="gap_pct_2030").to_frame()

The names below are imported on first use, so the command line starts without loading
the analyses it does not need. None of them is also a submodule of ``sim`` (the analyses live
in ``sim.analyses``), so no import can shadow a function with a module.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "BacktestResult": "sim.analyses.backtest",
    "CompareResult": "sim.analyses.compare",
    "compare": "sim.analyses.compare",
    "backtest": "sim.analyses.backtest",
    "MonteCarloResult": "sim.analyses.montecarlo",
    "simulate": "sim.analyses.montecarlo",
    "SensitivityResult": "sim.analyses.sensitivity",
    "sensitivity": "sim.analyses.sensitivity",
    "SolveResult": "sim.analyses.solve",
    "solve": "sim.analyses.solve",
    "SweepResult": "sim.analyses.sweep",
    "sweep": "sim.analyses.sweep",
    "PassEvent": "sim.engine.projection",
    "Projection": "sim.engine.projection",
    "project": "sim.engine.projection",
    "DataError": "sim.errors",
    "InputError": "sim.errors",
    "RanksimError": "sim.errors",
    "ScenarioError": "sim.errors",
    "Panel": "sim.inputs.panel",
    "load_panel": "sim.inputs.panel",
    "load_targets": "sim.inputs.panel",
    "Scenario": "sim.model.scenario",
    "default_scenario": "sim.model.scenario",
    "load_scenario": "sim.model.scenario",
    "summary_text": "sim.present.text",
    "summary": "sim.present.summaries",
    "to_html": "sim.present.workflows",
    "to_excel": "sim.present.workflows",
    "evaluate": "sim.analyses.design",
    "Experiments": "sim.analyses.experiments",
    "experiments": "sim.analyses.experiments",
    "load_experiments": "sim.analyses.experiments",
    "AnalysisResult": "sim.analyses.gsa",
    "analyze": "sim.analyses.gsa",
    "problem": "sim.analyses.gsa",
    "DiffResult": "sim.analyses.diff",
    "diff": "sim.analyses.diff",
    "concat": "sim.longformat",
    "RanksimWarning": "sim.errors",
    "report": "sim.present.workflows",
    "Provenance": "sim.provenance",
}
__all__ = [
    "AnalysisResult",
    "BacktestResult",
    "CompareResult",
    "DataError",
    "DiffResult",
    "Experiments",
    "InputError",
    "MonteCarloResult",
    "Panel",
    "PassEvent",
    "Projection",
    "Provenance",
    "RanksimError",
    "RanksimWarning",
    "Scenario",
    "ScenarioError",
    "SensitivityResult",
    "SolveResult",
    "SweepResult",
    "analyze",
    "backtest",
    "compare",
    "concat",
    "default_scenario",
    "diff",
    "evaluate",
    "experiments",
    "load_experiments",
    "load_panel",
    "load_scenario",
    "load_targets",
    "problem",
    "project",
    "report",
    "sensitivity",
    "simulate",
    "solve",
    "summary",
    "summary_text",
    "sweep",
    "to_excel",
    "to_html",
]


#: Submodules a notebook reaches as attributes (``sim.testing.assert_result_equal``).
_SUBMODULES = ("names", "testing")


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f"sim.{name}")
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sim' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:
    from sim.analyses.backtest import BacktestResult, backtest
    from sim.analyses.compare import CompareResult, compare
    from sim.analyses.design import evaluate
    from sim.analyses.diff import DiffResult, diff
    from sim.analyses.experiments import Experiments, experiments, load_experiments
    from sim.analyses.gsa import AnalysisResult, analyze, problem
    from sim.analyses.montecarlo import MonteCarloResult, simulate
    from sim.analyses.sensitivity import SensitivityResult, sensitivity
    from sim.analyses.solve import SolveResult, solve
    from sim.analyses.sweep import SweepResult, sweep
    from sim.engine.projection import PassEvent, Projection, project
    from sim.errors import DataError, InputError, RanksimError, RanksimWarning, ScenarioError
    from sim.inputs.panel import Panel, load_panel, load_targets
    from sim.longformat import concat
    from sim.model.scenario import Scenario, default_scenario, load_scenario
    from sim.present.summaries import summary
    from sim.present.text import summary_text
    from sim.present.workflows import report, to_excel, to_html
    from sim.provenance import Provenance
