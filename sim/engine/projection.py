"""Deterministic projection of one scenario and its result object."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from sim._arrays import rounded
from sim._typing import Direction, FloatArray, IntArray
from sim.engine.levels import gap_pct, project_log_levels
from sim.errors import InputError
from sim.inputs.params import Parameter
from sim.messages import msg
from sim.model.growth import Growth, GrowthSources, assemble, growth_sources
from sim.model.scenario import Scenario
from sim.names import (
    ASSUMPTION_COLUMNS,
    BASE_RANK,
    CODE,
    DEFLATOR_PCT,
    DEFLATOR_SOURCE,
    EN,
    GAP_PCT,
    GDP,
    NOMINAL_PCT,
    PER_HEAD,
    PROJECTED,
    PROJECTION_COLUMNS,
    RANK,
    REAL_PCT,
    REAL_SOURCE,
    YEAR,
    ZH,
)
from sim.provenance import Provenance
from sim.ranks import rank_levels, reach_index
from sim.results import ResultView


@dataclass(frozen=True)
class PassEvent:
    """In ``year`` the target overtook (``passed``) or was overtaken by (``passed_by``) ``code``."""

    year: int
    code: str
    direction: Direction

    def to_dict(self) -> dict[str, Any]:
        """The event as a JSON-ready dict: year, code and direction."""
        return {"year": self.year, "code": self.code, "direction": self.direction}


def pass_events(gdp: FloatArray, years: IntArray, target: int, codes: tuple[str, ...]) -> list[PassEvent]:
    """Every change of order between the target and another region, year by year.

    ``j`` is ahead of the target when its GDP is strictly larger (the rank rule). A change
    from ahead to not-ahead is ``passed``; the reverse is ``passed_by``.
    """
    ahead = gdp > gdp[:, target : target + 1]  # (T, N)
    change = ahead[1:] != ahead[:-1]
    events = [
        PassEvent(int(years[t + 1]), codes[j], "passed" if ahead[t, j] else "passed_by")
        for t, j in zip(*np.nonzero(change), strict=True)
    ]
    return sorted(events, key=lambda e: (e.year, e.direction, e.code))


@dataclass(frozen=True, eq=False, repr=False)
class Projection(ResultView):
    """Levels and ranks of every region from the base year to the horizon, plus history."""

    scenario: Scenario
    growth: Growth  # the assembled log growth of the projected years
    years: IntArray  # base .. horizon
    gdp: FloatArray  # (T+1, N) nominal, 100m yuan
    ranks: IntArray  # (T+1, N), by the scenario's measure
    settings: tuple[tuple[Parameter, float], ...] = ()  # parameters set or shifted for this run
    per_head: FloatArray | None = None  # (T+1, N) GDP per head (yuan) when ranked by it, else None

    @property
    def levels(self) -> FloatArray:
        """What is ranked, ``(T+1, N)``: ``gdp``, or GDP per head (yuan) by the scenario's measure."""
        return self.gdp if self.per_head is None else self.per_head

    def headline(self) -> str:
        """Target, threshold and the reach year in one line."""
        sc = self.scenario
        reach = self.reach_year if self.reach_year is not None else f"not by {sc.horizon}"
        who = sc.panel.regions.en[sc.target]
        start = int(self.target_rank[0])
        return f"{who} rank {start} in {sc.base_year}; reaches rank <= {sc.threshold_rank}: {reach}"

    @property
    def target(self) -> int:
        """Index of the target region."""
        return self.scenario.target

    @property
    def threshold_rank(self) -> int:
        """Rank the target must reach or beat (1 = largest GDP)."""
        return self.scenario.threshold_rank

    @property
    def codes(self) -> tuple[str, ...]:
        """Region codes in column order."""
        return self.scenario.panel.regions.codes

    @property
    def target_rank(self) -> IntArray:
        """``(T+1,)`` ranks of the target, base year first."""
        return self.ranks[:, self.target]

    @property
    def reach_year(self) -> int | None:
        """First year (base year included) with target rank <= threshold, else None."""
        idx = int(reach_index(self.target_rank, self.threshold_rank))
        return None if idx < 0 else int(self.years[idx])

    @property
    def stays_until(self) -> int | None:
        """For a target already within the threshold in the base year: the last year of its first
        unbroken run inside (the horizon if it never leaves); None if it starts outside."""
        inside = self.target_rank <= self.threshold_rank
        if not inside[0]:
            return None
        out = np.flatnonzero(~inside)
        return int(self.years[out[0] - 1]) if out.size else int(self.years[-1])

    @cached_property
    def passes(self) -> list[PassEvent]:
        """Every change of order between the target and another region, by year (:func:`pass_events`)."""
        return pass_events(self.levels, self.years, self.target, self.codes)

    def gap_pct(self) -> FloatArray:
        """Target's level (GDP or GDP per head, by the measure) as % of the level at the threshold
        rank among the others, minus 100, ``(T+1,)``.

        Positive means inside the band (rank <= threshold), negative outside.
        """
        return gap_pct(np.log(self.levels), self.target, self.threshold_rank)

    @cached_property
    def timeline(self) -> tuple[IntArray, FloatArray, IntArray]:
        """History (first data year .. base-1) and projection together: (years, levels, ranks),
        levels and ranks by the scenario's measure (GDP, or GDP per head)."""
        sc = self.scenario
        keep = sc.panel.years < sc.base_year
        years = np.concatenate([sc.panel.years[keep], self.years])
        history = sc.history_levels()[keep]
        levels = np.concatenate([history, self.levels])
        ranks = np.concatenate([rank_levels(history) if sc.per_capita else sc.panel.ranks[keep], self.ranks])
        return years, levels, ranks

    def actual_check(self) -> list[dict[str, Any]]:
        """Projected against actual for the years after the base year that the data already has."""
        panel = self.scenario.panel
        rows = []
        for i, year in enumerate(self.years[1:], start=1):
            if year > panel.last_year:
                break
            t, j = panel.year_index(int(year)), self.target
            actual_rank = (
                rank_levels(self.scenario.history_levels()[t]) if self.scenario.per_capita else panel.ranks[t]
            )
            rows.append(
                {
                    "year": int(year),
                    "projected_rank": int(self.ranks[i, j]),
                    "actual_rank": int(actual_rank[j]),
                    "projected_gdp": round(float(self.gdp[i, j]), 1),
                    "actual_gdp": round(float(panel.gdp[t, j]), 1),
                    "gdp_error_pct": round(float((self.gdp[i, j] / panel.gdp[t, j] - 1) * 100), 2),
                }
            )
        return rows

    def rivals(self) -> list[int]:
        """Regions the target must pass to reach the threshold: those ranked from the threshold
        to just above it in the base year (none when it is already inside)."""
        start, base = int(self.target_rank[0]), self.ranks[0]
        ahead = np.flatnonzero((self.threshold_rank <= base) & (base < start))
        return ahead[np.argsort(base[ahead], kind="stable")].tolist()

    def assumptions(self) -> dict[str, Any]:
        """What the answer assumes, as mean growth over the projected years (percent a year): the
        target's real, deflator and nominal growth, and the nominal growth of its rivals; ranked by
        GDP per head, also the target's population and per-head growth and its rivals' per-head
        growth."""
        t = self.target
        mean = lambda x: round(float(np.expm1(np.mean(x)) * 100), 2)  # noqa: E731
        rivals = self.rivals()
        nominal = self.growth.nominal
        out = {
            "target_real_pct": mean(self.growth.real[:, t]),
            "target_deflator_pct": mean(self.growth.deflator[:, t]),
            "target_nominal_pct": mean(nominal[:, t]),
            "rivals": [self.codes[j] for j in rivals],
            "rivals_nominal_pct": mean(nominal[:, rivals].mean(axis=1)) if rivals else None,
        }
        if self.growth.population is not None:  # ranked by GDP per head
            per_head = self.growth.measured
            out["target_population_pct"] = mean(self.growth.population[:, t])
            out["target_per_head_pct"] = mean(per_head[:, t])
            out["rivals_per_head_pct"] = mean(per_head[:, rivals].mean(axis=1)) if rivals else None
        return out

    def reach_by_threshold(self, thresholds: Sequence[int]) -> dict[int, int | None]:
        """For each threshold rank K: the first year (base year included) the target's rank is
        <= K under this projection's measure, None when not by the horizon."""
        out: dict[int, int | None] = {}
        for k in thresholds:
            idx = int(reach_index(self.target_rank, int(k)))
            out[int(k)] = None if idx < 0 else int(self.years[idx])
        return out

    @cached_property
    def sources(self) -> GrowthSources:
        """Where each projected growth value comes from, ``(T, N)`` labels (see
        :func:`sim.model.growth.growth_sources`)."""
        return growth_sources(self.scenario.growth, self.settings)

    def focus(self) -> list[int]:
        """The regions ranked around the threshold, by base-year rank: from one rank above the
        threshold (or the target) to one below the target (or the threshold), and every region
        the target passes or is passed by."""
        start, k = int(self.target_rank[0]), self.threshold_rank
        lo, hi = min(start, k) - 1, max(start, k) + 1
        near = {j for j in range(len(self.codes)) if lo <= self.ranks[0, j] <= hi}
        near |= {self.codes.index(e.code) for e in self.passes} | {self.target}
        return sorted(near, key=lambda j: int(self.ranks[0, j]))

    def assumptions_frame(self) -> pd.DataFrame:
        """Every region's growth in every projected year and where it comes from: year, region,
        base-year rank, real growth, deflator and nominal growth (percent) with the sources of
        real growth and deflator (``model``, ``target``, ``scenario``, ``lead``, ``parameter``,
        ``preliminary``; ``+shift`` where a temporary shift applies). Regions in base-year rank
        order, years within."""
        return pd.DataFrame(self._assumption_columns(), columns=list(ASSUMPTION_COLUMNS))

    def _assumption_columns(self) -> dict[str, np.ndarray]:
        """The columns of :meth:`assumptions_frame` as arrays."""
        g, src = self.growth, self.sources
        t, n = g.real.shape
        order = np.argsort(self.ranks[0], kind="stable")
        regions = self.scenario.panel.regions
        pick = lambda a: np.asarray(a)[:, order].T.reshape(-1)  # noqa: E731 - region-major
        return {
            YEAR: np.tile(self.years[1:], n),
            CODE: np.repeat(np.array(regions.codes, dtype=object)[order], t),
            EN: np.repeat(np.array(regions.en, dtype=object)[order], t),
            ZH: np.repeat(np.array(regions.zh, dtype=object)[order], t),
            BASE_RANK: np.repeat(self.ranks[0][order], t),
            REAL_PCT: pick(np.expm1(g.real) * 100),
            REAL_SOURCE: pick(src.real),
            DEFLATOR_PCT: pick(np.expm1(g.deflator) * 100),
            DEFLATOR_SOURCE: pick(src.deflator),
            NOMINAL_PCT: pick(np.expm1(g.nominal) * 100),
        }

    def _assumption_records(self) -> list[dict[str, Any]]:
        """:meth:`assumptions_frame` but for names and base rank, a dict a row, numbers rounded to
        3 decimals (``round``): built a column at a time (90,000 rows for 2,850 regions)."""
        c = self._assumption_columns()
        year, code = c[YEAR].astype(int).tolist(), c[CODE].tolist()
        real, defl, nominal = (rounded(c[k], 3) for k in (REAL_PCT, DEFLATOR_PCT, NOMINAL_PCT))
        real_src, defl_src = c[REAL_SOURCE].tolist(), c[DEFLATOR_SOURCE].tolist()
        rows = zip(year, code, real, real_src, defl, defl_src, nominal, strict=True)
        return [
            {YEAR: y, CODE: k, REAL_PCT: r, REAL_SOURCE: a,
             DEFLATOR_PCT: d, DEFLATOR_SOURCE: b, NOMINAL_PCT: n}  # fmt: skip
            for y, k, r, a, d, b, n in rows
        ]

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim run --json`` document."""
        sc = self.scenario
        frame = self.to_frame()
        r = sc.panel.regions
        return {
            "scenario": sc.name,
            "measure": sc.measure,
            "target": {"code": r.codes[sc.target], "en": r.en[sc.target], "zh": r.zh[sc.target]},
            "base_year": sc.base_year,
            "horizon": sc.horizon,
            "threshold_rank": sc.threshold_rank,
            "reach_year": self.reach_year,
            "stays_until": self.stays_until,
            "target_rank": {str(int(y)): int(k) for y, k in zip(self.years, self.target_rank, strict=True)},
            "gap_pct": {
                str(int(y)): round(float(g), 3) for y, g in zip(self.years, self.gap_pct(), strict=True)
            },
            "passes": [e.to_dict() for e in self.passes],
            "national_preset": sc.national_preset,
            "national_path": self.national_path(),
            "base_year_status": self.base_year_status(),
            "actual_check": self.actual_check(),
            "assumption_summary": self.assumptions(),
            "assumptions": self._assumption_records(),
            "projection": _projection_records(frame),
            "provenance": (provenance or sc.provenance()).to_dict(),
        }

    def national_path(self) -> list[dict[str, Any]]:
        """The national path of every projected year this projection used: real growth and
        deflator (percent, after any national parameter) and where it comes from."""
        sc = self.scenario
        g = sc.growth
        real, defl = g.national_real_pct, g.national_deflator_pct
        if self.settings:
            from sim.model.growth import national_paths_of

            real, defl = national_paths_of(g, [(p, np.array([float(v)])) for p, v in self.settings])
        return [
            {
                YEAR: int(y),
                "real_growth_pct": round(float(r), 4),
                "deflator_pct": round(float(d), 4),
                "source": src + (" + parameter" if self.settings and _moves_national(self.settings) else ""),
            }
            for y, r, d, src in zip(sc.years, np.ravel(real), np.ravel(defl), sc.national_source, strict=True)
        ]

    def base_year_status(self) -> dict[str, Any]:
        """Which values of the base year are not final: {"preliminary": [codes], "estimated":
        {field: [codes]}, "national": status}."""
        sc = self.scenario
        p, b = sc.panel, sc.base_year
        codes = p.regions.codes
        status = {f: p.value_statuses(b, f) for f in ("gdp", "real_growth", "population")}
        prelim = [codes[i] for i in np.flatnonzero(status["gdp"] != "final")]
        est = {f: [codes[i] for i in np.flatnonzero(v == "estimated")] for f, v in status.items()}
        nat = p.national
        k = b - int(nat.years[0])
        national = "preliminary" if nat.preliminary is not None and bool(nat.preliminary[k]) else "final"
        return {"preliminary": prelim, "estimated": {f: v for f, v in est.items() if v}, "national": national}

    def passes_frame(self) -> pd.DataFrame:
        """Every pass event: year, region identity, direction (passed / passed_by)."""
        r = self.scenario.panel.regions
        rows = [
            (e.year, e.code, r.en[r.codes.index(e.code)], r.zh[r.codes.index(e.code)], e.direction)
            for e in self.passes
        ]
        return pd.DataFrame(rows, columns=[YEAR, CODE, EN, ZH, "direction"])

    def ranks_frame(self) -> pd.DataFrame:
        """:attr:`ranks` labelled: one row a year (base year first), one column a region code."""
        return pd.DataFrame(self.ranks, index=pd.Index(self.years, name=YEAR),
                            columns=pd.Index(self.codes, name=CODE))  # fmt: skip

    def levels_frame(self) -> pd.DataFrame:
        """:attr:`levels` (what is ranked: GDP, 100 million yuan, or GDP per head, yuan) labelled
        like :meth:`ranks_frame`."""
        return pd.DataFrame(self.levels, index=pd.Index(self.years, name=YEAR),
                            columns=pd.Index(self.codes, name=CODE))  # fmt: skip

    def to_long(self, *, history: bool = False) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): every region's nominal GDP (and GDP
        per head when ranked by it) and rank each year, and the target's gap to the threshold."""
        from sim.longformat import outcome_long, stack

        sc = self.scenario
        frame = self.to_frame(history=history)
        region = frame[EN].to_numpy()
        parts = [outcome_long(col, scenario=sc.name, region=region, year=frame[YEAR].to_numpy(),
                              value=frame[col].to_numpy(dtype=float))
                 for col in (GDP, PER_HEAD, RANK) if col in frame.columns]  # fmt: skip
        parts.append(outcome_long(GAP_PCT, scenario=sc.name, region=sc.panel.regions.en[sc.target],
                                  year=self.years, value=self.gap_pct()))  # fmt: skip
        return stack(parts)

    def to_frame(self, *, history: bool = False) -> pd.DataFrame:
        """Long table: year, code, en, zh, gdp_nominal_100m_yuan, rank, projected; ranked by GDP
        per head, also gdp_per_capita_yuan (after the GDP column; rank is by it)."""
        sc = self.scenario
        regions = sc.panel.regions
        head = self.levels if sc.per_capita else None
        frames = []
        if history:
            panel = sc.panel
            keep = panel.years < sc.base_year
            past_head = sc.history_levels()[keep] if sc.per_capita else None
            past_ranks = rank_levels(past_head) if past_head is not None else panel.ranks[keep]
            frames.append(_long(panel.years[keep], panel.gdp[keep], past_ranks, regions, False, past_head))
        frames.append(_long(self.years, self.gdp, self.ranks, regions, True, head))
        frame = pd.concat(frames, ignore_index=True)
        frame.loc[frame[YEAR] == sc.base_year, PROJECTED] = False
        return frame


def _projection_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The ``projection`` rows of the run document from :meth:`Projection.to_frame`: year, code,
    GDP (2 decimals), GDP per head (1 decimal, when ranked by it) and rank, a dict a row."""
    year, code = frame[YEAR].astype(int).tolist(), frame[CODE].tolist()
    rank = frame[RANK].astype(int).tolist()
    gdp = rounded(frame[GDP].to_numpy(dtype=float), 2)
    if PER_HEAD not in frame.columns:
        return [{YEAR: y, CODE: c, GDP: g, RANK: r} for y, c, g, r in zip(year, code, gdp, rank, strict=True)]
    head = rounded(frame[PER_HEAD].to_numpy(dtype=float), 1)
    return [
        {YEAR: y, CODE: c, GDP: g, PER_HEAD: h, RANK: r}
        for y, c, g, h, r in zip(year, code, gdp, head, rank, strict=True)
    ]


def _long(
    years: IntArray,
    gdp: FloatArray,
    ranks: IntArray,
    regions: Any,
    projected: bool,
    per_head: FloatArray | None = None,
) -> pd.DataFrame:
    t, n = gdp.shape
    columns = list(PROJECTION_COLUMNS)
    data: dict[str, Any] = {
        YEAR: np.repeat(years, n),
        CODE: np.tile(np.array(regions.codes, dtype=object), t),
        EN: np.tile(np.array(regions.en, dtype=object), t),
        ZH: np.tile(np.array(regions.zh, dtype=object), t),
        GDP: gdp.reshape(-1),
        RANK: ranks.reshape(-1),
        PROJECTED: projected,
    }
    if per_head is not None:
        data[PER_HEAD] = per_head.reshape(-1)
        columns.insert(columns.index(GDP) + 1, PER_HEAD)
    return pd.DataFrame(data, columns=columns)


def _moves_national(settings: Sequence[tuple[Parameter, float]]) -> bool:
    return any(p.kind in ("national_real", "national_defl") for p, _ in settings)


def with_threshold(scenario: Scenario, settings: Sequence[tuple[Parameter, float]]) -> Scenario:
    """``scenario`` with the threshold a ``threshold_rank`` parameter sets or shifts (itself when
    none does). A setting that is not a :class:`~sim.inputs.params.Parameter` is refused."""
    out = scenario
    for p, v in settings:
        if not isinstance(p, Parameter):
            raise InputError(msg("engine.setting_not_parameter", value=repr(p)), field="settings")
        if p.kind == "threshold":
            k = round(float(v)) if p.mode == "set" else scenario.threshold_rank + round(float(v))
            if not 1 <= k <= scenario.n_regions - 1 or float(v) != round(float(v)):
                whole = msg("engine.whole_rank", top=scenario.n_regions - 1, value=repr(v))
                raise InputError(whole, field=p.key)
            out = dataclasses.replace(out, threshold_rank=int(k))
    return out


def project(scenario: Scenario, settings: Sequence[tuple[Parameter, float]] = ()) -> Projection:
    """Project every region from the base year to the horizon under ``scenario``.

    Parameters
    ----------
    scenario : Scenario
    settings : sequence of (Parameter, value), optional
        Growth parameters set or shifted for this run (what one row of a design or one grid point
        of a sweep means).

    Returns
    -------
    Projection
        Nominal GDP (100 million yuan) and ranks of every region, base year to horizon, the
        reach year and the pass events; ``to_frame(history=True)`` adds the data's history.
    """
    scenario = with_threshold(scenario, settings)
    if settings:
        one = [(p, np.array([float(v)])) for p, v in settings]
        batch = assemble(scenario.growth, one)
        growth = Growth(batch.years, batch.real[0], batch.deflator[0], batch.population)
    else:
        growth = assemble(scenario.growth)
    base = scenario.panel.gdp[scenario.panel.year_index(scenario.base_year)]
    gdp = np.exp(project_log_levels(np.log(base), growth.nominal))
    gdp[0] = base  # exact base-year values, no exp(log()) round-off
    levels = gdp
    if scenario.per_capita:  # GDP per head grows by nominal minus population growth
        levels = np.exp(project_log_levels(np.log(scenario.base_levels), growth.measured))
        levels[0] = scenario.base_levels
    years = np.arange(scenario.base_year, scenario.horizon + 1, dtype=np.int64)
    per_head = levels if scenario.per_capita else None
    return Projection(scenario, growth, years, gdp, rank_levels(levels), tuple(settings), per_head)
