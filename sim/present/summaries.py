"""The text ``ranksim`` prints for any result (``sim.summary``): one dispatcher over the text
functions of :mod:`sim.present.text` and the diff's (:mod:`sim.present.diffview`), kept apart so
neither of those imports the other."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sim.present.text import (
    LANGS,
    backtest_text,
    montecarlo_line,
    sensitivity_text,
    solve_text,
    summary_text,
    sweep_text,
)


def summary(result: Any, lang: str = "en", *, years: list[int] | None = None) -> str:
    """The text ``ranksim`` prints for ``result`` (a projection or any analysis result, a diff).

    ``lang``: "en" or "zh"; ``years`` (a projection, a Monte Carlo result): within the base year
    and the horizon. Anything else is an :class:`~sim.errors.InputError` naming the argument."""
    from sim.errors import InputError
    from sim.messages import msg

    if lang not in LANGS:
        raise InputError(msg("output.lang_choice", choices=", ".join(LANGS), lang=repr(lang)), field="lang")
    kind = type(result).__name__
    if years is not None and kind in ("Projection", "MonteCarloResult"):
        sc = result.scenario
        outside = [y for y in years if not (isinstance(y, int) and sc.base_year <= y <= sc.horizon)]
        if outside:
            raise InputError(
                msg("output.summary_year", year=repr(outside[0]), base=sc.base_year, horizon=sc.horizon),
                field="years",
            )
    if kind == "Projection":
        return summary_text(result, years=years, lang=lang)
    if kind == "MonteCarloResult":
        return summary_text(result.projection, years=years, lang=lang) + "\n" + montecarlo_line(result, lang)
    texts: dict[str, Callable[[Any], str]] = {
        "SweepResult": lambda r: sweep_text(r, lang=lang),
        "SensitivityResult": lambda r: sensitivity_text(r, lang),
        "BacktestResult": lambda r: backtest_text(r, lang),
        "SolveResult": lambda r: solve_text(r, lang),
        "DiffResult": lambda r: _diff_text(r, lang),
        "CompareResult": lambda r: _compare_text(r, lang),
    }
    if kind not in texts:
        raise InputError(msg("output.no_summary", kind=kind), field="result")
    return texts[kind](result)


def _diff_text(result: Any, lang: str) -> str:
    from sim.present.diffview import diff_text  # plotly only when a diff is summarised

    return diff_text(result, lang)


def _compare_text(result: Any, lang: str) -> str:
    from sim.present.compareview import compare_text

    return compare_text(result, lang)
