"""Defaults chosen out of sample: rolling-origin choice among candidate settings.

A backtest scores every candidate setting (a window length and half-life, or an uncertainty
method's block, scale and parameter scale) at every jump-off year. The *honest* score of a rule
"pick the best candidate" is what it would have scored in real time: at jump-off ``b`` the choice
uses only the jump-offs whose outcome year ``b' + horizon`` is at most ``b`` (their outcome was
known at ``b``), and is then scored at ``b``. The *in-sample* score picks the candidate that is
best on the very jump-offs it is scored on; it flatters the rule, and the gap between the two is
the price of choosing. With no earlier outcome known, the scenario's own setting is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from sim._typing import FloatArray, IntArray
from sim.analyses.backtest import COVERAGE_LEVELS, BacktestResult, NationalMode, backtest
from sim.model.scenario import Scenario

#: Candidate estimation windows (years) and half-lives (years; None = no decay) for the spreads.
WINDOWS = (3, 5, 8)
HALF_LIVES: tuple[float | None, ...] = (2.0, 3.0, 5.0, None)
#: A deflator rule: (deflator model, the deflator spreads' own half-life in years; None = the
#: spreads' half-life, as version 0.2 had it).
DeflatorRule = tuple[str, float | None]
#: Deflator rules compared (docs/calibration.md), simplest first: no spread for anyone, every
#: region's spread fading within a year or two, the same fading like real spreads (version 0.2),
#: then a group estimated from the data and the hand-picked coal and energy group.
DEFLATOR_MODELS: tuple[DeflatorRule, ...] = (
    ("national", None),
    ("mean_spread", 0.5),
    ("mean_spread", 1.0),
    ("mean_spread", None),
    ("factor_neutral", None),
    ("resource_neutral", None),
)
#: The deflator rules the honest rule (``model_oos``) chooses among: those that treat regions
#: alike (a group picked by eye after the fact is hindsight, whatever the rule then scores), with
#: the short deflator half-lives that relative prices' mean reversion allows: a province's
#: next-5-year mean deflator spread on its previous one has a slope of about 0.06 (0.5 for real
#: growth; DESIGN.md), what a half-life of about half a year gives (0: 0, 0.5: 0.07, 1: 0.19,
#: 2: 0.40). Deflator half-lives as long as the real spreads' carry a price boom forward.
RULE_MODELS: tuple[DeflatorRule, ...] = (("national", None), ("mean_spread", 0.5), ("mean_spread", 1.0))


def rule_of(changes: dict[str, Any]) -> DeflatorRule:
    """The deflator rule of a candidate's scenario changes."""
    return changes["others.deflator_model"], changes.get("others.deflator_half_life")


def rule_name(rule: DeflatorRule) -> str:
    """A deflator rule in words a table can show: ``mean_spread (deflator half-life 1)``."""
    model, half_life = rule
    return model if half_life is None else f"{model} (deflator half-life {half_life:g})"


#: Candidate strengths of the pooled prior in each region's lean toward "shares stay" (None: no
#: lean; sim.model.record.lean_weights), compared in docs/calibration.md; the honest rule
#: chooses among RULE_LEANS (no lean: the lean did not score better out of sample).
LEANS: tuple[float | None, ...] = (None, 0.0, 0.5, 2.0, 8.0)
RULE_LEANS: tuple[float | None, ...] = (None,)
#: Candidate shares of their spreads the estimated price-cycle group keeps (others.cycle_weight;
#: sim.model.prices.factor_group), the simplest (1: no lean) first: the honest rule chooses one
#: at each jump-off on that group's own rank errors over the outcomes known then
#: (:func:`group_lean_choice`).
CYCLE_WEIGHTS = (1.0, 0.75, 0.5, 0.25, 0.0)
#: A simpler deflator model is "as good" when its honest score is within this many standard
#: errors (across jump-offs) of the best one's.
NOISE_SE = 2.0
#: Candidate uncertainty settings: (stationary block mean, shock scale, parameter multiplier).
BLOCKS = (1, 2)
SCALES = (0.5, 0.6, 0.7, 0.8)
PARAMETER_MULTIPLIERS = (0.0, 2.0, 2.5, 3.0, 4.0, 5.0)
PARAMETER_HALF_LIVES = (3.0, 5.0, 6.0, 8.0)
#: Horizons over which band coverage is judged.
COVERAGE_HORIZONS = (1, 3, 5, 10)


@dataclass(frozen=True)
class RollingChoice:
    """Scores ``(candidates, horizons, jump-offs)`` (lower is better; NaN = not scored) of candidate
    settings, and the rolling-origin and in-sample choices among them."""

    candidates: tuple[dict[str, Any], ...]  # scenario changes, one per candidate
    horizons: tuple[int, ...]
    jump_offs: IntArray
    scores: FloatArray  # (C, H, J)
    fallback: int  # the candidate used when no earlier outcome is known
    units: tuple[float, ...] | None = None  # per horizon, what a score of 1 is (naive rank MAE)
    #: (C, H, J, N) each region's absolute rank error (rank-error choices), NaN = not scored
    region_errors: FloatArray | None = field(default=None, kw_only=True)

    def chosen(self, year: int) -> int:
        """Candidate chosen at ``year``: lowest mean score over the (horizon, jump-off) cells
        whose outcome year is at most ``year``; the fallback if there is none."""
        known = (self.jump_offs[None, :] + np.array(self.horizons)[:, None]) <= year  # (H, J)
        cells = self.scores[:, known]
        if cells.size == 0 or not np.isfinite(cells).any():
            return self.fallback
        return int(np.nanargmin(np.nanmean(cells, axis=1)))

    def honest(self, tested: Sequence[int], horizon_index: int = 0) -> float:
        """Mean score at ``tested`` jump-offs of the candidate chosen at each of them."""
        cols = [int(np.flatnonzero(self.jump_offs == b)[0]) for b in tested]
        vals = [self.scores[self.chosen(int(b)), horizon_index, c] for b, c in zip(tested, cols, strict=True)]
        return float(np.nanmean(vals))

    def honest_by_region(self, tested: Sequence[int], horizon_index: int = 0) -> FloatArray:
        """Each region's mean absolute rank error ``(N,)`` at ``tested`` jump-offs with the
        candidate the pooled rule chose at each of them (the honest score, region by region)."""
        assert self.region_errors is not None
        cols = [int(np.flatnonzero(self.jump_offs == b)[0]) for b in tested]
        rows = [
            self.region_errors[self.chosen(int(b)), horizon_index, c]
            for b, c in zip(tested, cols, strict=True)
        ]
        return np.asarray(np.nanmean(rows, axis=0), dtype=np.float64)

    def honest_by_jump_off(self, tested: Sequence[int], horizon_index: int = 0) -> FloatArray:
        """Score ``(len(tested),)`` at each tested jump-off of the candidate chosen at it (NaN
        where that jump-off has no outcome at this horizon)."""
        cols = [int(np.flatnonzero(self.jump_offs == b)[0]) for b in tested]
        return np.array(
            [self.scores[self.chosen(int(b)), horizon_index, c] for b, c in zip(tested, cols, strict=True)]
        )

    def subset(self, keep: Sequence[int]) -> RollingChoice:
        """The same choice restricted to the candidates ``keep`` (the fallback is the first kept
        one unless the own fallback is among them)."""
        idx = list(keep)
        fallback = idx.index(self.fallback) if self.fallback in idx else 0
        errors = None if self.region_errors is None else self.region_errors[idx]
        return RollingChoice(
            tuple(self.candidates[i] for i in idx), self.horizons, self.jump_offs, self.scores[idx],
            fallback, self.units, region_errors=errors,
        )  # fmt: skip

    def in_sample(self, tested: Sequence[int], horizon_index: int = 0) -> tuple[float, int]:
        """(best mean score at ``tested`` jump-offs, its candidate): the choice made on the test set."""
        cols = [int(np.flatnonzero(self.jump_offs == b)[0]) for b in tested]
        means = np.nanmean(self.scores[:, horizon_index, cols], axis=1)
        best = int(np.nanargmin(means))
        return float(means[best]), best


@dataclass(frozen=True)
class CoverageChoice(RollingChoice):
    """Band coverage of uncertainty candidates. ``inside`` ``(C, H, J, L)``: share of regions
    inside each band; a candidate's loss over known cells is the squared error of its coverage,
    pooled over jump-offs by horizon, against the nominal levels, summed over horizons and
    levels: the calibration the backtest reports, not the jump-offs' individual scatter."""

    inside: FloatArray | None = None
    levels: tuple[float, ...] = COVERAGE_LEVELS
    #: (C, H, J, L, N) whether each region's outcome fell inside each band (1.0 / 0.0; NaN = not scored)
    inside_region: FloatArray | None = None
    #: weight of the regions' own calibration in the loss (0 = pooled coverage alone)
    region_weight: float = 0.0

    def chosen(self, year: int) -> int:
        """Candidate with the best coverage over the outcomes known at ``year``: the pooled loss,
        plus ``region_weight`` times the mean over regions of each region's own loss (its
        coverage pooled over the known jump-offs, by horizon, against the nominal levels)."""
        assert self.inside is not None
        known = (self.jump_offs[None, :] + np.array(self.horizons)[:, None]) <= year  # (H, J)
        known &= np.isfinite(self.inside[0, :, :, 0])
        if not known.any():
            return self.fallback
        return int(np.argmin(self.loss(known)))

    def loss(self, known: npt.NDArray[np.bool_]) -> FloatArray:
        """Loss ``(C,)`` of every candidate over the ``known`` (horizon, jump-off) cells."""
        assert self.inside is not None
        nominal = np.array(self.levels)
        loss = np.zeros(self.inside.shape[0])
        for k in range(len(self.horizons)):
            if known[k].any():
                cov = self.inside[:, k, known[k], :].mean(axis=1)  # (C, L)
                loss += ((cov - nominal) ** 2).sum(axis=1)
                if self.region_weight and self.inside_region is not None:
                    own = self.inside_region[:, k, known[k]].mean(axis=1)  # (C, L, N)
                    loss += self.region_weight * ((own - nominal[None, :, None]) ** 2).sum(axis=1).mean(
                        axis=1
                    )
        return loss

    def region_coverage(
        self, candidate: int, tested: Sequence[int], codes: Sequence[int]
    ) -> dict[int, dict[float, float]]:
        """Coverage of one candidate at ``tested`` jump-offs pooled over the regions ``codes``
        (indices), by horizon and level."""
        assert self.inside_region is not None
        cols = np.isin(self.jump_offs, list(tested))
        return {
            h: {
                lv: float(np.nanmean(self.inside_region[candidate, k, cols, i][:, list(codes)]))
                for i, lv in enumerate(self.levels)
            }
            for k, h in enumerate(self.horizons)
        }

    def coverage(self, candidate: int, tested: Sequence[int]) -> dict[int, dict[float, float]]:
        """Pooled coverage of one candidate at ``tested`` jump-offs, by horizon and level."""
        assert self.inside is not None
        cols = np.isin(self.jump_offs, list(tested))
        return {
            h: {lv: float(np.nanmean(self.inside[candidate, k, cols, i])) for i, lv in enumerate(self.levels)}
            for k, h in enumerate(self.horizons)
        }


def windows_that_fit(scenario: Scenario) -> tuple[int, ...]:
    """The candidate window lengths (:data:`WINDOWS`) the panel holds at the base year (a window's
    first year needs a previous year): all three for the provinces, fewer for a short panel."""
    room = scenario.base_year - scenario.panel.first_year
    fit = tuple(w for w in WINDOWS if w <= room)
    return fit or (max(1, room),)


def window_candidates(
    scenario: Scenario,
    models: Sequence[DeflatorRule] = RULE_MODELS,
    leans: Sequence[float | None] = RULE_LEANS,
    cycle_weights: Sequence[float] = (1.0,),
) -> tuple[tuple[dict[str, Any], ...], int]:
    """Every (window length, half-life, deflator rule in ``models``, lean in ``leans``, price-cycle
    group's weight in ``cycle_weights``) as scenario changes, and the scenario's own index (0 when
    its settings are not among them; its cycle weight counts only when it is a candidate). Window
    lengths the panel cannot hold are left out (:func:`windows_that_fit`)."""
    b = scenario.base_year
    cands = tuple(
        {
            "others.window": [b - w + 1, b],
            "others.half_life": hl,
            "others.deflator_model": m,
            "others.deflator_half_life": dhl,
            "others.lean": le,
            "others.cycle_weight": cw,
        }
        for cw in cycle_weights
        for le in leans
        for m, dhl in models
        for w in windows_that_fit(scenario)
        for hl in HALF_LIVES
    )
    w0, w1 = scenario.others.window
    cw = scenario.others.cycle_weight
    own = {
        "others.window": [b - (w1 - w0), b],
        "others.half_life": scenario.others.half_life,
        "others.deflator_model": scenario.others.deflator_model,
        "others.deflator_half_life": (
            None if scenario.others.deflator_model == "national" else scenario.others.deflator_half_life
        ),
        "others.lean": scenario.others.lean,
        "others.cycle_weight": cw if cw in cycle_weights else cycle_weights[0],
    }
    return cands, cands.index(own) if own in cands else 0


def describe(changes: dict[str, Any]) -> dict[str, Any]:
    """A candidate's settings in words a table can show (window as a length in years)."""
    out = {}
    for key, value in changes.items():
        name = key.split(".")[-1]
        if name == "window":
            out["window_years"] = value[1] - value[0] + 1
        else:
            out[name] = value
    return out


def rank_error_choice(
    scenario: Scenario,
    jump_offs: Sequence[int],
    horizons: Sequence[int] = COVERAGE_HORIZONS,
    national: NationalMode = "trailing",
    models: Sequence[DeflatorRule] = RULE_MODELS,
    leans: Sequence[float | None] = RULE_LEANS,
) -> RollingChoice:
    """Rank MAE over all regions of every (window, half-life, deflator model in ``models``)
    candidate at every (horizon, jump-off), divided by the mean MAE of "ranks stay" at that
    horizon (so each horizon counts alike when a choice pools them); the naive MAE per horizon
    is kept in ``units``."""
    cands, own = window_candidates(scenario, models, leans)
    js = np.array(sorted(int(b) for b in jump_offs))
    errors, units = _rank_errors(scenario, cands, js, horizons, national)
    scores = errors.mean(axis=3) / np.array(units)[None, :, None]
    return RollingChoice(cands, tuple(horizons), js, scores, own, tuple(units), region_errors=errors)


def _rank_errors(
    scenario: Scenario,
    cands: Sequence[dict[str, Any]],
    js: IntArray,
    horizons: Sequence[int],
    national: NationalMode,
) -> tuple[FloatArray, tuple[float, ...]]:
    """Each region's absolute rank error ``(C, H, J, N)`` of every candidate at every (horizon,
    jump-off) (NaN = not scorable), and the mean error of "ranks stay" at each horizon."""
    errors = np.full((len(cands), len(horizons), js.size, scenario.n_regions), np.nan)
    units: list[float] = []
    for k, h in enumerate(horizons):
        usable = [int(b) for b in js if _scorable(scenario, int(b), h, national)]
        for i, ch in enumerate(cands):
            r = backtest(scenario.with_changes(ch), usable, h, national=national)
            cols = np.searchsorted(js, r.jump_off_years)
            errors[i, k, cols] = np.abs(r.predicted - r.actual)
        naive = float(np.abs(r.naive - r.actual).mean())
        units.append(naive if naive > 0 else 1.0)  # ranks that never moved: scores stay in ranks
    return errors, tuple(units)


@dataclass(frozen=True)
class GroupLeanChoice(RollingChoice):
    """The rolling-origin rule with a lean of an estimated group toward "shares stay", in two
    stages. At jump-off ``b``: the spread model (window, half-life, deflator model) is the
    candidate of ``spread`` chosen at ``b`` (all regions pooled); then the share of their spreads
    the group keeps, among :data:`CYCLE_WEIGHTS`, is the one whose rank errors *of the group's own
    regions* were lowest over the outcomes known at ``b`` (each earlier jump-off scored on the
    group as estimated then, ``groups``), the simplest (1: no lean) on a tie and when no outcome
    is known. ``candidates`` are the stage-one picks with every weight (what is scored)."""

    spread: RollingChoice | None = None  # stage one (every region keeps its spread)
    groups: npt.NDArray[np.bool_] | None = None  # (J, N) the group estimated at each jump-off
    key: str = "others.cycle_weight"
    fixed_weight: float | None = None  # a fixed weight instead of the rolling-origin one

    def chosen(self, year: int) -> int:
        """Candidate chosen at ``year``: the spread model stage one picks then, with the weight
        the group's own record picks for it (:meth:`choose_weight`)."""
        assert self.spread is not None
        return self.choose_weight(self.spread.candidates[self.spread.chosen(year)], year)

    def choose_weight(self, settings: dict[str, Any], year: int) -> int:
        """Candidate with the spread model ``settings`` and the weight chosen at ``year``."""
        rows = self._rows(settings)
        if self.fixed_weight is not None:
            return rows[self.fixed_weight]
        losses = self.group_losses(settings, year)
        best = min(losses, key=lambda w: losses[w]) if losses else None
        return rows[best] if best is not None and np.isfinite(losses[best]) else rows[CYCLE_WEIGHTS[0]]

    def group_losses(self, settings: dict[str, Any], year: int) -> dict[float, float]:
        """Each weight's mean rank error of the group's regions (relative to "ranks stay") over
        the (horizon, jump-off) cells whose outcome is known at ``year``, in candidate order."""
        assert self.region_errors is not None and self.groups is not None and self.units is not None
        known = (self.jump_offs[None, :] + np.array(self.horizons)[:, None]) <= year  # (H, J)
        known &= np.asarray(self.groups.any(axis=1), dtype=bool)[None, :]
        out = {}
        for w, i in self._rows(settings).items():
            cells = [
                float(self.region_errors[i, k, j][self.groups[j]].mean()) / self.units[k]
                for k, j in zip(*np.nonzero(known), strict=True)
            ]
            cells = [c for c in cells if np.isfinite(c)]
            out[w] = float(np.mean(cells)) if cells else np.nan
        return out

    def group_excess(self, settings: dict[str, Any], year: int, weight: float) -> tuple[float, float]:
        """(mean, standard error) across the known jump-offs of the group's loss with ``weight``
        less its loss with no lean (each jump-off averaged over its known horizons): how far the
        weight's edge stands above noise."""
        assert self.region_errors is not None and self.groups is not None and self.units is not None
        known = (self.jump_offs[None, :] + np.array(self.horizons)[:, None]) <= year
        known &= np.asarray(self.groups.any(axis=1), dtype=bool)[None, :]
        rows = self._rows(settings)
        diff = np.full(known.shape, np.nan)
        for k, j in zip(*np.nonzero(known), strict=True):
            g = self.groups[j]
            a = self.region_errors[rows[weight], k, j][g].mean()
            b = self.region_errors[rows[CYCLE_WEIGHTS[0]], k, j][g].mean()
            diff[k, j] = (a - b) / self.units[k]
        per_jump = [
            float(np.nanmean(diff[:, j])) for j in range(diff.shape[1]) if np.isfinite(diff[:, j]).any()
        ]
        if len(per_jump) < 2:
            return float(np.mean(per_jump)) if per_jump else np.nan, np.nan
        return float(np.mean(per_jump)), float(np.std(per_jump, ddof=1) / np.sqrt(len(per_jump)))

    def _rows(self, settings: dict[str, Any]) -> dict[float, int]:
        """Candidate index of each weight with the spread model ``settings``."""
        same = {k: v for k, v in settings.items() if k != self.key}
        return {
            c[self.key]: i
            for i, c in enumerate(self.candidates)
            if all(c.get(k) == v for k, v in same.items())
        }


def group_lean_choice(
    scenario: Scenario,
    jump_offs: Sequence[int],
    horizons: Sequence[int] = COVERAGE_HORIZONS,
    national: NationalMode = "trailing",
    models: Sequence[DeflatorRule] = RULE_MODELS,
    weights: Sequence[float] = CYCLE_WEIGHTS,
    years: Sequence[int] | None = None,
) -> GroupLeanChoice:
    """The honest rule of :class:`GroupLeanChoice`: stage one as :func:`rank_error_choice` (every
    region keeps its spread), stage two the share kept by the price-cycle group estimated at each
    jump-off from the data up to it (:func:`sim.model.prices.factor_group`), among ``weights``.
    Only the spread models stage one picks in ``years`` (default: every year from the first
    jump-off to the last outcome, and the scenario's own model) are scored with every weight, so
    the choice holds in those years only. The national others model has no spread to lean: one
    weight, 1."""
    from sim.model.prices import factor_group

    weights = tuple(weights) if scenario.others.model != "national" else (1.0,)
    plain = scenario.with_changes({"others.cycle_weight": 1.0})
    spread = rank_error_choice(plain, jump_offs, horizons, national, models)
    js = spread.jump_offs
    if years is None:
        last = int(js.max()) + max(horizons)
        picks = sorted({spread.chosen(y) for y in range(int(js.min()), last + 1)} | {spread.fallback})
    else:
        picks = sorted({spread.chosen(int(y)) for y in years})
    cands: list[dict[str, Any]] = []
    errors = []
    assert spread.region_errors is not None and spread.units is not None
    for i in picks:
        extra = [{**spread.candidates[i], "others.cycle_weight": w} for w in weights[1:]]
        more, _ = _rank_errors(scenario, extra, js, horizons, national) if extra else (None, None)
        cands += [spread.candidates[i], *extra]
        errors += [spread.region_errors[i], *([] if more is None else list(more))]
    err = np.array(errors)
    groups = np.zeros((js.size, scenario.n_regions), dtype=bool)
    for j, b in enumerate(js):
        groups[j, list(factor_group(scenario.panel, int(b)))] = True
    scores = err.mean(axis=3) / np.array(spread.units)[None, :, None]
    return GroupLeanChoice(
        tuple(cands), spread.horizons, js, scores, 0, spread.units, region_errors=err,
        spread=spread, groups=groups,
    )  # fmt: skip


def _scorable(scenario: Scenario, b: int, h: int, national: NationalMode) -> bool:
    """A jump-off the backtest can score: data around it, and (realised national path) a
    defined national path over its horizon."""
    panel = scenario.panel
    if not (panel.first_year + 2 <= b and b + h <= panel.last_year):
        return False
    if national == "actual":
        nat = panel.national
        sel = (nat.years > b) & (nat.years <= b + h)
        return bool(np.isfinite(nat.log_real[sel]).all() and np.isfinite(nat.log_deflator[sel]).all())
    return True


#: Jump-offs whose outcomes the rolling-origin choice may learn from (from the third data year).
CALIBRATION_FIRST = 2002


def model_oos(result: BacktestResult) -> dict[str, Any]:
    """The backtest's rank MAE when the window, half-life, deflator model and the price-cycle
    group's weight are chosen out of sample.

    At each tested jump-off b, the spread model best on the outcomes known at b (horizons 1, 3, 5,
    10 and the tested one pooled, jump-offs from 2002), with the weight of the price-cycle group
    best on that group's own errors then (:class:`GroupLeanChoice`), is used; "in-sample" is the
    candidate best on the tested jump-offs themselves. The scenario's own settings are the
    defaults the same rule chose with everything known (README "Honest uncertainty")."""
    sc = result.scenario
    first = max(CALIBRATION_FIRST, sc.panel.first_year + 2)
    years = range(first, sc.panel.last_year)
    wanted = tuple(sorted({*COVERAGE_HORIZONS, result.horizon}))
    # a short panel (a city's ten years) cannot score 10-year horizons: they are left out
    horizons = tuple(
        h for h in wanted if h == result.horizon or any(_scorable(sc, b, h, result.national) for b in years)
    )
    k = horizons.index(result.horizon)
    tested = [int(b) for b in result.jump_off_years]
    ch = group_lean_choice(sc, years, horizons, result.national, years=tested)
    assert ch.units is not None and ch.spread is not None
    best, i = ch.in_sample(tested, k)  # the best of every spread model (no lean) and the leaned picks
    best_plain, i_plain = ch.spread.in_sample(tested, k)
    in_sample = ch.candidates[i] if best <= best_plain else ch.spread.candidates[i_plain]
    best = min(best, best_plain)
    by_region = ch.honest_by_region(tested, k)
    return {
        "data": "final",  # scored on today's data, whatever the backtest's vintage
        "rank_mae": round(ch.honest(tested, k) * ch.units[k], 4),
        "by_region": dict(zip(sc.panel.regions.codes, (round(float(v), 4) for v in by_region), strict=True)),
        "in_sample_rank_mae": round(best * ch.units[k], 4),
        "in_sample_choice": describe(in_sample),
        "scenario_rank_mae": result.model.to_dict()["rank_mae"],
        "naive_rank_mae": result.naive_metrics.to_dict()["rank_mae"],
        "choices": {str(b): describe(ch.candidates[ch.chosen(b)]) for b in tested},
        "horizons": list(horizons),
        "horizons_dropped": [h for h in wanted if h not in horizons],
        "candidates": {
            "deflator_rules": [{"deflator_model": m, "deflator_half_life": h} for m, h in RULE_MODELS],
            "window_years": list(windows_that_fit(sc)),
            "half_life": list(HALF_LIVES),
            "deflator_model": sorted({m for m, _ in RULE_MODELS}),
            "deflator_half_life": sorted({h for _, h in RULE_MODELS if h is not None}),
            "lean": list(RULE_LEANS),
            "cycle_weight": list(CYCLE_WEIGHTS) if sc.others.model != "national" else [1.0],
        },
    }


@dataclass(frozen=True)
class DeflatorComparison:
    """Honest scores of the rolling-origin rule restricted to each deflator model (window and
    half-life still chosen by it), relative to "ranks stay": ``scores`` ``(M, H)`` pooled over
    the tested jump-offs; ``gap`` ``(M,)`` each model's mean excess over the best model per
    tested jump-off (averaged over the horizons that jump-off has) and ``gap_se`` its standard
    error across jump-offs; ``default`` the simplest model within :data:`NOISE_SE` of the best."""

    models: tuple[str, ...]  # the rules' names (rule_name)
    horizons: tuple[int, ...]
    scores: FloatArray
    gap: FloatArray
    gap_se: FloatArray
    best: str
    default: str
    rules: tuple[DeflatorRule, ...] = ()


def deflator_comparison(choice: RollingChoice, tested: Sequence[int]) -> DeflatorComparison:
    """Which deflator rule, judged out of sample: for each rule in :data:`DEFLATOR_MODELS`
    (simplest first), the rolling-origin rule among its windows and half-lives, scored at the
    ``tested`` jump-offs; the best by the mean score over horizons, and the simplest model that
    is within noise of it (its per-jump-off excess less than ``NOISE_SE`` standard errors)."""
    rules = tuple(r for r in DEFLATOR_MODELS if any(rule_of(c) == r for c in choice.candidates))
    models = tuple(rule_name(r) for r in rules)
    per_jump = []  # (M, H, len(tested))
    for r in rules:
        sub = choice.subset([i for i, c in enumerate(choice.candidates) if rule_of(c) == r])
        per_jump.append([sub.honest_by_jump_off(tested, k) for k in range(len(choice.horizons))])
    vals = np.array(per_jump)
    scores = np.nanmean(vals, axis=2)
    best = int(np.argmin(scores.mean(axis=1)))
    excess = np.nanmean(vals - vals[best][None], axis=1)  # (M, len(tested)): over the horizons
    n = np.isfinite(excess).sum(axis=1)
    gap = np.nanmean(excess, axis=1)
    se = np.nanstd(excess, axis=1, ddof=1) / np.sqrt(n)
    within = [i for i in range(len(models)) if i == best or gap[i] < NOISE_SE * se[i]]
    return DeflatorComparison(
        models, choice.horizons, scores, gap, se, models[best], models[min(within)], rules=rules
    )


def uncertainty_candidates() -> tuple[dict[str, Any], ...]:
    """Every (block, scale, parameter scale, parameter half-life) as scenario changes
    (stationary blocks)."""
    untuned = {  # version 0.2's bootstrap: the fallback before any outcome is known
        "uncertainty.blocks": "fixed",
        "uncertainty.block": 1,
        "uncertainty.scale": 1.0,
        "uncertainty.parameters": False,
        "uncertainty.parameter_scale": 1.0,
        "uncertainty.parameter_half_life": PARAMETER_HALF_LIVES[0],
    }
    return (untuned,) + tuple(
        {
            "uncertainty.blocks": "stationary",
            "uncertainty.block": b,
            "uncertainty.scale": s,
            "uncertainty.parameters": m > 0,
            "uncertainty.parameter_scale": m if m > 0 else 1.0,
            "uncertainty.parameter_half_life": hl,
        }
        for b in BLOCKS
        for s in SCALES
        for m in PARAMETER_MULTIPLIERS
        for hl in (PARAMETER_HALF_LIVES if m > 0 else PARAMETER_HALF_LIVES[:1])
    )


def coverage_choice(
    scenario: Scenario,
    jump_offs: Sequence[int],
    paths: int,
    seed: int,
    horizons: Sequence[int] = COVERAGE_HORIZONS,
    candidates: Sequence[dict[str, Any]] | None = None,
    progress: Callable[[int], None] | None = None,
    region_weight: float = 0.0,
) -> CoverageChoice:
    """Coverage of the nominal-level bands (shares of the total) of every uncertainty candidate
    at every (horizon, jump-off); the same seed for every candidate (common random numbers).
    ``region_weight``: how much each region's own coverage counts in the choice."""
    cands = tuple(candidates) if candidates is not None else uncertainty_candidates()
    js = np.array(sorted(jump_offs))
    inside = np.full((len(cands), len(horizons), js.size, len(COVERAGE_LEVELS)), np.nan)
    by_region = np.full((*inside.shape, scenario.n_regions), np.nan)
    for i, ch in enumerate(cands):
        sc = scenario.with_changes(ch)
        for k, h in enumerate(horizons):
            use = [int(b) for b in js if b + h <= scenario.panel.last_year]
            r = backtest(sc, use, h, paths=paths, seed=seed)
            assert r.hits is not None
            cols = np.searchsorted(js, r.jump_off_years)
            for m, lv in enumerate(COVERAGE_LEVELS):
                inside[i, k, cols, m] = r.hits[("level", lv)].mean(axis=1)
                by_region[i, k, cols, m] = r.hits[("level", lv)]
        if progress is not None:
            progress(1)
    scores = ((inside - np.array(COVERAGE_LEVELS)) ** 2).mean(axis=3)
    return CoverageChoice(
        cands,
        tuple(horizons),
        js,
        scores,
        0,
        inside=inside,
        inside_region=by_region,
        region_weight=region_weight,
    )


def honest_coverage(choice: CoverageChoice, tested: Sequence[int]) -> dict[int, dict[float, float]]:
    """Coverage by horizon at ``tested`` jump-offs, each with the candidate chosen at that
    jump-off from the outcomes known then (pooled over the tested jump-offs)."""
    assert choice.inside is not None
    out: dict[int, dict[float, float]] = {}
    picks = {int(b): choice.chosen(int(b)) for b in tested}
    for k, h in enumerate(choice.horizons):
        out[h] = {}
        for m, lv in enumerate(choice.levels):
            vals = [
                choice.inside[picks[int(b)], k, int(np.flatnonzero(choice.jump_offs == b)[0]), m]
                for b in tested
            ]
            out[h][lv] = float(np.nanmean(vals))
    return out


# --------------------------------------------------------------------------- band scales of another panel
#: Candidate band scales for a panel other than the bundled one (cities, counties): the yearly
#: shock scale, the spreads' sampling-error multiplier and its half-life. Of the provincial
#: defaults (0.7, 2.5, 8: chosen on the provinces with 3-year windows) only the scale 0.7 is among
#: them: a panel's own short record chooses the rest (docs/guide, Panels).
PANEL_SCALES = (0.35, 0.7)
PANEL_PARAMETER_SCALES = (1.0, 1.5, 2.0, 3.0)
PANEL_PARAMETER_HALF_LIVES = (2.0, 4.0, 6.0)
#: Horizons whose level coverage the band scales of another panel are chosen on.
BAND_HORIZONS = (1, 3, 5)
#: Monte Carlo paths per jump-off when band scales are estimated (at most).
BAND_PATHS = 1000
BAND_KEYS = ("scale", "parameter_scale", "parameter_half_life")


@dataclass(frozen=True)
class BandScales:
    """Band scales estimated from a panel's own outcomes: the scenario changes, and the pooled
    coverage of the nominal-level bands they give, by horizon and level (in sample)."""

    changes: dict[str, float]  # uncertainty.scale, .parameter_scale, .parameter_half_life
    coverage: dict[int, dict[float, float]]
    jump_offs: tuple[int, ...]
    candidates: int

    def to_dict(self) -> dict[str, Any]:
        """The ``band_scales`` entry of ``ranksim backtest --json``."""
        return {
            "estimated_from": "this panel's own outcomes (in sample)",
            "uncertainty": {k.split(".")[-1]: v for k, v in self.changes.items()},
            "jump_offs": list(self.jump_offs),
            "candidates": self.candidates,
            "coverage_level_by_horizon": {
                str(h): {str(lv): round(c, 4) for lv, c in cov.items()} for h, cov in self.coverage.items()
            },
        }


def needs_band_scales(scenario: Scenario) -> bool:
    """Whether the band scales should be estimated from the scenario's panel: a panel other than
    the bundled one (its defaults were chosen on the provinces), a bootstrap, and none of
    :data:`BAND_KEYS` set in the scenario file."""
    spec = scenario._data.get("uncertainty") or {}
    unset = all(spec.get(k) is None for k in BAND_KEYS)
    return not scenario.panel.is_bundled_or_vintage and scenario.uncertainty.method == "bootstrap" and unset


def band_scales(
    scenario: Scenario, paths: int, seed: int, progress: Callable[[int], None] | None = None
) -> BandScales | None:
    """The band scales that cover the panel's own outcomes best: every candidate of
    (:data:`PANEL_SCALES` x :data:`PANEL_PARAMETER_SCALES` x :data:`PANEL_PARAMETER_HALF_LIVES`)
    backtested at horizons :data:`BAND_HORIZONS` (those the data allow) from every jump-off the
    data allow, common random numbers; the one whose pooled 50 % and 80 % level coverage is
    closest to 50 % and 80 % (the rule that chose the bundled defaults, with everything known).
    None when the data allow no horizon."""
    panel = scenario.panel
    years = [b for b in range(panel.first_year + 2, panel.last_year)]
    horizons = tuple(h for h in BAND_HORIZONS if any(b + h <= panel.last_year for b in years))
    if not horizons:
        return None
    cands = tuple(
        {"uncertainty.scale": s, "uncertainty.parameter_scale": m, "uncertainty.parameter_half_life": hl}
        for s in PANEL_SCALES
        for m in PANEL_PARAMETER_SCALES
        for hl in PANEL_PARAMETER_HALF_LIVES
    )
    js = [b for b in years if b + min(horizons) <= panel.last_year]
    choice = coverage_choice(scenario, js, min(paths, BAND_PATHS), seed, horizons, cands, progress)
    best = choice.chosen(panel.last_year + max(horizons))
    cov = choice.coverage(best, js)
    return BandScales(dict(cands[best]), cov, tuple(js), len(cands))
