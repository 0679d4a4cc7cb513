"""Inverse solve: what constant real growth of the target reaches the threshold by a deadline?

A target already within the threshold in the base year asks the other question: the lowest
constant growth that keeps it inside in every year through the deadline (``question="stay"``).

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
        return f"{verb} {self.by}{prob}: {g} real a year"

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
            "curve": [
                {"by": y, ("required_lead_pp" if self.lead else "required_real_growth_pct"): g} for y, g in self.curve
            ],
            "paths": self.paths,
            "provenance": prov.to_dict(),
        }


def _target_param(scenario: Scenario, lead: bool = False) -> Parameter:
    if lead:
        return Parameter(f"provinces.{scenario.target_code}.lead", "set", "province_lead", scenario.target)
    return Parameter(f"provinces.{scenario.target_code}.real_growth", "set", "province_real", scenario.target)


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


def required_curve(scenario: Scenario, lead: bool = False) -> dict[int, float | None]:
    """Smallest grid growth (or lead) reaching by each deadline (base+1 .. horizon),
    deterministically; for a target inside in the base year, the smallest that keeps it inside
    every year to the deadline."""
    deadlines = range(scenario.base_year + 1, scenario.horizon + 1)
    grid = LEAD_GRID if lead else GRID
    param = _target_param(scenario, lead)
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
) -> dict[int, float | None]:
    """Smallest grid growth whose Monte Carlo reach probability by each deadline is >= P (for a
    target inside in the base year: the probability of staying inside every year through it).

    Every candidate is simulated with the same random numbers (common random numbers): each
    starts from ``rng``'s state at the call. ``progress(1)`` is called after each Monte Carlo
    evaluation (at most ~13 per deadline)."""
    from sim.analyses.montecarlo import simulate

    cache: dict[int, np.ndarray] = {}
    state = rng.bit_generator.state
    param = _target_param(scenario, lead)
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

    Returns
    -------
    SolveResult
        ``required_pct`` (percent a year; ``None`` if not reachable within -10..30 %), ``curve``
        (deadline -> required growth for every projected year) and the scenario's own growth.
    """
    if isinstance(by, bool) or not isinstance(by, int | np.integer):
        raise InputError(f"must be a whole year, got {by!r}", field="by")
    if not scenario.base_year < by <= scenario.horizon:
        raise InputError(
            f"must be after the base year {scenario.base_year} and at most the horizon "
            f"{scenario.horizon}, got {by}",
            field="by",
        )
    if probability is not None and not 0 < probability <= 1:
        raise InputError(f"must be in (0, 1], got {probability}", field="probability")
    generator, used = random_source(seed, rng) if probability is not None else (None, None)
    deterministic = required_curve(scenario, lead)
    if probability is None:
        required, curve = deterministic[by], deterministic
    else:
        deadlines = list(deterministic) if curve_probability else [by]
        assert generator is not None
        curve = probability_curve(scenario, probability, paths, generator, deadlines, progress, lead)
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
    )
