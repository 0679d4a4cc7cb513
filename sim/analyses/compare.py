"""Scenarios side by side: each one's answer, P(reach) by the deadlines, passes and the fan of
the target's rank, and a table of what differs between them.

Every scenario is projected as ``ranksim run`` projects it and, with ``paths``, simulated as
``ranksim montecarlo`` simulates it with the same seed (the same draws for every scenario:
common random numbers, so a difference in P(reach) is the scenarios' and not the draws').
What differs is resolved per year, as ``ranksim diff`` resolves it
(:func:`sim.analyses.diff.differences`): each scenario against the first, merged into one row a
differing value and year, one column a scenario.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.analyses.diff import differences
from sim.analyses.montecarlo import MonteCarloResult, simulate
from sim.engine.projection import Projection, project
from sim.errors import InputError
from sim.messages import msg
from sim.model.scenario import Scenario
from sim.provenance import Provenance
from sim.results import ResultView

#: The deadline years of P(reach), where a scenario projects them (and its horizon).
DEADLINES = (2027, 2030, 2035)


@dataclass(frozen=True)
class Difference:
    """One differing value in one year (or region) across the scenarios: ``values[i]`` is
    scenario i's, NaN where it has no value of its own (a province left to the model), None
    where it does not project that year."""

    key: str  # the change: national.real_growth, prices, provinces.<code> ... (diff's keys)
    series: str  # the value: real_growth, deflator, commodity, spread_real ...
    where: int | str  # a year, a region code, or "" for a single number
    values: tuple[float | None, ...]


@dataclass(frozen=True, eq=False, repr=False)
class CompareResult(ResultView):
    """Several scenarios of one question side by side (:func:`compare`)."""

    labels: tuple[str, ...]  # the ``scenario`` column of every table: file stems, made unique
    projections: tuple[Projection, ...]
    montecarlo: tuple[MonteCarloResult, ...] | None  # with paths: one a scenario, the same seed
    differences: tuple[Difference, ...]
    deadlines: tuple[int, ...]  # years P(reach) is reported by
    paths: int | None = None
    seed: int | str | None = None

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """The scenarios, in the order given."""
        return tuple(p.scenario for p in self.projections)

    @property
    def scenario(self) -> Scenario:
        """The first scenario (the reference of the differences table)."""
        return self.projections[0].scenario

    def reach_probability(self, i: int, year: int) -> float | None:
        """P(reach by ``year``) of scenario ``i``; None without Monte Carlo or outside its years."""
        if self.montecarlo is None:
            return None
        mc = self.montecarlo[i]
        t = year - mc.scenario.base_year
        return float(mc.reach_probability()[t]) if 0 <= t < mc.years.size else None

    def headline(self) -> str:
        """Each scenario's reach year in one line."""
        return "; ".join(
            f"{label}: {p.reach_year if p.reach_year is not None else 'never'}"
            for label, p in zip(self.labels, self.projections, strict=True)
        )

    def to_frame(self) -> pd.DataFrame:
        """One row a scenario: ``scenario``, its name and file, reach year (empty: never),
        stays-until year, the target's rank in the base year and at the horizon, P(reach) by each
        deadline and the median reach year (with Monte Carlo)."""
        rows = []
        for i, (label, proj) in enumerate(zip(self.labels, self.projections, strict=True)):
            sc = proj.scenario
            row: dict[str, Any] = {
                names.SCENARIO: label,
                names.SCENARIO_NAME: sc.name,
                names.SCENARIO_FILE: str(sc.source.path),
                names.REACH_YEAR: proj.reach_year,
                names.STAYS_UNTIL: proj.stays_until,
                names.BASE_RANK: int(proj.target_rank[0]),
                names.HORIZON_RANK: int(proj.target_rank[-1]),
            }
            for y in self.deadlines:
                row[f"{names.P_REACH_PREFIX}{y}"] = self.reach_probability(i, y)
            if self.montecarlo is not None:
                row[names.REACH_YEAR_Q50] = self.montecarlo[i].reach_year_quantiles((0.5,))[0.5]
            rows.append(row)
        frame = pd.DataFrame(rows)
        for col in (names.REACH_YEAR, names.STAYS_UNTIL, names.REACH_YEAR_Q50):
            if col in frame:
                frame[col] = pd.array(frame[col].tolist(), dtype="Int64")
        for y in self.deadlines:
            frame[f"{names.P_REACH_PREFIX}{y}"] = frame[f"{names.P_REACH_PREFIX}{y}"].astype(float)
        return frame

    def by_year_frame(self) -> pd.DataFrame:
        """Long: one row a scenario and year (base year first): the target's rank and gap to the
        threshold; with Monte Carlo P(reach), P(in band) and the rank's 10/50/90 % quantiles (the fan)."""
        parts = []
        for i, (label, proj) in enumerate(zip(self.labels, self.projections, strict=True)):
            frame = pd.DataFrame(
                {
                    names.SCENARIO: label,
                    names.YEAR: proj.years,
                    names.RANK: proj.target_rank,
                    names.GAP_PCT: proj.gap_pct(),
                }
            )
            if self.montecarlo is not None:
                mc = self.montecarlo[i].to_frame().drop(columns=[names.YEAR])
                frame = pd.concat([frame, mc], axis=1)
            parts.append(frame)
        return pd.concat(parts, ignore_index=True)

    def passes_frame(self) -> pd.DataFrame:
        """Long: every scenario's passes (``scenario`` first, then the run's passes table)."""
        return _stacked(self.labels, [p.passes_frame() for p in self.projections])

    def projection_frame(self) -> pd.DataFrame:
        """Long: every scenario's projection with history (``scenario`` first, then the run's table)."""
        return _stacked(self.labels, [p.to_frame(history=True) for p in self.projections])

    def differences_frame(self) -> pd.DataFrame:
        """Long: one row a scenario and differing value and year (or region): ``scenario``,
        ``key`` (the change), ``item`` (real_growth, commodity ...), ``where`` (a year or a region
        code), ``value`` (empty: no value of its own, or the year not projected)."""
        rows = [
            (label, d.key, d.series, str(d.where), np.nan if v is None else v)
            for d in self.differences
            for label, v in zip(self.labels, d.values, strict=True)
        ]
        columns = [names.SCENARIO, names.CHANGE, names.SERIES, names.WHERE, names.VALUE]
        return pd.DataFrame(rows, columns=columns)

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim compare --json`` document: every scenario's answer, P(reach) by the
        deadlines and passes, and the differing values."""
        out: dict[str, Any] = {"target": self.scenario.target_code, "deadlines": list(self.deadlines)}
        items = []
        for i, (label, proj) in enumerate(zip(self.labels, self.projections, strict=True)):
            sc = proj.scenario
            item: dict[str, Any] = {
                "scenario": label,
                "name": sc.name,
                "file": str(sc.source.path),
                "threshold_rank": sc.threshold_rank,
                "base_year": sc.base_year,
                "horizon": sc.horizon,
                "reach_year": proj.reach_year,
                "stays_until": proj.stays_until,
                "target_rank": {
                    str(int(y)): int(r) for y, r in zip(proj.years, proj.target_rank, strict=True)
                },
                "passes": [e.to_dict() for e in proj.passes],
            }
            if self.montecarlo is not None:
                mc = self.montecarlo[i].to_document()
                item["reach_probability_by"] = {
                    str(y): _round(self.reach_probability(i, y)) for y in self.deadlines
                }
                for k in ("reach_probability", "reach_year_quantiles", "target_rank_quantiles"):
                    item[k] = mc[k]
            items.append(item)
        out["scenarios"] = items
        out["paths"], out["seed"] = self.paths, self.seed
        out["differences"] = [
            {"key": d.key, "item": d.series, "where": d.where,
             "values": {label: _round(v) for label, v in zip(self.labels, d.values, strict=True)}}
            for d in self.differences
        ]  # fmt: skip
        if provenance is not None:
            out["provenance"] = provenance.to_dict()
        return out


def _round(v: float | None) -> float | None:
    return None if v is None or not np.isfinite(v) else round(float(v), 6)


def _stacked(labels: Sequence[str], frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    parts = []
    for label, frame in zip(labels, frames, strict=True):
        part = frame.copy()
        part.insert(0, names.SCENARIO, label)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def scenario_labels(scenarios: Sequence[Scenario]) -> tuple[str, ...]:
    """The ``scenario`` column: each file's stem (``coal_low``), made unique with ``-2``, ``-3``
    where two files share a stem; a scenario without a file is named ``scenario<i>``."""
    out: list[str] = []
    for i, sc in enumerate(scenarios, start=1):
        stem = Path(sc.source.path).stem if str(sc.source.path) not in ("", "<default>", "<mapping>") else ""
        label = stem or f"scenario{i}"
        n, unique = 2, label
        while unique in out:
            unique, n = f"{label}-{n}", n + 1
        out.append(unique)
    return tuple(out)


def deadline_years(scenarios: Sequence[Scenario]) -> tuple[int, ...]:
    """2027, 2030, 2035 and every horizon, where some scenario projects them."""
    wanted = {*DEADLINES, *(s.horizon for s in scenarios)}
    return tuple(sorted(y for y in wanted if any(s.base_year < y <= s.horizon for s in scenarios)))


def _merged_differences(scenarios: Sequence[Scenario]) -> tuple[Difference, ...]:
    """The values that differ between any scenario and the first, one row a value and year."""
    ref = scenarios[0]
    table: dict[tuple[str, str, int | str], list[float | None]] = {}
    n = len(scenarios)
    for j, other in enumerate(scenarios[1:], start=1):
        for change in differences(ref, other):
            for s in change.series:
                for where, va, vb in zip(s.keys, s.a, s.b, strict=True):
                    row = table.setdefault((change.key, s.name, where), [_UNSET] * n)
                    row[0] = va
                    row[j] = vb
    out = []
    for (key, series, where), values in table.items():  # the others agree with the first here
        filled = tuple(values[0] if v is _UNSET else v for v in values)
        out.append(Difference(key, series, where, filled))  # type: ignore[arg-type]
    return tuple(out)


_UNSET: Any = object()


def compare(
    scenarios: Sequence[Scenario],
    *,
    paths: int | None = None,
    seed: int | None = None,
    labels: Sequence[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> CompareResult:
    """Project (and with ``paths``, simulate) every scenario and tabulate what differs.

    Parameters
    ----------
    scenarios : sequence of Scenario
        Two or more scenarios on the same data, asking about the same target.
    paths : int, optional
        Monte Carlo paths per scenario; every scenario draws from ``seed`` (the same draws:
        P(reach) equals ``ranksim montecarlo`` of that scenario with that seed).
    seed : int, optional
        The seed of the draws (default 0 when ``paths`` is given).
    labels : sequence of str, optional
        The ``scenario`` column (default: the files' stems, :func:`scenario_labels`).
    progress : callable, optional
        Called with the number of paths done, as :func:`sim.simulate` calls it.
    """
    if len(scenarios) < 2:
        raise InputError(msg("compare.too_few", n=len(scenarios)), field="scenarios")
    names_ = tuple(labels) if labels is not None else scenario_labels(scenarios)
    if len(names_) != len(scenarios) or len(set(names_)) != len(names_):
        raise InputError(msg("compare.labels"), field="labels")
    diffs = _merged_differences(scenarios)
    projections = tuple(project(s) for s in scenarios)
    mc = None
    used = None
    if paths is not None:
        used = 0 if seed is None else seed
        mc = tuple(simulate(s, paths, seed=used, progress=progress) for s in scenarios)
    return CompareResult(names_, projections, mc, diffs, deadline_years(scenarios), paths, used)
