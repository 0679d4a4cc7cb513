"""The tables of every result as files: CSV for any tool, read the same way by Excel.

:func:`result_tables` names the tables of a result (the main one under ``""``), each a
``to_frame()``-style table with region codes beside their English and Chinese names;
:func:`file_table` turns one into what a file holds (``projected`` as ``actual`` /
``projected``, "never" as an empty cell); :func:`csv_files` names the files after a stem:
``<stem>.csv`` for the main table, ``<stem>_<table>.csv`` for the others.

Text a spreadsheet would take for a formula (a region name, a scenario name or a YAML comment
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written as text: with a
leading ``'`` in CSV (:func:`excel_text`), as a string cell in a workbook
(:mod:`sim.present.workbook`). Numbers stay numbers.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.analyses.montecarlo import MonteCarloResult
from sim.analyses.sweep import SweepResult
from sim.engine.batch import NEVER
from sim.engine.projection import Projection
from sim.inputs.panel import Regions

#: A UTF-8 byte-order mark: Excel then reads the Chinese names right (pandas and ranksim skip it).
BOM = "\ufeff"

Tables = dict[str, pd.DataFrame]

#: First characters that make a spreadsheet read a cell as a formula (or a DDE command).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A plain number written as text ("-0.5", "+3%"): harmless, and left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def formula_like(value: Any) -> bool:
    """Whether ``value`` is text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value)


def excel_text(value: Any) -> Any:
    """``value`` for a CSV cell: formula-like text with a leading ``'`` (shown as text), anything
    else as it is."""
    return "'" + value if formula_like(value) else value


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are :func:`excel_text`."""
    out = frame.rename(columns=lambda c: excel_text(str(c)) if isinstance(c, str) else c)
    for column in out.columns:
        values = out[column]
        if not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)):
            out[column] = values.astype(object).map(excel_text)
    return out


def result_tables(result: Any) -> Tables:
    """Every table of ``result``, by name (``""`` = the main one), in the order a workbook shows them.

    A projection: the projection with history, the passes and the assumptions; a Monte Carlo
    result: its probabilities by year; a sweep: the grid (with ``reach_probability`` when it
    ran Monte Carlo) and the "which midfield?" thresholds; sensitivity: the tornado and Sobol
    indices; solve: the curve and the year-by-year gaps; a comparison: the answers, by year
    (rank, gap, the fan), what differs, passes and projections, each with a ``scenario`` column;
    a backtest: the errors by jump-off year and every region's ranks."""
    if isinstance(result, Projection):
        return {"": result.to_frame(history=True), "passes": result.passes_frame(),
                "assumptions": result.assumptions_frame()}  # fmt: skip
    if isinstance(result, MonteCarloResult):
        return {"": result.to_frame()}
    if isinstance(result, SweepResult):
        return _sweep_tables(result)
    kind = type(result).__name__  # by name: the backtest's module imports scipy.stats (slow)
    if kind == "SensitivityResult":
        return {"": result.to_frame()}
    if kind == "SolveResult":
        return {"": result.to_frame(), "gaps": result.gaps()}
    if kind == "CompareResult":
        return {"": result.to_frame(), "by_year": result.by_year_frame(),
                "differences": result.differences_frame(), "passes": result.passes_frame(),
                "projection": result.projection_frame()}  # fmt: skip
    if kind == "BacktestResult":
        by = pd.DataFrame(result.by_jump_off()).rename(columns={"year": names.JUMP_OFF})
        return {"": by, "regions": result.to_frame()}
    raise TypeError(f"no tables for {type(result).__name__}")


def _sweep_tables(sw: SweepResult) -> Tables:
    out = {"": sw.to_frame()}
    if sw.thresholds:
        first = sw.labels()[0]
        values = np.asarray(sw.values[0], dtype=float)
        reach = sw.threshold_reach
        out["thresholds"] = pd.DataFrame(
            {
                first: np.repeat(values, len(sw.thresholds)),
                names.THRESHOLD: np.tile(np.array(sw.thresholds), values.size),
                names.REACH_YEAR: pd.array(
                    [None if y == NEVER else int(y) for y in reach.reshape(-1)], dtype="Int64"
                ),
            }
        )
    return out


def file_table(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as files show it: ``projected`` as ``actual`` / ``projected`` (not True/False)."""
    if names.PROJECTED not in frame.columns:
        return frame
    out = frame.copy()
    out[names.PROJECTED] = np.where(out[names.PROJECTED], names.PROJECTED_LABEL, names.ACTUAL_LABEL)
    return out


def file_name(stem: str, table: str, suffix: str = ".csv") -> str:
    """``<stem>.csv`` for the main table, ``<stem>_<table>.csv`` for another."""
    return f"{stem}{'_' + table if table else ''}{suffix}"


def csv_text(frame: pd.DataFrame, lang: str = "en", regions: Regions | None = None) -> str:
    """One table as CSV text (UTF-8 with a byte-order mark, full precision, empty = none; text
    that would be a formula starts with ``'``); headers and categorical values in Chinese for
    ``lang`` "zh" (:mod:`sim.present.headers`)."""
    from sim.present.headers import localized

    return BOM + excel_safe(localized(file_table(frame), lang, regions)).to_csv(index=False, lineterminator="\n")


def csv_files(stem: str, tables: Tables, lang: str = "en", regions: Regions | None = None) -> dict[str, str]:
    """File name -> CSV text of every table (headers in ``lang``)."""
    return {file_name(stem, name): csv_text(frame, lang, regions) for name, frame in tables.items()}
