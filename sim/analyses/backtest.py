"""Backtests: would the method have been right before, and does it beat "ranks stay put"?

For every jump-off year b, the scenario is re-based on the panel as known at b (later years
dropped, estimation windows ending at b, national growth = trailing 5-year means known at b,
or the realised national path with ``national="actual"``). Its province-specific paths are
dropped: a backtest judges the growth model for all regions, not a plan for one. Every
region's projected rank in b + horizon is compared with the actual rank, and with the naive
forecast that every rank stays as in b.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from sim import names
from sim._typing import BoolArray, FloatArray, IntArray
from sim.engine.projection import project
from sim.errors import InputError
from sim.inputs.panel import DEFAULT_WINDOW_YEARS, Panel
from sim.messages import msg
from sim.model.population import measure_levels
from sim.model.prices import RESOURCE_CODES
from sim.model.scenario import Scenario
from sim.provenance import Provenance, random_source
from sim.ranks import rank_levels
from sim.results import ResultView
from sim.units import log_to_pct

NationalMode = Literal["trailing", "actual"]
#: Data the projections start from: today's revised panel, or each jump-off's panel as published.
VintageMode = Literal["final", "as-published"]
VINTAGE_MODES: tuple[VintageMode, ...] = ("final", "as-published")
COVERAGE_LEVELS = (0.5, 0.8)


@dataclass(frozen=True)
class Metrics:
    """Rank accuracy over all regions and jump-offs, and for the target alone."""

    rank_mae: float
    spearman: float
    exact_share: float
    target_rank_mae: float

    def to_dict(self) -> dict[str, float]:
        """Every metric by field name, rounded to 4 decimals."""
        return {k: round(float(v), 4) for k, v in self.__dict__.items()}


@dataclass(frozen=True, eq=False, repr=False)
class BacktestResult(ResultView):
    """Predicted, naive and actual ranks ``(jump-offs, N)`` and their metrics."""

    scenario: Scenario
    horizon: int
    national: NationalMode
    jump_off_years: IntArray
    predicted: IntArray
    naive: IntArray
    actual: IntArray
    coverage: dict[float, float] | None = None
    paths: int | None = None
    seed: int | str | None = None  # coverage draws: the seed, or "generator supplied"
    predicted_share: FloatArray | None = None  # (J, N) share of the regions' total nominal GDP
    actual_share: FloatArray | None = None
    naive_share: FloatArray | None = None  # the share at the jump-off ("shares stay")
    coverage_level: dict[float, float] | None = None  # the same intervals on shares of nominal GDP
    hits: dict[tuple[str, float], BoolArray] | None = None  # ("rank"|"level", level) -> (J, N) inside?
    pit: FloatArray | None = None  # (J, N) share of paths below the actual share of nominal GDP
    vintage: VintageMode = "final"
    vintages_used: tuple[str, ...] = ()  # per jump-off, the vintage projected from
    naive_final: IntArray | None = None  # as-published: "ranks stay" on today's data, for comparison
    coverage_by_horizon: dict[int, dict[float, float]] | None = None  # level coverage at horizons 1..10
    #: per horizon and level, each region's level coverage over the jump-offs ``(N,)``
    coverage_by_region: dict[int, dict[float, FloatArray]] | None = None

    def headline(self) -> str:
        """Horizon, jump-offs and the rank error against "ranks stay"."""
        years = self.jump_off_years
        return (
            f"horizon {self.horizon}, jump-offs {int(years[0])}-{int(years[-1])}: rank MAE "
            f"{self.model.rank_mae:.3f} (naive {self.naive_metrics.rank_mae:.3f})"
        )

    def metrics(self, ranks: IntArray) -> Metrics:
        """Accuracy of ``ranks`` ``(jump-offs, N)`` against the actual ranks; Spearman averaged."""
        from scipy.stats import spearmanr  # here: scipy.stats takes 0.7 s to import

        err = np.abs(ranks - self.actual)
        rho = [spearmanr(r, a).statistic for r, a in zip(ranks, self.actual, strict=True)]
        t = self.scenario.target
        return Metrics(
            float(err.mean()), float(np.mean(rho)), float((err == 0).mean()), float(err[:, t].mean())
        )

    def share_error(self, which: str = "model", codes: tuple[str, ...] | None = None) -> float:
        """Mean absolute error of the regions' shares of total nominal GDP at the horizon, in
        percent of the share (``|ln(predicted / actual)|`` x 100): the nominal level, with the
        national path's own error taken out. ``which``: "model" or "naive" (shares stay);
        ``codes``: only these regions."""
        assert self.predicted_share is not None and self.actual_share is not None
        pred = self.predicted_share if which == "model" else self.naive_share
        assert pred is not None
        err = np.abs(np.log(pred / self.actual_share)) * 100
        if codes is not None:
            all_codes = self.scenario.panel.regions.codes
            err = err[:, [all_codes.index(c) for c in codes if c in all_codes]]
        return float(err.mean())

    @property
    def model(self) -> Metrics:
        """Metrics of the model's predicted ranks."""
        return self.metrics(self.predicted)

    @property
    def naive_metrics(self) -> Metrics:
        """Metrics of the naive forecast (every rank stays as in the jump-off year)."""
        return self.metrics(self.naive)

    def pit_histogram(self, bins: int = 10) -> FloatArray:
        """Share of (jump-off, region) cases whose actual share of nominal GDP fell in each tenth
        of its Monte Carlo distribution (probability integral transform); flat = calibrated."""
        assert self.pit is not None
        counts, _ = np.histogram(self.pit.reshape(-1), bins=bins, range=(0.0, 1.0))
        return np.round(counts / counts.sum(), 4)

    def with_coverage_by_horizon(self, horizons: Sequence[int] = tuple(range(1, 11))) -> BacktestResult:
        """This result plus the level coverage at every horizon in ``horizons`` (same jump-offs
        where they have the data, same paths and seed): what the report's coverage chart shows."""
        import dataclasses

        if self.paths is None:
            raise InputError(msg("backtest.coverage_by_horizon_needs_paths"), field="paths")
        seed = self.seed if isinstance(self.seed, int) else 0
        out: dict[int, dict[float, float]] = {}
        by_region: dict[int, dict[float, FloatArray]] = {}
        for h in horizons:
            use = [int(b) for b in self.jump_off_years if b + h <= self.scenario.panel.last_year]
            if not use:
                continue
            r = backtest(
                self.scenario,
                use,
                h,
                national=self.national,
                paths=self.paths,
                seed=seed,
                vintage=self.vintage,
            )
            assert r.coverage_level is not None
            out[int(h)] = r.coverage_level
            by_region[int(h)] = r.region_coverage()
        return dataclasses.replace(self, coverage_by_horizon=out, coverage_by_region=by_region)

    def region_coverage(self) -> dict[float, FloatArray]:
        """Each region's level coverage at this backtest's horizon: per band level, the share of
        jump-offs ``(N,)`` whose actual share of total nominal GDP fell inside the band."""
        if self.hits is None:
            raise InputError(msg("backtest.coverage_by_region_needs_paths"), field="paths")
        return {lv: self.hits[("level", lv)].mean(axis=0) for lv in COVERAGE_LEVELS}

    def coverage_level_by_region(self) -> dict[str, dict[str, dict[str, float]]] | None:
        """``{code: {horizon: {"0.5": share, "0.8": share}}}``: each region's level coverage at
        every horizon of :meth:`with_coverage_by_horizon` (else at this backtest's horizon), shaped
        like the pooled ``coverage_level_by_horizon``; None without Monte Carlo paths."""
        if self.hits is None:
            return None
        table = self.coverage_by_region or {self.horizon: self.region_coverage()}
        return {
            code: {
                str(h): {str(lv): round(float(share[i]), 4) for lv, share in by_level.items()}
                for h, by_level in sorted(table.items())
            }
            for i, code in enumerate(self.scenario.panel.regions.codes)
        }

    def rank_mae_by_region(
        self, model_oos: Mapping[str, float] | None = None
    ) -> dict[str, dict[str, float | None]]:
        """``{code: {"model": mae, "model_oos": mae, "naive": mae}}`` at this backtest's horizon:
        each region's mean absolute rank error of the scenario's model, of the model with its
        settings chosen by rolling origin (``model_oos`` by code: the ``by_region`` of
        :func:`sim.analyses.calibration.model_oos`; None when not given) and of "ranks stay"."""
        model = np.abs(self.predicted - self.actual).mean(axis=0)
        naive = np.abs(self.naive - self.actual).mean(axis=0)
        return {
            code: {
                "model": round(float(model[i]), 4),
                "model_oos": None if model_oos is None else round(float(model_oos[code]), 4),
                "naive": round(float(naive[i]), 4),
            }
            for i, code in enumerate(self.scenario.panel.regions.codes)
        }

    def revisions(self) -> dict[str, Any] | None:
        """As-published only: how much of the error revisions alone cause. "Ranks stay" scored on
        the data as published at each jump-off against the same forecast on today's data; the
        share of the former's rank MAE that the latter does not have."""
        if self.naive_final is None:
            return None
        old = float(np.abs(self.naive - self.actual).mean())
        new = float(np.abs(self.naive_final - self.actual).mean())
        moved = float(np.abs(self.naive - self.naive_final).mean())
        return {
            "vintages": dict(
                zip((str(int(y)) for y in self.jump_off_years), self.vintages_used, strict=True)
            ),
            "naive_as_published_rank_mae": round(old, 4),
            "naive_final_rank_mae": round(new, 4),
            "jump_off_rank_restatement_mae": round(moved, 4),
            "revision_share": round((old - new) / old, 4) if old > 0 else 0.0,
        }

    def by_jump_off(self) -> list[dict[str, Any]]:
        """Rank MAE over all regions of the model and of the naive forecast, one dict per jump-off year."""
        model = np.abs(self.predicted - self.actual).mean(axis=1)
        naive = np.abs(self.naive - self.actual).mean(axis=1)
        return [
            {"year": int(y), "model_rank_mae": round(float(m), 4), "naive_rank_mae": round(float(n), 4)}
            for y, m, n in zip(self.jump_off_years, model, naive, strict=True)
        ]

    def to_frame(self) -> pd.DataFrame:
        """Long table, one row per jump-off year and region: jump_off_year, year (the outcome
        year), region identity, and the predicted, naive ("ranks stay") and actual ranks."""
        j, n = self.predicted.shape
        r = self.scenario.panel.regions
        return pd.DataFrame(
            {
                names.JUMP_OFF: np.repeat(self.jump_off_years, n),
                names.YEAR: np.repeat(self.jump_off_years + self.horizon, n),
                names.CODE: np.tile(np.array(r.codes, dtype=object), j),
                names.EN: np.tile(np.array(r.en, dtype=object), j),
                names.ZH: np.tile(np.array(r.zh, dtype=object), j),
                names.PREDICTED_RANK: self.predicted.reshape(-1),
                names.NAIVE_RANK: self.naive.reshape(-1),
                names.ACTUAL_RANK: self.actual.reshape(-1),
            },
            columns=list(names.BACKTEST_COLUMNS),
        )

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): scenario ``<name>|jump-off <year>``,
        every region's predicted, naive and actual rank in the outcome year."""
        from sim.longformat import outcome_long, stack

        frame = self.to_frame()
        label = [f"{self.scenario.name}|jump-off {int(y)}" for y in frame[names.JUMP_OFF]]
        return stack([
            outcome_long(col, scenario=label, region=frame[names.EN].to_numpy(),
                         year=frame[names.YEAR].to_numpy(), value=frame[col].to_numpy(dtype=float))
            for col in (names.PREDICTED_RANK, names.NAIVE_RANK, names.ACTUAL_RANK)
        ])  # fmt: skip

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim backtest --json`` document: metrics, coverage, errors by jump-off, provenance."""
        prov = provenance or self.scenario.provenance(seed=self.seed)
        return {
            "scenario": self.scenario.name,
            "horizon": self.horizon,
            "jump_off_years": [int(y) for y in self.jump_off_years],
            "national": self.national,
            "model": self.model.to_dict(),
            "naive": self.naive_metrics.to_dict(),
            "coverage": None
            if self.coverage is None
            else {str(k): round(v, 4) for k, v in self.coverage.items()},
            "coverage_level": None
            if self.coverage_level is None
            else {str(k): round(v, 4) for k, v in self.coverage_level.items()},
            "coverage_level_by_horizon": None
            if self.coverage_by_horizon is None
            else {
                str(h): {str(k): round(v, 4) for k, v in c.items()}
                for h, c in self.coverage_by_horizon.items()
            },
            "coverage_level_by_region": self.coverage_level_by_region(),
            "rank_mae_by_region": self.rank_mae_by_region(),
            "pit_histogram": None if self.pit is None else self.pit_histogram().tolist(),
            "share_error_pct": {
                "model": round(self.share_error("model"), 4),
                "naive": round(self.share_error("naive"), 4),
            }
            | (  # the coal and energy provinces, where the panel has them
                {
                    "model_resource": round(self.share_error("model", RESOURCE_CODES), 4),
                    "naive_resource": round(self.share_error("naive", RESOURCE_CODES), 4),
                }
                if set(RESOURCE_CODES) & set(self.scenario.panel.regions.codes)
                else {}
            ),
            "by_jump_off": self.by_jump_off(),
            "vintage": self.vintage,
            "revisions": self.revisions(),
            "paths": self.paths,
            "provenance": prov.to_dict(),
        }


def _national_path(panel: Panel, years: range) -> tuple[dict[int, float], dict[int, float]]:
    nat = panel.national
    idx = [int(y) - int(nat.years[0]) for y in years]
    real = {int(y): float(log_to_pct(nat.log_real[i])) for y, i in zip(years, idx, strict=True)}
    defl = {int(y): float(log_to_pct(nat.log_deflator[i])) for y, i in zip(years, idx, strict=True)}
    return real, defl


def rebase(
    scenario: Scenario,
    base: int,
    horizon: int,
    national: NationalMode = "trailing",
    known: Panel | None = None,
) -> Scenario:
    """The scenario as it could have been run at ``base``: data up to ``base`` only.

    Estimation windows end at ``base`` (a window the scenario set keeps its length), national
    growth is the trailing mean known at ``base`` (or the realised path), province paths, the
    commodity path (average conditions) and the analysis sections are dropped. ``known``: the
    data as published then (a vintage panel; default the scenario's own)."""
    full = scenario.panel
    panel = (known or full).truncated(base)
    window = panel.default_window(base, years=scenario.others.window_length or DEFAULT_WINDOW_YEARS)
    if national == "actual":
        real, defl = _national_path(full, range(base + 1, base + horizon + 1))
        nat: dict[str, Any] = {"real_growth": real, "deflator": defl}
    else:
        nat = {"real_growth": "trailing", "deflator": "trailing"}
    changes = {
        "base_year": base,
        "horizon": base + horizon,
        "national": nat,
        "provinces": {},
        "prices.commodity": 0.0,  # a scenario's commodity path is about its own future years
        "others.window": list(window),
        "uncertainty.window": None,
        "sweep": None,
        "sensitivity": None,
    }
    if known is not None:  # another file: name the target by its code
        changes["target"] = full.regions.codes[scenario.target]
    return scenario.with_changes(changes, panel=panel)


def _coverage_hits(
    sc: Scenario, paths: int, rng: np.random.Generator, actual: IntArray, actual_share: FloatArray
) -> dict[tuple[str, float], np.ndarray]:
    """Per region, is the actual rank, and the actual share of total nominal GDP (a continuous
    quantity: ranks are integers and over-cover by construction), inside the central 50% / 80%
    Monte Carlo interval? Keys ("rank" | "level", level).

    Shocks come from the scenario's own uncertainty method (the one Monte Carlo uses)."""
    from sim.analyses.montecarlo import draw_paths

    proj = project(sc)
    draws = draw_paths(sc, rng)(paths)
    final = np.log(proj.levels[-1]) + draws.totals()  # (paths, N), relative to the target: shares hold
    ranks = rank_levels(final)
    top = final.max(axis=1, keepdims=True)
    log_share = final - top - np.log(np.exp(final - top).sum(axis=1, keepdims=True))
    hits: dict[tuple[str, float], np.ndarray] = {}
    hits[("pit", 0.0)] = (log_share < np.log(actual_share)).mean(axis=0)
    for level in COVERAGE_LEVELS:
        q = ((1 - level) / 2, 1 - (1 - level) / 2)
        lo, hi = np.quantile(ranks, q, axis=0, method="inverted_cdf")
        hits[("rank", level)] = (actual >= lo) & (actual <= hi)
        lo_s, hi_s = np.quantile(log_share, q, axis=0)
        hits[("level", level)] = (np.log(actual_share) >= lo_s) & (np.log(actual_share) <= hi_s)
    return hits


def backtest(
    scenario: Scenario,
    jump_offs: Sequence[int],
    horizon: int,
    *,
    national: NationalMode = "trailing",
    paths: int | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    progress: Callable[[int], None] | None = None,
    vintage: VintageMode = "final",
) -> BacktestResult:
    """Would the growth model have been right? Project from past jump-off years and compare.

    Parameters
    ----------
    scenario : Scenario
        Its growth model (others model, windows' length, half-life, uncertainty) is re-based at
        every jump-off on the data as known then; its province paths are dropped.
    jump_offs : sequence of int
        Jump-off years; those without ``horizon`` years of data after them are skipped.
    horizon : int
        Years ahead (1 and up).
    national : "trailing" or "actual"
        National growth: the 5-year trailing mean known at the jump-off, or the realised path.
    paths : int, optional
        Also a Monte Carlo of this many paths per jump-off (``seed`` or ``rng``), to report how
        often the actual rank fell inside the central 50 % and 80 % intervals.
    progress : callable, optional
        Called with 1 after each jump-off year.
    vintage : "final" or "as-published"
        Project from today's data, or from the data as published at each jump-off: the oldest
        bundled vintage that holds the jump-off year (:func:`sim.inputs.panel.vintage_names`;
        the bundled panel only). Outcomes are always today's data.

    Returns
    -------
    BacktestResult
        Predicted, naive ("ranks stay") and actual ranks ``(jump-offs, regions)`` and metrics.
    """
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise InputError(msg("backtest.horizon_whole", value=repr(horizon)), field="horizon")
    panel = scenario.panel
    usable = [int(b) for b in jump_offs if panel.first_year + 2 <= b and b + horizon <= panel.last_year]
    if not jump_offs:
        raise InputError(msg("backtest.no_jump_off"), field="jump_offs")
    longest = panel.last_year - panel.first_year - 2
    if horizon > longest:
        too_long = msg(
            "backtest.horizon_too_long",
            first=panel.first_year, last=panel.last_year, longest=longest, value=horizon,
        )  # fmt: skip
        raise InputError(too_long, field="horizon")
    if not usable:
        none = msg(
            "backtest.no_usable_jump_off", a=min(jump_offs), b=max(jump_offs), h=horizon,
            first=panel.first_year, last=panel.last_year,
        )  # fmt: skip
        raise InputError(none, field="jump_offs")
    generator, used = random_source(seed, rng) if paths else (None, None)
    sources = _published(panel, usable) if vintage == "as-published" else {}
    pred, naive, actual, naive_final = [], [], [], []
    shares: dict[str, list[FloatArray]] = {"pred": [], "actual": [], "naive": []}
    hits: dict[tuple[str, float], list[np.ndarray]] = {}
    levels = {id(p): measure_levels(p, scenario.measure) for p in [panel, *(v[1] for v in sources.values())]}

    def ranked(data: Panel, year: int) -> IntArray:  # ranks by the scenario's measure
        return rank_levels(levels[id(data)][data.year_index(year)])

    for b in usable:
        known = sources[b][1] if sources else panel
        sc = rebase(scenario, b, horizon, national, known)
        proj = project(sc)
        pred.append(proj.ranks[-1])
        shares["pred"].append(proj.levels[-1] / proj.levels[-1].sum())
        for key, data, year in (("actual", panel, b + horizon), ("naive", known, b)):
            level = levels[id(data)][data.year_index(year)]
            shares[key].append(level / level.sum())
        naive.append(ranked(known, b))
        naive_final.append(ranked(panel, b))
        act = ranked(panel, b + horizon)
        actual.append(act)
        if paths:
            assert generator is not None
            for which, hit in _coverage_hits(sc, paths, generator, act, shares["actual"][-1]).items():
                hits.setdefault(which, []).append(hit)
        if progress is not None:
            progress(1)
    coverage = {lv: float(np.mean(h)) for (kind, lv), h in hits.items() if kind == "rank"} if paths else None
    level = {lv: float(np.mean(h)) for (kind, lv), h in hits.items() if kind == "level"} if paths else None
    pit = np.array(hits.pop(("pit", 0.0))) if paths else None
    by_jump_off = {k: np.array(v) for k, v in hits.items()} if paths else None
    return BacktestResult(
        scenario,
        horizon,
        national,
        np.array(usable),
        np.array(pred),
        np.array(naive),
        np.array(actual),
        coverage,
        paths,
        used,
        np.array(shares["pred"]),
        np.array(shares["actual"]),
        np.array(shares["naive"]),
        level,
        by_jump_off,
        pit,
        vintage,
        tuple(sources[b][0] for b in usable) if sources else (),
        np.array(naive_final) if sources else None,
    )


def _published(panel: Panel, years: Sequence[int]) -> dict[int, tuple[str, Panel]]:
    """For each jump-off year, the oldest bundled vintage that holds it: (name, panel)."""
    from sim.inputs.panel import load_vintage, vintage_names

    if not panel.is_bundled_or_vintage:
        raise InputError(msg("backtest.vintages_provincial_only"), field="vintage")
    loaded = [(name, load_vintage(name)) for name in vintage_names()]
    for name, p in loaded:
        if p.regions.codes != panel.regions.codes:
            raise InputError(msg("backtest.vintage_order", name=name), field="vintage")
    return {b: next((n, p) for n, p in loaded if p.last_year >= b) for b in years}
