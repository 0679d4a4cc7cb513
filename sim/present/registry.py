"""The one registry of charts: name, drawing function, the result it reads, when a report shows it.

Light on purpose (no plotly import): the command line builds ``ranksim chart --kind`` choices
from it at start-up; the drawing function is imported from :mod:`sim.present.charts` on use.
A chart's title in each language is ``t(lang, "chart_<name>")`` in :mod:`sim.present.i18n`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from sim.present.i18n import t


@dataclass(frozen=True)
class Chart:
    """One chart: ``draw(result, lang) -> go.Figure`` reads a result of class ``reads``."""

    name: str
    function: str  # name of the drawing function in sim.present.charts
    reads: str  # class name of the result it draws: Projection, MonteCarloResult, ...
    applies: Callable[[Any], bool] = lambda result: True  # shown in a report only when True

    @property
    def draw(self) -> Callable[..., Any]:
        """The drawing function ``(result, lang) -> go.Figure``, imported from sim.present.charts on use."""
        return getattr(import_module("sim.present.charts"), self.function)  # type: ignore[no-any-return]

    def title(self, lang: str) -> str:
        """The chart's title in ``lang``."""
        return t(lang, f"chart_{self.name}")


#: Every chart, in report order.
REGISTRY: tuple[Chart, ...] = (
    Chart("bump", "bump_chart", "Projection"),
    Chart("trajectories", "trajectories_chart", "Projection"),
    Chart("gap", "gap_chart", "Projection"),
    Chart("race", "race_chart", "Projection"),
    Chart("passes", "passes_table", "Projection"),
    Chart("fan", "fan_chart", "MonteCarloResult"),
    Chart("reach_probability", "reach_probability_chart", "MonteCarloResult"),
    Chart("rank_heatmap", "rank_heatmap", "MonteCarloResult"),
    Chart("solve_curve", "solve_curve_chart", "SolveResult"),
    Chart("sweep_line", "sweep_line_chart", "SweepResult", lambda sw: len(sw.parameters) == 1),
    Chart("sweep_heatmap", "sweep_heatmap", "SweepResult", lambda sw: len(sw.parameters) > 1),
    Chart(
        "sweep_probability", "sweep_probability_chart", "SweepResult", lambda sw: sw.probability is not None
    ),
    Chart("thresholds", "thresholds_chart", "SweepResult", lambda sw: bool(sw.thresholds)),
    Chart("tornado", "tornado_chart", "SensitivityResult"),
    Chart("sobol", "sobol_chart", "SensitivityResult"),
    Chart("backtest_error", "backtest_error_chart", "BacktestResult"),
    Chart("coverage", "coverage_chart", "BacktestResult", lambda bt: bt.coverage is not None),
    Chart("pit", "pit_chart", "BacktestResult", lambda bt: bt.pit is not None),
    Chart("diff_waterfall", "diff_waterfall", "DiffResult", lambda d: bool(d.changes)),
    Chart("compare_rank", "compare_rank_chart", "CompareResult"),
    Chart("compare_gap", "compare_gap_chart", "CompareResult"),
    Chart("compare_probability", "compare_probability_chart", "CompareResult",
          lambda c: c.montecarlo is not None),  # fmt: skip
)
CHARTS: dict[str, Chart] = {c.name: c for c in REGISTRY}


def charts_for(result: Any) -> list[Chart]:
    """The charts a report shows for ``result``, in order."""
    kind = type(result).__name__
    return [c for c in REGISTRY if c.reads == kind and c.applies(result)]


def chart_names(reads: str) -> list[str]:
    """Names of the charts drawn from one kind of result (``ranksim chart --kind`` choices)."""
    return [c.name for c in REGISTRY if c.reads == reads]
