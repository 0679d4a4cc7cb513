"""Monte Carlo: how sure is the reach year? Shocks drawn from history, correlated across regions.

The deterministic projection is perturbed by resampled historical years of deviations
(``bootstrap``, default; whole years so cross-region correlation is kept), by a multivariate
normal with the shrunk sample covariance of the same deviations (``normal``), or not at all
(``none``). Randomness only through the ``rng`` passed in. Results are histograms of the
target's rank per year and of the reach year; no path is stored.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim._typing import BoolArray, FloatArray, IntArray
from sim.engine.projection import Projection, project
from sim.errors import InputError
from sim.inputs.panel import DEFAULT_WINDOW_YEARS, load_targets
from sim.inputs.params import Parameter
from sim.messages import msg
from sim.model.growth import cell_roles
from sim.model.plans import PlanRisk, plan_risk
from sim.model.record import BandSettings, record, scale_factors
from sim.model.scenario import Scenario
from sim.model.shocks import (
    DenseDraws,
    Draws,
    IndexedDraws,
    OffsetModel,
    ShockModel,
    national_error,
    shock_model,
)
from sim.provenance import Provenance, random_source
from sim.results import ResultView

QUANTILES = (0.1, 0.5, 0.9)
#: Paths per chunk: bounds memory (indices int16: chunk x years x 2 bytes).
CHUNK_PATHS = 1 << 17
#: Paths counted at once by the numpy twins (they hold paths x years x regions floats).
CHUNK_PATHS_NUMPY = 1 << 11
#: From this many paths on, the compiled kernels pay for importing numba; below, the twins.
COMPILED_FROM = 100_000


@dataclass(frozen=True, eq=False, repr=False)
class MonteCarloResult(ResultView):
    """Histograms of the target's rank by year and of the reach year over ``paths`` paths."""

    projection: Projection  # the deterministic run the shocks perturb
    paths: int
    method: str
    rank_counts: IntArray  # (T+1, N+1): paths with target rank r in each year (column 0 unused)
    reach_counts: IntArray  # (T+2,): paths first reaching in each year; last = never
    shrinkage: float | None = None  # normal method: shrinkage intensity toward the diagonal
    seed: int | str | None = None  # the seed that produced the draws, or "generator supplied"
    #: A target already inside in the base year: paths first leaving the threshold in each year
    #: ``(T+2,)`` (last = never); None otherwise.
    exit_counts: IntArray | None = None

    @property
    def inside_at_base(self) -> bool:
        """The target is within the threshold in the base year (so every path "reaches" then)."""
        return self.exit_counts is not None

    def stay_probability(self) -> FloatArray:
        """Share of paths within the threshold in every year up to each year, ``(T+1,)``
        (all zero when the target starts outside)."""
        if self.exit_counts is None:
            return np.zeros(self.years.size)
        return 1.0 - np.cumsum(self.exit_counts[:-1]) / self.paths

    def headline(self) -> str:
        """Paths, method, P(reach) by the horizon and the median reach year."""
        q = self.reach_year_quantiles((0.5,))[0.5]
        p = float(self.reach_probability()[-1])
        return (
            f"{self.paths:,} paths ({self.method}): P(reach by {self.scenario.horizon}) = {p:.1%}, "
            f"median reach year {q if q is not None else 'not by ' + str(self.scenario.horizon)}"
        )

    @property
    def scenario(self) -> Scenario:
        """The scenario of the deterministic projection."""
        return self.projection.scenario

    @property
    def years(self) -> IntArray:
        """``(T+1,)`` years, base year first."""
        return self.projection.years

    def reach_probability(self) -> FloatArray:
        """Share of paths with rank <= threshold in at least one year up to each year, ``(T+1,)``."""
        return np.cumsum(self.reach_counts[:-1]) / self.paths

    def in_band_probability(self) -> FloatArray:
        """Share of paths with rank <= threshold in each year itself, ``(T+1,)``."""
        return self.rank_counts[:, 1 : self.scenario.threshold_rank + 1].sum(axis=1) / self.paths

    def rank_probability(self) -> FloatArray:
        """P(target rank = r) per year, ``(T+1, N)`` with column r-1 for rank r."""
        return self.rank_counts[:, 1:] / self.paths

    def rank_probability_frame(self) -> pd.DataFrame:
        """:meth:`rank_probability` labelled: one row a year, one column a rank (1 = largest)."""
        p = self.rank_probability()
        return pd.DataFrame(p, index=pd.Index(self.years, name=names.YEAR),
                            columns=pd.Index(np.arange(1, p.shape[1] + 1), name=names.RANK))  # fmt: skip

    def rank_quantiles(self, qs: Sequence[float] = QUANTILES) -> IntArray:
        """Smallest rank r with P(rank <= r) >= q, per year: ``(T+1, len(qs))``."""
        cum = np.cumsum(self.rank_counts[:, 1:], axis=1) / self.paths
        return np.stack([1 + (cum < q - 1e-12).sum(axis=1) for q in qs], axis=1)

    def reach_year_quantiles(self, qs: Sequence[float] = QUANTILES) -> dict[float, int | None]:
        """Smallest year by which a share q of paths has reached; None if not by the horizon."""
        prob = self.reach_probability()
        out: dict[float, int | None] = {}
        for q in qs:
            hit = np.flatnonzero(prob >= q - 1e-12)
            out[q] = int(self.years[hit[0]]) if hit.size else None
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row a year (base year first): year, reach_probability, in_band_probability,
        rank_q10, rank_q50, rank_q90 (the target's rank quantiles)."""
        q = self.rank_quantiles((0.1, 0.5, 0.9))
        return pd.DataFrame(
            {
                names.YEAR: self.years,
                names.REACH_PROBABILITY: self.reach_probability(),
                names.IN_BAND_PROBABILITY: self.in_band_probability(),
                names.RANK_Q10: q[:, 0],
                names.RANK_Q50: q[:, 1],
                names.RANK_Q90: q[:, 2],
            },
            columns=list(names.MONTECARLO_COLUMNS),
        )

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): the target's reach and in-band
        probabilities and rank quantiles, one row a year and variable."""
        from sim.longformat import outcome_long, stack

        frame = self.to_frame()
        sc = self.scenario
        parts = []
        who = sc.panel.regions.en[sc.target]
        for col in frame.columns[1:]:
            parts.append(outcome_long(col, scenario=sc.name, region=who, year=frame[names.YEAR].to_numpy(),
                                      value=frame[col].to_numpy(dtype=float)))  # fmt: skip
        return stack(parts)

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim montecarlo --json`` document (projected years only)."""
        prov = provenance or self.scenario.provenance(seed=self.seed)
        years = [str(int(y)) for y in self.years[1:]]
        reach, band = self.reach_probability()[1:], self.in_band_probability()[1:]
        rq = self.rank_quantiles()[1:]
        return {
            "scenario": self.scenario.name,
            "paths": self.paths,
            "seed": prov.seed,
            "method": self.method,
            "threshold_rank": self.scenario.threshold_rank,
            "reach_probability": {y: round(float(p), 6) for y, p in zip(years, reach, strict=True)},
            "in_band_probability": {y: round(float(p), 6) for y, p in zip(years, band, strict=True)},
            "reach_year_quantiles": {str(q): v for q, v in self.reach_year_quantiles().items()},
            "target_rank_quantiles": {
                y: {str(q): int(r) for q, r in zip(QUANTILES, row, strict=True)}
                for y, row in zip(years, rq, strict=True)
            },
            "deterministic_reach_year": self.projection.reach_year,
            **self._stay_document(years),
            "provenance": prov.to_dict(),
        }

    def _stay_document(self, years: list[str]) -> dict[str, Any]:
        """For a target inside in the base year: P(inside every year through each year)."""
        if self.exit_counts is None:
            return {}
        stay = self.stay_probability()[1:]
        return {
            "inside_at_base": True,
            "stay_probability": {y: round(float(p), 6) for y, p in zip(years, stay, strict=True)},
            "deterministic_stays_until": self.projection.stays_until,
        }


def mirrored(draws: Draws) -> Draws:
    """The same draws with every relative shock negated: with the gaps negated too, the target's
    rank r becomes N + 1 - r, so "first year outside rank K" is "first year within rank N - K"
    of the mirrored problem, counted by the same kernels."""
    off = None if draws.offsets is None else draws.offsets.negated()
    if isinstance(draws, IndexedDraws):
        early = None if draws.early is None else -draws.early
        return dataclasses.replace(draws, table=-draws.table, offsets=off, early=early)
    return DenseDraws(-draws.values, draws.columns, draws.n_regions, off)


def scenario_shocks(scenario: Scenario) -> ShockModel:
    """The scenario's uncertainty method, fitted on its window, relative to the target."""
    u, g = scenario.uncertainty, scenario.growth
    return shock_model(
        scenario.panel,
        u.method,
        u.window,
        u.exclude_years,
        scenario.target,
        block=u.block,
        scale=u.scale,
        stationary=u.stationary,
        pinned=None if g.pinned_nominal is None else np.isfinite(g.pinned_nominal),
        per_head=scenario.per_capita,
        region_scale=region_scales(scenario),
    )


#: The last scenario whose region scales were worked out, and them (one run asks several times).
_LAST_SCALES: list[tuple[Scenario, FloatArray | None]] = []


def region_scales(scenario: Scenario) -> FloatArray | None:
    """Each region's factor on its own uncertainty ``(N,)`` (yearly shocks and spread draws) from
    its record up to the base year (its past errors over its worked-out bands, relative to all
    regions'; ``uncertainty.region_scale`` is the power, 0 = none), or None when the scenario
    uses the pooled scale for every region."""
    u = scenario.uncertainty
    if u.region_scale == 0 or u.method == "none":
        return None
    if _LAST_SCALES and _LAST_SCALES[0][0] is scenario:
        return _LAST_SCALES[0][1]
    scales = _region_scales(scenario)
    _LAST_SCALES[:] = [(scenario, scales)]
    return scales


def _region_scales(scenario: Scenario) -> FloatArray:
    u, o = scenario.uncertainty, scenario.others
    spreads = o.model != "national"
    bands = BandSettings(
        scale=u.scale,
        block=u.block if u.method == "bootstrap" else 1.0,
        stationary=u.stationary,
        parameter_scale=u.parameter_scale if (u.parameters and spreads) else 0.0,
        parameter_half_life=u.parameter_half_life,
    )
    length = o.window_length or DEFAULT_WINDOW_YEARS
    rec = record(scenario.panel, scenario.base_year, length, o.half_life, o.deflator_model, o.exclude_years,
                 bands=bands, spreads=spreads, cycle_weight=o.cycle_weight,
                 deflator_half_life=o.deflator_half_life)  # fmt: skip
    weight = scenario.growth.spread_weight
    return scale_factors(rec, np.ones(scenario.n_regions) if weight is None else weight, u.region_scale)


def scenario_offsets(scenario: Scenario, params: Sequence[Parameter] = ()) -> OffsetModel | None:
    """What each path draws once (the spreads' sampling error, the national path's error), or
    None when the scenario turns both off or draws no shocks (method ``none``).

    ``params``: the batch parameters set for the variant being run; which cells follow the
    nation or carry an estimated spread is decided from the variant (:func:`cell_roles`), so a
    parameter set in a batch and the same value written with ``with_changes`` draw alike."""
    u = scenario.uncertainty
    if u.method == "none" or not (u.parameters or u.national or u.plan_risk):
        return None
    return OffsetModel(
        plan=scenario_plan_risk(scenario) if u.plan_risk else None,
        record_applied=scenario.others.target_record,
        growth=scenario.growth,
        roles=cell_roles(scenario.growth, params),
        target=scenario.target,
        panel=scenario.panel,
        window=scenario.others.window,
        exclude_years=scenario.others.exclude_years,
        parameters=u.parameters and scenario.others.model != "national",
        national=national_error(scenario.panel, scenario.base_year) if u.national else None,
        parameter_scale=u.parameter_scale,
        parameter_half_life=u.parameter_half_life,
        region_scale=_draw_scales(scenario),
    )


def _draw_scales(scenario: Scenario) -> FloatArray | None:
    """Each region's factor on its spread draws ``(N,)``: its region scale times the square root
    of the share of its spread the growth model keeps, or None when both are 1 for every region.

    A kept share ``w`` is a shrinkage toward "shares stay": with the spread's estimate ``s = theta
    + e`` (sampling variance ``v``) and a prior centred on 0, the posterior mean is ``w * s`` and
    its variance ``w * v``, so a leaned spread draws ``sqrt(w)`` times its sampling error (not
    ``w`` times: leaning says the estimate is noisy, not that the region is surer)."""
    scales, weight = region_scales(scenario), scenario.growth.spread_weight
    if weight is None:
        return scales
    root = np.sqrt(weight)
    return root if scales is None else scales * root


def scenario_plan_risk(scenario: Scenario) -> PlanRisk:
    """The plan risk of the scenario: co-movement and the record of targets known at its base
    year (the panel's own targets file; none: co-movement only)."""
    targets = scenario.targets
    if targets is None and scenario.panel.scope.targets is not None:
        targets = load_targets(scenario.panel.scope.targets)
    return plan_risk(scenario.panel, targets, scenario.base_year)


def draw_paths(
    scenario: Scenario, rng: np.random.Generator, params: Sequence[Parameter] = ()
) -> Callable[[int], Draws]:
    """A function drawing ``m`` more paths of the uncertainty of ``scenario`` with ``params`` set
    (the offset table is drawn first, once, from ``rng``; then shocks and each path's offset row,
    chunk by chunk)."""
    model = scenario_shocks(scenario)
    offsets = scenario_offsets(scenario, params)
    table = None if offsets is None else offsets.draw(rng)
    years = scenario.horizon - scenario.base_year
    return lambda m: model.draw(rng, m, years, table)


def log_gaps(proj: Projection) -> FloatArray:
    """``ln Y_j - ln Y_target`` of the deterministic projection's ranked levels (GDP or GDP per
    head), ``(T+1, N)``."""
    log_y = np.log(proj.levels)
    return log_y - log_y[:, proj.target : proj.target + 1]


def candidates(
    gap0: FloatArray, rel: FloatArray, target: int | None, off: FloatArray | None = None
) -> tuple[IntArray, IntArray]:
    """Regions whose order with the target can change in some path, and the others' count ahead.

    After t shocked years the cumulative relative shock of region j is at most
    ``t * max_h |rel[h, j]|`` plus the largest path offset ``max_k |off[k, t, j]|``; where
    ``|gap0|`` exceeds that in every year, the order is fixed. The columns may be a block of the
    regions (``target``: the target's column among them, None when it is not one of them).
    """
    t = np.arange(gap0.shape[0])[:, None]
    bound = t * np.abs(rel).max(axis=0)[None, :] if rel.size else np.zeros_like(gap0)
    if off is not None:
        bound = bound + np.abs(off).max(axis=0)
    movable: BoolArray = np.asarray((np.abs(gap0) <= bound).any(axis=0))
    fixed = ~movable
    if target is not None:
        movable[target] = False
        fixed[target] = False
    fixed_ahead = ((gap0 > 0) & fixed[None, :]).sum(axis=1).astype(np.int64)
    return np.flatnonzero(movable).astype(np.int64), fixed_ahead


def _workers() -> int:
    import numba

    return max(1, int(numba.get_num_threads()))


def _ahead_in_blocks(draws: IndexedDraws, gap0: FloatArray, target: int, compiled: bool) -> IntArray:
    """Regions ahead of the target ``(P, T1)`` for every path and year, counted block of regions
    by block (:meth:`~sim.model.shocks.OffsetTable.blocks`): the offset table is never held
    whole. Compiled: only the block's candidates are tracked (the others counted once from
    ``gap0``), and the paths come in the order of their offset row (not as drawn: only
    histograms are made of them). Twin: every region, no pruning, paths as drawn."""
    from sim.engine.twins import ahead_numpy

    t1, n = gap0.shape
    p = draws.paths
    source = None if draws.offsets is None else draws.offsets.source
    oidx = draws.offsets.idx if draws.offsets is not None else np.zeros(p, dtype=np.int32)
    early = draws.early if draws.early is not None else np.zeros((0, *draws.table.shape))
    blocks = [slice(0, n)] if source is None else list(source.blocks())
    counts = np.zeros((p, t1), dtype=np.int32 if compiled else np.int64)
    if not compiled:
        rows = draws.rows_drawn()
        for cols in blocks:
            off = np.zeros((1, t1, cols.stop - cols.start)) if source is None else source.columns(cols)
            block_early = None if draws.early is None else early[:, :, cols]
            for lo in range(0, p, CHUNK_PATHS_NUMPY):  # the twin holds paths x years x regions
                hi = min(p, lo + CHUNK_PATHS_NUMPY)
                counts[lo:hi] += ahead_numpy(
                    gap0[:, cols], draws.table[:, cols], rows[lo:hi], off, oidx[lo:hi], block_early
                )
        return counts
    from sim.engine.kernels import count_ahead, offset_columns

    # Paths in the order of their offset row (a histogram does not depend on the order of
    # paths): a worker gathers each row of the offset table once for the paths drawing it.
    order = np.argsort(oidx, kind="stable")
    oidx, idx = oidx[order], draws.idx[order]
    if draws.cont is not None and draws.succ is not None:
        cont, succ = draws.cont[order], draws.succ
    else:  # fixed blocks: indices as drawn
        cont, succ = np.zeros((0, 0), dtype=bool), np.zeros(0, dtype=np.int16)
    bound = np.concatenate([draws.table, early.reshape(-1, draws.table.shape[1])])
    fixed_ahead = np.zeros(t1, dtype=np.int64)
    for cols in blocks:
        off = None if source is None else source.columns(cols, offset_columns)
        local = target - cols.start if cols.start <= target < cols.stop else None
        gaps = np.ascontiguousarray(gap0[:, cols])
        cand, fixed = candidates(gaps, bound[:, cols], local, off)
        fixed_ahead += fixed
        if not cand.size:
            continue
        if off is None:
            off = np.zeros((1, *gaps.shape))
        rel = np.ascontiguousarray(draws.table[:, cols])
        block_early = np.ascontiguousarray(early[:, :, cols])
        count_ahead(gaps, rel, block_early, idx, cont, succ, off, oidx, cand, counts, _workers())
    return counts + fixed_ahead[None, :]


def rank_histograms(
    draws: Draws, gap0: FloatArray, target: int, threshold: int, *, compiled: bool = True
) -> tuple[IntArray, IntArray]:
    """Target rank counts ``(T+1, N+1)`` and reach counts ``(T+2,)`` of a batch of drawn paths,
    by the compiled kernel for the draws' form or (``compiled=False``) its numpy twin."""
    from sim.engine.twins import rank_counts

    if isinstance(draws, IndexedDraws):
        return rank_counts(1 + _ahead_in_blocks(draws, gap0, target, compiled), gap0.shape[1], threshold)
    if not compiled and draws.paths > CHUNK_PATHS_NUMPY:  # the twins hold paths x years x regions
        parts = [
            rank_histograms(draws.rows(lo, lo + CHUNK_PATHS_NUMPY), gap0, target, threshold, compiled=False)
            for lo in range(0, draws.paths, CHUNK_PATHS_NUMPY)
        ]
        return sum(r for r, _ in parts), sum(c for _, c in parts)  # type: ignore[return-value]
    if draws.offsets is not None:
        off, oidx = draws.offsets.table, draws.offsets.idx
    else:
        off, oidx = np.zeros((1, *gap0.shape)), np.zeros(draws.paths, dtype=np.int32)
    fixed = np.ones(gap0.shape[1], dtype=bool)
    fixed[draws.columns] = False
    fixed[target] = False
    fixed_ahead = ((gap0 > 0) & fixed[None, :]).sum(axis=1).astype(np.int64)
    if not compiled:
        from sim.engine.twins import rank_hist_dense_numpy

        return rank_hist_dense_numpy(gap0, draws.values, off, oidx, draws.columns, fixed_ahead, threshold)
    from sim.engine.kernels import rank_hist_dense

    return rank_hist_dense(gap0, draws.values, off, oidx, draws.columns, fixed_ahead, threshold, _workers())


def simulate(
    scenario: Scenario,
    paths: int,
    *,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    chunk: int | None = None,
    compiled: bool | None = None,
    settings: Sequence[tuple[Parameter, float]] = (),
    progress: Callable[[int], None] | None = None,
) -> MonteCarloResult:
    """Run ``paths`` Monte Carlo paths of ``scenario``.

    Parameters
    ----------
    scenario : Scenario
    paths : int
        Number of simulated paths (at least 1).
    seed, rng : int or numpy.random.Generator, optional
        Where the random draws come from: give one, not both; with neither a fresh seed is drawn
        and recorded. The result records the seed (``result.seed``), or "generator supplied".
    settings : sequence of (Parameter, value), optional
        Growth parameters set or shifted for this run (one row of a design).

    ``compiled`` chooses the numba kernels or their numpy twins (default: the kernels from
    :data:`COMPILED_FROM` paths on, or once numba is loaded); ``chunk`` paths are drawn at a
    time. The draws, and so the result, are the same either way (tested).
    """
    if isinstance(paths, bool) or not isinstance(paths, int | np.integer) or paths < 1:
        raise InputError(msg("montecarlo.paths_whole", value=repr(paths)), field="paths")
    generator, used = random_source(seed, rng)
    proj = project(scenario, settings)
    scenario = proj.scenario  # with a threshold parameter applied
    model = scenario_shocks(scenario)
    draw = draw_paths(scenario, generator, [p for p, _ in settings])
    gap0 = log_gaps(proj)
    t1, n = gap0.shape
    ranks_total = np.zeros((t1, n + 1), dtype=np.int64)
    reach_total = np.zeros(t1 + 1, dtype=np.int64)
    if compiled is None:
        compiled = paths >= COMPILED_FROM or "numba" in sys.modules  # then the kernels are nearly free
    chunk = chunk or CHUNK_PATHS  # draws do not depend on which kernel counts them
    inside = int(proj.target_rank[0]) <= scenario.threshold_rank
    exit_total = np.zeros(t1 + 1, dtype=np.int64) if inside else None
    done = 0
    while done < paths:
        m = min(chunk, paths - done)
        draws = draw(m)
        r, c = rank_histograms(draws, gap0, scenario.target, scenario.threshold_rank, compiled=compiled)
        ranks_total += r
        reach_total += c
        if exit_total is not None:  # the same paths, mirrored: first year outside the threshold
            _, e = rank_histograms(
                mirrored(draws), -gap0, scenario.target, n - scenario.threshold_rank, compiled=compiled
            )
            exit_total += e
        done += m
        if progress is not None:
            progress(m)
    return MonteCarloResult(
        proj, int(paths), model.name, ranks_total, reach_total, model.shrinkage, used, exit_total
    )
