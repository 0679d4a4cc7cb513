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
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim._typing import FloatArray, IntArray
from sim.analyses.backtest import COVERAGE_LEVELS, BacktestResult, NationalMode, backtest
from sim.model.scenario import Scenario

#: Candidate estimation windows (years) and half-lives (years; None = no decay) for the spreads,
#: and deflator models (the two that carry spreads; the price model's successor to the half-life).
WINDOWS = (3, 5, 8)
HALF_LIVES: tuple[float | None, ...] = (2.0, 3.0, 5.0, None)
DEFLATOR_MODELS = ("resource_neutral", "mean_spread")
#: Candidate uncertainty settings: (stationary block mean, shock scale, parameter multiplier).
BLOCKS = (1, 2)
SCALES = (0.5, 0.6, 0.7)
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

    def chosen(self, year: int) -> int:
        """Candidate with the best pooled coverage over the outcomes known at ``year``."""
        assert self.inside is not None
        known = (self.jump_offs[None, :] + np.array(self.horizons)[:, None]) <= year  # (H, J)
        known &= np.isfinite(self.inside[0, :, :, 0])
        if not known.any():
            return self.fallback
        loss = np.zeros(self.inside.shape[0])
        for k in range(len(self.horizons)):
            if known[k].any():
                cov = self.inside[:, k, known[k], :].mean(axis=1)  # (C, L)
                loss += ((cov - np.array(self.levels)) ** 2).sum(axis=1)
        return int(np.argmin(loss))

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


def window_candidates(scenario: Scenario) -> tuple[tuple[dict[str, Any], ...], int]:
    """Every (window length, half-life, deflator model) as scenario changes, and the scenario's
    own index (0 when its settings are not among them). Window lengths the panel cannot hold
    are left out (:func:`windows_that_fit`)."""
    b = scenario.base_year
    cands = tuple(
        {"others.window": [b - w + 1, b], "others.half_life": hl, "others.deflator_model": m}
        for m in DEFLATOR_MODELS
        for w in windows_that_fit(scenario)
        for hl in HALF_LIVES
    )
    w0, w1 = scenario.others.window
    own = {
        "others.window": [b - (w1 - w0), b],
        "others.half_life": scenario.others.half_life,
        "others.deflator_model": scenario.others.deflator_model,
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
) -> RollingChoice:
    """Rank MAE over all regions of every (window, half-life) candidate at every (horizon,
    jump-off), divided by the mean MAE of "ranks stay" at that horizon (so each horizon counts
    alike when a choice pools them). ``naive`` (C-independent) is kept in ``scores``' units."""
    cands, own = window_candidates(scenario)
    js = np.array(sorted(int(b) for b in jump_offs))
    scores = np.full((len(cands), len(horizons), js.size), np.nan)
    units: list[float] = []
    for k, h in enumerate(horizons):
        usable = [int(b) for b in js if _scorable(scenario, int(b), h, national)]
        for i, ch in enumerate(cands):
            r = backtest(scenario.with_changes(ch), usable, h, national=national)
            cols = np.searchsorted(js, r.jump_off_years)
            scores[i, k, cols] = np.abs(r.predicted - r.actual).mean(axis=1)
        naive = float(np.abs(r.naive - r.actual).mean())
        unit = naive if naive > 0 else 1.0  # ranks that never moved: scores stay in ranks
        scores[:, k] /= unit
        units.append(unit)
    return RollingChoice(cands, tuple(horizons), js, scores, own, tuple(units))


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
    """The backtest's rank MAE when the window, half-life and deflator model are chosen out of sample.

    At each tested jump-off b, the candidate best on the outcomes known at b
    (horizons 1, 3, 5, 10 and the tested one pooled, jump-offs from 2002) is used; "in-sample"
    is the candidate best on the tested jump-offs themselves. The scenario's own settings are
    the defaults the same rule chose with everything known (README "Honest uncertainty")."""
    sc = result.scenario
    first = max(CALIBRATION_FIRST, sc.panel.first_year + 2)
    years = range(first, sc.panel.last_year)
    wanted = tuple(sorted({*COVERAGE_HORIZONS, result.horizon}))
    # a short panel (a city's ten years) cannot score 10-year horizons: they are left out
    horizons = tuple(
        h for h in wanted if h == result.horizon or any(_scorable(sc, b, h, result.national) for b in years)
    )
    k = horizons.index(result.horizon)
    ch = rank_error_choice(sc, years, horizons, result.national)
    tested = [int(b) for b in result.jump_off_years]
    assert ch.units is not None
    best, i = ch.in_sample(tested, k)
    return {
        "data": "final",  # scored on today's data, whatever the backtest's vintage
        "rank_mae": round(ch.honest(tested, k) * ch.units[k], 4),
        "in_sample_rank_mae": round(best * ch.units[k], 4),
        "in_sample_choice": describe(ch.candidates[i]),
        "scenario_rank_mae": result.model.to_dict()["rank_mae"],
        "naive_rank_mae": result.naive_metrics.to_dict()["rank_mae"],
        "choices": {str(b): describe(ch.candidates[ch.chosen(b)]) for b in tested},
        "horizons": list(horizons),
        "horizons_dropped": [h for h in wanted if h not in horizons],
        "candidates": {
            "window_years": list(windows_that_fit(sc)),
            "half_life": list(HALF_LIVES),
            "deflator_model": list(DEFLATOR_MODELS),
        },
    }


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
) -> CoverageChoice:
    """Coverage of the nominal-level bands (shares of the total) of every uncertainty candidate
    at every (horizon, jump-off); the same seed for every candidate (common random numbers)."""
    cands = tuple(candidates) if candidates is not None else uncertainty_candidates()
    js = np.array(sorted(jump_offs))
    inside = np.full((len(cands), len(horizons), js.size, len(COVERAGE_LEVELS)), np.nan)
    for i, ch in enumerate(cands):
        sc = scenario.with_changes(ch)
        for k, h in enumerate(horizons):
            use = [int(b) for b in js if b + h <= scenario.panel.last_year]
            r = backtest(sc, use, h, paths=paths, seed=seed)
            assert r.hits is not None
            cols = np.searchsorted(js, r.jump_off_years)
            for m, lv in enumerate(COVERAGE_LEVELS):
                inside[i, k, cols, m] = r.hits[("level", lv)].mean(axis=1)
        if progress is not None:
            progress(1)
    scores = ((inside - np.array(COVERAGE_LEVELS)) ** 2).mean(axis=3)
    return CoverageChoice(cands, tuple(horizons), js, scores, 0, None, inside)


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
#: shock scale, the spreads' sampling-error multiplier and its half-life. The bundled defaults
#: (0.7, 3.0, 6.0: chosen on the provinces) are among them.
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
    return not scenario.panel.is_bundled and scenario.uncertainty.method == "bootstrap" and unset


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
