"""Historical deviations and the uncertainty methods that draw shocks from them.

Each method is a :class:`ShockModel` subclass registered in :data:`METHODS` under the name a
scenario's ``uncertainty.method`` uses; Monte Carlo and backtest coverage both ask
:func:`shock_model` for it, so they cannot diverge. A method draws shocks to every region's
nominal log growth *relative to a reference region* (the target): ranks depend only on
differences, and relative shocks keep the kernels small. Draws come in two forms the engine
knows: :class:`IndexedDraws` (rows of a table, for resampling) and :class:`DenseDraws`.
Adding a method is one class here plus its test.

A year's deviation of region ``i`` is what happened minus what the growth model says
(national + the region's mean spread), in log terms, for real growth and the deflator,
plus the national deviations (national growth minus its window mean). Resampling whole
years keeps the cross-region correlation and the coal-price co-movement of deflators.

Only years in which every region's real growth and deflator are defined are usable (the
2006 nominal splice drops out by itself).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, ClassVar

import numpy as np

from sim._typing import BoolArray, FloatArray, IntArray
from sim.errors import ScenarioError
from sim.inputs.panel import Panel
from sim.messages import msg
from sim.model.growth import CellRoles, GrowthModel, decay_factors
from sim.model.plans import PlanRisk
from sim.model.population import national_log_population


@dataclass(frozen=True)
class Deviations:
    """Historical deviations by year: ``(H, N)`` arrays and ``(H,)`` national ones."""

    years: IntArray
    real: FloatArray  # region real log growth minus national, minus its window mean
    deflator: FloatArray
    national_real: FloatArray  # national log growth minus its window mean
    national_deflator: FloatArray
    population: FloatArray | None = None  # region population log growth minus national, minus its mean

    @property
    def nominal(self) -> FloatArray:
        """Total nominal log-growth shock of every region per historical year, ``(H, N)``."""
        return self.real + self.deflator + (self.national_real + self.national_deflator)[:, None]

    @property
    def per_head(self) -> FloatArray:
        """Shock to the log growth of GDP per head, ``(H, N)``: the nominal shock minus the same
        year's population deviation (the national population's is common to all and cancels in
        ranks). A year without a usable population change (a census break) counts as none."""
        if self.population is None:
            return self.nominal
        return self.nominal - self.population

    def __len__(self) -> int:
        return int(self.years.size)


def deviations(panel: Panel, window: tuple[int, int], exclude_years: tuple[int, ...] = ()) -> Deviations:
    """Deviations of every usable year in ``window`` (inclusive), minus ``exclude_years``."""
    years = panel.years
    nat = panel.national
    use = (years >= window[0]) & (years <= window[1]) & ~np.isin(years, exclude_years)
    use &= np.isfinite(panel.log_deflator).all(axis=1) & np.isfinite(nat.log_deflator)
    if use.sum() < 2:
        raise ScenarioError(
            msg("shocks.too_few_years", first=window[0], last=window[1]), field="uncertainty.window"
        )
    rel_r = panel.log_real[use] - nat.log_real[use, None]
    rel_d = panel.log_deflator[use] - nat.log_deflator[use, None]
    nat_r, nat_d = nat.log_real[use], nat.log_deflator[use]
    return Deviations(
        years=years[use],
        real=rel_r - rel_r.mean(axis=0),
        deflator=rel_d - rel_d.mean(axis=0),
        national_real=nat_r - nat_r.mean(),
        national_deflator=nat_d - nat_d.mean(),
        population=_population_deviations(panel, use),
    )


def _population_deviations(panel: Panel, use: BoolArray) -> FloatArray:
    """Each region's population log growth over the nation's in the ``use`` years, minus its
    mean there, ``(H, N)``; 0 where the change is unusable (missing, census break)."""
    rel = panel.log_population[use] - national_log_population(panel)[use, None]
    ok = np.isfinite(rel)
    count = ok.sum(axis=0)
    mean = np.divide(np.where(ok, rel, 0.0).sum(axis=0), count, out=np.zeros(rel.shape[1]), where=count > 0)
    return np.where(ok, rel - mean, 0.0)


def bootstrap_indices(
    rng: np.random.Generator,
    n_years: int,
    paths: int,
    horizon: int,
    block: int = 1,
    *,
    years: IntArray | None = None,
    stationary: bool = False,
) -> np.ndarray:
    """Indices of historical years for every path and projected year, ``(paths, horizon)``.

    Circular blocks (Politis & Romano; arch's ``CircularBlockBootstrap`` and
    ``StationaryBootstrap``): a block starts at a uniformly drawn year and continues with the next
    year, wrapping from the last year of a run of consecutive years back to its first
    (:func:`successors`), so every historical year is drawn equally often in every projected year
    and the drawn deviations are mean-zero. Fixed blocks of ``block`` years (default), or, with
    ``stationary``, random lengths (geometric with mean ``block``: each year continues the block
    with probability ``1 - 1/block``). With ``years`` (the historical years of the rows), runs
    are split where a year is missing (excluded or unusable). dtype int16.
    """
    block = max(1, min(block, n_years))
    ys = np.arange(n_years) if years is None else np.asarray(years)
    succ = successors(ys)
    if stationary:
        return resolve_stationary(*stationary_draw(rng, n_years, paths, horizon, block), succ)
    if block == 1:
        return rng.integers(0, n_years, size=(paths, horizon), dtype=np.int16)
    n_blocks = -(-horizon // block)
    starts = rng.integers(0, n_years, size=(paths, n_blocks), dtype=np.int16)
    ahead = np.empty((block, n_years), dtype=np.int16)  # row k: succ applied k times
    ahead[0] = np.arange(n_years, dtype=np.int16)
    for k in range(1, block):
        ahead[k] = succ[ahead[k - 1]]
    rows = ahead[:, starts].transpose(1, 2, 0).reshape(paths, -1)
    return np.ascontiguousarray(rows[:, :horizon])


def successors(years: IntArray) -> np.ndarray:
    """Row of the year that follows each row in a circular block: the next row where it is the
    next year, else the first row of the run of consecutive years it ends (wrap-around), so the
    successor map is a permutation and uniform draws stay uniform."""
    ys = np.asarray(years)
    out = np.empty(ys.size, dtype=np.int16)
    first = 0
    for i in range(ys.size):
        if i + 1 < ys.size and ys[i + 1] == ys[i] + 1:
            out[i] = i + 1
        else:  # the end of a run: wrap to its first row
            out[i] = first
            first = i + 1
    return out


def stationary_draw(
    rng: np.random.Generator, n_years: int, paths: int, horizon: int, block: float
) -> tuple[np.ndarray, np.ndarray]:
    """The random part of a stationary bootstrap: a new start for every path and year ``(P, T)``
    int16, and whether the year continues the block ``(P, T)`` bool (probability ``1 - 1/block``,
    in steps of 1/256: random bytes are the cheapest draw, and 256 steps are plenty)."""
    starts = rng.integers(0, n_years, size=(paths, horizon), dtype=np.int16)
    cut = np.uint8(min(255, round(256 * (1 - 1 / max(block, 1.0)))))
    cont = np.frombuffer(rng.bytes(paths * horizon), dtype=np.uint8).reshape(paths, horizon) < cut
    return starts, cont


def resolve_stationary(starts: np.ndarray, cont: np.ndarray, succ: np.ndarray) -> np.ndarray:
    """Historical rows of a stationary bootstrap ``(P, T)`` int16: year t continues the block
    (the row after year t-1's) where ``cont`` says so and that row follows (``succ >= 0``),
    else it is a new start. The compiled kernel does the same on the fly."""
    idx = starts.copy()
    for t in range(1, idx.shape[1]):
        nxt = succ[idx[:, t - 1]]
        go = cont[:, t] & (nxt >= 0)
        idx[go, t] = nxt[go]
    return idx


def shrunk_covariance(x: FloatArray) -> tuple[FloatArray, float]:
    """Covariance of the rows of ``x`` shrunk toward its diagonal (Schäfer-Strimmer intensity).

    Returns (covariance, intensity in [0, 1]). The intensity is the analytic optimum
    sum_{i!=j} Var(s_ij) / sum_{i!=j} s_ij^2 (Schäfer & Strimmer 2005, target "D").
    """
    h = x.shape[0]
    xc = x - x.mean(axis=0)
    w = xc[:, :, None] * xc[:, None, :]  # (H, N, N)
    s = w.sum(axis=0) / (h - 1)
    var_s = h / (h - 1) ** 3 * ((w - w.mean(axis=0)) ** 2).sum(axis=0)
    off = ~np.eye(x.shape[1], dtype=bool)
    denom = float((s[off] ** 2).sum())
    lam = float(np.clip(var_s[off].sum() / denom, 0.0, 1.0)) if denom > 0 else 1.0
    cov = s.copy()
    cov[off] *= 1.0 - lam
    return cov, lam


# --------------------------------------------------------------------------- draws


@dataclass(frozen=True)
class PathOffsets:
    """Per-path offsets of the log gaps: path p adds ``table[idx[p], t]`` in year t (base = 0).

    They carry what is drawn once per path rather than year by year: the estimated spreads'
    sampling error and the national path's error (see :class:`OffsetModel`). ``source`` computes
    any columns (regions) of the table, so the kernels need never hold all of it at once."""

    source: OffsetTable
    idx: np.ndarray  # (P,) int32 row of each path

    @property
    def table(self) -> FloatArray:
        """The whole table ``(K, T+1, N)``: cumulative log offsets relative to the target, row
        t=0 zero (memory: K x (T+1) x N floats; :meth:`OffsetTable.columns` gives a part)."""
        return self.source.full

    def final(self) -> FloatArray:
        """Offsets at the last projected year, ``(P, N)``."""
        return self.source.final()[self.idx]

    def rows(self, lo: int, hi: int) -> PathOffsets:
        """Paths ``lo`` to ``hi``."""
        return PathOffsets(self.source, self.idx[lo:hi])

    def negated(self) -> PathOffsets:
        """The same paths with every offset negated."""
        return PathOffsets(self.source.negated(), self.idx)


@dataclass(frozen=True)
class IndexedDraws:
    """Shocks as rows of a table: path p, projected year t gets ``table[idx[p, t]]``."""

    table: FloatArray  # (H, N) relative nominal log shocks per historical year
    idx: np.ndarray  # (P, T) int16; with ``cont``, the new-block starts
    offsets: PathOffsets | None = None
    cont: np.ndarray | None = None  # (P, T) bool: stationary blocks, the year continues the block
    succ: np.ndarray | None = None  # (H,) int16: the row after each row, -1 where none
    early: FloatArray | None = None  # (n, H, N): tables of the first n years (preliminary figures)

    @property
    def paths(self) -> int:
        """Number of paths P."""
        return int(self.idx.shape[0])

    def rows_drawn(self) -> np.ndarray:
        """Historical row of every path and year ``(P, T)`` (stationary blocks resolved)."""
        if self.cont is None:
            return self.idx
        assert self.succ is not None
        return resolve_stationary(self.idx, self.cont, self.succ)

    def yearly(self) -> FloatArray:
        """Relative shock of every path, year and region ``(P, T, N)`` (memory: P x T x N)."""
        rows = self.rows_drawn()
        out = self.table[rows]
        if self.early is not None:
            for t in range(min(self.early.shape[0], rows.shape[1])):
                out[:, t] = self.early[t][rows[:, t]]
        return out

    def totals(self) -> FloatArray:
        """Cumulative shock of every region at the last projected year, ``(P, N)``."""
        out = self.yearly().sum(axis=1)
        return out if self.offsets is None else out + self.offsets.final()

    def rows(self, lo: int, hi: int) -> IndexedDraws:
        """Paths ``lo`` to ``hi`` of these draws."""
        return IndexedDraws(
            self.table,
            self.idx[lo:hi],
            None if self.offsets is None else self.offsets.rows(lo, hi),
            None if self.cont is None else self.cont[lo:hi],
            self.succ,
            self.early,
        )


@dataclass(frozen=True)
class DenseDraws:
    """Explicit shocks of some regions (``columns``); the others get none."""

    values: FloatArray  # (P, T, J)
    columns: IntArray  # (J,) region indices
    n_regions: int
    offsets: PathOffsets | None = None

    @property
    def paths(self) -> int:
        """Number of paths P."""
        return int(self.values.shape[0])

    def totals(self) -> FloatArray:
        """Cumulative shock of every region at the last projected year, ``(P, N)``; 0 outside
        ``columns`` (but for the path offsets)."""
        out = np.zeros((self.paths, self.n_regions))
        out[:, self.columns] = self.values.sum(axis=1)
        return out if self.offsets is None else out + self.offsets.final()

    def rows(self, lo: int, hi: int) -> DenseDraws:
        """Paths ``lo`` to ``hi`` of these draws."""
        off = None if self.offsets is None else self.offsets.rows(lo, hi)
        return DenseDraws(self.values[lo:hi], self.columns, self.n_regions, off)


Draws = IndexedDraws | DenseDraws


# --------------------------------------------------------------------------- methods


def _pinned_tables(
    shock: FloatArray, reference: int, pinned: BoolArray | None, unpinned: FloatArray | None = None
) -> FloatArray | None:
    """Relative shock tables ``(n, H, N)`` of the first n projected years in which a preliminary
    figure pins some regions' nominal GDP (their shock is 0 there: the level is known), or None.
    ``unpinned`` ``(H, N)``: the part of the shock a preliminary GDP does not fix (population, when
    ranking by GDP per head), kept in pinned cells."""
    if pinned is None or not pinned.any():
        return None
    n = int(np.flatnonzero(pinned.any(axis=1)).max()) + 1
    out = np.empty((n, *shock.shape))
    for t in range(n):
        s = shock * ~pinned[t][None, :]
        if unpinned is not None:
            s = s + unpinned * pinned[t][None, :]
        out[t] = s - s[:, reference : reference + 1]
    return out


def _scaled(dev: Deviations, scale: float, region_scale: FloatArray | None, per_head: bool) -> FloatArray:
    """Shocks ``(H, N)`` of every historical year: the deviations times ``scale``; with
    ``region_scale`` ``(N,)``, each region's own deviation from the nation (real plus deflator)
    times its factor as well (the national part, common to all, is not rescaled, so it still
    cancels in the relative shocks)."""
    shock = dev.per_head if per_head else dev.nominal
    if region_scale is not None:
        shock = shock + (dev.real + dev.deflator) * (np.asarray(region_scale)[None, :] - 1.0)
    return shock * scale


class ShockModel(ABC):
    """An uncertainty method: draws relative shocks for ``paths`` paths of ``years`` years."""

    name: ClassVar[str]

    def __init__(
        self,
        deviations: Deviations,
        reference: int,
        *,
        block: int = 1,
        scale: float = 1.0,
        stationary: bool = False,
        pinned: BoolArray | None = None,
        per_head: bool = False,
        region_scale: FloatArray | None = None,
    ):
        shock = _scaled(deviations, scale, region_scale, per_head)
        self.deviations = deviations
        self.reference = reference
        self.block = block
        self.stationary = stationary
        self.scale = scale
        self.region_scale = region_scale
        self.relative = np.ascontiguousarray(shock - shock[:, reference : reference + 1])  # (H, N)
        population = deviations.population if per_head else None
        self.early = _pinned_tables(
            shock, reference, pinned, None if population is None else -population * scale
        )

    @property
    def shrinkage(self) -> float | None:
        """Shrinkage intensity of a covariance estimate, where the method has one."""
        return None

    def draw(
        self,
        rng: np.random.Generator,
        paths: int,
        years: int,
        offsets: OffsetTable | FloatArray | None = None,
    ) -> Draws:
        """Shocks for ``paths`` paths and ``years`` projected years; with an ``offsets`` table
        (:meth:`OffsetModel.draw`, or an array as :meth:`OffsetModel.table` gives), each path also
        gets one of its rows, drawn uniformly."""
        draws = self._draw(rng, paths, years)
        if offsets is None:
            return draws
        source = offsets if isinstance(offsets, OffsetTable) else OffsetTable.of(np.asarray(offsets))
        idx = rng.integers(0, source.rows, size=paths, dtype=np.int32)
        return replace(draws, offsets=PathOffsets(source, idx))

    @abstractmethod
    def _draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Year-by-year shocks for ``paths`` paths and ``years`` projected years."""


class Bootstrap(ShockModel):
    """Whole historical years (all regions together), in blocks of ``block`` consecutive years
    (random lengths with that mean when ``stationary``)."""

    name = "bootstrap"

    def _draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Block-bootstrap rows of the relative-shock table, indices ``(paths, years)`` (stationary:
        new starts and continuation flags, which the kernel resolves as it goes)."""
        n = self.relative.shape[0]
        if self.stationary and self.block > 1:
            starts, cont = stationary_draw(rng, n, paths, years, self.block)
            succ = successors(self.deviations.years)
            return IndexedDraws(self.relative, starts, None, cont, succ, self.early)
        idx = bootstrap_indices(rng, n, paths, years, self.block, years=self.deviations.years)
        return IndexedDraws(self.relative, idx, early=self.early)


class Normal(ShockModel):
    """Multivariate normal with the shrunk covariance of the historical relative deviations."""

    name = "normal"

    def __init__(self, deviations: Deviations, reference: int, **kw: Any):
        super().__init__(deviations, reference, **kw)
        n = self.relative.shape[1]
        self.columns = np.array([j for j in range(n) if j != reference], dtype=np.int64)
        cov, self._lam = shrunk_covariance(self.relative[:, self.columns])
        self.chol = np.linalg.cholesky(cov + 1e-12 * np.eye(self.columns.size))

    @property
    def shrinkage(self) -> float | None:
        """Shrinkage intensity toward the diagonal of the fitted covariance, in [0, 1]."""
        return self._lam

    def _draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Independent shocks per path and year, every region but the reference: ``(paths, years, N-1)``."""
        z = rng.standard_normal((paths, years, self.columns.size)) @ self.chol.T
        return DenseDraws(np.ascontiguousarray(z), self.columns, self.relative.shape[1])


class NoShocks(ShockModel):
    """No shocks: every path is the deterministic projection."""

    name = "none"

    def _draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Zero shocks (no columns): every path is the deterministic projection."""
        n = self.relative.shape[1]
        return DenseDraws(np.zeros((paths, years, 0)), np.zeros(0, dtype=np.int64), n)


#: Uncertainty methods by the name ``uncertainty.method`` uses.
METHODS: dict[str, type[ShockModel]] = {m.name: m for m in (Bootstrap, Normal, NoShocks)}


def shock_model(
    panel: Panel,
    method: str,
    window: tuple[int, int],
    exclude_years: tuple[int, ...],
    reference: int,
    *,
    block: int = 1,
    scale: float = 1.0,
    stationary: bool = False,
    pinned: BoolArray | None = None,
    per_head: bool = False,
    region_scale: FloatArray | None = None,
) -> ShockModel:
    """The uncertainty method ``method`` fitted on the panel's deviations in ``window``;
    ``pinned`` ``(T, N)``: cells whose nominal growth a preliminary figure fixes (no shock there;
    the bootstrap honours it, the normal method does not); with ``per_head``, shocks to GDP per
    head (population deviations drawn in the same whole years); ``region_scale`` ``(N,)``: each
    region's factor on its own deviations (:func:`sim.model.record.scale_factors`)."""
    if method == "none":
        n = panel.n_regions
        none = np.zeros((0, n))
        empty = Deviations(np.zeros(0, np.int64), none, none, np.zeros(0), np.zeros(0))
        return NoShocks(empty, reference)
    dev = deviations(panel, window, exclude_years)
    return METHODS[method](
        dev, reference, block=block, scale=scale, stationary=stationary, pinned=pinned, per_head=per_head,
        region_scale=region_scale,
    )  # fmt: skip


# --------------------------------------------------------------------------- per-path offsets

#: Rows of the offset table: each path picks one (parameter and national-path draws).
OFFSET_ROWS = 1024
#: Trailing years of the naive national forecast whose errors set the national-path dispersion.
NATIONAL_TRAILING_YEARS = 5
#: Horizons (years) over which those errors are measured.
NATIONAL_ERROR_HORIZONS = 10


@dataclass(frozen=True)
class NationalError:
    """Dispersion of national real log growth around a written path: a path-long shift with sd
    ``persistent`` plus independent yearly errors with sd ``yearly`` (log units)."""

    persistent: float
    yearly: float
    jump_offs: int  # jump-off years the fit used

    def to_dict(self) -> dict[str, float | int]:
        """Both sds in percentage points and the number of jump-offs."""
        return {
            "persistent_pp": round(100 * self.persistent, 3),
            "yearly_pp": round(100 * self.yearly, 3),
            "jump_offs": self.jump_offs,
        }


def national_error(panel: Panel, base: int) -> NationalError:
    """National forecast errors as the panel knew them at ``base``: fit to the national series' own
    errors, over its whole record (the bundled file goes back to 1978, so the fit sees the booms
    and slowdowns of four decades, not one slowdown).

    For every jump-off b whose outcome years are all <= ``base``, the error of the naive forecast
    (the trailing 5-year mean of national real log growth) over the next h years is
    ``mean(g[b+1..b+h]) - trailing mean``. Demeaned by horizon (the scenario's path, not the
    naive one, is the centre), its variance is ``persistent**2 + yearly**2 / h``; both are fitted
    by least squares over h = 1..10, weighted by the number of jump-offs, and kept >= 0.
    """
    nat = panel.national
    g, ys = nat.log_real, nat.years
    if nat.history_years is not None and nat.history_real_pct is not None:  # the file's whole record
        ys = np.union1d(nat.history_years, nat.years)
        g = np.full(ys.size, np.nan)
        g[np.searchsorted(ys, nat.history_years)] = np.log1p(nat.history_real_pct / 100.0)
        derived = np.searchsorted(ys, nat.years)  # the panel's years: derived where the file is empty
        g[derived] = np.where(np.isfinite(g[derived]), g[derived], nat.log_real)
    rows: list[tuple[float, float, float]] = []  # (1, 1/h, variance) with weight
    weights: list[float] = []
    used: set[int] = set()
    for h in range(1, NATIONAL_ERROR_HORIZONS + 1):
        errs = []
        for b in ys:
            i = int(b - ys[0])
            past = g[max(0, i - NATIONAL_TRAILING_YEARS + 1) : i + 1]
            ahead = g[i + 1 : i + h + 1]
            if b + h > base or past.size < NATIONAL_TRAILING_YEARS or ahead.size < h:
                continue
            if not (np.isfinite(past).all() and np.isfinite(ahead).all()):
                continue
            errs.append(float(ahead.mean() - past.mean()))
            used.add(int(b))
        if len(errs) >= 3:
            rows.append((1.0, 1.0 / h, float(np.var(errs, ddof=1))))
            weights.append(float(len(errs)))
    if len(rows) < 2:
        return NationalError(0.0, 0.0, len(used))
    a = np.array([[r[0], r[1]] for r in rows]) * np.sqrt(weights)[:, None]
    y = np.array([r[2] for r in rows]) * np.sqrt(weights)
    var_p, var_y = _nonnegative_lstsq(a, y)
    return NationalError(float(np.sqrt(var_p)), float(np.sqrt(var_y)), len(used))


def _nonnegative_lstsq(a: FloatArray, y: FloatArray) -> tuple[float, float]:
    """Least squares of ``y`` on the two columns of ``a`` with both coefficients >= 0 (the
    unconstrained fit, else the better one-column fit; scipy's nnls would import scipy.optimize)."""
    coef, *_ = np.linalg.lstsq(a, y, rcond=None)
    if (coef >= 0).all():
        return float(coef[0]), float(coef[1])
    fits = []
    for j in (0, 1):
        c = max(0.0, float(a[:, j] @ y) / float(a[:, j] @ a[:, j]))
        fits.append((float(((y - c * a[:, j]) ** 2).sum()), j, c))
    _, j, c = min(fits)
    return (c, 0.0) if j == 0 else (0.0, c)


def spread_resamples(
    panel: Panel, window: tuple[int, int], exclude_years: tuple[int, ...], rng: np.random.Generator, rows: int
) -> tuple[FloatArray, FloatArray]:
    """Sampling error of the estimated spreads: resample the estimation window's years (whole
    years, all regions together) ``rows`` times; each row's mean spread minus the estimate,
    ``(rows, N)`` for real growth and for the deflator (log units)."""
    years = panel.years
    use = (years >= window[0]) & (years <= window[1]) & ~np.isin(years, exclude_years)
    nat = panel.national
    out = []
    for x in (
        panel.log_real[use] - nat.log_real[use, None],
        panel.log_deflator[use] - nat.log_deflator[use, None],
    ):
        ok = np.isfinite(x)
        v = np.where(ok, x, 0.0)
        counts = rng.multinomial(x.shape[0], np.full(x.shape[0], 1.0 / x.shape[0]), size=rows).astype(float)
        n = counts @ ok
        mean = np.divide(counts @ v, n, out=np.zeros((rows, x.shape[1])), where=n > 0)
        point = np.divide(v.sum(axis=0), ok.sum(axis=0), out=np.zeros(x.shape[1]), where=ok.sum(axis=0) > 0)
        out.append(np.where(n > 0, mean - point, 0.0))
    return out[0], out[1]


@dataclass(frozen=True, kw_only=True)
class OffsetModel:
    """What each path draws once: the spreads' sampling error and the national path's error.

    * ``parameters``: the real and deflator spreads of every region the growth model estimates
      (cells following ``national + decay * spread``) are re-estimated on resampled window
      years; the difference, decaying with the parameter half-life (``parameter_half_life``, the
      spreads' half-life when None), accumulates over the projection (times
      each region's ``region_scale``, the factor its yearly shocks carry too).
    * ``national``: national real growth gets a path-long shift plus yearly errors
      (:func:`national_error`). It moves every cell that follows the national path (the model's
      and the leads); a path written in absolute terms (a plan, a target, a preliminary figure)
      does not move, so a weaker nation makes a fixed plan look stronger.

    :meth:`table` gives :data:`OFFSET_ROWS` joint draws as cumulative log-level offsets relative to
    the target; each Monte Carlo path picks a row.
    """

    growth: GrowthModel
    roles: CellRoles  # how each cell of the variant behaves (sim.model.growth.cell_roles)
    target: int
    panel: Panel
    window: tuple[int, int]
    exclude_years: tuple[int, ...]
    parameters: bool
    national: NationalError | None
    parameter_scale: float = 1.0
    parameter_half_life: float | None = None  # None: the growth model's half-life
    plan: PlanRisk | None = None  # written paths: response to the nation and persistent misses
    record_applied: bool = True  # announced targets already carry their mean miss (target_record)
    region_scale: FloatArray | None = None  # (N,) each region's factor on its spread draws

    def draw(self, rng: np.random.Generator, rows: int = OFFSET_ROWS) -> OffsetTable:
        """The random part of :meth:`table` (``(rows, N)`` and ``(rows, T)`` draws, in the order
        :meth:`table` makes them); the table's columns are computed from it when asked."""
        g, roles = self.growth, self.roles
        dr = dd = eta = miss = None
        if self.parameters:
            dr, dd = spread_resamples(self.panel, self.window, self.exclude_years, rng, rows)
        if self.national is not None and (self.national.persistent > 0 or self.national.yearly > 0):
            shift = rng.standard_normal((rows, 1)) * self.national.persistent
            eta = shift + rng.standard_normal((rows, g.years.size)) * self.national.yearly
        if self.plan is not None and roles.planned.any():
            miss = rng.standard_normal((rows, 1, g.n_regions)) * self.plan.miss_sd
        return OffsetTable(self, rows, dr, dd, eta, miss)

    def table(self, rng: np.random.Generator, rows: int = OFFSET_ROWS) -> FloatArray:
        """``(rows, T+1, N)`` offsets of the log gaps to the target (year 0 = base, zero)."""
        return self.draw(rng, rows).full


#: Offset-table cells (rows x years x regions) computed at once: bounds the memory of a table
#: (and of the kernels' gathered copy) whatever the number of regions.
OFFSET_BLOCK_CELLS = 1 << 21


@dataclass(frozen=True, eq=False)
class OffsetTable:
    """An offset table as drawn (:meth:`OffsetModel.draw`): its columns (regions) are computed on
    demand, so a table of 1,024 rows x years x 2,850 regions (400 MB) is never held at once.

    Every cell is computed by the same operations in the same order whichever columns are asked,
    so a column is bit-for-bit the same as in :attr:`full`."""

    model: OffsetModel | None
    rows: int
    spread_real: FloatArray | None = None  # (rows, N) resampled spread minus the estimate
    spread_deflator: FloatArray | None = None
    eta: FloatArray | None = None  # (rows, T) national path error
    miss: FloatArray | None = None  # (rows, 1, N) persistent plan miss
    negative: bool = False
    given: FloatArray | None = None  # a table given whole (:meth:`of`)

    @classmethod
    def of(cls, table: FloatArray) -> OffsetTable:
        """A table given as an array ``(K, T+1, N)``."""
        return cls(None, int(table.shape[0]), given=table)

    @property
    def shape(self) -> tuple[int, int, int]:
        """``(rows, T+1, N)``."""
        if self.given is not None:
            return self.given.shape  # type: ignore[return-value]
        assert self.model is not None
        g = self.model.growth
        return self.rows, g.years.size + 1, g.n_regions

    def negated(self) -> OffsetTable:
        """The table with every offset negated."""
        if self.given is not None:
            return OffsetTable.of(-self.given)
        return replace(self, negative=not self.negative)

    @cached_property
    def full(self) -> FloatArray:
        """The whole table ``(rows, T+1, N)``."""
        if self.given is not None:
            return self.given
        return self._computed(slice(None), None)

    def blocks(self, cells: int | None = None) -> Iterator[slice]:
        """Slices of consecutive columns with about ``cells`` cells each (default
        :data:`OFFSET_BLOCK_CELLS`)."""
        k, t1, n = self.shape
        step = max(1, (OFFSET_BLOCK_CELLS if cells is None else cells) // (k * t1))
        return (slice(lo, min(n, lo + step)) for lo in range(0, n, step))

    def final(self) -> FloatArray:
        """The last year's offsets ``(rows, N)``, computed block by block."""
        k, _, n = self.shape
        out = np.empty((k, n))
        for cols in self.blocks():
            out[:, cols] = self.columns(cols)[:, -1]
        return out

    def columns(self, cols: slice | IntArray, kernel: Callable[..., FloatArray] | None = None) -> FloatArray:
        """Columns ``cols`` of the table, ``(rows, T+1, J)`` (not to be written to); by ``kernel``
        (:func:`sim.engine.kernels.offset_columns`, the same numbers) when given. All of them
        (a table of one block: a province panel) are computed once, :attr:`full`."""
        if self.given is not None:
            return self.given[:, :, cols]
        n = self.shape[2]
        if isinstance(cols, slice) and range(*cols.indices(n)) == range(n):
            return self.full
        return self._computed(cols, kernel)

    def _computed(self, cols: slice | IntArray, kernel: Callable[..., FloatArray] | None) -> FloatArray:
        if kernel is not None:
            return kernel(*self.parts(cols))
        out = self._cumulative(cols)
        out -= self._target_column
        return np.negative(out, out=out) if self.negative else out

    @cached_property
    def _target_column(self) -> FloatArray:
        assert self.model is not None
        t = self.model.target
        return self._cumulative(slice(t, t + 1))

    def parts(self, cols: slice | IntArray) -> tuple[Any, ...]:
        """The arguments of :func:`sim.engine.kernels.offset_columns` for columns ``cols`` (a term
        not drawn as arrays of no rows)."""
        m = self.model
        assert m is not None
        g, roles = m.growth, m.roles
        t = g.years.size
        n = int(np.arange(g.n_regions)[cols].size)
        none_rn, none_tn = np.zeros((0, n)), np.zeros((0, n))
        dr = dd = none_rn
        decay, real_cells, defl_cells, scale = np.zeros(0), none_tn, none_tn, np.zeros(0)
        if self.spread_real is not None and self.spread_deflator is not None:
            dr = np.ascontiguousarray(self.spread_real[:, cols])
            dd = np.ascontiguousarray(self.spread_deflator[:, cols])
            hl = m.parameter_half_life if m.parameter_half_life is not None else g.half_life
            decay = decay_factors(g.years, g.base_year, hl) * m.parameter_scale
            real_cells, defl_cells = _mask(roles.estimated_real, cols), _mask(roles.estimated_deflator, cols)
            if m.region_scale is not None:
                scale = np.ascontiguousarray(np.asarray(m.region_scale, dtype=float)[cols])
        eta, follows = np.zeros((0, t)), none_tn
        if self.eta is not None:
            eta, follows = self.eta, _mask(roles.follows_nation, cols)
        miss, miss_mean, planned, beta, fixed = none_rn, none_tn, none_tn, np.zeros(0), none_tn
        if self.miss is not None:
            plan = m.plan
            assert plan is not None
            miss = np.ascontiguousarray(self.miss[:, 0, cols])
            miss_mean = np.where(roles.announced[:, cols] & m.record_applied, 0.0, plan.miss_mean[None, cols])
            planned, fixed = _mask(roles.planned, cols), _mask(roles.fixed_real, cols)
            beta = np.ascontiguousarray(np.asarray(plan.beta, dtype=float)[cols])
        target = np.ascontiguousarray(self._target_column[:, :, 0])
        return (n, dr, dd, decay, real_cells, defl_cells, scale, eta, follows, miss, miss_mean, planned, beta,
                fixed, target, self.negative)  # fmt: skip

    def _cumulative(self, cols: slice | IntArray) -> FloatArray:
        """Cumulative offsets ``(rows, T+1, J)`` of columns ``cols``, before the target's is taken
        off. Each cell gets exactly the operations, in the order, of the formula

            growth = 0 + decay * scale * (dr * real_cell + dd * deflator_cell) [* region_scale]
                       + eta * follows_nation
                       + (-(miss_mean + miss) * planned + eta * beta * fixed_real)
            offset[t] = growth[1] + ... + growth[t]   (offset[0] = 0)

        (a term only when it is drawn), evaluated in place, year by year for the sum, with the
        cell masks as 0/1 floats: what whole-array numpy operations on the (rows, T, N) table
        give, bit for bit, in a fraction of the time and memory."""
        m = self.model
        assert m is not None
        g, roles, rows = m.growth, m.roles, self.rows
        t = g.years.size
        n = np.arange(g.n_regions)[cols].size
        out = np.zeros((rows, t + 1, n))
        growth = out[:, 1:]
        tmp = np.empty((rows, t, n))
        if self.spread_real is not None and self.spread_deflator is not None:
            dr, dd = self.spread_real[:, cols], self.spread_deflator[:, cols]
            hl = m.parameter_half_life if m.parameter_half_life is not None else g.half_life
            decay = decay_factors(g.years, g.base_year, hl) * m.parameter_scale  # (T,)
            np.multiply(dr[:, None, :], _mask(roles.estimated_real, cols)[None], out=tmp)
            more = dd[:, None, :] * _mask(roles.estimated_deflator, cols)[None]
            tmp += more
            del more
            np.multiply(decay[None, :, None], tmp, out=tmp)
            if m.region_scale is not None:
                tmp *= m.region_scale[None, None, cols]
            growth += tmp
        if self.eta is not None:
            np.multiply(self.eta[:, :, None], _mask(roles.follows_nation, cols)[None], out=tmp)
            growth += tmp
        if self.miss is not None:
            growth += self._plan_offsets(cols, tmp)
        for year in range(2, t + 1):  # the running sum: offset[t] = offset[t - 1] + growth[t]
            np.add(out[:, year - 1], out[:, year], out=out[:, year])
        return out

    def _plan_offsets(self, cols: slice | IntArray, out: FloatArray) -> FloatArray:
        """``(rows, T, J)`` log growth added to planned cells, written into ``out``: ``beta * eta``
        where the plan is an absolute rate (a lead already moves with the nation), less a
        persistent miss drawn once per path, ``N(mean, sd^2)`` (mean 0 for an announced target
        whose record the path already carries)."""
        m = self.model
        assert m is not None and m.plan is not None and self.miss is not None
        plan, roles = m.plan, m.roles
        announced = roles.announced[:, cols] & m.record_applied
        mean = np.where(announced, 0.0, plan.miss_mean[None, cols])  # (T, J)
        np.add(mean[None], self.miss[:, :, cols], out=out)
        np.negative(out, out=out)
        out *= _mask(roles.planned, cols)[None]
        if self.eta is not None:
            beta_eta = self.eta[:, :, None] * plan.beta[None, None, cols]
            beta_eta *= _mask(roles.fixed_real, cols)[None]
            out += beta_eta
        return out


def _mask(cells: BoolArray, cols: slice | IntArray) -> FloatArray:
    """Columns of a ``(T, N)`` cell mask as 0/1 floats (a float times a bool is the float times
    1.0 or 0.0; a float mask spares numpy the cast in every operation)."""
    return np.ascontiguousarray(cells[:, cols], dtype=float)
