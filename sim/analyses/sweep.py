"""Sweeps: the full grid of 1 to 3 parameters, evaluated as one batch.

Outcomes per point: reach year (or None), the target's rank in chosen years (default the
horizon), and the gap at the horizon. A thresholds table answers "which midfield?": the
reach year for the thresholds around the panel's median (:func:`midfield_thresholds`: ranks 10
through 20 of 31, 4 through 8 of 12) against the first parameter's values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim._typing import FloatArray
from sim.engine.batch import NEVER, Outcomes, evaluate_batch
from sim.errors import InputError
from sim.inputs.params import Parameter, parse_parameter, warn_if_fractions
from sim.messages import msg
from sim.model.scenario import Scenario, SweepAxis
from sim.provenance import Provenance, random_source
from sim.results import ResultView


def midfield_thresholds(n_regions: int) -> tuple[int, ...]:
    """The ranks around the median of ``n_regions`` asked about as "which midfield?": from a third
    to two thirds of the ranking (10-20 of 31, 4-8 of 12, 2-5 of 8), never the last rank."""
    lo, hi = max(1, n_regions // 3), min(n_regions - 1, 2 * n_regions // 3)
    return tuple(range(lo, hi + 1))


@dataclass(frozen=True, eq=False, repr=False)
class SweepResult(ResultView):
    """A full-grid sweep: parameters, their values, and outcomes per grid point."""

    scenario: Scenario
    parameters: tuple[Parameter, ...]
    values: tuple[tuple[float, ...], ...]  # per parameter, its grid
    points: FloatArray  # (B, P) every combination, first parameter varying slowest
    outcomes: Outcomes
    thresholds: tuple[int, ...]
    threshold_reach: np.ndarray  # (len(values[0]), len(thresholds)): reach year or NEVER
    probability: FloatArray | None = None  # (B, Y) P(reached by each of outcomes.rank_years)
    paths: int | None = None
    seed: int | str | None = None

    def headline(self) -> str:
        """Grid size and the parameters swept."""
        return f"{len(self.points):,} points over {', '.join(self.labels())}"

    def labels(self) -> list[str]:
        """Column label per parameter: its path, with " (shift)" for a shifted one (its values are
        percentage points added to the path, not values set)."""
        return [p.key for p in self.parameters]

    def reach_grid(self) -> np.ndarray:
        """Reach years shaped like the grid, NaN where never reached."""
        shape = tuple(len(v) for v in self.values)
        reach = self.outcomes.reach_year.astype(float)
        reach[reach == NEVER] = np.nan
        return reach.reshape(shape)

    def to_frame(self) -> pd.DataFrame:
        """Long table, one row per grid point and reported year: the parameter values (columns
        named by :meth:`labels`), point (index in the grid), reach_year (nullable), year, rank
        and gap_pct of the target in that year, and reach_probability (P(reached by that year))
        when the sweep ran Monte Carlo."""
        o = self.outcomes
        n_years = o.rank_years.size
        frame = pd.DataFrame(np.repeat(self.points, n_years, axis=0), columns=self.labels())
        reach = pd.array([None if y == NEVER else int(y) for y in o.reach_year], dtype="Int64")
        frame[names.POINT] = np.repeat(np.arange(len(self.points)), n_years)
        frame[names.REACH_YEAR] = np.repeat(reach, n_years)
        frame[names.YEAR] = np.tile(o.rank_years, len(self.points))
        frame[names.RANK] = o.ranks.reshape(-1)
        frame[names.GAP_PCT] = o.gap_pct.reshape(-1)
        if self.probability is not None:
            frame[names.REACH_PROBABILITY] = self.probability.reshape(-1)
        return frame

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): scenario ``<name>|point <i>``, the
        target's reach year (no year), and its rank, gap (and reach probability) each year."""
        from sim.longformat import outcome_long, stack

        sc = self.scenario
        frame = self.to_frame()
        who = sc.panel.regions.en[sc.target]
        label = np.array([f"{sc.name}|{names.POINT} {i}" for i in range(len(self.points))], dtype=object)
        reach = self.outcomes.reach_year.astype(float)
        reach[self.outcomes.reach_year == NEVER] = np.nan
        parts = [outcome_long(names.REACH_YEAR, scenario=label, region=who, year=None, value=reach)]
        rows = label[frame[names.POINT].to_numpy()]
        for col in (names.RANK, names.GAP_PCT, names.REACH_PROBABILITY):
            if col in frame.columns:
                parts.append(outcome_long(col, scenario=rows, region=who, year=frame[names.YEAR].to_numpy(),
                                          value=frame[col].to_numpy(dtype=float)))  # fmt: skip
        return stack(parts)

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim sweep --json`` document: outcomes per grid point, thresholds table, provenance."""
        prov = provenance or self.scenario.provenance(seed=self.seed)
        labels = self.labels()
        horizon = self.scenario.horizon
        col = list(self.outcomes.rank_years).index(horizon)
        points = []
        for row, reach, ranks, gaps in zip(
            self.points,
            self.outcomes.reach_or_none(),
            self.outcomes.ranks,
            self.outcomes.gap_pct,
            strict=True,
        ):
            point: dict[str, Any] = {
                "values": {lab: float(v) for lab, v in zip(labels, row, strict=True)},
                "reach_year": reach,
                "target_rank_at_horizon": int(ranks[col]),
                "gap_pct_at_horizon": round(float(gaps[col]), 3),
            }
            if self.outcomes.rank_years.size > 1:
                point["target_rank"] = {
                    str(int(y)): int(r) for y, r in zip(self.outcomes.rank_years, ranks, strict=True)
                }
            points.append(point)
        if self.probability is not None:
            for point, probs in zip(points, self.probability, strict=True):
                point["reach_probability"] = {
                    str(int(y)): round(float(q), 6)
                    for y, q in zip(self.outcomes.rank_years, probs, strict=True)
                }
        first = self.parameters[0]
        return {
            "scenario": self.scenario.name,
            "parameters": [
                {"path": p.path, "mode": p.mode, "values": list(v)}
                for p, v in zip(self.parameters, self.values, strict=True)
            ],
            "threshold_rank": self.scenario.threshold_rank,
            "horizon": horizon,
            "points": points,
            "thresholds": {
                "param": first.path,
                "rows": [
                    {
                        "value": float(v),
                        "reach_year": {
                            str(k): (None if r == NEVER else int(r))
                            for k, r in zip(self.thresholds, row, strict=True)
                        },
                    }
                    for v, row in zip(self.values[0], self.threshold_reach, strict=True)
                ],
            },
            "provenance": prov.to_dict(),
        }


def sweep(
    scenario: Scenario,
    items: Sequence[SweepAxis | tuple[str, str, Sequence[float]]] | None = None,
    *,
    rank_years: Sequence[int] | None = None,
    thresholds: bool = True,
    paths: int | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    compiled: bool | None = None,
) -> SweepResult:
    """Full grid over 1 to 3 parameters (:func:`sim.evaluate` takes designs of any shape).

    Parameters
    ----------
    items : sequence of (path, mode, values), optional
        Dotted parameter paths (dotted keys of the scenario format), ``"set"`` or ``"shift"``, and their values
        (percent a year, percentage points, years or ranks); default the scenario's ``sweep:``.
    rank_years : sequence of int, optional
        Years to report the target's rank and gap for (the horizon always).
    thresholds : bool
        Also compute the "which midfield?" table: reach year for threshold ranks 10-20 against
        the first parameter.
    paths, seed, rng : optional
        Also a Monte Carlo of ``paths`` paths at every grid point, the same draws for every point
        (common random numbers, from ``seed`` or ``rng``): P(reached by each reported year).
    """
    given = scenario.sweep if items is None else items
    axes: list[tuple[str, str, Sequence[float]]] = [
        (i.param, i.mode, i.values) if isinstance(i, SweepAxis) else i for i in given
    ]
    if not 1 <= len(axes) <= 3:
        raise InputError(msg("sweep.axes_count", n=len(axes)), field="items")
    params = tuple(
        parse_parameter(
            scenario.panel.regions,
            path,
            mode,
            decays=scenario.others.half_life is not None,
            where={"field": f"items.{i}.param"},
        )
        for i, (path, mode, _) in enumerate(axes)
    )
    same = [(p.kind, p.region) for p in params]  # the same province by another name is the same
    if len(set(same)) < len(same):
        twice = next(p.key for p, k in zip(params, same, strict=True) if same.count(k) > 1)
        raise InputError(msg("sweep.swept_twice", param=repr(twice)), field="items")
    values = tuple(_numbers(vals, i) for i, (_, _, vals) in enumerate(axes))
    for p, vals in zip(params, values, strict=True):
        warn_if_fractions(p, vals, p.path)
    grids = np.meshgrid(*[np.array(v, dtype=float) for v in values], indexing="ij")
    points = np.stack(grids, axis=-1).reshape(-1, len(values))  # first parameter slowest
    years = sorted({*(rank_years or []), scenario.horizon})
    outcomes = evaluate_batch(
        scenario, [(p, points[:, i]) for i, p in enumerate(params)], rank_years=years, compiled=compiled
    )
    ranks = midfield_thresholds(scenario.n_regions) if thresholds else ()
    table = (
        _threshold_table(scenario, params[0], values[0], ranks, compiled)
        if ranks
        else np.zeros((len(values[0]), 0), dtype=np.int64)
    )
    probability, used = None, None
    if paths is not None:
        from sim.analyses.design import probabilities

        generator, used = random_source(seed, rng)
        columns = [points[:, i] for i in range(len(params))]
        probability = probabilities(scenario, list(params), columns, years, paths, generator)
    return SweepResult(
        scenario, params, values, points, outcomes, ranks, table,
        probability, paths, used,
    )  # fmt: skip


def _threshold_table(
    scenario: Scenario,
    param: Parameter,
    values: Sequence[float],
    ranks: Sequence[int],
    compiled: bool | None,
) -> np.ndarray:
    """Reach year ``(values, thresholds)`` for every threshold of ``ranks``, from one projection
    per value of ``param``: a threshold K is first reached in the first year the target's best
    rank so far is at most K. One evaluation per value whatever the number of thresholds (a
    third of the regions: 950 for 2,850 counties), so the table costs what one sweep axis costs."""
    years = list(range(scenario.base_year, scenario.horizon + 1))
    out = evaluate_batch(
        scenario, [(param, np.asarray(values, dtype=float))], rank_years=years, compiled=compiled
    )
    best = np.minimum.accumulate(out.ranks, axis=1)  # (B, T+1), never increasing
    first = (best[:, :, None] > np.asarray(ranks)[None, None, :]).sum(axis=1)  # years before reaching K
    return np.where(first <= scenario.horizon - scenario.base_year, scenario.base_year + first, NEVER)


def _numbers(values: Sequence[Any], i: int) -> tuple[float, ...]:
    """A sweep axis's values as finite floats; anything else is an error naming the axis."""
    out = []
    for v in values:
        try:
            number = float(v)
        except (TypeError, ValueError):
            raise InputError(msg("sweep.not_number", value=repr(v)), field=f"items.{i}.values") from None
        if not np.isfinite(number):
            raise InputError(msg("sweep.not_finite", value=repr(v)), field=f"items.{i}.values")
        out.append(number)
    if not out:
        raise InputError(msg("sweep.no_values"), field=f"items.{i}.values")
    return tuple(out)
