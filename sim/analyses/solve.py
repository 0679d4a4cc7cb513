"""Inverse solve: what constant real growth of the target reaches the threshold by a deadline?

A target already within the threshold in the base year asks the other question: the lowest
constant growth that keeps it inside in every year through the deadline (``question="stay"``).

With ``over=(first, last)`` (a plan period such as the 15th Five-Year Plan, 2026-2030) only the
target's growth in those years is searched; before and after them it follows the scenario's own
path (the parameter ``provinces.<code>.real_growth.FIRST-LAST``, one meaning for every route).

Deterministic: every candidate growth on a 0.01-point grid from -10 % to 30 % is evaluated in
one batch; the reach year never rises with more growth, so the answer is the smallest grid
value that reaches by the deadline, and the same batch gives the whole curve of required
growth against deadlines. With a probability P: the Monte Carlo reach probability by the
deadline, with common random numbers (the same seed, so the same shocks, for every
candidate), is bisected on the same grid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.engine.batch import NEVER, evaluate_batch
from sim.errors import InputError
from sim.inputs.params import Parameter
from sim.messages import msg
from sim.model.growth import assemble
from sim.model.scenario import Scenario
from sim.provenance import Provenance, random_source
from sim.results import ResultView
from sim.units import log_to_pct

LOW, HIGH, STEP = -10.0, 30.0, 0.01
GRID = np.round(np.arange(round((HIGH - LOW) / STEP) + 1) * STEP + LOW, 2)
#: The lead over the national path searched (points a year), same step.
LEAD_LOW, LEAD_HIGH = -10.0, 20.0
LEAD_GRID = np.round(np.arange(round((LEAD_HIGH - LEAD_LOW) / STEP) + 1) * STEP + LEAD_LOW, 2)
#: Years of history whose mean lead of the target over the nation the lead answer is compared with.
HISTORY_LEAD_YEARS = 10


@dataclass(frozen=True, eq=False, repr=False)
class SolveResult(ResultView):
    """Constant real growth of the target (percent) needed to reach the threshold by ``by``, and by
    every deadline (``curve``); None where not reachable within the search range."""

    scenario: Scenario
    by: int
    probability: float | None
    required_pct: float | None  # None = not reachable within LOW..HIGH
    curve: tuple[tuple[int, float | None], ...]  # (deadline, required growth) base+1 .. horizon
    own_growth_pct: list[float] | None  # the scenario's own target real growth, per projected year
    paths: int | None = None
    seed: int | str | None = None  # probability mode: the seed of the draws, or "generator supplied"
    curve_probability: bool = False  # the curve is the probabilistic one (else deterministic)
    question: str = "reach"  # "reach", or "stay" for a target inside in the base year
    lead: bool = False  # the answer is a constant lead over the national path (points), not a rate
    historical_lead_pp: float | None = None  # the target's mean real-growth lead over the nation
    over: tuple[int, int] | None = None  # the plan period searched (first, last); None: every year

    @property
    def parameter(self) -> Parameter:
        """The parameter searched: the target's real growth (over the plan period) or its lead."""
        return target_param(self.scenario, self.lead, self.over)

    @property
    def grid(self) -> np.ndarray:
        """The candidates searched: real growth (percent) or leads (points)."""
        return LEAD_GRID if self.lead else GRID

    @property
    def at_low_bound(self) -> bool:
        """The answer is the bottom of the search range: even less growth would do."""
        return self.required_pct is not None and self.required_pct <= float(self.grid[0])

    def headline(self) -> str:
        """The required growth by the deadline (and probability)."""
        g = f"{self.required_pct:.2f} %" if self.required_pct is not None else "not reachable in -10..30 %"
        if self.at_low_bound:
            g = f"any growth down to {LOW:g} % (the bottom of the search range)"
        prob = f" with probability {self.probability:g}" if self.probability is not None else ""
        verb = "stay inside through" if self.question == "stay" else "by"
        over = f" over {self.over[0]}-{self.over[1]}" if self.over is not None else ""
        return f"{verb} {self.by}{prob}: {g} real a year{over}"

    @property
    def required_real_growth_pct(self) -> float | None:
        """The answer under its column's name: constant real growth (percent a year) needed;
        None where unreachable in the search range, or for a lead solve (see
        :attr:`required_lead_pp`)."""
        return None if self.lead else self.required_pct

    @property
    def required_lead_pp(self) -> float | None:
        """For a lead solve: the constant lead over the national path (points a year) needed."""
        return self.required_pct if self.lead else None

    @property
    def column(self) -> str:
        """The name of the answer in tables: ``required_real_growth_pct`` or ``required_lead_pp``."""
        return names.REQUIRED_LEAD if self.lead else names.REQUIRED

    def to_frame(self) -> pd.DataFrame:
        """One row a deadline: by, required_real_growth_pct (``required_lead_pp`` for a lead
        solve; NaN where unreachable in the search range) and the probability asked (NaN:
        deterministic)."""
        prob = np.nan if self.probability is None else self.probability
        rows = [(by, np.nan if g is None else g, prob) for by, g in self.curve]
        return pd.DataFrame(rows, columns=[names.DEADLINE, self.column, names.PROBABILITY])

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): the required growth (or lead) by
        each deadline year (NaN where unreachable); scenario ``<name>|P=<p>`` with a probability."""
        from sim.longformat import outcome_long

        sc = self.scenario
        frame = self.to_frame()
        name = sc.name if self.probability is None else f"{sc.name}|P={self.probability:g}"
        return outcome_long(
            self.column,
            scenario=name,
            region=sc.panel.regions.en[sc.target],
            year=frame[names.DEADLINE].to_numpy(),
            value=frame[self.column].to_numpy(dtype=float),
        )

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim solve --json`` document: required growth, reachability, curve, provenance."""
        prov = provenance or self.scenario.provenance(seed=self.seed)
        answer = (
            {"required_lead_pp": self.required_pct, "historical_lead_pp": self.historical_lead_pp}
            if self.lead
            else {"required_real_growth_pct": self.required_pct}
        )
        return {
            "scenario": self.scenario.name,
            "by": self.by,
            "probability": self.probability,
            "question": self.question,
            **answer,
            "reachable": self.required_pct is not None,
            "search_range_pct": [float(self.grid[0]), float(self.grid[-1])],
            "at_search_bound": "low" if self.at_low_bound else "high" if self.required_pct is None else None,
            "over": list(self.over) if self.over is not None else None,
            "curve": [
                {"by": y, ("required_lead_pp" if self.lead else "required_real_growth_pct"): g} for y, g in self.curve
            ],
            "paths": self.paths,
            "gaps": [_json_row(r) for r in self.gaps().to_dict("records")],
            "provenance": prov.to_dict(),
        }

    def gaps(self) -> pd.DataFrame:
        """Year by year (base year first), under the scenario's own path and under the answer
        (the required growth over its years, the own path elsewhere): the target's real growth,
        its level (GDP in 亿元, or GDP per head in yuan by the scenario's measure), the level of the
        region at the threshold rank among the others, and the gap to it in the level's unit and
        in percent (positive: ahead); the extra level the answer needs over the own path.
        Without an answer (not reachable) the answer's columns are empty."""
        from sim.engine.projection import project

        own = project(self.scenario)
        cols = names.solve_gap_columns(self.scenario.per_capita)
        out = {names.YEAR: own.years, cols["real_own"]: _real_pct(own)}
        out[cols["level_own"]] = own.levels[:, self.scenario.target]
        kth = _threshold_levels(own)
        out[cols["threshold"]] = kth
        out[cols["gap_own"]] = own.levels[:, self.scenario.target] - kth
        out[cols["gap_own_pct"]] = own.gap_pct()
        nan = np.full(own.years.size, np.nan)
        if self.required_pct is not None:
            answer = project(self.scenario, [(self.parameter, self.required_pct)])
            level = answer.levels[:, self.scenario.target]
            out |= {cols["real_answer"]: _real_pct(answer), cols["level_answer"]: level,
                    cols["gap_answer"]: level - kth, cols["gap_answer_pct"]: answer.gap_pct(),
                    cols["extra"]: level - own.levels[:, self.scenario.target]}  # fmt: skip
        else:
            answer_cols = ("real_answer", "level_answer", "gap_answer", "gap_answer_pct", "extra")
            out |= {cols[k]: nan for k in answer_cols}
        return pd.DataFrame(out, columns=[names.YEAR, *cols.values()])


def _real_pct(proj: Any) -> np.ndarray:
    """The target's real growth (percent) by year, NaN in the base year."""
    real = np.expm1(proj.growth.real[:, proj.target]) * 100
    return np.concatenate([[np.nan], real])


def _threshold_levels(proj: Any) -> np.ndarray:
    """The level of the region at the threshold rank among the target's rivals, by year."""
    others = np.delete(proj.levels, proj.target, axis=1)
    return -np.sort(-others, axis=1)[:, proj.threshold_rank - 1]


def _json_row(row: dict[Any, Any]) -> dict[str, Any]:
    """One year of the gaps as JSON: the year as a whole number, NaN as null."""
    return {
        str(k): (int(v) if k == names.YEAR else None if not np.isfinite(v) else round(float(v), 4))
        for k, v in row.items()
    }


def target_param(scenario: Scenario, lead: bool = False, over: tuple[int, int] | None = None) -> Parameter:
    """The parameter a solve searches: the target's lead, or its real growth in every projected
    year or over the plan period ``over`` (``provinces.<code>.real_growth.FIRST-LAST``)."""
    code = scenario.target_code
    if lead:
        return Parameter(f"provinces.{code}.lead", "set", "province_lead", scenario.target)
    if over is not None:
        path = f"provinces.{code}.real_growth.{over[0]}-{over[1]}"
        return Parameter(path, "set", "province_real", scenario.target, (int(over[0]), int(over[1])))
    return Parameter(f"provinces.{code}.real_growth", "set", "province_real", scenario.target)


def historical_lead(scenario: Scenario, years: int = HISTORY_LEAD_YEARS) -> float | None:
    """The target's mean real-growth lead over the nation (points) in the ``years`` years up to
    the base year (None without data)."""
    panel = scenario.panel
    sel = (panel.years > scenario.base_year - years) & (panel.years <= scenario.base_year)
    lead = panel.real_growth_pct[sel, scenario.target] - panel.national.real_growth_pct[sel]
    lead = lead[np.isfinite(lead)]
    return round(float(lead.mean()), 2) if lead.size else None


def inside_at_base(scenario: Scenario) -> bool:
    """The target is already within the threshold in the base year (solve asks "stay inside")."""
    level = scenario.base_levels
    return 1 + int((level > level[scenario.target]).sum()) <= scenario.threshold_rank


def required_curve(
    scenario: Scenario, lead: bool = False, over: tuple[int, int] | None = None
) -> dict[int, float | None]:
    """Smallest grid growth (or lead) reaching by each deadline (base+1 .. horizon),
    deterministically; for a target inside in the base year, the smallest that keeps it inside
    every year to the deadline. With a plan period ``over``: its growth, deadlines from its first year."""
    first = scenario.base_year + 1 if over is None else over[0]
    deadlines = range(first, scenario.horizon + 1)
    grid = LEAD_GRID if lead else GRID
    param = target_param(scenario, lead, over)
    out: dict[int, float | None] = {}
    if inside_at_base(scenario):
        ranks = evaluate_batch(scenario, [(param, grid)], rank_years=list(deadlines)).ranks
        inside = np.cumprod(ranks <= scenario.threshold_rank, axis=1).astype(bool)  # (B, T)
        for t, deadline in enumerate(deadlines):
            out[deadline] = float(grid[np.argmax(inside[:, t])]) if inside[:, t].any() else None
        return out
    reach = evaluate_batch(scenario, [(param, grid)]).reach_year
    for deadline in deadlines:
        ok = (reach != NEVER) & (reach <= deadline)
        out[deadline] = float(grid[np.argmax(ok)]) if ok.any() else None
    return out


def _bisect(ok: Callable[[int], bool], size: int = GRID.size) -> int | None:
    """Smallest grid index with ok(i) True, assuming monotone; None if none."""
    lo, hi = 0, size - 1
    if not ok(hi):
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def probability_curve(
    scenario: Scenario,
    probability: float,
    paths: int,
    rng: np.random.Generator,
    deadlines: Sequence[int],
    progress: Callable[[int], None] | None = None,
    lead: bool = False,
    over: tuple[int, int] | None = None,
) -> dict[int, float | None]:
    """Smallest grid growth whose Monte Carlo reach probability by each deadline is >= P (for a
    target inside in the base year: the probability of staying inside every year through it).

    Every candidate is simulated with the same random numbers (common random numbers): each
    starts from ``rng``'s state at the call. ``progress(1)`` is called after each Monte Carlo
    evaluation (at most ~13 per deadline)."""
    from sim.analyses.montecarlo import simulate

    cache: dict[int, np.ndarray] = {}
    state = rng.bit_generator.state
    param = target_param(scenario, lead, over)
    grid = LEAD_GRID if lead else GRID
    stay = inside_at_base(scenario)

    def reach_prob(i: int) -> np.ndarray:
        if i not in cache:
            same = np.random.Generator(type(rng.bit_generator)())
            same.bit_generator.state = state
            mc = simulate(scenario, paths, rng=same, settings=[(param, float(grid[i]))])
            cache[i] = mc.stay_probability() if stay else mc.reach_probability()
            if progress is not None:
                progress(1)
        return cache[i]

    def reaches_by(deadline: int) -> Callable[[int], bool]:
        return lambda i: bool(reach_prob(i)[deadline - scenario.base_year] >= probability - 1e-12)

    out: dict[int, float | None] = {}
    for d in deadlines:
        idx = _bisect(reaches_by(d), grid.size)
        out[d] = None if idx is None else float(grid[idx])
    return out


def solve(
    scenario: Scenario,
    by: int,
    *,
    probability: float | None = None,
    paths: int = 10_000,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    curve_probability: bool = False,
    progress: Callable[[int], None] | None = None,
    lead: bool = False,
    over: tuple[int, int] | None = None,
) -> SolveResult:
    """The constant real growth of the target that reaches the threshold rank by ``by`` (with
    ``lead``: the constant lead over the national path, points a year, every projected year).

    The target's real growth is replaced in every projected year (its deflator and everyone
    else stay as in the scenario) by each candidate on a 0.01-point grid from -10 % to 30 % a
    year, evaluated as one batch; the answer is the smallest candidate that reaches.

    Parameters
    ----------
    scenario : Scenario
    by : int
        Deadline year, after the base year and at most the horizon.
    probability : float in (0, 1], optional
        **Probability mode**: instead of reaching in the deterministic projection, the Monte
        Carlo probability of having reached by ``by`` must be at least ``probability``. Every
        candidate is simulated with ``paths`` paths and the same random draws (common random
        numbers, from ``seed`` or ``rng``, one of them; with neither a fresh seed is recorded),
        so the probability rises with growth and bisection on the grid is exact for those draws.
    paths : int
        Monte Carlo paths per candidate in probability mode (about 13 candidates are simulated).
    curve_probability : bool
        In probability mode, also compute the probabilistic curve for every deadline (slower);
        otherwise ``curve`` is the deterministic one.
    lead : bool
        Search the constant lead over the national path (points a year) instead of a rate.
    over : (int, int), optional
        A plan period (first and last year, e.g. ``(2026, 2030)``): search the target's constant
        real growth in those years only, the scenario's own path before and after them. The
        deadline must not come before its first year.

    Returns
    -------
    SolveResult
        ``required_pct`` (percent a year; ``None`` if not reachable within -10..30 %), ``curve``
        (deadline -> required growth for every projected year) and the scenario's own growth.
    """
    if isinstance(by, bool) or not isinstance(by, int | np.integer):
        raise InputError(msg("solve.by_whole_year", value=repr(by)), field="by")
    if not scenario.base_year < by <= scenario.horizon:
        raise InputError(
            msg("solve.by_range", base=scenario.base_year, horizon=scenario.horizon, value=by), field="by"
        )
    if over is not None:
        _check_over(scenario, by, over, lead)
    if probability is not None and not 0 < probability <= 1:
        raise InputError(msg("solve.probability", value=probability), field="probability")
    generator, used = random_source(seed, rng) if probability is not None else (None, None)
    deterministic = required_curve(scenario, lead, over)
    if probability is None:
        required, curve = deterministic[by], deterministic
    else:
        deadlines = list(deterministic) if curve_probability else [by]
        assert generator is not None
        curve = probability_curve(scenario, probability, paths, generator, deadlines, progress, lead, over)
        required = curve[by]
        if not curve_probability:
            curve = deterministic
    own = [round(float(v), 4) for v in log_to_pct(assemble(scenario.growth).real[:, scenario.target])]
    if lead:  # the scenario's own lead over the national path, per projected year
        own = [round(v - float(n), 4) for v, n in zip(own, scenario.growth.national_real_pct, strict=True)]
    return SolveResult(
        scenario,
        by,
        probability,
        required,
        tuple(curve.items()),
        own,
        paths if probability is not None else None,
        used,
        probability is not None and curve_probability,
        "stay" if inside_at_base(scenario) else "reach",
        lead,
        historical_lead(scenario) if lead else None,
        (int(over[0]), int(over[1])) if over is not None else None,
    )


def _check_over(scenario: Scenario, by: int, over: tuple[int, int], lead: bool) -> None:
    """A plan period is a range of projected years that starts no later than the deadline."""
    first, last = over
    if lead:
        raise InputError(msg("solve.lead_and_period"), field="over")
    if not scenario.base_year < first <= last <= scenario.horizon:
        y0, y1 = scenario.base_year + 1, scenario.horizon
        outside = msg("solve.over_range", first=y0, last=y1, a=first, b=last)
        raise InputError(outside, field="over")
    if by < first:
        raise InputError(msg("solve.deadline_before_period", by=by, first=first), field="by")
