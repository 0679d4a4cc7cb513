"""The method's track record for one region, read from a precomputed table.

``docs/track_record.py`` runs the README's backtests (jump-offs 2008-2019, horizons 1, 3, 5
and 10, Monte Carlo bands) and writes every region's band coverage and rank errors to
``docs/track_record.json``; the run report quotes its target's line in one sentence, naming the
file and the date it was produced. Reading a table keeps minutes of backtests out of every run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sim.inputs.panel import DATA_DIR, DEFAULT_PANEL
from sim.model.prices import RESOURCE_CODES
from sim.model.scenario import Scenario

#: The precomputed table (produced by docs/track_record.py).
TRACK_RECORD = DATA_DIR.parent / "docs" / "track_record.json"
#: The coal and energy provinces, for reporting only (no default treats them apart).
COAL_GROUP = RESOURCE_CODES
#: Horizons the table holds (years ahead).
HORIZONS = (1, 3, 5, 10)


@dataclass(frozen=True)
class TrackRecord:
    """One region's backtest record at one horizon (rank errors in ranks, coverage as shares)."""

    code: str
    horizon: int
    first_jump_off: int
    last_jump_off: int
    coverage_50: float
    coverage_80: float
    rank_mae_model: float
    rank_mae_model_oos: float
    rank_mae_naive: float
    produced: str  # ISO date the table was produced
    source: str  # the table's path relative to the project


@cache
def _load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def track_record(scenario: Scenario, path: Path = TRACK_RECORD) -> TrackRecord | None:
    """The target's record at the longest tabled horizon within the scenario's projection, or None
    (no table, a panel other than the bundled one, or a region the table does not hold)."""
    doc = _load(path)
    if doc is None or scenario.panel.path.resolve() != DEFAULT_PANEL.resolve():
        return None
    code = scenario.panel.regions.codes[scenario.target]
    rows = doc["regions"].get(code)
    length = scenario.horizon - scenario.base_year
    usable = [h for h in HORIZONS if h <= length and str(h) in (rows or {})]
    if not rows or not usable:
        return None
    h = max(usable)
    row, years = rows[str(h)], doc["jump_offs"][str(h)]
    return TrackRecord(
        code=code,
        horizon=h,
        first_jump_off=int(years[0]),
        last_jump_off=int(years[-1]),
        coverage_50=float(row["coverage_50"]),
        coverage_80=float(row["coverage_80"]),
        rank_mae_model=float(row["rank_mae_model"]),
        rank_mae_model_oos=float(row["rank_mae_model_oos"]),
        rank_mae_naive=float(row["rank_mae_naive"]),
        produced=str(doc["produced"]),
        source=_shown(path),
    )


def _shown(path: Path) -> str:
    """The table's path as the sentence names it: relative to the project where it lies inside."""
    root = DATA_DIR.parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def track_sentence(scenario: Scenario, lang: str = "en", path: Path = TRACK_RECORD) -> str:
    """One sentence: how well the method did for the scenario's target in past backtests (honest
    rank error against "ranks stay", band coverage), naming the table and its date; "" when the
    table has no line for it."""
    from sim.present.i18n import t

    rec = track_record(scenario, path)
    if rec is None:
        return ""
    key = "track_better" if rec.rank_mae_model_oos < rec.rank_mae_naive else "track_worse"
    return t(
        lang,
        key,
        who=scenario.panel.regions.label(scenario.target, lang),
        y0=rec.first_jump_off,
        y1=rec.last_jump_off,
        h=rec.horizon,
        oos=rec.rank_mae_model_oos,
        naive=rec.rank_mae_naive,
        c50=rec.coverage_50,
        c80=rec.coverage_80,
        source=rec.source,
        date=rec.produced,
    )
